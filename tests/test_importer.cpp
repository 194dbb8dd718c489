#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <SQLiteCpp/Statement.h>

#include "core/events.hpp"
#include "core/import/import_job.hpp"
#include "core/import/importer.hpp"
#include "core/people.hpp"
#include "test_support.hpp"

using namespace mingle;
using namespace mingle::import;
using mingle::testing::TempDir;

namespace {

struct Fixture {
    std::unique_ptr<storage::Database> db;
    TempDir dir;

    Fixture() {
        auto opened = storage::Database::open(":memory:");
        REQUIRE(opened.ok());
        db = std::move(*opened);
    }

    Id event(const std::string& name) {
        auto id = EventStore(*db).find_or_create(name);
        REQUIRE(id.ok());
        return *id;
    }

    Result<ImportSummary> import_text(const std::string& event_name, const std::string& file_name,
                                      const std::string& bytes, bool dry_run = false) {
        auto path = dir / file_name;
        mingle::testing::write_file(path, bytes);
        auto source = ImportSource::file(path);
        auto layout = detect(source);
        if (!layout.ok()) return layout.error();
        ImportRequest request{source, *layout, initial_mapping(*db, *layout), event(event_name), dry_run};
        return run_import(*db, request);
    }

    std::int64_t scalar(const std::string& sql) {
        SQLite::Statement query(db->sql(), sql);
        query.executeStep();
        return query.getColumn(0).getInt64();
    }

    // The details of the participant with this e-mail at an event, as the views see them.
    std::vector<std::pair<std::string, std::string>> details(const std::string& event_name, const std::string& email) {
        for (const auto& participant : PersonStore(*db).participants(event(event_name)))
            if (participant.person.email == email) return participant_details(participant);
        FAIL("no participant " << email);
        return {};
    }

    std::string text(const std::string& sql) {
        SQLite::Statement query(db->sql(), sql);
        return query.executeStep() ? query.getColumn(0).getString() : std::string("<no row>");
    }
};

const std::string kEventbrite =
    "Order #,First Name,Last Name,Email,Company,Job Title,Ticket Type,What would you like to talk about?\r\n"
    "1001,Mette,Jensen,mette@vestas.dk,Vestas,Projektleder,VIP,\"Havvind, og \"\"grøn\"\" brint\"\r\n"
    "1002,Søren,Bæk,soren@orsted.dk,Ørsted,CTO,Standard,\r\n"
    "1003,Åse,Kjær,,Energinet,HR-chef,Student,\r\n"
    "1004,Mette,Jensen,\"  METTE@VESTAS.DK \",,,VIP,\r\n";  // the same person registered twice

}  // namespace

TEST_CASE("an import creates people and participants, and merges a person listed twice", "[importer]") {
    Fixture f;
    auto summary = f.import_text("Summit", "attendees.csv", kEventbrite);
    REQUIRE(summary.ok());
    CHECK(summary->rows == 4);
    CHECK(summary->created == 3);
    CHECK(summary->duplicates == 1);
    CHECK(summary->skipped == 0);
    CHECK(summary->batch_id != 0);
    CHECK(f.scalar("SELECT count(*) FROM person") == 3);
    CHECK(f.scalar("SELECT count(*) FROM participant") == 3);
    CHECK(f.text("SELECT email FROM person WHERE first_name = 'Mette'") == "mette@vestas.dk");
    // Columns with no field of their own are kept with the participant, in file order.
    using Details = std::vector<std::pair<std::string, std::string>>;
    CHECK(f.details("Summit", "mette@vestas.dk") ==
          Details{{"Order #", "1001"}, {"What would you like to talk about?", "Havvind, og \"grøn\" brint"}});
    CHECK(f.details("Summit", "soren@orsted.dk") == Details{{"Order #", "1002"}});
    CHECK(f.text("SELECT ticket_type FROM participant JOIN person p ON p.id = person_id WHERE p.first_name = 'Åse'") ==
          "Student");
}

TEST_CASE("a person listed twice in one file gets the fields the second row adds", "[importer]") {
    Fixture f;
    auto summary = f.import_text("A", "a.csv",
                                 "Name,Email,Company,Title\n"
                                 "Mette Jensen,m@x.dk,,\n"
                                 "Lars Holm,l@x.dk,DTU,\n"
                                 "Mette Jensen,M@X.DK,Vestas,\n"    // fills the company
                                 "Mette Jensen,m@x.dk,Other,CTO\n"  // keeps Vestas, fills the title
                                 "Lars Holm,l@x.dk,DTU,\n");        // brings nothing new
    REQUIRE(summary.ok());
    CHECK(summary->created == 2);
    CHECK(summary->duplicates == 3);
    CHECK(summary->fields_filled == 0);  // filled on people this import created: not counted as merges
    CHECK(f.text("SELECT company || '/' || title FROM person WHERE email = 'm@x.dk'") == "Vestas/CTO");
    CHECK(f.scalar("SELECT count(*) FROM participant") == 2);
    REQUIRE(undo_import(*f.db, summary->batch_id).ok());
    CHECK(f.scalar("SELECT count(*) FROM person") == 0);
}

