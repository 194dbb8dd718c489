#include "targets.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/people.hpp"

namespace mingle {
namespace {

constexpr const char* kTargetColumns = "t.event_id, t.circle, t.importance, t.role, t.ask, t.offer, t.nurture";

// Central first, then inner and outer; the most important first within a circle.
constexpr const char* kTargetOrder =
    " ORDER BY CASE t.circle WHEN 'central' THEN 0 WHEN 'inner' THEN 1 ELSE 2 END, t.importance DESC, "
    "p.first_name COLLATE NOCASE, p.last_name COLLATE NOCASE, p.id";

Target read_target(SQLite::Statement& query) {
    Target target;
    target.person = read_person(query);
    int column = kPersonColumnCount;
    target.event_id = query.getColumn(column++).getInt64();
    target.circle = parse_circle(query.getColumn(column++).getString()).value_or(Circle::Outer);
    target.importance = query.getColumn(column++).getInt();
    target.role = parse_role(query.getColumn(column++).getString()).value_or(TargetRole::None);
    target.ask = query.getColumn(column++).getString();
    target.offer = query.getColumn(column++).getString();
    target.nurture = query.getColumn(column++).getString();
    return target;
}

std::string select_targets(const char* where) {
    return std::string("SELECT ") + kPersonColumns + ", " + kTargetColumns +
           " FROM target t JOIN person p ON p.id = t.person_id WHERE " + where + kTargetOrder;
}

Error no_such_target() {
    return make_error("That person is no longer a target at this event. Pick them again from the participants.");
}

}  // namespace

std::vector<Target> TargetStore::list(Id event_id) {
    SQLite::Statement query(db_.sql(), select_targets("t.event_id = ?"));
    query.bind(1, event_id);
    std::vector<Target> targets;
    while (query.executeStep()) targets.push_back(read_target(query));
    return targets;
}

std::optional<Target> TargetStore::get(Id event_id, Id person_id) {
    SQLite::Statement query(db_.sql(), select_targets("t.event_id = ? AND t.person_id = ?"));
    query.bind(1, event_id);
    query.bind(2, person_id);
    if (!query.executeStep()) return std::nullopt;
    return read_target(query);
}

TargetCounts TargetStore::counts(Id event_id) {
    SQLite::Statement query(db_.sql(),
                            "SELECT circle, count(*), sum(ask = '' AND offer = '' AND nurture = '') FROM target "
                            "WHERE event_id = ? GROUP BY circle");
    query.bind(1, event_id);
    TargetCounts counts;
    while (query.executeStep()) {
        int n = query.getColumn(1).getInt();
        switch (parse_circle(query.getColumn(0).getString()).value_or(Circle::Outer)) {
            case Circle::Central: counts.central += n; break;
            case Circle::Inner: counts.inner += n; break;
            case Circle::Outer: counts.outer += n; break;
        }
        counts.without_plan += query.getColumn(2).getInt();
    }
    return counts;
}

Result<int> TargetStore::add(Id event_id, std::span<const Id> person_ids, Circle circle) {
    int added = 0;
    auto status = storage::in_transaction(db_, [&]() -> Status {
        SQLite::Statement insert(db_.sql(),
                                 "INSERT INTO target(event_id, person_id, circle) "
                                 "SELECT ?1, id, ?3 FROM person WHERE id = ?2 ON CONFLICT DO NOTHING");
        for (Id person : person_ids) {
            insert.bind(1, event_id);
            insert.bind(2, person);
            insert.bind(3, std::string(circle_key(circle)));
            added += insert.exec();
            insert.reset();
        }
        return ok_status();
    });
    if (!status.ok()) return status.error();
    return added;
}

Status TargetStore::remove(Id event_id, Id person_id) {
    try {
        SQLite::Statement remove(db_.sql(), "DELETE FROM target WHERE event_id = ? AND person_id = ?");
        remove.bind(1, event_id);
        remove.bind(2, person_id);
        if (remove.exec() == 0) return no_such_target();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "removing the target");
    }
}

Status TargetStore::restore(const Target& target) {
    try {
        SQLite::Statement insert(db_.sql(),
                                 "INSERT OR REPLACE INTO target(event_id, person_id, circle, importance, role, ask, offer, "
                                 "nurture) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, target.event_id);
        insert.bind(2, target.person.id);
        insert.bind(3, std::string(circle_key(target.circle)));
        insert.bind(4, target.importance);
        insert.bind(5, std::string(role_key(target.role)));
        insert.bind(6, target.ask);
        insert.bind(7, target.offer);
        insert.bind(8, target.nurture);
        insert.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "putting the target back");
    }
}

Status TargetStore::update(Id event_id, Id person_id, const char* assignment, auto&& bind_value) {
    try {
        SQLite::Statement update(db_.sql(), std::string("UPDATE target SET ") + assignment +
                                                " WHERE event_id = ?2 AND person_id = ?3");
        bind_value(update);
        update.bind(2, event_id);
        update.bind(3, person_id);
        if (update.exec() == 0) return no_such_target();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the target");
    }
}

Status TargetStore::set_circle(Id event_id, Id person_id, Circle circle) {
    return update(event_id, person_id, "circle = ?1",
                  [&](SQLite::Statement& s) { s.bind(1, std::string(circle_key(circle))); });
}

Status TargetStore::set_importance(Id event_id, Id person_id, int importance) {
    if (importance < 1 || importance > 5)
        return make_error("Importance is from 1 (a little) to 5 (most important for the goal); " +
                          std::to_string(importance) + " is outside that.");
    return update(event_id, person_id, "importance = ?1", [&](SQLite::Statement& s) { s.bind(1, importance); });
}

Status TargetStore::set_role(Id event_id, Id person_id, TargetRole role) {
    return update(event_id, person_id, "role = ?1",
                  [&](SQLite::Statement& s) { s.bind(1, std::string(role_key(role))); });
}

Status TargetStore::set_plan(Id event_id, Id person_id, PlanField field, std::string_view text) {
    const char* assignment = field == PlanField::Ask ? "ask = ?1" : field == PlanField::Offer ? "offer = ?1" : "nurture = ?1";
    return update(event_id, person_id, assignment, [&](SQLite::Statement& s) { s.bind(1, std::string(text)); });
}

}  // namespace mingle
