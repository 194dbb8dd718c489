#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "core/door_openers.hpp"
#include "core/events.hpp"
#include "core/import/derived_links.hpp"
#include "core/import/importer.hpp"
#include "core/links.hpp"
#include "core/storage/database.hpp"
#include "core/targets.hpp"

using namespace mingle;

namespace {

struct Fixture {
    std::unique_ptr<storage::Database> db;

    Fixture() {
        auto opened = storage::Database::open(":memory:");
        REQUIRE(opened.ok());
        db = std::move(*opened);
    }

    Id person(const std::string& first, const std::string& last, const std::string& company = "") {
        auto id = PersonMemory(*db).add_person(first, last, company);
        REQUIRE(id.ok());
        return *id;
    }

    Id event(const std::string& name) {
        auto id = EventStore(*db).find_or_create(name);
        REQUIRE(id.ok());
        return *id;
    }

    Result<import::ImportSummary> import_text(const std::string& event_name, const std::string& bytes) {
        auto source = import::ImportSource::text(bytes, "list.csv");
        auto layout = import::detect(source);
        if (!layout.ok()) return layout.error();
        return import::run_import(*db, {source, *layout, import::guess_mapping(layout->columns), event(event_name), false});
    }

    Id id_of(const std::string& email) {
        SQLite::Statement query(db->sql(), "SELECT id FROM person WHERE email = ?");
        query.bind(1, email);
        REQUIRE(query.executeStep());
        return query.getColumn(0).getInt64();
    }

    std::int64_t scalar(const std::string& sql) {
        SQLite::Statement query(db->sql(), sql);
        query.executeStep();
        return query.getColumn(0).getInt64();
    }
};

}  // namespace

TEST_CASE("a link is stored once per pair, both ways, and keeps how they know each other", "[links]") {
    Fixture f;
    Id mette = f.person("Mette", "Østergaard"), soren = f.person("Søren", "Bæk");
    LinkStore links(*f.db);
    REQUIRE(links.add(soren, mette, "former colleagues at Mærsk").ok());
    REQUIRE(links.add(mette, soren, "").ok());  // no new how: the old one stays
    CHECK(f.scalar("SELECT count(*) FROM link") == 1);
    auto of_mette = links.links_of(mette);
    REQUIRE(of_mette.size() == 1);
    CHECK(of_mette[0].other.first_name == "Søren");
    CHECK(of_mette[0].how == "former colleagues at Mærsk");
    CHECK_FALSE(of_mette[0].from_import);
    auto of_soren = links.links_of(soren);
    REQUIRE(of_soren.size() == 1);
    CHECK(of_soren[0].other.first_name == "Mette");

    REQUIRE(links.add(mette, soren, "rowing club").ok());
    CHECK(links.links_of(mette)[0].how == "rowing club");

    CHECK_FALSE(links.add(mette, mette, "").ok());
    auto missing = links.add(mette, 999, "");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("999") != std::string::npos);

    REQUIRE(links.remove(mette, soren).ok());
    CHECK(links.links_of(soren).empty());
    CHECK_FALSE(links.remove(mette, soren).ok());
}

TEST_CASE("a person's memory: relationship, notes, former companies and events", "[links]") {
    Fixture f;
    Id mette = f.person("Mette", "Østergaard", "Mærsk");
    PersonMemory memory(*f.db);
    REQUIRE(memory.set_relation(mette, Relation::Vip).ok());
    REQUIRE(memory.set_recognize(mette, "Tall, red glasses").ok());
    auto person = memory.get(mette);
    REQUIRE(person);
    CHECK(person->relation == Relation::Vip);
    CHECK(person->recognize == "Tall, red glasses");

    SECTION("a new company keeps the old one as history") {
        REQUIRE(memory.set_field(mette, "company", "Ørsted").ok());
        CHECK(memory.get(mette)->company == "Ørsted");
        auto history = memory.history(mette);
        REQUIRE(history.size() == 1);
        CHECK(history[0].company == "Mærsk");
        CHECK_FALSE(history[0].from_import);
        REQUIRE(memory.add_history(mette, "DONG Energy", "Projektleder").ok());
        REQUIRE(memory.add_history(mette, "DONG Energy", "Projektleder").ok());  // once
        CHECK(memory.history(mette).size() == 2);
        CHECK_FALSE(memory.add_history(mette, " ", "").ok());
        CHECK_FALSE(memory.set_field(mette, "relation; DROP TABLE person", "x").ok());
    }
    SECTION("notes are dated, newest first, and tell the event") {
        Id reception = f.event("Reception");
        auto first = memory.add_note(mette, std::nullopt, "Talked about offshore wind");
        auto second = memory.add_note(mette, reception, "  Wants the report on skills  ");
        REQUIRE(first.ok());
        REQUIRE(second.ok());
        auto notes = memory.notes(mette);
        REQUIRE(notes.size() == 2);
        CHECK(notes[0].text == "Wants the report on skills");
        CHECK(notes[0].event_name == "Reception");
        CHECK(notes[1].event_name.empty());
        CHECK(notes[1].created_at.size() == 20);
        CHECK_FALSE(memory.add_note(mette, std::nullopt, "   ").ok());
        REQUIRE(memory.remove_note(*first).ok());
        CHECK(memory.notes(mette).size() == 1);
    }
    SECTION("the events the person was at, newest first") {
        REQUIRE(EventStore(*f.db).create({"Old forum", "2025-03-01", "", ""}).ok());
        REQUIRE(EventStore(*f.db).create({"New forum", "2026-03-01", "", ""}).ok());
        f.db->sql().exec("INSERT INTO participant(event_id, person_id) SELECT id, " + std::to_string(mette) + " FROM event");
        auto events = memory.events_of(mette);
        REQUIRE(events.size() == 2);
        CHECK(events[0].event_name == "New forum");
        CHECK(events[1].date == "2025-03-01");
    }
}

