#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/i18n.hpp"

using namespace mingle;

namespace {
std::vector<std::string> format_specifiers(std::string_view text) {
    std::vector<std::string> found;
    std::regex specifier("%[-+ #0]*[0-9]*(\\.[0-9]+)?(hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]");
    std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), specifier); it != std::sregex_iterator(); ++it)
        found.push_back(it->str());
    return found;
}
}  // namespace

TEST_CASE("every UI string exists in English and Danish with the same format specifiers", "[i18n]") {
    std::set<std::string_view> keys;
    for (const auto& entry : Translator::entries()) {
        INFO(entry.key);
        CHECK(keys.insert(entry.key).second);  // no key twice
        CHECK_FALSE(entry.english.empty());
        CHECK_FALSE(entry.danish.empty());
        CHECK(format_specifiers(entry.english) == format_specifiers(entry.danish));
    }
    CHECK(keys.size() > 50);
}

TEST_CASE("the translator gives the language's text, and the key for a missing one", "[i18n]") {
    Translator danish(Language::Danish);
    Translator english(Language::English);
    CHECK(std::string(danish("participants.title")) == "Deltagere");
    CHECK(std::string(english("participants.title")) == "Participants");
    CHECK(std::string(english("no.such.key")) == "no.such.key");
}

TEST_CASE("languages parse from codes", "[i18n]") {
    CHECK(parse_language("da") == Language::Danish);
    CHECK(parse_language("en") == Language::English);
    CHECK_FALSE(parse_language("fr"));
    CHECK(language_code(Language::Danish) == "da");
}
