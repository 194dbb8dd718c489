#include "demo.hpp"

#include <tuple>
#include <vector>

#include "core/assets.hpp"
#include "core/events.hpp"
#include "core/import/importer.hpp"
#include "core/followups.hpp"
#include "core/links.hpp"
#include "core/reception.hpp"
#include "core/targets.hpp"

#include <SQLiteCpp/Statement.h>

namespace mingle {

namespace {

Status import_asset(storage::Database& db, const char* asset, Id event_id) {
    auto bytes = assets::find(asset);
    if (!bytes) return make_error(std::string("The demo file ") + asset + " is missing from this build.");
    auto source = import::ImportSource::text(std::string(*bytes), asset);
    auto layout = import::detect(source);
    if (!layout.ok()) return layout.error();
    import::ImportRequest request{source, *layout, import::guess_mapping(layout->columns), event_id, false};
    auto summary = import::run_import(db, request);
    if (!summary.ok()) return summary.error();
    return ok_status();
}

Id person_by_email(storage::Database& db, const char* email) {
    SQLite::Statement query(db.sql(), "SELECT id FROM person WHERE email = ?");
    query.bind(1, email);
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

// A little memory, as if the user had used mingle before: a past event, relationships, who knows
// whom, and a half-finished plan, so the prep board and the rings show what they are for.
Status seed_memory(storage::Database& db, Id event_id) {
    PersonMemory memory(db);
    LinkStore links(db);
    TargetStore targets(db);
    auto id = [&](const char* email) { return person_by_email(db, email); };
    const Id mette = id("mette.ostergaard@orsted.dk"), soren = id("soren.baek@vestas.com"),
             ase = id("ase.kjaer@energinet.dk"), jorgen = id("jorgen.dahl@danskeenergi.dk"),
             camilla = id("camilla@ditlev.dk"), frederik = id("frederik.lund@norlys.dk"),
             zoe = id("zoe.muller@siemens-energy.com"), francois = id("francois.dvorak@cip.dk"),
             anne = id("anne.moller@andel.dk"), ida = id("ida.holm@cphbusiness.dk"),
             lars = id("lars.holm@orsted.dk"), thomas = id("thomas.berg@andel.dk"),
             pernille = id("pernille.sorensen@di.dk"), ngozi = id("ngozi.okafor@dtu.dk");
    for (Id person : {mette, soren, ase, jorgen, camilla, frederik, zoe, francois, anne, ida, lars, thomas, pernille, ngozi})
        if (person == 0) return make_error("The demo participant lists are incomplete in this build.");

    const std::pair<Id, Relation> kRelations[] = {{camilla, Relation::Vip}, {thomas, Relation::Vip},
                                                  {jorgen, Relation::Good}, {anne, Relation::Good},
                                                  {lars, Relation::Good},   {ida, Relation::Card},
                                                  {pernille, Relation::Card}, {ngozi, Relation::Good},
                                                  {zoe, Relation::Card}};
    for (const auto& [person, relation] : kRelations)
        if (auto set = memory.set_relation(person, relation); !set.ok()) return set;
    const std::tuple<Id, Id, const char*> kLinks[] = {
        {camilla, soren, "tidligere kolleger i HR hos Vestas"},
        {jorgen, ase, "sidder sammen i kompetenceudvalget"},
        {anne, thomas, "kolleger hos Andel"},
        {thomas, frederik, "bestyrelsen i Energi Danmark"},
        {pernille, francois, "DI's investorforum"},
    };
    for (const auto& [a, b, how] : kLinks)
        if (auto added = links.add(a, b, how); !added.ok()) return added;
    if (auto added = memory.add_history(camilla, "Vestas", "HR Business Partner"); !added.ok()) return added;
    if (auto added = memory.add_history(anne, "Ørsted", "Projektingeniør"); !added.ok()) return added;
    if (auto set = memory.set_recognize(mette, "Kort mørkt hår; taler på scenen kl. 17"); !set.ok()) return set;
    if (auto noted = memory.add_note(jorgen, std::nullopt, "Talte om elnettet og manglen på projektledere"); !noted.ok())
        return noted.error();

    // The earlier event, as if followed up: met, promises kept both ways, thanked, rated.
    auto past = EventStore(db).find("Energiforum 2025");
    if (!past) return make_error("The demo's earlier event is missing.");
    ReceptionStore reception(db);
    for (Id person : {jorgen, camilla, anne, lars})
        if (auto marked = reception.mark_met(past->id, person); !marked.ok()) return marked;
    auto kept = reception.add_promise(past->id, jorgen, true, "Sende artiklen om netplanlægning", "2025-10-16T09:00");
    auto theirs = reception.add_promise(past->id, lars, false, "Introducerer mig for teamet i Ørsted", "2025-10-20T09:00");
    if (!kept.ok()) return kept.error();
    if (!theirs.ok()) return theirs.error();
    for (Status status : {mark_done(db, *kept), mark_done(db, *theirs), mark_thanked(db, past->id, jorgen),
                          mark_thanked(db, past->id, camilla), set_rating(db, past->id, 4)})
        if (!status.ok()) return status;
    if (auto gave = log_contact(db, camilla, ContactKind::Gave, "Tip om et job hos Vestas"); !gave.ok()) return gave.error();

    std::vector<Id> chosen{mette, soren, ase, frederik, zoe, pernille, francois};
    if (auto added = targets.add(event_id, chosen); !added.ok()) return added.error();
    struct Plan {
        Id person;
        Circle circle;
        int importance;
        TargetRole role;
        const char* ask;
        const char* offer;
        const char* nurture;
    };
    const Plan kPlans[] = {
        {mette, Circle::Central, 5, TargetRole::Access, "Hvordan rekrutterer Ørsted projektledere til havvind?",
         "Min erfaring med at skalere projektteams", "Send artiklen om agil projektledelse i byggeriet"},
        {soren, Circle::Central, 5, TargetRole::Intermediary, "Hvem i Vestas' service skal jeg tale med?",
         "Et par navne på dygtige projektledere", ""},
        {ase, Circle::Central, 4, TargetRole::Info, "Hvilke kompetencer mangler Energinet de næste år?", "", ""},
        {frederik, Circle::Inner, 3, TargetRole::Info, "", "", ""},
        {zoe, Circle::Inner, 3, TargetRole::Access, "Supply chain projects in Denmark?", "", ""},
        {pernille, Circle::Outer, 2, TargetRole::Intermediary, "", "", ""},
        {francois, Circle::Outer, 2, TargetRole::Info, "", "", ""},
    };
    for (const Plan& plan : kPlans) {
        for (Status status : {targets.set_circle(event_id, plan.person, plan.circle),
                              targets.set_importance(event_id, plan.person, plan.importance),
                              targets.set_role(event_id, plan.person, plan.role),
                              targets.set_plan(event_id, plan.person, PlanField::Ask, plan.ask),
                              targets.set_plan(event_id, plan.person, PlanField::Offer, plan.offer),
                              targets.set_plan(event_id, plan.person, PlanField::Nurture, plan.nurture)})
            if (!status.ok()) return status;
    }
    // Tonight, part-way: two targets met, a promise each way, a note.
    for (Id person : {mette, soren})
        if (auto marked = reception.mark_met(event_id, person); !marked.ok()) return marked;
    if (auto cv = reception.add_promise(event_id, mette, true, "Send mit CV", "2026-12-04T09:00"); !cv.ok()) return cv.error();
    if (auto report = reception.add_promise(event_id, soren, false, "Sender rapporten om kompetencebehov",
                                            "2026-12-05T09:00");
        !report.ok())
        return report.error();
    if (auto noted = memory.add_note(mette, event_id, "Havvindsprojekterne i Polen og hvordan de bemander dem");
        !noted.ok())
        return noted.error();
    return ok_status();
}

}  // namespace

Status seed_demo_if_new(storage::Database& db) {
    if (db.setting("demo_seeded") == "1") return ok_status();
    EventStore events(db);
    if (!events.list().empty()) {
        db.set_setting("demo_seeded", "1");  // the user has their own events: never add the demo
        return ok_status();
    }
    auto past = events.create(EventDraft{"Energiforum 2025", "2025-10-15", "Aarhus", "Lære om kompetencebehov i energisektoren."});
    if (!past.ok()) return past.error();
    if (auto imported = import_asset(db, "demo/past_event.csv", *past); !imported.ok()) return imported;
    auto event = events.create(EventDraft{
        kDemoEventName, "2026-12-03", "Industriens Hus, København",
        "Møde tre ledere i energisektoren, der kan åbne døren til en stilling som projektleder."});
    if (!event.ok()) return event.error();

    if (auto imported = import_asset(db, "demo/participants.csv", *event); !imported.ok()) return imported;
    if (auto seeded = seed_memory(db, *event); !seeded.ok()) return seeded;
    db.set_setting("demo_seeded", "1");
    return ok_status();
}

}  // namespace mingle
