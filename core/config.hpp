// User settings from $XDG_CONFIG_HOME/mingle/config.toml (documented default: config/config.toml).
// A broken file never stops mingle: it runs on defaults and reports what it could not use.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace mingle {

// The user, for drafts they send: [me] in the config.
struct Me {
    std::string name;
    std::string email;
    std::string cv_path;
    std::string pitch;  // a short self-introduction: goal and competences
};

// [reception] in the config.
struct ReceptionSettings {
    int morning_hour = 9;      // promises made tonight are due the next morning at this hour
    int mingle_minutes = 7;    // after this long with one person, a calm reminder to circulate
    float text_scale = 2.0f;   // the glance view's text, times the normal size (adjustable there)
};

// [keep_in_touch] in the config: how often to be in touch, per relationship, in days (0: never remind).
struct KeepInTouch {
    int inner_days = 14;
    int vip_days = 28;
    int good_days = 91;
    int card_days = 0;
};

struct Config {
    Language language = Language::English;
    Me me;
    ReceptionSettings reception;
    KeepInTouch keep_in_touch;
    float font_size = 17.0f;  // pixels at content scale 1
    std::string font_path;    // empty: DejaVu Sans from fonts-dejavu-core
};

struct LoadedConfig {
    Config config;
    std::filesystem::path path;
    bool file_found = false;
    std::vector<Error> problems;  // parse error or values that were ignored; each with line and column
};

// Defaults with the language taken from the environment.
Config default_config();

LoadedConfig load_config(const std::filesystem::path& path);
LoadedConfig load_config_text(std::string_view toml_text, const std::filesystem::path& shown_as);

// Writes a whole file next to the old one and renames it over, so a crash leaves one or the other.
Status write_file_atomically(const std::filesystem::path& path, const std::string& contents);

// Sets ui.language in the config file, keeping the rest of the file (comments too) as it is;
// creates the file if there is none.
Status save_language(const std::filesystem::path& path, Language language);

}  // namespace mingle