TEST_CASE("importing the same file twice adds nobody", "[importer]") {
    Fixture f;
    REQUIRE(f.import_text("Summit", "a.csv", kEventbrite).ok());
    auto again = f.import_text("Summit", "a.csv", kEventbrite);
    REQUIRE(again.ok());
    CHECK(again->created == 0);
    CHECK(again->matched == 0);
    CHECK(again->already_listed == 3);
    CHECK(again->duplicates == 1);
    CHECK(again->batch_id == 0);  // nothing changed, nothing to undo
    CHECK(f.scalar("SELECT count(*) FROM person") == 3);
    CHECK(f.scalar("SELECT count(*) FROM participant") == 3);
    CHECK(f.scalar("SELECT count(*) FROM import_batch") == 1);
}

TEST_CASE("a known person is found at the next event, filled in, and undo puts it back", "[importer]") {
    Fixture f;
    REQUIRE(f.import_text("Spring", "a.csv", "Name,E-mail\nLars Holm,lars@holm.dk\n").ok());
    auto second = f.import_text("Autumn", "b.csv", "Navn;E-mail;Virksomhed;Titel\nLARS HOLM;Lars@Holm.dk;DTU;Lektor\n");
    REQUIRE(second.ok());
    CHECK(second->created == 0);
    CHECK(second->matched == 1);
    CHECK(second->fields_filled == 2);
    CHECK(f.scalar("SELECT count(*) FROM person") == 1);
    CHECK(f.text("SELECT company || '/' || title FROM person") == "DTU/Lektor");
    CHECK(f.scalar("SELECT count(*) FROM participant") == 2);

    // The name was not overwritten: what was there stays.
    CHECK(f.text("SELECT first_name FROM person") == "Lars");

    REQUIRE(undo_import(*f.db, second->batch_id).ok());
    CHECK(f.scalar("SELECT count(*) FROM person") == 1);
    CHECK(f.text("SELECT company || '/' || title FROM person") == "/");
    CHECK(f.scalar("SELECT count(*) FROM participant") == 1);
    // Identity follows the fields: without the company again, the name alone finds Lars.
    auto third = f.import_text("Winter", "c.csv", "Name\nLars Holm\n");
    REQUIRE(third.ok());
    CHECK(third->matched == 1);
    CHECK(third->created == 0);
    auto again = undo_import(*f.db, second->batch_id);
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message, Catch::Contains("already undone"));
}

TEST_CASE("undo leaves a field alone that the user changed since", "[importer]") {
    Fixture f;
    REQUIRE(f.import_text("Spring", "a.csv", "Name,E-mail\nLars Holm,lars@holm.dk\n").ok());
    auto second = f.import_text("Autumn", "b.csv", "Name,E-mail,Company\nLars Holm,lars@holm.dk,DTU\n");
    REQUIRE(second.ok());
    f.db->sql().exec("UPDATE person SET company = 'DTU Wind'");
    REQUIRE(undo_import(*f.db, second->batch_id).ok());
    CHECK(f.text("SELECT company FROM person") == "DTU Wind");
}

TEST_CASE("without an e-mail, name plus company decides, two e-mails mean two people", "[importer]") {
    Fixture f;
    REQUIRE(f.import_text("A", "a.csv", "First Name,Last Name,Company,Email\nSøren,Østergaard,Ørsted,\n").ok());
    auto accents = f.import_text("B", "b.csv", "First Name,Last Name,Company,Email\nsoren,ostergaard,ORSTED,s@o.dk\n");
    REQUIRE(accents.ok());
    CHECK(accents->created == 0);
    CHECK(accents->matched == 1);
    CHECK(f.text("SELECT email FROM person") == "s@o.dk");

    auto other = f.import_text("C", "c.csv", "First Name,Last Name,Company,Email\nSøren,Østergaard,Ørsted,other@o.dk\n");
    REQUIRE(other.ok());
    CHECK(other->created == 1);
    CHECK(f.scalar("SELECT count(*) FROM person") == 2);
}

