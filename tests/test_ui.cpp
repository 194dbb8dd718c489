// Headless GUI tests: they drive the real views with mouse and keys and check the database after.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "core/demo.hpp"
#include "core/events.hpp"
#include "core/people.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

using namespace mingle;
using mingle::testing::TempDir;
using mingle::testing::UiHarness;
namespace keys = mingle::testing::keys;

namespace {

app::AppOptions options_for(const TempDir& dir, bool demo) {
    app::AppOptions options;
    options.database_path = (dir / "mingle.db").string();
    options.config_path = (dir / "config.toml").string();
    options.seed_demo = demo;
    return options;
}

// A second connection, as another program would see the file.
std::int64_t count(const TempDir& dir, const std::string& sql) {
    auto db = storage::Database::open((dir / "mingle.db").string());
    REQUIRE(db.ok());
    SQLite::Statement query((*db)->sql(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

std::vector<std::pair<std::string, std::string>> details_of(const TempDir& dir, const std::string& email) {
    auto db = storage::Database::open((dir / "mingle.db").string());
    REQUIRE(db.ok());
    for (const auto& event : EventStore(**db).list())
        for (const auto& participant : PersonStore(**db).participants(event.id))
            if (participant.person.email == email) return participant_details(participant);
    FAIL("no participant " << email);
    return {};
}

std::string text_of(const TempDir& dir, const std::string& sql) {
    auto db = storage::Database::open((dir / "mingle.db").string());
    REQUIRE(db.ok());
    SQLite::Statement query((*db)->sql(), sql);
    return query.executeStep() ? query.getColumn(0).getString() : std::string("<no row>");
}

// Windows-1252, semicolons and CRLF: what Danish Excel writes for "CSV (semikolonsepareret)".
const std::string kDanishExcelCsv =
    "Fornavn;Efternavn;E-mail;Virksomhed;Stilling\r\n"
    "S\xF8ren;B\xE6k;soren@baek.dk;\xD8rsted A/S;Direkt\xF8r\r\n"
    "\xC5se;Kj\xE6r;ase@kjaer.dk;Vestas;HR-chef\r\n"
    "Mette;J\xF8rgensen;mette@j.dk;Energinet;Projektleder\r\n";

}  // namespace

TEST_CASE("the participants view shows the demo event and filters as the user types", "[ui]") {
    TempDir dir;
    UiHarness ui(options_for(dir, true));
    REQUIRE(ui.app().current_event());
    CHECK(ui.app().current_event()->name == kDemoEventName);
    CHECK(ui.app().participants().total() == 16);
    CHECK(ui.visible("participants.row:0"));

    ui.click("participants.search");
    ui.type("ørsted");
    CHECK(ui.app().participants().visible() == 1);
    CHECK(ui.app().participants().visible_row(0).person.last_name == "Østergaard");

    // Accents and case do not matter: "orsted" finds Ørsted too.
    ui.press('A', true);
    ui.press(keys::kBackspace);
    CHECK(ui.app().participants().visible() == 16);
    ui.type("ORSTED");
    CHECK(ui.app().participants().visible() == 1);

    ui.click("participants.row:0");
    CHECK(ui.visible("participants.details"));
}

TEST_CASE("Ctrl+F focuses the participant search from anywhere", "[ui]") {
    TempDir dir;
    UiHarness ui(options_for(dir, true));
    ui.app().show(app::ViewId::Import);
    ui.frame();
    ui.press('F', true);
    CHECK(ui.app().active_view() == app::ViewId::Participants);
    ui.type("vestas");
    CHECK(ui.app().participants().visible() == 1);
}

TEST_CASE("a new event is created from the keyboard and its goal is saved with every keystroke", "[ui]") {
    TempDir dir;
    {
        UiHarness ui(options_for(dir, false));
        CHECK(ui.app().events().empty());
        ui.press('N', true);
        ui.type("Netværksdag i Aarhus");
        ui.press(keys::kEnter);
        REQUIRE(ui.app().current_event());
        CHECK(ui.app().current_event()->name == "Netværksdag i Aarhus");
        CHECK(text_of(dir, "SELECT name FROM event") == "Netværksdag i Aarhus");

        ui.click("events.goal");
        ui.type("Find en mentor");
        // Committed while the field is still being edited: nothing to save, nothing to lose.
        CHECK(text_of(dir, "SELECT goal FROM event") == "Find en mentor");
        ui.type(" i energi");
        CHECK(text_of(dir, "SELECT goal FROM event") == "Find en mentor i energi");

        ui.click("events.date");
        ui.type("3.12.2026");
        CHECK(text_of(dir, "SELECT date FROM event") == "2026-12-03");
    }
    // The view is gone; the data is not.
    UiHarness again(options_for(dir, false));
    REQUIRE(again.app().current_event());
    CHECK(again.app().current_event()->goal == "Find en mentor i energi");
}

TEST_CASE("the import wizard previews a Danish Excel file, imports it in the background, and undoes it", "[ui]") {
    TempDir dir;
    auto csv = dir / "deltagere.csv";
    mingle::testing::write_file(csv, kDanishExcelCsv);
    UiHarness ui(options_for(dir, false));
    REQUIRE(EventStore(*ui.app().database()).create({"Energidag", "", "", ""}).ok());
    ui.app().events_changed();
    ui.frame();
    ui.click("events.item:Energidag");
    REQUIRE(ui.app().current_event());

    ui.press('I', true);
    REQUIRE(ui.app().active_view() == app::ViewId::Import);
    ui.click("import.path");
    ui.type(csv.string());
    ui.click("import.preview_file");
    REQUIRE(ui.visible("import.start"));
    CHECK_FALSE(ui.visible("import.error"));

    // The user decides "Stilling" is not a title here: keep it as a detail instead.
    ui.click("import.field:4");
    ui.click("import.field_option:detail");

    ui.click("import.start");
    REQUIRE(ui.frames_until([&] { return !ui.app().busy(); }));
    REQUIRE(ui.visible("import.undo"));

    CHECK(count(dir, "SELECT count(*) FROM participant") == 3);
    CHECK(text_of(dir, "SELECT company FROM person WHERE email = 'soren@baek.dk'") == "Ørsted A/S");
    CHECK(text_of(dir, "SELECT first_name || ' ' || last_name FROM person WHERE email = 'ase@kjaer.dk'") == "Åse Kjær");
    CHECK(text_of(dir, "SELECT title FROM person WHERE email = 'soren@baek.dk'").empty());
    CHECK(details_of(dir, "soren@baek.dk") == std::vector<std::pair<std::string, std::string>>{{"Stilling", "Direktør"}});
    CHECK(count(dir, "SELECT count(*) FROM column_mapping") == 1);  // the correction is remembered
    CHECK(ui.app().participants().total() == 3);

    ui.click("import.undo");
    ui.frame();
    ui.click("import.undo_confirm");
    CHECK(count(dir, "SELECT count(*) FROM participant") == 0);
    CHECK(count(dir, "SELECT count(*) FROM person") == 0);
    CHECK(ui.app().participants().total() == 0);
}

TEST_CASE("a remembered column choice is used for the next file with the same header", "[ui]") {
    TempDir dir;
    auto first = dir / "first.csv";
    auto second = dir / "second.csv";
    mingle::testing::write_file(first, kDanishExcelCsv);
    mingle::testing::write_file(second, "Fornavn;Efternavn;E-mail;Virksomhed;Stilling\r\nIda;Holm;ida@h.dk;DTU;Lektor\r\n");
    UiHarness ui(options_for(dir, false));
    REQUIRE(EventStore(*ui.app().database()).create({"Dag", "", "", ""}).ok());
    ui.app().events_changed();
    ui.frame(2);
    ui.app().open_file(first);
    ui.frame();
    ui.click("import.field:4");
    ui.click("import.field_option:ignore");
    ui.click("import.start");
    REQUIRE(ui.frames_until([&] { return !ui.app().busy(); }));

    ui.click("import.another");
    ui.app().open_file(second);
    ui.frame();
    ui.click("import.start");
    REQUIRE(ui.frames_until([&] { return !ui.app().busy(); }));
    CHECK(text_of(dir, "SELECT title FROM person WHERE email = 'ida@h.dk'").empty());
    CHECK(details_of(dir, "ida@h.dk").empty());
}

TEST_CASE("a broken file dropped on the window shows where it is broken and imports nothing", "[ui]") {
    TempDir dir;
    auto broken = dir / "broken.csv";
    mingle::testing::write_file(broken, "Name,Email\nMette Jensen,mette@x.dk\n\"Søren Bæk,soren@x.dk\nLars,l@x.dk\n");
    UiHarness ui(options_for(dir, true));
    std::int64_t people_before = count(dir, "SELECT count(*) FROM person");
    ui.app().open_file(broken);
    ui.frame();
    if (ui.visible("import.start")) {  // the quote may only be found when the whole file is read
        ui.click("import.start");
        REQUIRE(ui.frames_until([&] { return !ui.app().busy(); }));
    }
    REQUIRE(ui.visible("import.error"));
    CHECK(count(dir, "SELECT count(*) FROM person") == people_before);
}

TEST_CASE("pasted text is previewed and imported into a new event", "[ui]") {
    TempDir dir;
    UiHarness ui(options_for(dir, false));
    ui.app().show(app::ViewId::Import);
    ui.frame();
    ui.click("import.tab_paste");
    ui.click("import.paste_text");
    ui.type("Mette Jensen, Projektleder, Vestas\nSøren Bæk - Direktør - Ørsted A/S\n");
    ui.click("import.preview_paste");
    REQUIRE(ui.visible("import.start"));
    ui.click("import.new_event_name");
    ui.type("Reception");
    ui.click("import.start");
    REQUIRE(ui.frames_until([&] { return !ui.app().busy(); }));
    CHECK(count(dir, "SELECT count(*) FROM participant JOIN event ON event.id = event_id WHERE event.name = 'Reception'") == 2);
    CHECK(text_of(dir, "SELECT company FROM person WHERE last_name = 'Bæk'") == "Ørsted A/S");
    CHECK(text_of(dir, "SELECT title FROM person WHERE last_name = 'Jensen'") == "Projektleder");
}

TEST_CASE("a database that fails to read is reported and the app keeps running", "[ui]") {
    TempDir dir;
    {
        auto db = storage::Database::open((dir / "mingle.db").string());
        REQUIRE(db.ok());
        // Damage the schema the way a broken file or a foreign tool might.
        (*db)->sql().exec("ALTER TABLE import_batch DROP COLUMN columns");
        (*db)->sql().exec("INSERT INTO event(name) VALUES ('Broken')");
    }
    UiHarness ui(options_for(dir, false));
    ui.frame(3);
    REQUIRE_FALSE(ui.app().notices().empty());
    CHECK_THAT(ui.app().notices().front().text, Catch::Contains("columns"));
    // The rest of the app still answers.
    ui.press('I', true);
    CHECK(ui.app().active_view() == app::ViewId::Import);
    CHECK(ui.visible("import.path"));
}
