// The command line, run in-process: the same code main() runs, with its output captured.
#include <catch2/catch.hpp>

#include <sstream>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/cli/cli.hpp"
#include "cli_runner.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;

namespace {

using Run = mingle::testing::CliRun;

Run mingle_cli(const TempDir& dir, std::vector<std::string> arguments) {
    return mingle::testing::run_cli(dir, std::move(arguments));
}

const std::string kAttendees =
    "First Name,Last Name,Email,Company,Job Title,Ticket Type\n"
    "Mette,Jensen,mette@vestas.dk,Vestas,Projektleder,VIP\n"
    "Søren,Bæk,soren@orsted.dk,Ørsted,CTO,Standard\n"
    "Ida,Holm,,,,Student\n";

}  // namespace

TEST_CASE("options: --db and --config anywhere, GUI options only without a command", "[cli]") {
    auto options = cli::parse_options({"people", "--json", "--db", "x.db"});
    REQUIRE(options.ok());
    CHECK(options->database_path == "x.db");
    CHECK(options->command == std::vector<std::string>{"people", "--json"});

    auto gui = cli::parse_options({"--screenshot", "a.png", "--view", "participants", "--size", "800x600"});
    REQUIRE(gui.ok());
    CHECK(gui->command.empty());
    CHECK(gui->width == 800);
    CHECK(gui->height == 600);

    CHECK_FALSE(cli::parse_options({"--size", "huge"}).ok());
    CHECK_FALSE(cli::parse_options({"--bogus"}).ok());
}

TEST_CASE("import then people --json gives the documented keys", "[cli]") {
    TempDir dir;
    mingle::testing::write_file(dir / "attendees.csv", kAttendees);
    auto imported = mingle_cli(dir, {"import", "--event", "Summit", (dir / "attendees.csv").string()});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    CHECK_THAT(imported.out, Catch::Contains("Detected: csv, UTF-8, comma-separated, header on line 1"));
    CHECK_THAT(imported.out, Catch::Contains("3 new people"));
    CHECK_THAT(imported.out, Catch::Contains("Undo with: mingle undo-import 1"));

    auto people = mingle_cli(dir, {"people", "--event", "Summit", "--json"});
    REQUIRE(people.status == 0);
    auto json = nlohmann::json::parse(people.out);
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 3);
    for (const auto& person : json) {
        for (const char* key : {"id", "first_name", "last_name", "email", "company", "title"}) {
            INFO(key);
            CHECK(person.contains(key));
        }
        CHECK(person["id"].is_number_integer());
    }
    auto ida = std::find_if(json.begin(), json.end(), [](const auto& p) { return p["first_name"] == "Ida"; });
    REQUIRE(ida != json.end());
    CHECK((*ida)["email"] == "");
    CHECK((*ida)["company"] == "");
    CHECK((*ida)["ticket_type"] == "Student");

    auto search = mingle_cli(dir, {"people", "--search", "ORSTED", "--json"});
    auto found = nlohmann::json::parse(search.out);
    REQUIRE(found.size() == 1);
    CHECK(found[0]["last_name"] == "Bæk");
}

TEST_CASE("events --json lists events with their participant counts", "[cli]") {
    TempDir dir;
    REQUIRE(mingle_cli(dir, {"event", "add", "Reception", "--date", "3.12.2026", "--goal", "Meet Mette"}).status == 0);
    mingle::testing::write_file(dir / "a.csv", kAttendees);
    REQUIRE(mingle_cli(dir, {"import", "--event", "Reception", (dir / "a.csv").string()}).status == 0);
    auto events = mingle_cli(dir, {"events", "--json"});
    auto json = nlohmann::json::parse(events.out);
    REQUIRE(json.size() == 1);
    CHECK(json[0]["name"] == "Reception");
    CHECK(json[0]["date"] == "2026-12-03");
    CHECK(json[0]["goal"] == "Meet Mette");
    CHECK(json[0]["participants"] == 3);

    auto bad_date = mingle_cli(dir, {"event", "set", "Reception", "--date", "soon", "--place", "Aarhus"});
    CHECK(bad_date.status == 1);
    CHECK_THAT(bad_date.err, Catch::Contains("not a date"));
    auto unchanged = nlohmann::json::parse(mingle_cli(dir, {"events", "--json"}).out);
    CHECK(unchanged[0]["place"] == "");  // a bad value changes nothing, not even the good one beside it
}

