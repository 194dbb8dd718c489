#include "events.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/dates.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

constexpr const char* kSelectEvent =
    "SELECT e.id, e.name, e.date, e.place, e.goal, "
    "       (SELECT count(*) FROM participant p WHERE p.event_id = e.id) "
    "FROM event e ";

Event read_event(SQLite::Statement& query) {
    Event event;
    event.id = query.getColumn(0).getInt64();
    event.name = query.getColumn(1).getString();
    event.date = query.getColumn(2).getString();
    event.place = query.getColumn(3).getString();
    event.goal = query.getColumn(4).getString();
    event.participant_count = query.getColumn(5).getInt64();
    return event;
}

Error name_problem(std::string_view name) {
    if (text::trim(name).empty()) return make_error("An event needs a name.");
    return make_error("There is already an event called \"" + std::string(text::trim(name)) +
                      "\". Choose another name.");
}

}  // namespace

std::vector<Event> EventStore::list() {
    std::vector<Event> events;
    SQLite::Statement query(db_.sql(), std::string(kSelectEvent) +
                                           "ORDER BY e.date = '', e.date DESC, e.name COLLATE NOCASE");
    while (query.executeStep()) events.push_back(read_event(query));
    return events;
}

std::optional<Event> EventStore::get(Id id) {
    SQLite::Statement query(db_.sql(), std::string(kSelectEvent) + "WHERE e.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_event(query);
}

std::optional<Event> EventStore::find(std::string_view name) {
    SQLite::Statement query(db_.sql(), std::string(kSelectEvent) + "WHERE e.name = ?");
    query.bind(1, std::string(text::trim(name)));
    if (!query.executeStep()) return std::nullopt;
    return read_event(query);
}

Result<Id> EventStore::create(const EventDraft& draft) {
    std::string name = text::collapse_spaces(draft.name);
    if (name.empty() || find(name)) return name_problem(name);
    auto date = dates::normalize(draft.date);
    if (!date) return make_error("\"" + draft.date + "\" is not a date. Write it as 2026-12-03 or 3.12.2026.");
    try {
        SQLite::Statement insert(db_.sql(), "INSERT INTO event(name, date, place, goal) VALUES(?, ?, ?, ?)");
        insert.bind(1, name);
        insert.bind(2, *date);
        insert.bind(3, std::string(text::trim(draft.place)));
        insert.bind(4, std::string(text::trim(draft.goal)));
        insert.exec();
        return db_.sql().getLastInsertRowid();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "creating the event");
    }
}

Result<Id> EventStore::find_or_create(std::string_view name) {
    if (auto existing = find(name)) return existing->id;
    return create(EventDraft{std::string(name), {}, {}, {}});
}

Status EventStore::set_text(Id id, const char* column, std::string_view value) {
    try {
        SQLite::Statement update(db_.sql(), std::string("UPDATE event SET ") + column + " = ? WHERE id = ?");
        update.bind(1, std::string(value));
        update.bind(2, id);
        if (update.exec() == 0) return make_error("That event no longer exists.");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the event");
    }
}

Status EventStore::rename(Id id, std::string_view name) {
    std::string clean = text::collapse_spaces(name);
    auto other = find(clean);
    if (clean.empty() || (other && other->id != id)) return name_problem(clean);
    return set_text(id, "name", clean);
}

Status EventStore::set_date(Id id, std::string_view typed_date) {
    auto date = dates::normalize(typed_date);
    if (!date)
        return make_error("\"" + std::string(typed_date) + "\" is not a date. Write it as 2026-12-03 or 3.12.2026.");
    return set_text(id, "date", *date);
}

// Place and goal are stored as typed (not trimmed) so an edit in progress keeps its spaces.
Status EventStore::set_place(Id id, std::string_view place) { return set_text(id, "place", place); }
Status EventStore::set_goal(Id id, std::string_view goal) { return set_text(id, "goal", goal); }

Status EventStore::remove(Id id) {
    try {
        SQLite::Statement remove(db_.sql(), "DELETE FROM event WHERE id = ?");
        remove.bind(1, id);
        if (remove.exec() == 0) return make_error("That event no longer exists.");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "deleting the event");
    }
}

}  // namespace mingle
