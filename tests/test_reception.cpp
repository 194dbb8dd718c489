// The reception in core: met, walk-ins, promises; and what a killed process leaves behind.
#include <catch2/catch.hpp>

#include <csignal>
#include <random>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/events.hpp"
#include "core/import/importer.hpp"
#include "core/links.hpp"
#include "core/reception.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;

namespace {

std::int64_t scalar(storage::Database& db, const std::string& sql) {
    SQLite::Statement query(db.sql(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("met, walk-ins and promises are saved at once and read back", "[reception]") {
    auto opened = storage::Database::open(":memory:");
    REQUIRE(opened.ok());
    storage::Database& db = **opened;
    auto event = EventStore(db).create({"Reception", "2026-12-03", "", ""});
    REQUIRE(event.ok());
    Id mette = *PersonMemory(db).add_person("Mette", "Østergaard", "Ørsted");
    ReceptionStore store(db);

    REQUIRE(store.mark_met(*event, mette).ok());
    REQUIRE(store.mark_met(*event, mette).ok());  // again: still once
    CHECK(store.met(*event) == std::unordered_set<Id>{mette});
    REQUIRE(store.unmark_met(*event, mette).ok());
    CHECK(store.met(*event).empty());
    CHECK_FALSE(store.mark_met(*event, 999).ok());

    auto walk_in = store.add_walk_in(*event, "  Jens  Peter Hansen ", "Maersk A/S");
    REQUIRE(walk_in.ok());
    auto person = PersonMemory(db).get(*walk_in);
    REQUIRE(person);
    CHECK(person->first_name == "Jens Peter");
    CHECK(person->last_name == "Hansen");
    CHECK(person->company == "Maersk A/S");
    CHECK(store.met(*event).count(*walk_in));
    CHECK(scalar(db, "SELECT count(*) FROM participant WHERE ticket_type = 'walk-in'") == 1);
    CHECK_FALSE(store.add_walk_in(*event, "   ", "").ok());

    auto mine = store.add_promise(*event, mette, true, "Send my CV", "2026-12-04T09:00");
    auto theirs = store.add_promise(*event, mette, false, "  Sends the report ", "2026-12-05T10:30");
    REQUIRE(mine.ok());
    REQUIRE(theirs.ok());
    auto promises = store.promises_at(*event);
    REQUIRE(promises.size() == 2);
    CHECK(promises[0].text == "Sends the report");
    CHECK_FALSE(promises[0].by_me);
    CHECK(promises[1].by_me);
    CHECK(promises[1].due == "2026-12-04T09:00");
    CHECK(promises[1].person_name == "Mette Østergaard");
    CHECK_FALSE(store.add_promise(*event, mette, true, " ", "2026-12-04T09:00").ok());
    CHECK_FALSE(store.add_promise(*event, mette, true, "x", "fredag").ok());
    CHECK_FALSE(store.add_promise(*event, 999, true, "x", "2026-12-04T09:00").ok());
    CHECK(store.promises_at(*event).size() == 2);
}

TEST_CASE("captures acknowledged before a SIGKILL are all in the database, and it is intact", "[reception][kill]") {
    std::mt19937 random(2026);
    for (int run = 0; run < 20; ++run) {
        TempDir dir;
        const std::string path = (dir / "mingle.db").string();
        Id event = 0, person = 0;
        {
            auto db = storage::Database::open(path);
            REQUIRE(db.ok());
            event = *EventStore(**db).create({"Reception", "", "", ""});
            person = *PersonMemory(**db).add_person("Mette", "Østergaard", "");
        }
        int acks[2];
        REQUIRE(::pipe(acks) == 0);
        pid_t child = ::fork();
        if (child == 0) {
            // The child captures as fast as it can and acknowledges each capture once saved.
            ::close(acks[0]);
            auto db = storage::Database::open(path);
            if (!db.ok()) ::_exit(2);
            ReceptionStore store(**db);
            for (int i = 1;; ++i) {
                auto id = i % 3 == 0 ? PersonMemory(**db).add_note(person, event, "note " + std::to_string(i))
                                     : store.add_promise(event, person, i % 2 == 0, "promise " + std::to_string(i),
                                                         "2026-12-04T09:00");
                if (!id.ok()) ::_exit(3);
                std::int64_t acknowledged = i;
                if (::write(acks[1], &acknowledged, sizeof acknowledged) != sizeof acknowledged) ::_exit(4);
            }
        }
        ::close(acks[1]);
        // Once capturing has begun (the first acknowledgement), kill it at a random moment.
        std::int64_t last = 0, value = 0;
        if (::read(acks[0], &value, sizeof value) == sizeof value) last = value;
        std::this_thread::sleep_for(std::chrono::milliseconds(random() % 100));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        while (::read(acks[0], &value, sizeof value) == sizeof value) last = value;
        ::close(acks[0]);
        INFO("run " << run << ": " << last << " captures acknowledged");
        REQUIRE(last > 0);

        auto db = storage::Database::open(path);
        REQUIRE(db.ok());
        SQLite::Statement check((*db)->sql(), "PRAGMA integrity_check");
        REQUIRE(check.executeStep());
        CHECK(check.getColumn(0).getString() == "ok");
        // Every acknowledged capture is there (one more may be, saved just before the kill).
        const std::int64_t saved = scalar(**db, "SELECT count(*) FROM promise") + scalar(**db, "SELECT count(*) FROM note");
        CHECK(saved >= last);
        CHECK(saved <= last + 1);
        for (std::int64_t i = 1; i <= last; ++i) {
            SQLite::Statement find((*db)->sql(), i % 3 == 0 ? "SELECT count(*) FROM note WHERE text = ?"
                                                            : "SELECT count(*) FROM promise WHERE text = ?");
            find.bind(1, (i % 3 == 0 ? "note " : "promise ") + std::to_string(i));
            find.executeStep();
            if (find.getColumn(0).getInt() != 1) FAIL("capture " << i << " was acknowledged but is missing");
        }
    }
}

TEST_CASE("an import of 100,000 rows killed at a random moment is there whole or not at all", "[reception][kill]") {
    TempDir dir;
    const auto csv = dir / "big.csv";
    {
        std::string rows = "First Name,Last Name,Email,Company\n";
        for (int i = 0; i < 100000; ++i)
            rows += "Person" + std::to_string(i) + ",Jensen,p" + std::to_string(i) + "@example.dk,Company " +
                    std::to_string(i % 97) + "\n";
        mingle::testing::write_file(csv, rows);
    }
    std::mt19937 random(7);
    int whole = 0, nothing = 0;
    for (int run = 0; run < 20; ++run) {
        const std::string path = (dir / ("run" + std::to_string(run) + ".db")).string();
        Id event = 0;
        {
            auto db = storage::Database::open(path);
            REQUIRE(db.ok());
            event = *EventStore(**db).create({"Big", "", "", ""});
        }
        int acks[2];
        REQUIRE(::pipe(acks) == 0);
        pid_t child = ::fork();
        if (child == 0) {
            ::close(acks[0]);
            auto db = storage::Database::open(path);
            if (!db.ok()) ::_exit(2);
            auto source = import::ImportSource::file(csv);
            auto layout = import::detect(source);
            if (!layout.ok()) ::_exit(3);
            auto summary = import::run_import(**db, {source, *layout, import::guess_mapping(layout->columns), event, false});
            if (!summary.ok()) ::_exit(4);
            char done = 1;
            if (::write(acks[1], &done, 1) != 1) ::_exit(5);
            for (;;) ::pause();
        }
        ::close(acks[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(random() % 450));
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        char done = 0;
        const bool acknowledged = ::read(acks[0], &done, 1) == 1;
        ::close(acks[0]);

        auto db = storage::Database::open(path);
        REQUIRE(db.ok());
        SQLite::Statement check((*db)->sql(), "PRAGMA integrity_check");
        REQUIRE(check.executeStep());
        CHECK(check.getColumn(0).getString() == "ok");
        const std::int64_t listed = scalar(**db, "SELECT count(*) FROM participant");
        const std::int64_t people = scalar(**db, "SELECT count(*) FROM person");
        INFO("run " << run << ": acknowledged " << acknowledged << ", " << listed << " listed");
        CHECK((listed == 0 || listed == 100000));
        CHECK(people == listed);
        if (acknowledged) CHECK(listed == 100000);
        (listed == 0 ? nothing : whole) += 1;
    }
    // Both outcomes happened, so the kills really fell before and after the commit.
    WARN(whole << " runs found the import whole, " << nothing << " found nothing");
}
