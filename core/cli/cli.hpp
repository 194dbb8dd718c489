// The command line: `mingle [--db PATH] [--config PATH] COMMAND ...`. It mirrors what the GUI can
// do, for scripting and checks. With no command, main() opens the GUI instead.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace mingle::cli {

struct Options {
    std::string database_path;  // empty: the default in the XDG data directory
    std::string config_path;    // empty: the default in the XDG config directory
    bool help = false;
    bool version = false;

    // GUI only (no command): render one view to a PNG and exit.
    std::string screenshot_path;
    std::string view;           // events, import, participants
    std::string event;          // event to show, by name
    std::string open_path;      // a participant file to preview for import at once
    int width = 1280;
    int height = 800;

    std::vector<std::string> command;  // the command and its arguments; empty: open the GUI
};

// Splits the arguments into global options and the command. --db and --config may stand before
// or after the command; the GUI options only where there is no command.
Result<Options> parse_options(const std::vector<std::string>& arguments);

std::string usage();

// Runs `options.command`, writing results to `out` and messages to `err`. Returns the exit status:
// 0 success, 1 failure (with a message), 2 wrong usage.
int run(const Options& options, std::ostream& out, std::ostream& err);

// The database path to use: --db, else the XDG default.
std::string database_path(const Options& options);
std::string config_path(const Options& options);

}  // namespace mingle::cli
