// The glance view, driven with keys only, as at a reception with a glass in one hand.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "core/due_dates.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

using namespace mingle;
using mingle::testing::TempDir;
using mingle::testing::UiHarness;
namespace keys = mingle::testing::keys;

namespace {

constexpr int kF2 = 291;

std::string query_text(const TempDir& dir, const std::string& sql) {
    auto db = storage::Database::open((dir / "mingle.db").string());
    REQUIRE(db.ok());
    SQLite::Statement query((*db)->sql(), sql);
    return query.executeStep() ? query.getColumn(0).getString() : std::string("<no row>");
}

std::string first_name_of(app::App& app, std::optional<Id> id) {
    REQUIRE(id);
    auto person = PersonMemory(*app.database()).get(*id);
    REQUIRE(person);
    return person->first_name;
}

}  // namespace

TEST_CASE("glance view with keys only: next, met, a promise with a due word, a walk-in", "[ui][reception]") {
    TempDir dir;
    mingle::testing::write_file(dir / "config.toml", "[ui]\nlanguage = \"da\"\n[reception]\nmorning_hour = 8\n");
    app::AppOptions options;
    options.database_path = (dir / "mingle.db").string();
    options.config_path = (dir / "config.toml").string();
    options.view = "reception";
    {
        UiHarness ui(options);
        app::App& app = ui.app();
        ui.frame(2);
        // It opens on the first central target not met: Mette.
        CHECK(first_name_of(app, app.focused_person()) == "Mette");
        ui.press('N');  // the next one not met
        CHECK(first_name_of(app, app.focused_person()) == "Søren");
        ui.press(keys::kDown);
        CHECK(first_name_of(app, app.focused_person()) == "Åse");
        ui.press(keys::kUp);
        ui.press('M');  // met Søren
        CHECK(app.met().size() == 1);

        ui.press('C');
        ui.type("send mit CV fredag");
        ui.press(keys::kEnter);
        ui.press(kF2);  // they promised
        ui.type("sender rapporten i morgen");
        ui.press(keys::kEnter);
        ui.press(keys::kEscape);  // out of the field

        ui.press('N');
        CHECK(first_name_of(app, app.focused_person()) == "Mette");
        ui.press('W');
        ui.type("Jens Hansen");
        ui.press(keys::kTab);
        ui.type("Maersk");
        ui.press(keys::kEnter);
        CHECK(first_name_of(app, app.focused_person()) == "Jens");
        ui.press(keys::kEscape);
        ui.press(keys::kEscape);  // leaves the reception
        CHECK(app.active_view() == app::ViewId::Prep);
    }
    const LocalDateTime now = local_now();
    CHECK(query_text(dir, "SELECT count(*) FROM meeting m JOIN person p ON p.id = m.person_id WHERE p.first_name = 'Søren'") ==
          "1");
    CHECK(query_text(dir, "SELECT text || '|' || by_me || '|' || due FROM promise WHERE by_me = 1") ==
          "send mit CV|1|" + format_due(*parse_due("fredag", now, 8)));
    CHECK(query_text(dir, "SELECT text || '|' || by_me || '|' || due FROM promise WHERE by_me = 0") ==
          "sender rapporten|0|" + format_due(*parse_due("i morgen", now, 8)));
    CHECK(query_text(dir, "SELECT p.company || '|' || pa.ticket_type FROM person p JOIN participant pa ON pa.person_id = p.id "
                          "WHERE p.first_name = 'Jens'") == "Maersk|walk-in");
    CHECK(query_text(dir, "SELECT count(*) FROM meeting") == "2");  // Søren, and the walk-in
}

TEST_CASE("glance view: after the mingle minutes, a calm reminder with an exit line; S silences it", "[ui][reception]") {
    TempDir dir;
    mingle::testing::write_file(dir / "config.toml", "[reception]\nmingle_minutes = 1\n");
    app::AppOptions options;
    options.database_path = (dir / "mingle.db").string();
    options.config_path = (dir / "config.toml").string();
    options.view = "reception";
    UiHarness ui(options);
    ui.frame(2);
    ui.press('M');  // met Mette: the conversation starts
    CHECK_FALSE(ui.visible("reception.reminder"));
    CHECK(ui.app().wake_in_seconds());  // the window wakes to move the timer
    ImGui::GetIO().DeltaTime = 61.0f;   // a minute passes
    ui.frame();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ui.frame(2);
    CHECK(ui.visible("reception.reminder"));
    ui.press('S');
    CHECK_FALSE(ui.visible("reception.reminder"));
}
