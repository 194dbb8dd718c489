#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "core/dates.hpp"
#include "core/events.hpp"
#include "core/storage/database.hpp"
#include "memory_db.hpp"

using namespace mingle;
using mingle::testing::memory_db;

TEST_CASE("dates are accepted the way Danes and ISO write them", "[dates]") {
    CHECK(dates::normalize("2026-12-03") == "2026-12-03");
    CHECK(dates::normalize("3.12.2026") == "2026-12-03");
    CHECK(dates::normalize(" 03-12-2026 ") == "2026-12-03");
    CHECK(dates::normalize("3/12/2026") == "2026-12-03");
    CHECK(dates::normalize("") == "");
    CHECK_FALSE(dates::normalize("31.02.2026"));
    CHECK_FALSE(dates::normalize("i morgen"));
    CHECK_FALSE(dates::normalize("12.2026"));
    CHECK_FALSE(dates::normalize("2026-13-01"));
}

TEST_CASE("events are created, found case-insensitively, and listed newest first", "[events]") {
    auto db = memory_db();
    EventStore events(*db);
    auto a = events.create({"Energy Summit", "1.3.2026", "Aarhus", "Meet CTOs"});
    auto b = events.create({"Reception", "2026-12-03", "", ""});
    auto c = events.create({"No date yet", "", "", ""});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(c.ok());
    auto list = events.list();
    REQUIRE(list.size() == 3);
    CHECK(list[0].name == "Reception");
    CHECK(list[1].name == "Energy Summit");
    CHECK(list[1].date == "2026-03-01");
    CHECK(list[2].name == "No date yet");
    auto found = events.find("  energy summit ");
    REQUIRE(found);
    CHECK(found->id == *a);
    CHECK(found->goal == "Meet CTOs");
}

TEST_CASE("an event needs a unique name and a real date, a bad edit changes nothing", "[events]") {
    auto db = memory_db();
    EventStore events(*db);
    auto id = events.create({"Summit", "", "", ""});
    REQUIRE(id.ok());
    CHECK_FALSE(events.create({"  ", "", "", ""}).ok());
    auto duplicate = events.create({"SUMMIT", "", "", ""});
    REQUIRE_FALSE(duplicate.ok());
    CHECK_THAT(duplicate.error().message, Catch::Contains("already an event"));
    auto bad_date = events.create({"Other", "tomorrow", "", ""});
    REQUIRE_FALSE(bad_date.ok());
    CHECK_THAT(bad_date.error().message, Catch::Contains("not a date"));

    CHECK_FALSE(events.set_date(*id, "31.2.2026").ok());
    CHECK(events.get(*id)->date.empty());
    auto other = events.create({"Other", "", "", ""});
    REQUIRE(other.ok());
    CHECK_FALSE(events.rename(*other, "summit").ok());
    CHECK(events.get(*other)->name == "Other");
    CHECK(events.rename(*id, "Summit 2026").ok());
    CHECK(events.set_goal(*id, "Find a mentor").ok());
    CHECK(events.set_place(*id, "Bella Center").ok());
    auto edited = events.get(*id);
    CHECK(edited->name == "Summit 2026");
    CHECK(edited->goal == "Find a mentor");
    CHECK(edited->place == "Bella Center");
}

TEST_CASE("deleting an event removes its list but keeps the people", "[events]") {
    auto db = memory_db();
    EventStore events(*db);
    auto id = events.find_or_create("Summit");
    REQUIRE(id.ok());
    CHECK(events.find_or_create("summit").value() == *id);
    db->sql().exec("INSERT INTO person(id, first_name) VALUES (7, 'Mette')");
    db->sql().exec("INSERT INTO participant(event_id, person_id) VALUES (" + std::to_string(*id) + ", 7)");
    CHECK(events.get(*id)->participant_count == 1);
    REQUIRE(events.remove(*id).ok());
    CHECK_FALSE(events.get(*id));
    SQLite::Statement people(db->sql(), "SELECT count(*) FROM person");
    people.executeStep();
    CHECK(people.getColumn(0).getInt() == 1);
    CHECK_FALSE(events.remove(*id).ok());
}
