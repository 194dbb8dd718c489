#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "core/door_openers.hpp"
#include "core/events.hpp"
#include "core/links.hpp"
#include "core/storage/database.hpp"

using namespace mingle;
using Kind = DoorOpenerReason::Kind;

namespace {

// A hand-made network around Mette Hansen (at Ørsted, formerly at Mærsk), where the right order
// of her door-openers at the Summit is known; and smaller ones for ties and past events.
struct Network {
    std::unique_ptr<storage::Database> db;
    Id summit = 0;       // this event, 2026-03-01
    Id forum_2023 = 0;   // the past: 2023, 2024, 2025, and one without a date
    Id forum_2024 = 0;
    Id forum_2025 = 0;
    Id undated = 0;
    Id later_gala = 0;   // after the Summit: never a past event for it
    Id open_house = 0;   // no date: every other event counts as past for it
    Id climate_day = 0;  // Kasper's events, none of them with Mette: 2024, no date, and after the Summit
    Id winter_meetup = 0;
    Id harbour_party = 0;

    Id mette = 0;   // the target
    Id anna = 0;    // attending, no relationship, linked
    Id erik = 0;    // attending, good, worked at Mærsk like Mette
    Id bo = 0;      // inner, only past events (4 before the Summit, and the later gala)
    Id carl = 0;    // VIP, linked and at Ørsted
    Id dorte = 0;   // VIP, at Ørsted
    Id frida = 0;   // no relationship, at "ØRSTED" (other case)
    Id hanne = 0;   // card, used to work at Ørsted, now at Vestas
    Id ida = 0;     // none, works at Mærsk, where Mette used to work
    Id jens = 0;    // none, back at Ørsted after a spell elsewhere: same company, told once
    Id pia = 0;     // none, three former-company ties to Mette: one is told, and counted once
    Id gustav = 0;  // attending, VIP, but no tie to Mette at all

    Id kasper = 0;  // the target for past events only
    Id lise = 0;    // with Kasper at Climate Day 2024
    Id morten = 0;  // with Kasper at the harbour party, after the Summit
    Id nina = 0;    // with Kasper at the winter meetup, which has no date

    Id ole = 0;     // the target for ties: at Lego with four equals
    Id anders = 0, bo_alm = 0, bo_dam_first = 0, bo_dam_second = 0;

