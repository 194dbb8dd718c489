// Where mingle keeps its files, after the XDG Base Directory specification.
#pragma once

#include <filesystem>

namespace mingle::paths {

std::filesystem::path data_dir();    // $XDG_DATA_HOME/mingle, else ~/.local/share/mingle
std::filesystem::path config_dir();  // $XDG_CONFIG_HOME/mingle, else ~/.config/mingle
std::filesystem::path state_dir();   // $XDG_STATE_HOME/mingle, else ~/.local/state/mingle

// Where the user's downloads go (XDG_DOWNLOAD_DIR from user-dirs.dirs, else ~/Downloads if it
// exists, else the home folder): where a freshly exported participant list usually is.
std::filesystem::path downloads_dir();

std::filesystem::path default_database();  // data_dir()/mingle.db
std::filesystem::path default_config();    // config_dir()/config.toml
std::filesystem::path imgui_ini();         // state_dir()/imgui.ini

}  // namespace mingle::paths
