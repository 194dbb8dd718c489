// The pocket card: a self-contained HTML page that escapes every value and fetches nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include <SQLiteCpp/Statement.h>

#include "core/demo.hpp"
#include "core/events.hpp"
#include "core/pocket_card.hpp"
#include "core/text.hpp"
#include "test_support.hpp"
#include "memory_db.hpp"

using namespace mingle;
using mingle::testing::memory_db;
using mingle::testing::TempDir;

namespace {

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// What the card must never contain, in any case: a script, a link out, a fetched style or font.
void check_self_contained(const std::string& html) {
    const std::string folded = lower(html);
    for (std::string_view forbidden : {"<script", "http://", "https://", "@import", "url(", "<img", "<link", "<iframe",
                                       "<a ", "javascript:", "@font-face"}) {
        INFO(forbidden);
        CHECK_FALSE(contains(folded, forbidden));
    }
    CHECK(contains(html, "<meta charset=\"utf-8\">"));
    CHECK(contains(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    CHECK(contains(html, "default-src 'none'"));
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(text::is_valid_utf8(html));
}

PocketTarget target(std::string name, std::string circle) {
    PocketTarget t;
    t.name = std::move(name);
    t.circle_key = std::move(circle);
    return t;
}

PocketCard hostile_card() {
    const std::string kHostile[] = {"<script>alert(1)</script>", "\"><img src=x onerror=1>", "&amp;", "O'Brien \"Bo\"",
                                    "Søren Ærø Åse 🍸"};
    PocketCard card;
    card.event_name = kHostile[0];
    card.date = kHostile[1];
    card.place = kHostile[2];
    card.goal = kHostile[3];
    PocketTarget t;
    t.name = kHostile[0];
    t.title = kHostile[1];
    t.company = kHostile[2];
    t.circle_key = "central";
    t.recognize = kHostile[3];
    t.ask = kHostile[4];
    t.offer = kHostile[1];
    t.prompts = {kHostile[0], kHostile[2]};
    t.door_openers = {kHostile[1], kHostile[4]};
    card.targets.push_back(t);
    card.targets.push_back(target(kHostile[4], kHostile[0]));  // a hostile circle key too
    return card;
}

}  // namespace

TEST_CASE("html_escape turns the five special characters into entities", "[pocket]") {
    CHECK(html_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f");
    CHECK(html_escape("&amp;") == "&amp;amp;");
    CHECK(html_escape("Søren Ærø 🍸 Łukasz") == "Søren Ærø 🍸 Łukasz");
    CHECK(html_escape("two\nlines\ttab") == "two\nlines\ttab");
    CHECK(html_escape(std::string("nul\0bell\x07", 9)) == "nul bell ");
    CHECK(html_escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");  // U+FFFD keeps the page valid UTF-8
    CHECK(html_escape("") == "");
}

TEST_CASE("hostile values appear on the card only escaped", "[pocket]") {
    for (Language language : {Language::English, Language::Danish}) {
        const std::string html = render_pocket_card(hostile_card(), language);
        check_self_contained(html);
        CHECK_FALSE(contains(html, "<script>alert(1)</script>"));
        CHECK_FALSE(contains(html, "\"><img"));
        CHECK_FALSE(contains(html, "O'Brien"));
        CHECK_FALSE(contains(html, "\"Bo\""));
        CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        CHECK(contains(html, "&quot;&gt;&lt;img src=x onerror=1&gt;"));
        CHECK(contains(html, "&amp;amp;"));
        CHECK(contains(html, "O&#39;Brien &quot;Bo&quot;"));
        CHECK(contains(html, "Søren Ærø Åse 🍸"));
        // The event name is escaped in the title as well as the heading.
        CHECK(contains(html, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    }
}

TEST_CASE("the card has the goal on top and the targets in circle order", "[pocket]") {
    PocketCard card;
    card.event_name = "Grøn omstilling";
    card.date = "2026-12-03";
    card.place = "Industriens Hus";
    card.goal = "Møde tre ledere i energisektoren.";
    card.targets = {target("Olga Outer", "outer"), target("Carl Central", "central"), target("Ivan Inner", "inner"),
                    target("Cora Central", "central"), target("Una Unknown", "nonsense")};
    card.targets[1].recognize = "Rødt tørklæde";
    card.targets[1].ask = "Hvordan rekrutterer I?";
    card.targets[1].offer = "Navne på projektledere";
    card.targets[1].prompts = {"Hvad bringer dig her?", "Hvordan kom du ind på området?"};
    card.targets[1].door_openers = {"Camilla Waldstrøm", "Jørgen Dahl"};
    card.targets[1].title = "Direktør";
    card.targets[1].company = "Vestas";

    const std::string danish = render_pocket_card(card, Language::Danish);
    check_self_contained(danish);
    CHECK(contains(danish, "<html lang=\"da\">"));
    const auto at = [&](std::string_view s) {
        std::size_t position = danish.find(s);
        INFO(s);
        REQUIRE(position != std::string::npos);
        return position;
    };
    CHECK(at("Grøn omstilling</h1>") < at("Mål"));
    CHECK(at("torsdag den 3. december 2026 · Industriens Hus") < at("Mål"));
    CHECK(at("Møde tre ledere") < at("Det centrale netværk"));
    CHECK(at("Det centrale netværk") < at("Carl Central"));
    CHECK(at("Carl Central") < at("Cora Central"));
    CHECK(at("Cora Central") < at("Inderkredsen"));
    CHECK(at("Inderkredsen") < at("Ivan Inner"));
    CHECK(at("Ivan Inner") < at("Yderkredsen"));
    CHECK(at("Yderkredsen") < at("Olga Outer"));
    CHECK(at("Olga Outer") < at("Una Unknown"));  // an unknown circle is shown last, with the outer one
    CHECK(contains(danish, "Direktør, Vestas"));
    CHECK(contains(danish, "<b>Genkend:</b> Rødt tørklæde"));
    CHECK(contains(danish, "<b>Spørg om:</b> Hvordan rekrutterer I?"));
    CHECK(contains(danish, "<b>Tilbyd:</b> Navne på projektledere"));
    CHECK(contains(danish, "<b>Spørgsmål:</b>"));
    CHECK(contains(danish, "<li>Hvad bringer dig her?</li>"));
    CHECK(contains(danish, "<b>Kan introducere dig:</b> Camilla Waldstrøm, Jørgen Dahl"));
    // Empty fields leave no empty labels.
    std::size_t genkend = 0;
    for (std::size_t p = danish.find("Genkend"); p != std::string::npos; p = danish.find("Genkend", p + 1)) ++genkend;
    CHECK(genkend == 1);

    const std::string english = render_pocket_card(card, Language::English);
    check_self_contained(english);
    CHECK(contains(english, "<html lang=\"en\">"));
    for (std::string_view label : {"Goal", "Central network", "Inner circle", "Outer circle", "Recognise:", "Ask:",
                                   "Offer:", "Questions:", "Can introduce you:", "Thursday 3 December 2026"}) {
        INFO(label);
        CHECK(contains(english, label));
    }
    CHECK(english.find("Central network") < english.find("Inner circle"));
    CHECK(english.find("Inner circle") < english.find("Outer circle"));

    // A circle without targets has no heading; a card without targets says so.
    card.targets = {target("Ivan Inner", "inner")};
    const std::string inner_only = render_pocket_card(card, Language::English);
    CHECK_FALSE(contains(inner_only, "Central network"));
    CHECK_FALSE(contains(inner_only, "Outer circle"));
    card.targets.clear();
    CHECK(contains(render_pocket_card(card, Language::Danish), "Ingen målpersoner til dette arrangement endnu."));
    // A date that is not ISO is shown as typed.
    card.date = "early December";
    CHECK(contains(render_pocket_card(card, Language::English), "early December · Industriens Hus"));
}

TEST_CASE("the demo event's pocket card", "[pocket]") {
    auto db = memory_db();
    REQUIRE(seed_demo_if_new(*db).ok());
    auto event = EventStore(*db).find(kDemoEventName);
    REQUIRE(event);
    // A profile address is never shown (nothing on the card may lead out to the network).
    SQLite::Statement set_url(db->sql(), "UPDATE person SET url = 'https://www.linkedin.com/in/mette' WHERE first_name = 'Mette'");
    set_url.exec();
    TempDir config_folder;
    for (Language language : {Language::Danish, Language::English}) {
        Config config = default_config();
        config.language = language;
        auto card = build_pocket_card(*db, event->id, config, config_folder.path());
        REQUIRE(card.ok());
        CHECK(card->event_name == kDemoEventName);
        CHECK(card->date == "2026-12-03");
        CHECK(card->place == "Industriens Hus, København");
        CHECK_FALSE(card->goal.empty());
        REQUIRE(card->targets.size() == 7);
        const PocketTarget& mette = card->targets[0];
        CHECK(mette.name == "Mette Østergaard");
        CHECK(mette.circle_key == "central");
        CHECK(mette.company == "Ørsted");
        CHECK(mette.recognize == "Kort mørkt hår; taler på scenen kl. 17");
        CHECK(mette.ask == "Hvordan rekrutterer Ørsted projektledere til havvind?");
        CHECK(mette.offer == "Min erfaring med at skalere projektteams");
        CHECK(std::find(mette.door_openers.begin(), mette.door_openers.end(), "Camilla Waldstrøm") != mette.door_openers.end());
        CHECK(mette.door_openers.size() <= 5);
        for (const PocketTarget& t : card->targets) {
            INFO(t.name);
            CHECK(t.prompts.size() == 2);
            for (const std::string& prompt : t.prompts) CHECK(prompt.ends_with("?"));
        }
        // Central first, then inner, then outer.
        for (std::size_t i = 1; i < card->targets.size(); ++i)
            CHECK(parse_circle(card->targets[i - 1].circle_key) <= parse_circle(card->targets[i].circle_key));

        const std::string html = render_pocket_card(*card, language);
        check_self_contained(html);
        CHECK_FALSE(contains(html, "linkedin"));
        CHECK_FALSE(contains(html, "src="));
        CHECK_FALSE(contains(html, "href="));
        CHECK(contains(html, "Mette Østergaard"));
        CHECK(contains(html, "Camilla Waldstrøm"));
    }
}

TEST_CASE("a pocket card for an event that does not exist is an error", "[pocket]") {
    auto db = memory_db();
    auto card = build_pocket_card(*db, 4711, default_config(), {});
    REQUIRE_FALSE(card.ok());
    CHECK(contains(card.error().message, "4711"));
}

TEST_CASE("the pocket card file is readable by the user only", "[pocket]") {
    namespace fs = std::filesystem;
    TempDir dir;
    const fs::path path = dir / "pocket.html";
    const std::string html = render_pocket_card(hostile_card(), Language::Danish);
    REQUIRE(write_pocket_card(path, html).ok());
    CHECK(mingle::testing::read_file(path) == html);
    const auto owner_only = fs::perms::owner_read | fs::perms::owner_write;
    CHECK((fs::status(path).permissions() & fs::perms::mask) == owner_only);

    // Over an existing file that others could read, and over a stale temporary file.
    mingle::testing::write_file(path, "old");
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
    mingle::testing::write_file(path.string() + ".tmp", "stale");
    fs::permissions(path.string() + ".tmp", fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    REQUIRE(write_pocket_card(path, html).ok());
    CHECK((fs::status(path).permissions() & fs::perms::mask) == owner_only);
    CHECK(mingle::testing::read_file(path) == html);

    // A path inside a file cannot be written: an error, not a crash.
    CHECK_FALSE(write_pocket_card(dir / "pocket.html" / "inside-a-file.html", html).ok());
}