    Id vera = 0;    // nobody can introduce her
};

Id add_person(PersonMemory& memory, const char* first, const char* last, const char* company,
              Relation relation = Relation::None) {
    auto id = memory.add_person(first, last, company);
    REQUIRE(id.ok());
    REQUIRE(memory.set_relation(*id, relation).ok());
    return *id;
}

Id add_event(EventStore& events, const char* name, const char* date) {
    auto id = events.create({name, date, "", ""});
    REQUIRE(id.ok());
    return *id;
}

void attend(storage::Database& db, Id event, std::initializer_list<Id> people) {
    SQLite::Statement insert(db.sql(), "INSERT INTO participant(event_id, person_id) VALUES (?, ?)");
    for (Id person : people) {
        insert.bind(1, event);
        insert.bind(2, person);
        insert.exec();
        insert.reset();
    }
}

Network make_network() {
    Network n;
    auto db = storage::Database::open(":memory:");
    REQUIRE(db.ok());
    n.db = std::move(*db);
    EventStore events(*n.db);
    PersonMemory memory(*n.db);
    LinkStore links(*n.db);

    n.summit = add_event(events, "Summit", "2026-03-01");
    n.forum_2023 = add_event(events, "Spring Meetup 2023", "2023-04-01");
    n.forum_2024 = add_event(events, "Energy Forum 2024", "2024-05-01");
    n.forum_2025 = add_event(events, "Energy Forum 2025", "2025-05-01");
    n.undated = add_event(events, "Undated Meetup", "");
    n.later_gala = add_event(events, "Later Gala", "2026-09-01");
    n.open_house = add_event(events, "Open House", "");
    n.climate_day = add_event(events, "Climate Day 2024", "2024-09-01");
    n.winter_meetup = add_event(events, "Winter Meetup", "");
    n.harbour_party = add_event(events, "Harbour Party", "2026-10-01");

    n.mette = add_person(memory, "Mette", "Hansen", "Mærsk");
    // Changing the company keeps Mærsk as her former one.
    REQUIRE(memory.set_field(n.mette, "company", "Ørsted").ok());
    REQUIRE(memory.add_history(n.mette, "Zealand Pharma", "").ok());
    n.anna = add_person(memory, "Anna", "Ahl", "Carlsberg");
    n.erik = add_person(memory, "Erik", "Eng", "Novo Nordisk", Relation::Good);
    REQUIRE(memory.add_history(n.erik, "Mærsk", "Analyst").ok());
    n.bo = add_person(memory, "Bo", "Bech", "Danfoss", Relation::Inner);
    n.carl = add_person(memory, "Carl", "Carlsen", "Ørsted", Relation::Vip);
    n.dorte = add_person(memory, "Dorte", "Dahl", "Ørsted", Relation::Vip);
    n.frida = add_person(memory, "Frida", "Friis", "ØRSTED");
    n.hanne = add_person(memory, "Hanne", "Holm", "Vestas", Relation::Card);
    REQUIRE(memory.add_history(n.hanne, "ØRSTED", "Engineer").ok());
    n.ida = add_person(memory, "Ida", "Isaksen", "mærsk");
    n.jens = add_person(memory, "Jens", "Juul", "Ørsted");
    REQUIRE(memory.add_history(n.jens, "Ørsted", "Trainee").ok());
    n.pia = add_person(memory, "Pia", "Poulsen", "Zealand Pharma");
    REQUIRE(memory.add_history(n.pia, "Ørsted", "Intern").ok());
    REQUIRE(memory.add_history(n.pia, "Mærsk", "Intern").ok());
    n.gustav = add_person(memory, "Gustav", "Grøn", "Novo Nordisk", Relation::Vip);

    REQUIRE(links.add(n.anna, n.mette, "").ok());
    REQUIRE(links.add(n.mette, n.carl, "former colleagues at Mærsk").ok());
    REQUIRE(links.add(n.gustav, n.erik, "neighbours").ok());  // a link, but not to Mette

    attend(*n.db, n.summit, {n.mette, n.anna, n.erik, n.gustav});
    attend(*n.db, n.forum_2023, {n.mette, n.bo});
    attend(*n.db, n.forum_2024, {n.mette, n.bo});
    attend(*n.db, n.forum_2025, {n.mette, n.bo});
    attend(*n.db, n.undated, {n.mette, n.bo});
    attend(*n.db, n.later_gala, {n.mette, n.bo, n.gustav});

    n.kasper = add_person(memory, "Kasper", "Krog", "");
    n.lise = add_person(memory, "Lise", "Lund", "");
    n.morten = add_person(memory, "Morten", "Munk", "");
    n.nina = add_person(memory, "Nina", "Nørby", "");
    attend(*n.db, n.climate_day, {n.kasper, n.lise});
    attend(*n.db, n.harbour_party, {n.kasper, n.morten});
    attend(*n.db, n.winter_meetup, {n.kasper, n.nina});

    n.ole = add_person(memory, "Ole", "Vind", "Lego");
    n.bo_dam_first = add_person(memory, "Bo", "Dam", "LEGO");
    n.anders = add_person(memory, "anders", "Berg", "Lego");
    n.bo_dam_second = add_person(memory, "Bo", "Dam", "Lego");
    n.bo_alm = add_person(memory, "Bo", "Alm", "lego");

    n.vera = add_person(memory, "Vera", "Ny", "Solo ApS");
    attend(*n.db, n.summit, {n.vera});
    return n;
}

std::vector<Id> ids_of(const std::vector<DoorOpener>& openers) {
    std::vector<Id> ids;
    for (const auto& opener : openers) ids.push_back(opener.person.id);
    return ids;
}

std::vector<Kind> kinds_of(const DoorOpener& opener) {
    std::vector<Kind> kinds;
    for (const auto& reason : opener.reasons) kinds.push_back(reason.kind);
    return kinds;
}

const DoorOpener& opener_of(const std::vector<DoorOpener>& openers, Id person) {
    auto found = std::find_if(openers.begin(), openers.end(), [&](const DoorOpener& o) { return o.person.id == person; });
    REQUIRE(found != openers.end());
    return *found;
}

Person person_of(storage::Database& db, Id id) {
    auto person = PersonMemory(db).get(id);
    REQUIRE(person);
    return *person;
}

}  // namespace

