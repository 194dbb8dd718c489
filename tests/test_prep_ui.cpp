// Headless GUI tests of the prep board and the rings: they drive the real views with mouse and
// keys, and check what the database holds afterwards, through a second connection.
#include <catch2/catch.hpp>

#include <filesystem>

#include <SQLiteCpp/Statement.h>

#include "core/prompts.hpp"

#include "test_support.hpp"
#include "ui_harness.hpp"

using namespace mingle;
using mingle::testing::TempDir;
using mingle::testing::UiHarness;
namespace keys = mingle::testing::keys;

namespace {

app::AppOptions prep_options(const TempDir& dir, const std::string& view = "prep") {
    app::AppOptions options;
    options.database_path = (dir / "mingle.db").string();
    options.config_path = (dir / "config.toml").string();
    options.view = view;
    return options;
}

std::string query_text(const TempDir& dir, const std::string& sql) {
    auto db = storage::Database::open((dir / "mingle.db").string());
    REQUIRE(db.ok());
    SQLite::Statement query((*db)->sql(), sql);
    return query.executeStep() ? query.getColumn(0).getString() : std::string("<no row>");
}

// The target row of the demo participant with this first name, as "circle|importance|ask|offer|nurture".
std::string target_row(const TempDir& dir, const std::string& first_name) {
    return query_text(dir, "SELECT t.circle || '|' || t.importance || '|' || t.ask || '|' || t.offer || '|' || t.nurture "
                           "FROM target t JOIN person p ON p.id = t.person_id WHERE p.first_name = '" + first_name + "'");
}

void click_with_ctrl(UiHarness& ui, std::string_view id) {
    ImGui::GetIO().KeyCtrl = true;
    ui.click(id);
    ImGui::GetIO().KeyCtrl = false;
}

}  // namespace

TEST_CASE("prep board: pick a target, set the circle and the plan, and it is all in the database", "[ui][prep]") {
    TempDir dir;
    {
        UiHarness ui(prep_options(dir));
        app::App& app = ui.app();
        // The demo's plan: three central, two inner, two outer.
        CHECK(app.target_counts().central == 3);
        CHECK(app.target_counts().outer == 2);
        const int without_plan = app.target_counts().without_plan;

        ui.click("prep.search");
        ui.type("Ida");
        ui.click("prep.pick:Ida Holm");
        ui.click("prep.add");
        CHECK(app.target_counts().outer == 3);
        CHECK(app.target_counts().without_plan == without_plan + 1);
        REQUIRE(app.focused_person());
        CHECK(app.person_file()->person.first_name == "Ida");

        ui.click("prep.circle.central");
        CHECK(app.target_counts().central == 4);
        CHECK(app.target_counts().outer == 2);
        ui.click("prep.importance.4");
        ui.click("prep.ask");
        ui.type("Hvem tager praktikanter?");
        ui.click("prep.offer");
        ui.type("Et frisk blik");
        ui.click("prep.nurture");
        ui.type("Send opgaven");
        CHECK(app.target_counts().without_plan == without_plan);

        // A sixth central target brings the gentle warning about the central five.
        ui.click("prep.search");
        ui.press(keys::kBackspace);
        ui.press(keys::kBackspace);
        ui.press(keys::kBackspace);
        ui.type("Katrine");
        ui.press(keys::kEnter);  // Enter in the search adds the first match
        ui.click("prep.circle.central");
        ui.click("prep.search");
        CHECK(app.target_counts().central == 5);
        // Removing a target by mistake is one click from undone, plan and all.
        ui.click("prep.target:Ida Holm");
        ui.click("prep.remove_target");
        CHECK(app.target_counts().central == 4);
        ui.click("prep.undo_remove");
        CHECK(app.target_counts().central == 5);
        ui.click("tab.participants");  // the board is closed
        CHECK_FALSE(ui.visible("prep.search"));
    }
    CHECK(target_row(dir, "Ida") == "central|4|Hvem tager praktikanter?|Et frisk blik|Send opgaven");
    CHECK(target_row(dir, "Katrine") == "central|3|||");
}

TEST_CASE("prep board: several participants at once with Ctrl+click, into the chosen circle", "[ui][prep]") {
    TempDir dir;
    {
        UiHarness ui(prep_options(dir));
        ui.click("prep.pick:Jørgen Dahl");
        click_with_ctrl(ui, "prep.pick:Rasmus Juel");
        click_with_ctrl(ui, "prep.pick:Ngozi Okafor");
        click_with_ctrl(ui, "prep.pick:Rasmus Juel");  // Ctrl+click again takes him out
        ui.click("prep.add_circle");
        ui.click("prep.add_circle.inner");
        ui.click("prep.add");
        CHECK(ui.app().target_counts().total() == 9);
    }
    CHECK(target_row(dir, "Jørgen") == "inner|3|||");
    CHECK(target_row(dir, "Ngozi") == "inner|3|||");
    CHECK(target_row(dir, "Rasmus") == "<no row>");
}

