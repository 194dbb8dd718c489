// Personal data: everything about a person can be exported, and erased from every table and the file.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "cli_runner.hpp"
#include "core/events.hpp"
#include "core/followups.hpp"
#include "core/links.hpp"
#include "core/privacy.hpp"
#include "core/prompts.hpp"
#include "core/reception.hpp"
#include "core/targets.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;

namespace {

// The database file and its write-ahead log, as bytes.
std::string file_bytes(const TempDir& dir) {
    std::string bytes = mingle::testing::read_file(dir / "mingle.db");
    if (std::filesystem::exists(dir / "mingle.db-wal")) bytes += mingle::testing::read_file(dir / "mingle.db-wal");
    return bytes;
}

}  // namespace

TEST_CASE("a person's data is exported whole, then erased from every table and from the file's bytes", "[privacy]") {
    TempDir dir;
    Id zebulon = 0, mette = 0;
    {
        auto db = storage::Database::open((dir / "mingle.db").string());
        REQUIRE(db.ok());
        storage::Database& d = **db;
        Id event = *EventStore(d).create({"Reception", "2026-12-03", "", ""});
        PersonMemory memory(d);
        zebulon = *memory.add_person("Zebulon", "Quixotic", "Quixcorp");
        mette = *memory.add_person("Mette", "Østergaard", "Ørsted");
        REQUIRE(memory.set_field(zebulon, "email", "zeb@quixmail.example").ok());
        REQUIRE(memory.set_field(zebulon, "company", "Quixworks").ok());  // Quixcorp goes to the history
        REQUIRE(memory.add_note(zebulon, event, "Sails a boat called Xanthippe").ok());
        REQUIRE(LinkStore(d).add(zebulon, mette, "Xylophone band").ok());
        std::vector<Id> target{zebulon};
        REQUIRE(TargetStore(d).add(event, target).ok());
        REQUIRE(TargetStore(d).set_plan(event, zebulon, PlanField::Ask, "Ask about Yggdrasil").ok());
        ReceptionStore reception(d);
        REQUIRE(reception.mark_met(event, zebulon).ok());
        REQUIRE(reception.add_promise(event, zebulon, true, "Send the Zymurgy report", "2026-12-04T09:00").ok());
        REQUIRE(set_prompt_mark(d, event, zebulon, "opener:12345678", true, false).ok());
        REQUIRE(log_contact(d, zebulon, ContactKind::Gave, "Quokka photos").ok());

        auto everything = export_person(d, zebulon);
        REQUIRE(everything.ok());
        const auto& json = *everything;
        CHECK(json["person"]["first_name"] == "Zebulon");
        CHECK(json["person"]["email"] == "zeb@quixmail.example");
        CHECK(json["history"].size() == 1);
        CHECK(json["notes"].size() == 1);
        CHECK(json["links"].size() == 1);
        CHECK(json["targets"][0]["ask"] == "Ask about Yggdrasil");
        CHECK(json["meetings"].size() == 1);
        CHECK(json["promises"][0]["text"] == "Send the Zymurgy report");
        CHECK(json["prompt_marks"].size() == 1);
        CHECK(json["contacts"][0]["text"] == "Quokka photos");
        CHECK(file_bytes(dir).find("Zebulon") != std::string::npos);  // there before

        REQUIRE(erase_person(d, zebulon).ok());
        for (const char* table : {"person", "note", "link", "target", "meeting", "promise", "prompt_mark", "contact_log",
                                  "person_history"}) {
            SQLite::Statement count(d.sql(), std::string("SELECT count(*) FROM ") + table);
            count.executeStep();
            INFO(table);
            CHECK(count.getColumn(0).getInt() == (std::string(table) == "person" ? 1 : 0));
        }
        CHECK(PersonMemory(d).get(mette));
        CHECK_FALSE(erase_person(d, zebulon).ok());
    }
    const std::string bytes = file_bytes(dir);
    for (const char* trace : {"Zebulon", "Quixotic", "quixmail", "Quixcorp", "Quixworks", "Xanthippe", "Xylophone",
                              "Yggdrasil", "Zymurgy", "Quokka"}) {
        INFO(trace);
        CHECK(bytes.find(trace) == std::string::npos);
    }
    CHECK(bytes.find("Mette") != std::string::npos);  // the rest stays
}

