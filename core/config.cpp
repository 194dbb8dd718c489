#include "config.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <toml++/toml.h>

#include "core/toml_guard.hpp"

namespace mingle {
namespace {

Error problem_at(const LoadedConfig& loaded, const toml::source_region& where, std::string message) {
    return make_error(std::move(message), loaded.path.string(), where.begin.line, where.begin.column);
}

void read_ui_table(const toml::table& ui, LoadedConfig& loaded) {
    for (const auto& [key, node] : ui) {
        if (key == "language") {
            auto code = node.value<std::string>();
            auto language = code ? parse_language(*code) : std::nullopt;
            if (language) loaded.config.language = *language;
            else loaded.problems.push_back(problem_at(loaded, node.source(),
                "ui.language must be \"da\" or \"en\"; using the default."));
        } else if (key == "font_size") {
            auto size = node.value<double>();
            if (size && *size >= 8.0 && *size <= 72.0) loaded.config.font_size = static_cast<float>(*size);
            else loaded.problems.push_back(problem_at(loaded, node.source(),
                "ui.font_size must be a number from 8 to 72; using the default."));
        } else if (key == "font") {
            if (auto path = node.value<std::string>()) loaded.config.font_path = *path;
            else loaded.problems.push_back(problem_at(loaded, node.source(),
                "ui.font must be a path in quotes; using DejaVu Sans."));
        } else {
            loaded.problems.push_back(problem_at(loaded, node.source(),
                "Unknown setting ui." + std::string(key.str()) + " is ignored."));
        }
    }
}

void read_me_table(const toml::table& me, LoadedConfig& loaded) {
    const std::pair<std::string_view, std::string Me::*> kFields[] = {
        {"name", &Me::name}, {"email", &Me::email}, {"cv_path", &Me::cv_path}, {"pitch", &Me::pitch}};
    for (const auto& [key, node] : me) {
        auto field = std::find_if(std::begin(kFields), std::end(kFields), [&, &key = key](const auto& f) { return f.first == key.str(); });
        if (field == std::end(kFields)) {
            loaded.problems.push_back(problem_at(loaded, node.source(),
                "Unknown setting me." + std::string(key.str()) + " is ignored."));
        } else if (auto text = node.value<std::string>()) {
            loaded.config.me.*(field->second) = *text;
        } else {
            loaded.problems.push_back(problem_at(loaded, node.source(),
                "me." + std::string(key.str()) + " must be text in quotes; it is ignored."));
        }
    }
}

// An integer setting, only when the file wrote an integer: toml++'s value<int64_t>() would convert a
// float such as 4.77e79 to an integer, which is undefined behaviour (found by fuzzing).
std::optional<std::int64_t> integer_of(const toml::node& node) {
    if (const auto* integer = node.as_integer()) return integer->get();
    return std::nullopt;
}

void read_reception_table(const toml::table& reception, LoadedConfig& loaded) {
    for (const auto& [key, node] : reception) {
        if (key == "morning_hour") {
            auto hour = integer_of(node);
            if (hour && *hour >= 0 && *hour <= 23) loaded.config.reception.morning_hour = static_cast<int>(*hour);
            else loaded.problems.push_back(problem_at(loaded, node.source(),
                "reception.morning_hour must be an hour from 0 to 23; using 9."));
        } else if (key == "mingle_minutes") {
            auto minutes = integer_of(node);
            if (minutes && *minutes >= 1 && *minutes <= 120) loaded.config.reception.mingle_minutes = static_cast<int>(*minutes);
            else loaded.problems.push_back(problem_at(loaded, node.source(),
                "reception.mingle_minutes must be a number of minutes from 1 to 120; using 7."));
        } else if (key == "text_scale") {
            auto scale = node.value<double>();
            if (scale && *scale >= 1.0 && *scale <= 4.0) loaded.config.reception.text_scale = static_cast<float>(*scale);
            else loaded.problems.push_back(problem_at(loaded, node.source(),
                "reception.text_scale must be a number from 1 to 4; using 2."));
        } else {
            loaded.problems.push_back(problem_at(loaded, node.source(),
                "Unknown setting reception." + std::string(key.str()) + " is ignored."));
        }
    }
}

void read_keep_in_touch_table(const toml::table& table, LoadedConfig& loaded) {
    const std::pair<std::string_view, int KeepInTouch::*> kCadences[] = {
        {"inner_days", &KeepInTouch::inner_days}, {"vip_days", &KeepInTouch::vip_days},
        {"good_days", &KeepInTouch::good_days},   {"card_days", &KeepInTouch::card_days}};
    for (const auto& [key, node] : table) {
        auto cadence = std::find_if(std::begin(kCadences), std::end(kCadences), [&, &key = key](const auto& c) { return c.first == key.str(); });
        if (cadence == std::end(kCadences)) {
            loaded.problems.push_back(problem_at(loaded, node.source(),
                "Unknown setting keep_in_touch." + std::string(key.str()) + " is ignored."));
            continue;
        }
        auto days = integer_of(node);
        if (days && *days >= 0 && *days <= 3650) loaded.config.keep_in_touch.*(cadence->second) = static_cast<int>(*days);
        else loaded.problems.push_back(problem_at(loaded, node.source(),
            "keep_in_touch." + std::string(key.str()) + " must be a number of days from 0 (never) to 3650; using the default."));
    }
}

void apply(const toml::table& root, LoadedConfig& loaded) {
    for (const auto& [key, node] : root) {
        if (key == "ui" && node.is_table()) {
            read_ui_table(*node.as_table(), loaded);
        } else if (key == "me" && node.is_table()) {
            read_me_table(*node.as_table(), loaded);
        } else if (key == "reception" && node.is_table()) {
            read_reception_table(*node.as_table(), loaded);
        } else if (key == "keep_in_touch" && node.is_table()) {
            read_keep_in_touch_table(*node.as_table(), loaded);
        } else {
            loaded.problems.push_back(problem_at(loaded, node.source(),
                "Unknown setting " + std::string(key.str()) + " is ignored."));
        }
    }
}

}  // namespace

Config default_config() {
    Config config;
    config.language = language_from_environment();
    return config;
}

LoadedConfig load_config_text(std::string_view toml_text, const std::filesystem::path& shown_as) {
    LoadedConfig loaded;
    loaded.config = default_config();
    loaded.path = shown_as;
    loaded.file_found = true;
    if (auto unsafe = non_ascii_outside_strings(toml_text, shown_as.string())) {
        loaded.problems.push_back(*unsafe);  // invalid TOML, and unsafe to hand to toml++
        return loaded;
    }
    try {
        toml::table root = toml::parse(toml_text, shown_as.string());
        apply(root, loaded);
        // toml++ walks tables in key order; report in the order of the file.
        std::stable_sort(loaded.problems.begin(), loaded.problems.end(),
                         [](const Error& a, const Error& b) { return a.line < b.line; });
    } catch (const toml::parse_error& error) {
        loaded.config = default_config();  // a file that does not parse contributes nothing
        loaded.problems.push_back(problem_at(loaded, error.source(),
            std::string(error.description()) + ". mingle runs on its defaults until this is fixed."));
    }
    return loaded;
}

LoadedConfig load_config(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        LoadedConfig loaded;
        loaded.config = default_config();
        loaded.path = path;
        std::error_code ignored;
        if (std::filesystem::exists(path, ignored))
            loaded.problems.push_back(make_error("Cannot read the config file; running on defaults.", path.string()));
        return loaded;
    }
    std::ostringstream contents;
    contents << file.rdbuf();
    return load_config_text(contents.str(), path);
}

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

}  // namespace

