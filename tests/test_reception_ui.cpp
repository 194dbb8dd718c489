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
        // The demo has met Mette and Søren already: it opens on the first central target not met, Åse.
        CHECK(app.met().size() == 2);
        CHECK(first_name_of(app, app.focused_person()) == "Åse");
        ui.press('N');  // the next one not met
        CHECK(first_name_of(app, app.focused_person()) == "Frederik");
        ui.press(keys::kDown);
        CHECK(first_name_of(app, app.focused_person()) == "Zoë");
        ui.press(keys::kUp);
        ui.press('M');  // met Frederik
        CHECK(app.met().size() == 3);

        ui.press('C');
        ui.type("send mit CV fredag");
        ui.press(keys::kEnter);
        ui.press(kF2);  // they promised
        ui.type("sender rapporten i morgen");
        ui.press(keys::kEnter);
        ui.press(keys::kEscape);  // out of the field

        ui.press('N');
        CHECK(first_name_of(app, app.focused_person()) == "Åse");
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
    CHECK(query_text(dir, "SELECT count(*) FROM meeting m JOIN person p ON p.id = m.person_id "
                          "WHERE p.first_name = 'Frederik'") == "1");
    CHECK(query_text(dir, "SELECT p.first_name || '|' || by_me || '|' || due FROM promise pr JOIN person p "
                          "ON p.id = pr.person_id WHERE text = 'send mit CV'") ==
          "Frederik|1|" + format_due(*parse_due("fredag", now, 8)));
    CHECK(query_text(dir, "SELECT p.first_name || '|' || by_me || '|' || due FROM promise pr JOIN person p "
                          "ON p.id = pr.person_id WHERE text = 'sender rapporten'") ==
          "Frederik|0|" + format_due(*parse_due("i morgen", now, 8)));
    CHECK(query_text(dir, "SELECT p.company || '|' || pa.ticket_type FROM person p JOIN participant pa ON pa.person_id = p.id "
                          "WHERE p.first_name = 'Jens'") == "Maersk|walk-in");
    CHECK(query_text(dir, "SELECT count(*) FROM meeting m JOIN event e ON e.id = m.event_id "
                          "WHERE e.name LIKE 'Grøn%'") == "4");  // the demo's two, Frederik, and the walk-in
}

TEST_CASE("glance view: after the mingle minutes, a calm reminder with an exit line, S silences it", "[ui][reception]") {
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

TEST_CASE("morning after: mark a promise kept, draft the thank-you with the CV, thank and rate", "[ui][followup]") {
    TempDir dir;
    mingle::testing::write_file(dir / "cv.pdf", std::string("%PDF-1.4 \x00\x01\xff my CV", 16));
    mingle::testing::write_file(dir / "config.toml", "[ui]\nlanguage = \"da\"\n[me]\nname = \"Anne Jensen\"\n"
                                                     "email = \"anne@example.dk\"\ncv_path = \"" +
                                                         (dir / "cv.pdf").string() + "\"\n");
    app::AppOptions options;
    options.database_path = (dir / "mingle.db").string();
    options.config_path = (dir / "config.toml").string();
    options.view = "followup";
    {
        UiHarness ui(options, 1280, 1200);
        app::App& app = ui.app();
        // The demo: Søren promised a report; the user promised Mette the CV.
        REQUIRE(app.morning_after().owed.size() == 2);
        ui.click("followup.draft:Send mit CV");
        ui.frame(2);
        ui.click("followup.save_eml");
        REQUIRE_FALSE(app.last_opened().empty());  // handed to the mail program
        const std::string eml = mingle::testing::read_file(app.last_opened());
        CHECK(eml.find("X-Unsent: 1") != std::string::npos);
        CHECK(eml.find("cv.pdf") != std::string::npos);
        CHECK(eml.find("anne@example.dk") != std::string::npos);
        ui.click("followup.close");

        // A promised introduction gets a three-way draft to both.
        {
            auto db = storage::Database::open((dir / "mingle.db").string());
            REQUIRE(db.ok());
            (*db)->sql().exec("INSERT INTO promise(event_id, person_id, by_me, text, due) SELECT e.id, p.id, 1, "
                              "'Introducere hende for Camilla', '2026-12-04T09:00' FROM event e, person p "
                              "WHERE e.name LIKE 'Grøn%' AND p.first_name = 'Mette'");
        }
        app.followups_changed();
        ui.frame(2);
        ui.click("followup.introduce:Introducere hende for Camilla");
        ui.frame(2);
        ui.click("followup.copy");
        const std::string introduction = ImGui::GetClipboardText();
        CHECK(introduction.find("Mette") != std::string::npos);
        CHECK(introduction.find("Camilla") != std::string::npos);
        ui.click("followup.close");

        ui.click("followup.done:Send mit CV");
        CHECK(app.morning_after().owed.size() == 2);  // the report, and the introduction
        ui.click("followup.thanked:Mette Østergaard");
        ui.click("tab.review");
        ui.click("review.rating.5");
    }
    CHECK(query_text(dir, "SELECT done_at IS NOT NULL FROM promise WHERE text = 'Send mit CV'") == "1");
    CHECK(query_text(dir, "SELECT thanked_at IS NOT NULL FROM meeting m JOIN person p ON p.id = m.person_id "
                          "JOIN event e ON e.id = m.event_id WHERE p.first_name = 'Mette' AND e.name LIKE 'Grøn%'") == "1");
    CHECK(query_text(dir, "SELECT rating FROM event WHERE name LIKE 'Grøn%'") == "5");
}
