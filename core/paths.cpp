#include "paths.hpp"

#include <cstdlib>
#include <string>

namespace mingle::paths {
namespace {

// The XDG variable if it holds an absolute path (the spec says to ignore relative ones), else
// $HOME/fallback; the current directory if there is no HOME at all.
std::filesystem::path xdg_base(const char* variable, const char* fallback_below_home) {
    if (const char* value = std::getenv(variable); value && value[0] == '/') return value;
    if (const char* home = std::getenv("HOME"); home && home[0] != '\0')
        return std::filesystem::path(home) / fallback_below_home;
    return std::filesystem::current_path();
}

}  // namespace

std::filesystem::path data_dir() { return xdg_base("XDG_DATA_HOME", ".local/share") / "mingle"; }
std::filesystem::path config_dir() { return xdg_base("XDG_CONFIG_HOME", ".config") / "mingle"; }
std::filesystem::path state_dir() { return xdg_base("XDG_STATE_HOME", ".local/state") / "mingle"; }

std::filesystem::path default_database() { return data_dir() / "mingle.db"; }
std::filesystem::path default_config() { return config_dir() / "config.toml"; }
std::filesystem::path imgui_ini() { return state_dir() / "imgui.ini"; }

}  // namespace mingle::paths