TEST_CASE("door-openers are ranked: attending first, then the relationship, then the connection", "[door_openers]") {
    auto n = make_network();
    auto openers = find_door_openers(*n.db, n.summit, n.mette);
    // Attending: Erik (good) before Anna (none). Then Bo (inner); Carl and Dorte, both VIPs, where
    // Carl's link and company (7) beat Dorte's company (3); Hanne (card). Last the ones with no
    // relationship: Frida and Jens (same company, 3; by name), then Ida and Pia (former company, 2).
    std::vector<Id> expected = {n.erik, n.anna, n.bo, n.carl, n.dorte, n.hanne, n.frida, n.jens, n.ida, n.pia};
    CHECK(ids_of(openers) == expected);

    CHECK(opener_of(openers, n.erik).attending);
    CHECK(opener_of(openers, n.anna).attending);
    CHECK_FALSE(opener_of(openers, n.bo).attending);
    CHECK_FALSE(opener_of(openers, n.carl).attending);
}

TEST_CASE("door-openers: the connection adds up link, company, former company and past events", "[door_openers]") {
    auto n = make_network();
    auto openers = find_door_openers(*n.db, n.summit, n.mette, 0);
    CHECK(opener_of(openers, n.anna).connection == 4);
    CHECK(opener_of(openers, n.carl).connection == 4 + 3);
    CHECK(opener_of(openers, n.dorte).connection == 3);
    CHECK(opener_of(openers, n.frida).connection == 3);  // "ØRSTED" is "Ørsted" ignoring case
    CHECK(opener_of(openers, n.erik).connection == 2);
    CHECK(opener_of(openers, n.hanne).connection == 2);
    CHECK(opener_of(openers, n.ida).connection == 2);
    CHECK(opener_of(openers, n.jens).connection == 3);  // back at Ørsted: not a former company too
    // Four past events together, capped at 3; the later gala is not one of them.
    const auto& bo = opener_of(openers, n.bo);
    CHECK(bo.connection == 3);
    REQUIRE(bo.reasons.size() == 2);
    CHECK(bo.reasons[0].kind == Kind::Relationship);
    CHECK(bo.reasons[0].detail == "inner");
    CHECK(bo.reasons[1].kind == Kind::PastEvent);
    CHECK(bo.reasons[1].count == 4);
    CHECK(bo.reasons[1].detail == "Energy Forum 2025");

    CHECK(kinds_of(opener_of(openers, n.carl)) == std::vector<Kind>{Kind::Relationship, Kind::Link, Kind::SameCompany});
    CHECK(opener_of(openers, n.carl).reasons[1].detail == "former colleagues at Mærsk");
    CHECK(kinds_of(opener_of(openers, n.anna)) == std::vector<Kind>{Kind::Link});  // no relationship: not told
    CHECK(kinds_of(opener_of(openers, n.jens)) == std::vector<Kind>{Kind::SameCompany});
    const auto& erik = opener_of(openers, n.erik);
    REQUIRE(kinds_of(erik) == std::vector<Kind>{Kind::Relationship, Kind::FormerCompany});
    CHECK(erik.reasons[1].formerly == DoorOpenerReason::Formerly::Both);
    CHECK(erik.reasons[1].detail == "Mærsk");
    const auto& hanne = opener_of(openers, n.hanne).reasons.back();
    CHECK(hanne.formerly == DoorOpenerReason::Formerly::OpenerOnly);
    const auto& ida = opener_of(openers, n.ida).reasons.back();
    CHECK(ida.formerly == DoorOpenerReason::Formerly::TargetOnly);
    CHECK(ida.detail == "Mærsk");
    // Pia worked at Ørsted (where Mette is now) and at Mærsk (like Mette), and is at Zealand Pharma
    // (where Mette was): former colleagues are told first, and the strength counts once.
    const auto& pia = opener_of(openers, n.pia);
    CHECK(pia.connection == 2);
    REQUIRE(kinds_of(pia) == std::vector<Kind>{Kind::FormerCompany});
    CHECK(pia.reasons[0].formerly == DoorOpenerReason::Formerly::Both);
    CHECK(pia.reasons[0].detail == "Mærsk");
}

TEST_CASE("door-openers: the target, people without a tie, and people linked elsewhere are not listed", "[door_openers]") {
    auto n = make_network();
    auto ids = ids_of(find_door_openers(*n.db, n.summit, n.mette, 0));
    CHECK(std::find(ids.begin(), ids.end(), n.mette) == ids.end());
    // Gustav attends, is a VIP, and is at the later gala with Mette: none of it is a tie to her.
    CHECK(std::find(ids.begin(), ids.end(), n.gustav) == ids.end());
    CHECK(std::find(ids.begin(), ids.end(), n.lise) == ids.end());
}

