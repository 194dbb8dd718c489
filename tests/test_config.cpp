#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;

TEST_CASE("a missing config file gives defaults and no problem", "[config]") {
    TempDir dir;
    auto loaded = load_config(dir / "none.toml");
    CHECK_FALSE(loaded.file_found);
    CHECK(loaded.problems.empty());
    CHECK(loaded.config.font_size == Approx(17.0f));
}

TEST_CASE("the documented default config loads without a problem", "[config]") {
    auto loaded = load_config(MINGLE_SOURCE_DIR "/config/config.toml");
    CHECK(loaded.file_found);
    for (const auto& problem : loaded.problems) INFO(problem.describe());
    CHECK(loaded.problems.empty());
}

TEST_CASE("config values are read", "[config]") {
    auto loaded = load_config_text("[ui]\nlanguage = \"da\"\nfont_size = 20\nfont = \"/x.ttf\"\n", "c.toml");
    CHECK(loaded.problems.empty());
    CHECK(loaded.config.language == Language::Danish);
    CHECK(loaded.config.font_size == Approx(20.0f));
    CHECK(loaded.config.font_path == "/x.ttf");
}

TEST_CASE("the [me] table names the user for drafts, and a wrong value there says where", "[config]") {
    auto loaded = load_config_text("[me]\nname = \"Anne Jensen\"\npitch = \"Projektleder\"\nemail = 3\nage = 40\n", "c.toml");
    CHECK(loaded.config.me.name == "Anne Jensen");
    CHECK(loaded.config.me.pitch == "Projektleder");
    CHECK(loaded.config.me.email.empty());
    REQUIRE(loaded.problems.size() == 2);
    CHECK(loaded.problems[0].line == 4);
    CHECK_THAT(loaded.problems[0].message, Catch::Contains("me.email"));
    CHECK(loaded.problems[1].line == 5);
    CHECK_THAT(loaded.problems[1].message, Catch::Contains("me.age"));
}

TEST_CASE("a config that does not parse gives defaults and says where", "[config]") {
    auto loaded = load_config_text("[ui]\nlanguage = \"da\"\nfont_size = = 3\n", "/home/me/.config/mingle/config.toml");
    CHECK(loaded.config.language == default_config().language);  // nothing from the broken file is used
    REQUIRE(loaded.problems.size() == 1);
    const Error& problem = loaded.problems[0];
    CHECK(problem.file == "/home/me/.config/mingle/config.toml");
    CHECK(problem.line == 3);
    CHECK(problem.column > 0);
    CHECK_THAT(problem.describe(), Catch::StartsWith("/home/me/.config/mingle/config.toml:3:"));
}

TEST_CASE("a wrong value is reported with its line and the rest of the file still counts", "[config]") {
    auto loaded = load_config_text("[ui]\nlanguage = \"fr\"\nfont_size = 22\nfonts = 1\n", "c.toml");
    CHECK(loaded.config.font_size == Approx(22.0f));
    REQUIRE(loaded.problems.size() == 2);
    CHECK(loaded.problems[0].line == 2);
    CHECK_THAT(loaded.problems[0].message, Catch::Contains("\"da\" or \"en\""));
    CHECK(loaded.problems[1].line == 4);
    CHECK_THAT(loaded.problems[1].message, Catch::Contains("ui.fonts"));
}

TEST_CASE("saving the language keeps the rest of the file", "[config]") {
    TempDir dir;
    auto path = dir / "config.toml";
    mingle::testing::write_file(path, "# my settings\n[ui]\nlanguage = \"en\"  # chosen in the menu\nfont_size = 19\n");
    REQUIRE(save_language(path, Language::Danish).ok());
    std::string text = mingle::testing::read_file(path);
    CHECK(text == "# my settings\n[ui]\nlanguage = \"da\"  # chosen in the menu\nfont_size = 19\n");
    auto loaded = load_config(path);
    CHECK(loaded.config.language == Language::Danish);
    CHECK(loaded.config.font_size == Approx(19.0f));
}

TEST_CASE("saving the language adds it where it is missing", "[config]") {
    TempDir dir;
    auto with_table = dir / "a.toml";
    mingle::testing::write_file(with_table, "[ui]\nfont_size = 19\n");
    REQUIRE(save_language(with_table, Language::Danish).ok());
    CHECK(load_config(with_table).config.language == Language::Danish);
    CHECK(load_config(with_table).problems.empty());

    auto no_file = dir / "sub/new.toml";
    REQUIRE(save_language(no_file, Language::English).ok());
    CHECK(load_config(no_file).config.language == Language::English);
}

TEST_CASE("saving the language into a broken file changes nothing and says why", "[config]") {
    TempDir dir;
    auto path = dir / "broken.toml";
    mingle::testing::write_file(path, "[ui\nlanguage = \"en\"\n");
    auto saved = save_language(path, Language::Danish);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().line == 1);
    CHECK(mingle::testing::read_file(path) == "[ui\nlanguage = \"en\"\n");
}

TEST_CASE("letters beyond ASCII outside quotes are refused with the place, before toml++ sees them", "[config]") {
    // Found by fuzzing: Debian's toml++ 3.3.0 meets U+031C after a number with undefined behaviour.
    auto loaded = load_config_text("[ui]\nfont_size = 1\xcc\x9c\n", "c.toml");
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].line == 2);
    CHECK(loaded.problems[0].column == 14);
    CHECK_THAT(loaded.problems[0].message, Catch::Contains("quotes"));
    CHECK(loaded.config.font_size == Approx(17.0f));  // the defaults
    auto bare = load_config_text("[me]\nname = Søren\n", "c.toml");
    REQUIRE(bare.problems.size() == 1);
    CHECK(bare.problems[0].line == 2);
    // Inside strings and comments, and after a byte order mark, they are fine.
    auto fine = load_config_text("\xef\xbb\xbf# Søren's settings ✓\n[me]\nname = \"Søren \\\"Bæk\\\"\"\npitch = '''Ørsted\nÆble'''\n", "c.toml");
    CHECK(fine.problems.empty());
    CHECK(fine.config.me.name == "Søren \"Bæk\"");
    CHECK(fine.config.me.pitch == "Ørsted\nÆble");
}

TEST_CASE("a number where an integer belongs is refused, however large", "[config]") {
    // Found by fuzzing: a float of 4.77e79 converted to an integer is undefined behaviour.
    auto loaded = load_config_text("[reception]\nmorning_hour = 4_77E077\nmingle_minutes = 7.5\n", "c.toml");
    REQUIRE(loaded.problems.size() == 2);
    CHECK(loaded.problems[0].line == 2);
    CHECK(loaded.config.reception.morning_hour == 9);
    CHECK(loaded.config.reception.mingle_minutes == 7);
}
