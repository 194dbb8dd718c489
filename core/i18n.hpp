// Interface language: Danish or English. Every user-visible UI string has both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mingle {

enum class Language { English, Danish };

std::string_view language_code(Language language);  // "en", "da"
std::optional<Language> parse_language(std::string_view code);
// "da" if the locale ($LC_ALL, $LC_MESSAGES, $LANG) is Danish, else English.
Language language_from_environment();

// Looks up UI strings by key ("events.title"). A missing key shows as the key itself, so a gap is
// visible on screen and caught by the test that every key has both languages.
class Translator {
public:
    explicit Translator(Language language);

    Language language() const { return language_; }
    const char* operator()(std::string_view key) const;

    // All keys with their English and Danish text, for tests and checks.
    struct Entry {
        std::string_view key;
        std::string_view english;
        std::string_view danish;
    };
    static std::vector<Entry> entries();

private:
    Language language_;
    std::unordered_map<std::string_view, const char*> strings_;
};

}  // namespace mingle