Status write_file_atomically(const std::filesystem::path& path, const std::string& contents) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    std::string temporary = path.string() + ".tmp";
    int fd = ::open(temporary.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return make_error("Cannot write this file; check that its folder is writable.", path.string());
    bool written = ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size());
    written = ::fsync(fd) == 0 && written;
    ::close(fd);
    if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::filesystem::remove(temporary, ec);
        return make_error("Cannot write this file (is the disk full?).", path.string());
    }
    return ok_status();
}


Status save_language(const std::filesystem::path& path, Language language) {
    std::string text;
    if (std::ifstream file(path, std::ios::binary); file) {
        std::ostringstream contents;
        contents << file.rdbuf();
        text = contents.str();
    }
    if (auto unsafe = non_ascii_outside_strings(text, path.string())) {
        unsafe->message = "The language was not saved: " + unsafe->message;
        return *unsafe;
    }
    toml::table root;
    try {
        root = toml::parse(text, path.string());
    } catch (const toml::parse_error& error) {
        return make_error("The language was not saved: the config file has an error (" + std::string(error.description()) +
                              "). Fix it first.",
                          path.string(), error.source().begin.line, error.source().begin.column);
    }
    const std::string value = "\"" + std::string(language_code(language)) + "\"";
    std::vector<std::string> lines = split_lines(text);
    const toml::table* ui = root["ui"].as_table();
    if (const toml::node* existing = ui ? ui->get("language") : nullptr) {
        std::size_t line = existing->source().begin.line;
        const std::regex kAssignment(R"re((language\s*=\s*)("[^"]*"|'[^']*'|[^\s#]+))re");
        if (line >= 1 && line <= lines.size() && std::regex_search(lines[line - 1], kAssignment)) {
            lines[line - 1] = std::regex_replace(lines[line - 1], kAssignment, "$1" + value,
                                                 std::regex_constants::format_first_only);
        } else {
            return make_error("The language was not saved: ui.language is written in a way mingle cannot edit. "
                              "Set it by hand.", path.string(), line);
        }
    } else if (ui && !ui->is_inline() && ui->source().begin.line >= 1 && ui->source().begin.line <= lines.size()) {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(ui->source().begin.line), "language = " + value);
    } else if (ui) {
        return make_error("The language was not saved: the [ui] table is written in a way mingle cannot edit. "
                          "Set ui.language by hand.", path.string());
    } else {
        if (!lines.empty() && !lines.back().empty()) lines.emplace_back();
        lines.emplace_back("[ui]");
        lines.emplace_back("language = " + value);
    }
    std::string updated;
    for (const auto& line : lines) updated += line + "\n";
    return write_file_atomically(path, updated);
}

}  // namespace mingle