TEST_CASE("door-openers: nobody can introduce a person without ties, unknown ids give none", "[door_openers]") {
    auto n = make_network();
    CHECK(find_door_openers(*n.db, n.summit, n.vera).empty());
    CHECK(find_door_openers(*n.db, n.summit, 999999).empty());
    CHECK(find_door_openers(*n.db, 999999, n.mette).empty());
}

TEST_CASE("door-openers through past events only: a later event does not count, an undated one does", "[door_openers]") {
    auto n = make_network();
    auto openers = find_door_openers(*n.db, n.summit, n.kasper);
    CHECK(ids_of(openers) == std::vector<Id>{n.lise, n.nina});
    const auto& lise = opener_of(openers, n.lise);
    CHECK(lise.connection == 1);
    REQUIRE(lise.reasons.size() == 1);
    CHECK(lise.reasons[0].kind == Kind::PastEvent);
    CHECK(lise.reasons[0].detail == "Climate Day 2024");
    CHECK(lise.reasons[0].count == 1);

    // Seen from an event without a date, every other event is in the past: Morten too.
    CHECK(ids_of(find_door_openers(*n.db, n.open_house, n.kasper)) == std::vector<Id>{n.lise, n.morten, n.nina});
    // And at the harbour party, where Morten met Kasper, that evening is this event, not a past one.
    CHECK(ids_of(find_door_openers(*n.db, n.harbour_party, n.kasper)) == std::vector<Id>{n.lise, n.nina});
}

TEST_CASE("door-openers that tie on everything are ordered by name, ignoring case, then by id", "[door_openers]") {
    auto n = make_network();
    auto openers = find_door_openers(*n.db, n.summit, n.ole);
    CHECK(ids_of(openers) == std::vector<Id>{n.anders, n.bo_alm, n.bo_dam_first, n.bo_dam_second});
    for (const auto& opener : openers) CHECK(opener.connection == 3);
}

TEST_CASE("door-openers: the limit keeps the best ones, 0 means all", "[door_openers]") {
    auto n = make_network();
    auto all = find_door_openers(*n.db, n.summit, n.mette, 0);
    REQUIRE(all.size() == 10);
    auto all_ids = ids_of(all);
    CHECK(ids_of(find_door_openers(*n.db, n.summit, n.mette, 3)) == std::vector<Id>(all_ids.begin(), all_ids.begin() + 3));
    CHECK(find_door_openers(*n.db, n.summit, n.mette, 1).size() == 1);
    CHECK(find_door_openers(*n.db, n.summit, n.mette, 100).size() == 10);
    CHECK(find_door_openers(*n.db, n.summit, n.mette).size() == 10);  // the default, 25, is more than there are
}