TEST_CASE("rows that cannot become a person are skipped and reported by line", "[importer]") {
    Fixture f;
    auto summary = f.import_text("A", "a.csv",
                                 "Name,Email,Company\n"
                                 "Mette Jensen,mette@x.dk,X\n"
                                 ",,Lonely Company ApS\n"
                                 "\"Multi\nLine\",,\n"
                                 ",not-an-email,Y\n");
    REQUIRE(summary.ok());
    CHECK(summary->created == 2);
    CHECK(summary->skipped == 2);
    REQUIRE(summary->skipped_rows.size() == 2);
    CHECK(summary->skipped_rows[0].line == 3);
    CHECK(summary->skipped_rows[1].line == 6);
    CHECK_THAT(summary->skipped_rows[0].reason, Catch::Contains("no name"));
    CHECK(f.text("SELECT first_name || '|' || last_name FROM person WHERE first_name = 'Multi'") == "Multi|Line");
}

TEST_CASE("a full name is split, and an e-mail cell that is not an address is kept as a detail", "[importer]") {
    Fixture f;
    auto summary = f.import_text("A", "a.csv", "Full Name,E-mail\nJan van der Berg,n/a\n\"Jensen, Mette\",m@j.dk\n");
    REQUIRE(summary.ok());
    CHECK(f.text("SELECT first_name || '|' || last_name FROM person WHERE email = 'm@j.dk'") == "Mette|Jensen");
    CHECK(f.text("SELECT last_name FROM person WHERE first_name = 'Jan'") == "van der Berg");
    CHECK(f.text("SELECT email FROM person WHERE first_name = 'Jan'") == "");
    auto jan = PersonStore(*f.db).participants(f.event("A"));
    REQUIRE_FALSE(jan.empty());
    CHECK(participant_details(jan[0]) == std::vector<std::pair<std::string, std::string>>{{"E-mail", "n/a"}});
}

TEST_CASE("cells past the header are kept as numbered columns", "[importer]") {
    Fixture f;
    REQUIRE(f.import_text("A", "a.csv", "Name,Email\nMette Jensen,m@x.dk,VIP,,Aarhus\nLars Holm,l@x.dk\n").ok());
    using Details = std::vector<std::pair<std::string, std::string>>;
    CHECK(f.details("A", "m@x.dk") == Details{{"Column 3", "VIP"}, {"Column 5", "Aarhus"}});
    CHECK(f.details("A", "l@x.dk").empty());
    CHECK(f.text("SELECT columns FROM import_batch") == R"(["Name","Email","Column 3","Column 4","Column 5"])");
}

TEST_CASE("a file that breaks part-way imports nothing and says where", "[importer]") {
    Fixture f;
    std::string rows = "Name,Email\n";
    for (int i = 0; i < 500; ++i) rows += "Person " + std::to_string(i) + ",p" + std::to_string(i) + "@x.dk\n";
    rows += "\"Unterminated,u@x.dk\n";
    auto summary = f.import_text("A", "broken.csv", rows);
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.error().line == 502);
    CHECK(summary.error().file.find("broken.csv") != std::string::npos);
    CHECK(f.scalar("SELECT count(*) FROM person") == 0);
    CHECK(f.scalar("SELECT count(*) FROM participant") == 0);
    CHECK(f.scalar("SELECT count(*) FROM import_batch") == 0);
}

TEST_CASE("a header with no name or e-mail column is refused before anything is written", "[importer]") {
    Fixture f;
    auto summary = f.import_text("A", "odd.csv", "Colour,Size,Price\nred,L,10\n");
    REQUIRE_FALSE(summary.ok());
    CHECK_THAT(summary.error().message, Catch::Contains("No column looks like a name or an e-mail") &&
                                            Catch::Contains("\"Colour\""));
    CHECK(summary.error().line == 1);
    CHECK(f.scalar("SELECT count(*) FROM import_batch") == 0);
}

TEST_CASE("undo removes the people an import created, but not those another event lists since", "[importer]") {
    Fixture f;
    auto first = f.import_text("A", "a.csv", "Name,Email\nMette Jensen,m@x.dk\nLars Holm,l@x.dk\n");
    REQUIRE(first.ok());
    REQUIRE(f.import_text("B", "b.csv", "Name,Email\nLars Holm,l@x.dk\n").ok());
    REQUIRE(undo_import(*f.db, first->batch_id).ok());
    CHECK(f.scalar("SELECT count(*) FROM person") == 1);
    CHECK(f.text("SELECT first_name FROM person") == "Lars");
    CHECK(f.scalar("SELECT count(*) FROM participant") == 1);
    auto batches = list_imports(*f.db, f.event("A"));
    REQUIRE(batches.size() == 1);
    CHECK_FALSE(batches[0].undone_at.empty());
}

