// mingle: with a command, the command line; without one, the GUI.
#include <iostream>

#include "app/app.hpp"
#include "app/platform.hpp"
#include "core/cli/cli.hpp"
#include "core/paths.hpp"

namespace {

int run_gui(const mingle::cli::Options& options) {
    using namespace mingle;
    const bool screenshot = !options.screenshot_path.empty();
    app::App app({cli::database_path(options), cli::config_path(options), options.view, options.event, true});
    const Config& config = app.config().config;
    auto platform = app::Platform::create({"mingle", options.width, options.height, !screenshot, config.font_path,
                                           config.font_size, screenshot ? "" : paths::imgui_ini().string()});
    if (!platform.ok()) {
        std::cerr << "mingle: " << platform.error().describe() << "\n";
        return 1;
    }
    if (!options.open_path.empty()) app.open_file(options.open_path);
    if (!(*platform)->font_found())
        app.report(make_error("DejaVu Sans was not found; using ImGui's own font (install fonts-dejavu-core)."));
    if (screenshot) {
        auto written = (*platform)->screenshot(app, options.screenshot_path);
        if (!written.ok()) {
            std::cerr << "mingle: " << written.error().describe() << "\n";
            return 1;
        }
        return 0;
    }
    (*platform)->run(app);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    auto options = mingle::cli::parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!options.ok()) {
        std::cerr << options.error().message << "\n";
        return 2;
    }
    if (options->help) {
        std::cout << mingle::cli::usage();
        return 0;
    }
    if (options->version) {
        std::cout << "mingle " << MINGLE_VERSION << "\n";
        return 0;
    }
    if (!options->command.empty()) return mingle::cli::run(*options, std::cout, std::cerr);
    return run_gui(*options);
}