TEST_CASE("door-openers' reasons in English and Danish name the people, company and event", "[door_openers]") {
    auto n = make_network();
    auto openers = find_door_openers(*n.db, n.summit, n.mette, 0);
    Person mette = person_of(*n.db, n.mette);

    using Sentences = std::vector<std::string>;
    const auto& carl = opener_of(openers, n.carl);
    CHECK(describe_reasons(carl, mette, Language::English) ==
          Sentences{"You have a VIP relationship with Carl.", "Knows Mette (former colleagues at Mærsk).",
                    "Works at Ørsted, like Mette."});
    auto carl_da = describe_reasons(carl, mette, Language::Danish);
    REQUIRE(carl_da.size() == 3);
    CHECK(carl_da[0] == "Du har et VIP-forhold til Carl.");
    CHECK(carl_da[1] == "Kender Mette (former colleagues at Mærsk).");  // "how" stays in the user's words
    CHECK(carl_da[2] == "Arbejder hos Ørsted ligesom Mette.");

    const auto& erik = opener_of(openers, n.erik);
    CHECK(describe_reasons(erik, mette, Language::English) ==
          Sentences{"Attending this event: can introduce you on the spot.", "Erik is one of your good people to know.",
                    "Used to work at Mærsk, as Mette did."});
    CHECK(describe_reasons(erik, mette, Language::Danish) ==
          Sentences{"Er med til arrangementet og kan præsentere dig på stedet.", "Erik er en af dine gode kontakter.",
                    "Har tidligere arbejdet hos Mærsk ligesom Mette."});

    const auto& anna = opener_of(openers, n.anna);
    CHECK(describe_reasons(anna, mette, Language::English) ==
          Sentences{"Attending this event: can introduce you on the spot.", "Knows Mette."});

    const auto& bo = opener_of(openers, n.bo);
    CHECK(describe_reasons(bo, mette, Language::English) ==
          Sentences{"Bo is in your inner circle.", "Was at 4 earlier events with Mette, most recently Energy Forum 2025."});
    CHECK(describe_reasons(bo, mette, Language::Danish) ==
          Sentences{"Bo er i din inderkreds.",
                    "Har været med til 4 tidligere arrangementer sammen med Mette, senest Energy Forum 2025."});

    const auto& hanne = opener_of(openers, n.hanne);
    CHECK(describe_reasons(hanne, mette, Language::English) ==
          Sentences{"You have exchanged business cards with Hanne.", "Used to work at ØRSTED, where Mette works now."});
    CHECK(describe_reasons(hanne, mette, Language::Danish) ==
          Sentences{"Du har udvekslet visitkort med Hanne.", "Har tidligere arbejdet hos ØRSTED, hvor Mette er nu."});

    const auto& ida = opener_of(openers, n.ida);
    CHECK(describe_reasons(ida, mette, Language::English) == Sentences{"Works at Mærsk, where Mette used to work."});
    CHECK(describe_reasons(ida, mette, Language::Danish) ==
          Sentences{"Arbejder hos Mærsk, hvor Mette tidligere har arbejdet."});

    Person kasper = person_of(*n.db, n.kasper);
    const auto lise = find_door_openers(*n.db, n.summit, n.kasper, 1);
    REQUIRE(lise.size() == 1);
    CHECK(describe_reasons(lise[0], kasper, Language::English) == Sentences{"Was at Climate Day 2024 with Kasper."});
    CHECK(describe_reasons(lise[0], kasper, Language::Danish) ==
          Sentences{"Var med til Climate Day 2024 sammen med Kasper."});
}

TEST_CASE("best door-openers agree with the first of each target's list and leave out those without", "[door_openers]") {
    auto n = make_network();
    std::vector<Id> targets = {n.mette, n.kasper, n.ole, n.vera, n.mette};
    auto best = best_door_openers(*n.db, n.summit, targets);
    CHECK(best.size() == 3);
    CHECK_FALSE(best.contains(n.vera));
    for (Id target : {n.mette, n.kasper, n.ole}) {
        auto list = find_door_openers(*n.db, n.summit, target);
        REQUIRE(!list.empty());
        REQUIRE(best.contains(target));
        CHECK(best.at(target).person.id == list.front().person.id);
        CHECK(best.at(target).connection == list.front().connection);
        CHECK(kinds_of(best.at(target)) == kinds_of(list.front()));
    }
    CHECK(best.at(n.mette).person.id == n.erik);
}

TEST_CASE("door-openers at the same company are found however the company is spelled", "[door_openers]") {
    auto opened = storage::Database::open(":memory:");
    REQUIRE(opened.ok());
    storage::Database& db = **opened;
    auto event = EventStore(db).create({"Reception", "2026-12-03", "", ""});
    REQUIRE(event.ok());
    PersonMemory memory(db);
    Id karen = *memory.add_person("Karen", "Blix", "Novo Nordisk A/S");
    Id lars = *memory.add_person("Lars", "Holm", "NOVO NORDISK");
    Id sofie = *memory.add_person("Sofie", "Lind", "Novozymes");
    Id tom = *memory.add_person("Tom", "Berg", "Vestas");
    REQUIRE(memory.set_field(tom, "company", "Ørsted").ok());  // Vestas becomes Tom's former company
    Id anne = *memory.add_person("Anne", "Møller", "VESTAS Wind Systems A/S");
    REQUIRE(memory.set_field(anne, "company", "Vestas, Inc.").ok());

    auto to_karen = find_door_openers(db, *event, karen);
    REQUIRE(to_karen.size() == 1);
    CHECK(to_karen[0].person.id == lars);
    CHECK(to_karen[0].reasons[0].kind == Kind::SameCompany);
    for (const auto& opener : to_karen) CHECK(opener.person.id != sofie);

    // Tom worked at Vestas; Anne is there now, written another way.
    auto to_anne = find_door_openers(db, *event, anne);
    REQUIRE(to_anne.size() == 1);
    CHECK(to_anne[0].person.id == tom);
    CHECK(to_anne[0].reasons[0].kind == Kind::FormerCompany);
}