TEST_CASE("notes, relationships and history survive a re-import of the same list", "[links]") {
    Fixture f;
    const std::string list = "First Name,Last Name,Email,Company\nMette,Østergaard,mette@orsted.dk,Ørsted\n";
    REQUIRE(f.import_text("Reception", list).ok());
    Id mette = f.id_of("mette@orsted.dk");
    PersonMemory memory(*f.db);
    REQUIRE(memory.set_relation(mette, Relation::Good).ok());
    REQUIRE(memory.add_note(mette, std::nullopt, "Runs the offshore team").ok());
    REQUIRE(memory.add_history(mette, "Mærsk", "").ok());
    REQUIRE(f.import_text("Reception", list).ok());
    REQUIRE(f.import_text("Energy Forum", list).ok());
    CHECK(memory.get(mette)->relation == Relation::Good);
    CHECK(memory.notes(mette).size() == 1);
    CHECK(memory.history(mette).size() == 1);
    CHECK(f.scalar("SELECT count(*) FROM person") == 1);
    // The import built the company index again (door-openers at the same company need it).
    CHECK(f.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'person_company'") == 1);
    auto source = import::ImportSource::text(list, "again.csv");
    auto layout = import::detect(source);
    REQUIRE(layout.ok());
    REQUIRE(import::run_import(*f.db, {source, *layout, import::guess_mapping(layout->columns), f.event("X"), true}).ok());
    CHECK(f.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'person_company'") == 1);
}

TEST_CASE("undoing an import keeps the people the user has written something about", "[links]") {
    Fixture f;
    auto summary = f.import_text("Reception",
                                 "First Name,Last Name,Email\nMette,Østergaard,mette@orsted.dk\nSøren,Bæk,soren@vestas.com\n"
                                 "Åse,Kjær,ase@energinet.dk\nIda,Holm,ida@cph.dk\n");
    REQUIRE(summary.ok());
    Id mette = f.id_of("mette@orsted.dk"), soren = f.id_of("soren@vestas.com"), ase = f.id_of("ase@energinet.dk");
    std::vector<Id> targeted{mette};
    REQUIRE(TargetStore(*f.db).add(f.event("Reception"), targeted).ok());
    REQUIRE(PersonMemory(*f.db).add_note(soren, std::nullopt, "Met at the bar").ok());
    REQUIRE(PersonMemory(*f.db).set_relation(ase, Relation::Card).ok());
    REQUIRE(import::undo_import(*f.db, summary->batch_id).ok());
    CHECK(f.scalar("SELECT count(*) FROM participant") == 0);
    CHECK(f.scalar("SELECT count(*) FROM person") == 3);  // Ida, with nothing written about her, goes
    CHECK(f.scalar("SELECT count(*) FROM person WHERE email = 'ida@cph.dk'") == 0);
    CHECK(f.scalar("SELECT count(*) FROM target") == 1);
}

TEST_CASE("an \"Invited by\" column becomes links between participants, and undo removes them", "[links]") {
    CHECK(import::is_acquaintance_column("Invited by"));
    CHECK(import::is_acquaintance_column("Inviteret af (navn)"));
    CHECK(import::is_acquaintance_column("Gæst af"));
    CHECK_FALSE(import::is_acquaintance_column("What would you like to talk about?"));

    Fixture f;
    auto summary = f.import_text("Reception",
                                 "First Name,Last Name,Email,Company,Invited by\n"
                                 "Søren,Bæk,soren@vestas.com,Vestas,\n"
                                 "Mette,Østergaard,mette@orsted.dk,Ørsted,Søren Bæk\n"
                                 "Anne,Møller,anne@andel.dk,Andel,soren@vestas.com og Mette Ostergaard\n"
                                 "Ida,Holm,ida@cph.dk,Cphbusiness,Someone Unknown\n");
    REQUIRE(summary.ok());
    CHECK(summary->links_derived == 3);
    Id soren = f.id_of("soren@vestas.com"), anne = f.id_of("anne@andel.dk");
    auto of_soren = LinkStore(*f.db).links_of(soren);
    REQUIRE(of_soren.size() == 2);
    CHECK(of_soren[0].other.first_name == "Anne");
    CHECK(of_soren[0].from_import);
    CHECK(of_soren[1].how == "Invited by: Søren Bæk");
    CHECK(LinkStore(*f.db).links_of(anne).size() == 2);
    CHECK(LinkStore(*f.db).links_of(f.id_of("ida@cph.dk")).empty());

    // A link the user typed in stays through undo only if its people stay; derived ones go.
    REQUIRE(LinkStore(*f.db).add(soren, anne, "sailing").ok());  // now the user's own
    REQUIRE(import::undo_import(*f.db, summary->batch_id).ok());
    CHECK(f.scalar("SELECT count(*) FROM link") == 1);
    CHECK(f.scalar("SELECT count(*) FROM person") == 2);  // Søren and Anne, linked by the user
}

TEST_CASE("a known person listed at another company keeps it in their history, never over what is known", "[links]") {
    Fixture f;
    REQUIRE(f.import_text("Forum", "First Name,Last Name,Email,Company,Job Title\n"
                                   "Mette,Østergaard,mette@orsted.dk,Mærsk,Projektleder\n"
                                   "Ida,Holm,ida@cph.dk,,Studerende\n").ok());
    auto later = f.import_text("Reception", "First Name,Last Name,Email,Company,Job Title\n"
                                            "Mette,Østergaard,mette@orsted.dk,Ørsted A/S,Head of Projects\n"
                                            "Ida,Holm,ida@cph.dk,Cphbusiness,Studerende\n"
                                            "Lars,Holm,lars@orsted.dk,ØRSTED,CTO\n");
    REQUIRE(later.ok());
    CHECK(later->other_companies == 1);  // Ida had no company: it was filled in, not kept as history
    Id mette = f.id_of("mette@orsted.dk");
    PersonMemory memory(*f.db);
    CHECK(memory.get(mette)->company == "Mærsk");
    auto history = memory.history(mette);
    REQUIRE(history.size() == 1);
    CHECK(history[0].company == "Ørsted A/S");
    CHECK(history[0].title == "Head of Projects");
    CHECK(history[0].from_import);
    CHECK(memory.history(f.id_of("ida@cph.dk")).empty());

    // Lars, at Ørsted now, can introduce the user to Mette, who is listed there too.
    auto openers = find_door_openers(*f.db, f.event("Reception"), mette);
    REQUIRE_FALSE(openers.empty());
    CHECK(openers[0].person.first_name == "Lars");

    // The same list again notes nothing twice; undoing the import takes the entry away.
    auto again = f.import_text("Reception", "First Name,Last Name,Email,Company,Job Title\n"
                                            "Mette,Østergaard,mette@orsted.dk,ØRSTED,Head of Projects\n");
    REQUIRE(again.ok());
    CHECK(again->other_companies == 0);
    CHECK(memory.history(mette).size() == 1);
    // Listed again, already on the event, at a new company: the import is kept, so it can be undone.
    auto moved = f.import_text("Reception", "First Name,Last Name,Email,Company\nLars,Holm,lars@orsted.dk,Vestas\n");
    REQUIRE(moved.ok());
    CHECK(moved->other_companies == 1);
    CHECK(moved->batch_id != 0);
    REQUIRE(import::undo_import(*f.db, moved->batch_id).ok());
    CHECK(memory.history(f.id_of("lars@orsted.dk")).empty());

    REQUIRE(import::undo_import(*f.db, later->batch_id).ok());
    CHECK(memory.history(mette).empty());
}
