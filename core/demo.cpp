#include "demo.hpp"

#include "core/assets.hpp"
#include "core/events.hpp"
#include "core/import/importer.hpp"

namespace mingle {

Status seed_demo_if_new(storage::Database& db) {
    if (db.setting("demo_seeded") == "1") return ok_status();
    EventStore events(db);
    if (!events.list().empty()) {
        db.set_setting("demo_seeded", "1");  // the user has their own events: never add the demo
        return ok_status();
    }
    auto csv = assets::find("demo/participants.csv");
    if (!csv) return make_error("The demo participant list is missing from this build.");
    auto event = events.create(EventDraft{
        kDemoEventName, "2026-12-03", "Industriens Hus, København",
        "Møde tre ledere i energisektoren, der kan åbne døren til en stilling som projektleder."});
    if (!event.ok()) return event.error();

    auto source = import::ImportSource::text(std::string(*csv), "demo-participants.csv");
    auto layout = import::detect(source);
    if (!layout.ok()) return layout.error();
    import::ImportRequest request{source, *layout, import::guess_mapping(layout->columns), *event, false};
    auto summary = import::run_import(db, request);
    if (!summary.ok()) return summary.error();
    db.set_setting("demo_seeded", "1");
    return ok_status();
}

}  // namespace mingle
