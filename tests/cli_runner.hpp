// Runs the command line in-process, as main() does, with its output captured: for the CLI tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "core/cli/cli.hpp"
#include "test_support.hpp"

namespace mingle::testing {

struct CliRun {
    int status;
    std::string out;
    std::string err;
};

// `mingle --db DIR/mingle.db --config DIR/config.toml ARGUMENTS...` (the config need not exist:
// then the defaults count, not the config of whoever runs the tests).
inline CliRun run_cli(const TempDir& dir, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"--db", (dir / "mingle.db").string(), "--config", (dir / "config.toml").string()});
    auto options = cli::parse_options(arguments);
    if (!options.ok()) return {2, "", options.error().message};
    std::ostringstream out, err;
    int status = cli::run(*options, out, err);
    return {status, out.str(), err.str()};
}

}  // namespace mingle::testing