TEST_CASE("prep board: relationship, note and a door-opener's draft", "[ui][prep]") {
    TempDir dir;
    {
        // A tall screen, so the whole of Mette's file fits without scrolling.
        UiHarness ui(prep_options(dir), 1280, 1500);
        app::App& app = ui.app();
        // The board opens on the most important target, Mette; Camilla (VIP, here) can introduce.
        REQUIRE(app.person_file());
        CHECK(app.person_file()->person.first_name == "Mette");
        REQUIRE_FALSE(app.person_file()->door_openers.empty());
        CHECK(app.person_file()->door_openers.front().person.first_name == "Camilla");

        ui.click("prep.intro_draft:Camilla Waldstrøm");
        ui.frame(2);
        ui.click("prep.copy");
        std::string copied = ImGui::GetClipboardText();
        CHECK(copied.find("Camilla") != std::string::npos);
        CHECK(copied.find("Mette") != std::string::npos);
        CHECK(copied.find('{') == std::string::npos);

        ui.click("prep.note");
        ui.type("Vil gerne høre om havvind i Polen");
        ui.press(keys::kEnter);
        REQUIRE_FALSE(app.person_file()->notes.empty());
        CHECK(app.person_file()->notes.front().text == "Vil gerne høre om havvind i Polen");

        ui.click("prep.log_gave");
        CHECK(app.person_file()->balance.gave == 1);
        ui.click("prep.relation");
        ui.click("prep.relation.good");
        CHECK(app.person_file()->person.relation == Relation::Good);
        ui.click("prep.role");
        ui.click("prep.role.info");
    }
    CHECK(query_text(dir, "SELECT count(*) FROM note n JOIN person p ON p.id = n.person_id WHERE p.first_name = 'Mette' "
                          "AND n.text = 'Vil gerne høre om havvind i Polen'") == "1");
    CHECK(query_text(dir, "SELECT relation FROM person WHERE first_name = 'Mette'") == "good");
    CHECK(query_text(dir, "SELECT role FROM target t JOIN person p ON p.id = t.person_id WHERE p.first_name = 'Mette'") ==
          "info");
}

TEST_CASE("rings: a dot per target, clicking one shows the person, and opens the board", "[ui][rings]") {
    TempDir dir;
    UiHarness ui(prep_options(dir, "rings"));
    app::App& app = ui.app();
    for (const char* name : {"Mette Østergaard", "Søren Bæk", "Åse Kjær", "Frederik Lund", "Zoë Müller", "François Dvořák",
                             "Pernille Sørensen"})
        CHECK(ui.visible(std::string("rings.dot:") + name));
    // The central ones sit nearer the middle than the outer ones.
    auto mette = *app.probe().find("rings.dot:Mette Østergaard");
    auto pernille = *app.probe().find("rings.dot:Pernille Sørensen");
    auto frederik = *app.probe().find("rings.dot:Frederik Lund");
    auto canvas_center_distance = [&](const app::ProbeRect& a, const app::ProbeRect& b) {
        return std::hypot(a.center_x() - b.center_x(), a.center_y() - b.center_y());
    };
    CHECK(canvas_center_distance(mette, pernille) > 0);
    CHECK(frederik.max_x - frederik.min_x < mette.max_x - mette.min_x);  // importance 3 < 5: a smaller dot

    ui.click("rings.dot:Frederik Lund");
    REQUIRE(app.focused_person());
    CHECK(app.target(*app.focused_person())->person.first_name == "Frederik");
    // Frederik's best door-opener is Thomas (VIP, on the board of Energi Danmark with him).
    auto openers = app.best_door_openers();
    REQUIRE(openers.count(*app.focused_person()));
    CHECK(openers.at(*app.focused_person()).person.first_name == "Thomas");
    ui.click("rings.open_in_prep");
    CHECK(app.active_view() == app::ViewId::Prep);
    CHECK(app.person_file()->person.first_name == "Frederik");
}

