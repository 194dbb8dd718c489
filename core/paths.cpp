#include "paths.hpp"

#include <cstdlib>
#include <fstream>
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

std::filesystem::path downloads_dir() {
    const char* home_value = std::getenv("HOME");
    std::filesystem::path home = home_value && home_value[0] ? home_value : std::filesystem::path("/");
    std::error_code ec;
    // user-dirs.dirs holds lines like XDG_DOWNLOAD_DIR="$HOME/Hentede filer".
    std::ifstream dirs(xdg_base("XDG_CONFIG_HOME", ".config") / "user-dirs.dirs");
    for (std::string line; std::getline(dirs, line);) {
        const std::string key = "XDG_DOWNLOAD_DIR=\"";
        if (line.rfind(key, 0) != 0 || line.size() < key.size() + 1 || line.back() != '"') continue;
        std::string value = line.substr(key.size(), line.size() - key.size() - 1);
        if (value.rfind("$HOME", 0) == 0) value = home.string() + value.substr(5);
        if (std::filesystem::is_directory(value, ec)) return value;
    }
    if (std::filesystem::is_directory(home / "Downloads", ec)) return home / "Downloads";
    return home;
}

std::filesystem::path default_database() { return data_dir() / "mingle.db"; }
std::filesystem::path default_config() { return config_dir() / "config.toml"; }
std::filesystem::path imgui_ini() { return state_dir() / "imgui.ini"; }

}  // namespace mingle::paths