TEST_CASE("a dry run prints what would happen and leaves no trace, not even the event", "[cli]") {
    TempDir dir;
    mingle::testing::write_file(dir / "a.csv", kAttendees);
    auto dry = mingle_cli(dir, {"import", "--event", "New", (dir / "a.csv").string(), "--dry-run"});
    REQUIRE(dry.status == 0);
    CHECK_THAT(dry.out, Catch::Contains("Dry run (nothing was saved)"));
    CHECK_THAT(dry.out, Catch::Contains("3 new people"));
    CHECK(nlohmann::json::parse(mingle_cli(dir, {"events", "--json"}).out).empty());
    CHECK(nlohmann::json::parse(mingle_cli(dir, {"people", "--json"}).out).empty());
}

TEST_CASE("a broken file fails with file, line and a non-zero status, and changes nothing", "[cli]") {
    TempDir dir;
    mingle::testing::write_file(dir / "bad.csv", "Name,Email\nMette,m@x.dk\n\"Søren,s@x.dk\n");
    auto run = mingle_cli(dir, {"import", "--event", "A", (dir / "bad.csv").string()});
    CHECK(run.status == 1);
    CHECK_THAT(run.err, Catch::Contains("bad.csv:3"));
    CHECK(nlohmann::json::parse(mingle_cli(dir, {"events", "--json"}).out).empty());

    mingle::testing::write_file(dir / "odd.csv", "Colour,Size\nred,L\n");
    auto odd = mingle_cli(dir, {"import", "--event", "A", (dir / "odd.csv").string()});
    CHECK(odd.status == 1);
    CHECK_THAT(odd.err, Catch::Contains("No column looks like a name"));

    auto missing = mingle_cli(dir, {"import", "--event", "A", (dir / "nope.csv").string()});
    CHECK(missing.status == 1);
    CHECK_FALSE(missing.err.empty());
}

TEST_CASE("the map option corrects a column, and the correction is remembered for the next file", "[cli]") {
    TempDir dir;
    mingle::testing::write_file(dir / "a.csv", "Deltager,Kontakt,Org\nMette Jensen,mette@x.dk,Vestas\n");
    auto first = mingle_cli(dir, {"import", "--event", "A", (dir / "a.csv").string(), "--map", "Deltager=full_name",
                                  "--map", "Kontakt=email", "--map", "#3=company", "--json"});
    INFO(first.err);
    REQUIRE(first.status == 0);
    auto json = nlohmann::json::parse(first.out);
    CHECK(json["created"] == 1);
    CHECK(json["detected"]["columns"][2]["field"] == "company");

    mingle::testing::write_file(dir / "b.csv", "Deltager,Kontakt,Org\nLars Holm,lars@x.dk,DTU\n");
    auto second = mingle_cli(dir, {"import", "--event", "A", (dir / "b.csv").string(), "--json"});
    REQUIRE(second.status == 0);
    auto people = nlohmann::json::parse(mingle_cli(dir, {"people", "--search", "lars", "--json"}).out);
    REQUIRE(people.size() == 1);
    CHECK(people[0]["company"] == "DTU");
    CHECK(people[0]["email"] == "lars@x.dk");

    auto bad = mingle_cli(dir, {"import", "--event", "A", (dir / "b.csv").string(), "--map", "Nope=email"});
    CHECK(bad.status == 1);
    CHECK_THAT(bad.err, Catch::Contains("no column \"Nope\""));
}

TEST_CASE("imports are listed and undone from the command line", "[cli]") {
    TempDir dir;
    mingle::testing::write_file(dir / "a.csv", kAttendees);
    REQUIRE(mingle_cli(dir, {"import", "--event", "A", (dir / "a.csv").string()}).status == 0);
    auto list = nlohmann::json::parse(mingle_cli(dir, {"imports", "--event", "A", "--json"}).out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["created"] == 3);
    auto undo = mingle_cli(dir, {"undo-import", std::to_string(list[0]["id"].get<long long>())});
    CHECK(undo.status == 0);
    CHECK(nlohmann::json::parse(mingle_cli(dir, {"people", "--json"}).out).empty());
    CHECK(mingle_cli(dir, {"undo-import", "abc"}).status == 2);
}

TEST_CASE("wrong usage exits 2 with a hint, a newer database exits 1 untouched", "[cli]") {
    TempDir dir;
    auto unknown = mingle_cli(dir, {"frobnicate"});
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown command"));
    auto bad_option = mingle_cli(dir, {"people", "--colour", "red"});
    CHECK(bad_option.status == 2);
    CHECK_THAT(bad_option.err, Catch::Contains("--colour"));

    {
        SQLite::Database raw((dir / "newer.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 42");
    }
    auto options = cli::parse_options({"--db", (dir / "newer.db").string(), "events"});
    REQUIRE(options.ok());
    std::ostringstream out, err;
    CHECK(cli::run(*options, out, err) == 1);
    CHECK_THAT(err.str(), Catch::Contains("newer mingle"));
}