TEST_CASE("cli: person export --json and person erase", "[privacy][cli]") {
    TempDir dir;
    using mingle::testing::run_cli;
    REQUIRE(run_cli(dir, {"event", "add", "X"}).status == 0);
    REQUIRE(run_cli(dir, {"walkin", "--event", "X", "--name", "Zebulon Quixotic"}).status == 0);
    auto exported = run_cli(dir, {"person", "export", "1", "--json"});
    REQUIRE(exported.status == 0);
    CHECK(nlohmann::json::parse(exported.out)["person"]["last_name"] == "Quixotic");
    auto erased = run_cli(dir, {"person", "erase", "1"});
    INFO(erased.err);
    REQUIRE(erased.status == 0);
    CHECK(run_cli(dir, {"person", "export", "1"}).status == 1);
}

TEST_CASE("erasing names the files mingle wrote earlier that still mention the person, and only those", "[privacy]") {
    TempDir dir;
    auto db = storage::Database::open((dir / "mingle.db").string());
    REQUIRE(db.ok());
    PersonMemory memory(**db);
    const Id zebulon = *memory.add_person("Zebulon", "Quixotic", "Quixcorp");
    REQUIRE(memory.set_field(zebulon, "email", "zeb@quixmail.example").ok());
    const Id mette = *memory.add_person("Mette", "Østergaard", "Ørsted");

    using mingle::testing::write_file;
    std::filesystem::create_directories(dir / "exports");
    std::filesystem::create_directories(dir / "drafts" / "Reception");
    write_file(dir / "mingle.db.before-v2", "old pages ... Zebulon Quixotic ...");
    write_file(dir / "exports" / "person-1.json", "{\"first_name\": \"Zebulon\"} Zebulon Quixotic");
    write_file(dir / "drafts" / "Reception" / "thanks.eml", "To: zeb@quixmail.example\r\n\r\nTak!");
    write_file(dir / "drafts" / "Reception" / "other.eml", "To: mette@orsted.dk\r\n\r\nTak, Mette!");
    // A big sheet with the name across the boundary of the 1 MB chunks the files are read in.
    std::string sheet(1 << 20, 'x');
    sheet.replace(sheet.size() - 4, 4, "Zebu");
    sheet += "lon Quixotic\n";
    write_file(dir / "exports" / "owed.csv", sheet);
    write_file(dir / "notes.txt", "Zebulon Quixotic");  // not a file mingle writes: not looked at

    auto erased = erase_person(**db, zebulon);
    REQUIRE(erased.ok());
    const std::vector<std::filesystem::path> expected{dir / "drafts" / "Reception" / "thanks.eml",
                                                      dir / "exports" / "owed.csv", dir / "exports" / "person-1.json",
                                                      dir / "mingle.db.before-v2"};
    CHECK(erased->still_mentioned_in == expected);

    // Nobody else's files are named for Mette, and nothing at all for an in-memory database.
    auto nothing_left = erase_person(**db, mette);
    REQUIRE(nothing_left.ok());
    CHECK(nothing_left->still_mentioned_in.empty());
    CHECK(files_mentioning(":memory:", {"Zebulon Quixotic"}).empty());
    CHECK(files_mentioning((dir / "mingle.db").string(), {"", ""}).empty());
}

TEST_CASE("cli: person erase lists the files that still mention the person", "[privacy][cli]") {
    TempDir dir;
    using mingle::testing::run_cli;
    REQUIRE(run_cli(dir, {"event", "add", "X"}).status == 0);
    REQUIRE(run_cli(dir, {"walkin", "--event", "X", "--name", "Zebulon Quixotic"}).status == 0);
    std::filesystem::create_directories(dir / "exports");
    mingle::testing::write_file(dir / "exports" / "person-1.json", "Zebulon Quixotic");
    auto erased = run_cli(dir, {"person", "erase", "1"});
    INFO(erased.err);
    REQUIRE(erased.status == 0);
    CHECK_THAT(erased.out, Catch::Contains("Erased Zebulon Quixotic") && Catch::Contains("still mention them") &&
                               Catch::Contains((dir / "exports" / "person-1.json").string()));
}