TEST_CASE("prep board: the questions to ask, a new set, pin, asked, and the person's language", "[ui][prep][prompts]") {
    TempDir dir;
    mingle::testing::write_file(dir / "config.toml", "[ui]\nlanguage = \"da\"\n");  // the user speaks Danish
    {
        UiHarness ui(prep_options(dir), 1280, 1500);
        app::App& app = ui.app();
        REQUIRE(app.focused_person());
        const Id mette = *app.focused_person();
        REQUIRE(app.prompts_for(mette));
        auto first = *app.prompts_for(mette);
        REQUIRE(first.size() == 3);
        REQUIRE(ui.visible("prep.prompt:0"));
        CHECK(is_open_question(first[0].text, Language::Danish));

        ui.click("prep.new_set");
        auto second = *app.prompts_for(mette);
        REQUIRE(second.size() == 3);
        CHECK((second[0].text != first[0].text || second[1].text != first[1].text || second[2].text != first[2].text));

        ui.click("prep.prompt_pin:1");
        const std::string pinned_id = second[1].id;
        CHECK(app.prompts_for(mette)->front().id == pinned_id);
        ui.click("prep.new_set");
        CHECK(app.prompts_for(mette)->front().id == pinned_id);  // a pin survives a new set

        ui.click("prep.prompt_used:1");
        const std::string used_id = (*app.prompts_for(mette))[1].id;
        CHECK((*app.prompts_for(mette))[1].used);

        ui.click("prep.lang.en");
        const auto& english = *app.prompts_for(mette);
        REQUIRE_FALSE(english.empty());
        CHECK(is_open_question(english.back().text, Language::English));
        CHECK(query_text(dir, "SELECT language FROM person WHERE first_name = 'Mette'") == "en");
        CHECK(query_text(dir, "SELECT pinned FROM prompt_mark WHERE prompt_id = '" + pinned_id + "'") == "1");
        CHECK(query_text(dir, "SELECT used FROM prompt_mark WHERE prompt_id = '" + used_id + "'") == "1");
    }
}

TEST_CASE("question bank: add a prompt of your own, and it is offered, a closed question is refused", "[ui][prompts]") {
    TempDir dir;
    {
        UiHarness ui(prep_options(dir, "bank"), 1280, 1500);
        ui.click("bank.lang.en");
        ui.click("bank.kind:opener");
        ui.click("bank.new:opener");
        ui.type("Do you come here often?");
        ui.click("bank.add:opener");
        CHECK_FALSE(std::filesystem::exists(dir / "prompts.en.toml"));  // refused: not an open question
        ui.click("bank.new:opener");
        for (int i = 0; i < 24; ++i) ui.press(keys::kBackspace);
        ui.type("What made you say yes to tonight?");
        ui.press(keys::kEnter);
        REQUIRE(std::filesystem::exists(dir / "prompts.en.toml"));
        bool found = false;
        for (const auto& prompt : ui.app().question_bank(Language::English).prompts)
            found |= prompt.from_user && prompt.text == "What made you say yes to tonight?";
        CHECK(found);
        ui.click("bank.only_mine:opener");
        std::size_t openers = 0;
        for (const auto& prompt : ui.app().question_bank(Language::English).prompts)
            openers += prompt.kind == PromptKind::Opener;
        CHECK(openers == 1);
    }
    auto mine = read_user_bank(dir.path(), Language::English);
    REQUIRE(mine.ok());
    REQUIRE(mine->prompts.size() == 1);
    CHECK(mine->replaced == std::vector<PromptKind>{PromptKind::Opener});
}

TEST_CASE("prep board: export all about a person, then erase them after a confirmation", "[ui][privacy]") {
    TempDir dir;
    Id mette = 0;
    {
        UiHarness ui(prep_options(dir), 1280, 2000);
        app::App& app = ui.app();
        REQUIRE(app.focused_person());
        mette = *app.focused_person();
        ui.click("prep.export_person");
        const auto exported = dir / "exports" / ("person-" + std::to_string(mette) + ".json");
        REQUIRE(std::filesystem::exists(exported));
        CHECK((std::filesystem::status(exported).permissions() & std::filesystem::perms::all) ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
        CHECK(mingle::testing::read_file(exported).find("Østergaard") != std::string::npos);
        ui.click("prep.erase_person");
        ui.click("prep.erase_confirm");
        CHECK_FALSE(app.is_target(mette));
        // The export just written still holds her: the notice names it, for the user to delete.
        REQUIRE_FALSE(app.notices().empty());
        CHECK_THAT(app.notices().back().text, Catch::Contains("is erased") && Catch::Contains(exported.string()));
    }
    CHECK(query_text(dir, "SELECT count(*) FROM person WHERE first_name = 'Mette'") == "0");
    CHECK(query_text(dir, "SELECT count(*) FROM person WHERE first_name = 'Søren'") == "1");
}