TEST_CASE("a dry run reports what would happen and changes nothing", "[importer]") {
    Fixture f;
    auto summary = f.import_text("A", "a.csv", kEventbrite, true);
    REQUIRE(summary.ok());
    CHECK(summary->dry_run);
    CHECK(summary->created == 3);
    CHECK(summary->batch_id == 0);
    CHECK(f.scalar("SELECT count(*) FROM person") == 0);
    CHECK(f.scalar("SELECT count(*) FROM import_batch") == 0);
}

TEST_CASE("a cancelled import rolls back", "[importer]") {
    Fixture f;
    auto path = f.dir / "a.csv";
    mingle::testing::write_file(path, kEventbrite);
    auto source = ImportSource::file(path);
    auto layout = detect(source);
    REQUIRE(layout.ok());
    ImportProgress progress;
    progress.cancel = true;
    auto summary = run_import(*f.db, {source, *layout, guess_mapping(layout->columns), f.event("A"), false}, &progress);
    REQUIRE_FALSE(summary.ok());
    CHECK_THAT(summary.error().message, Catch::Contains("cancelled"));
    CHECK(f.scalar("SELECT count(*) FROM person") == 0);
}

TEST_CASE("the mapping a user corrected is remembered for the same header, and forgotten when undone", "[importer]") {
    Fixture f;
    SourceLayout layout;
    layout.columns = {"Navn", "Mail", "Firma"};
    bool remembered = true;
    auto guessed = initial_mapping(*f.db, layout, &remembered);
    CHECK_FALSE(remembered);
    CHECK(guessed == std::vector<Field>{Field::FullName, Field::Email, Field::Company});

    std::vector<Field> corrected{Field::FullName, Field::Email, Field::Ignore};
    remember_mapping(*f.db, layout, corrected);
    SourceLayout same_header = layout;
    same_header.columns = {"navn", " MAIL", "firma"};
    CHECK(initial_mapping(*f.db, same_header, &remembered) == corrected);
    CHECK(remembered);

    SourceLayout other = layout;
    other.columns = {"Navn", "Mail"};
    CHECK(initial_mapping(*f.db, other, &remembered) == std::vector<Field>{Field::FullName, Field::Email});
    CHECK_FALSE(remembered);

    remember_mapping(*f.db, layout, guessed);  // back to the guess: nothing left to remember
    CHECK(f.scalar("SELECT count(*) FROM column_mapping") == 0);
}

TEST_CASE("vCards and pasted lists import through the same path", "[importer]") {
    Fixture f;
    auto cards = f.import_text("A", "contacts.vcf",
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bæk;Søren;;;\r\nFN:Søren Bæk\r\nORG:Ørsted\r\n"
                               "EMAIL;TYPE=work:soren@orsted.dk\r\nEND:VCARD\r\n");
    REQUIRE(cards.ok());
    CHECK(cards->created == 1);
    CHECK(f.text("SELECT company FROM person") == "Ørsted");

    auto source = ImportSource::text("Mette Jensen, Projektleder, Vestas\nSide 2 af 5\n");
    auto layout = detect(source);
    REQUIRE(layout.ok());
    CHECK(layout->format == Format::TextList);
    auto pasted = run_import(*f.db, {source, *layout, guess_mapping(layout->columns), f.event("A"), false});
    REQUIRE(pasted.ok());
    CHECK(pasted->created == 1);
    CHECK(pasted->skipped == 1);
    CHECK(f.text("SELECT title FROM person WHERE first_name = 'Mette'") == "Projektleder");
}

TEST_CASE("a background import uses its own connection and reports through the main-thread queue", "[importer]") {
    TempDir dir;
    auto db_path = (dir / "mingle.db").string();
    auto opened = storage::Database::open(db_path);
    REQUIRE(opened.ok());
    auto& db = **opened;
    auto event = EventStore(db).find_or_create("A");
    REQUIRE(event.ok());
    auto csv = dir / "a.csv";
    std::string rows = "Name,Email\n";
    for (int i = 0; i < 20000; ++i) rows += "Person " + std::to_string(i) + ",p" + std::to_string(i) + "@x.dk\n";
    mingle::testing::write_file(csv, rows);
    auto source = ImportSource::file(csv);
    auto layout = detect(source);
    REQUIRE(layout.ok());

    MainThreadQueue queue;
    std::optional<Result<ImportSummary>> delivered;
    ImportJob job(db_path, {source, *layout, guess_mapping(layout->columns), *event, false}, queue,
                  [&](Result<ImportSummary> result) { delivered = std::move(result); });
    while (!delivered) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        queue.run_pending();  // the result arrives only here, on this thread
        CHECK(job.fraction() >= 0.0f);
        CHECK(job.fraction() <= 1.0f);
    }
    REQUIRE(delivered->ok());
    CHECK((*delivered)->created == 20000);
    CHECK(job.finished());
    CHECK(PersonStore(db).count() == 20000);
}
