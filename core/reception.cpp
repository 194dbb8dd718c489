#include "reception.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/import/header_mapping.hpp"
#include "core/people.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

bool looks_like_due(std::string_view due) {
    // YYYY-MM-DDTHH:MM
    if (due.size() != 16 || due[4] != '-' || due[7] != '-' || due[10] != 'T' || due[13] != ':') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u})
        if (due[i] < '0' || due[i] > '9') return false;
    return true;
}

}  // namespace

Status ReceptionStore::mark_met(Id event_id, Id person_id) {
    try {
        if (!person_exists(db_, person_id))
            return make_error("There is no person with id " + std::to_string(person_id) + ". See mingle people.");
        SQLite::Statement insert(db_.sql(), "INSERT INTO meeting(event_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
        insert.bind(1, event_id);
        insert.bind(2, person_id);
        insert.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving who you met");
    }
}

Status ReceptionStore::unmark_met(Id event_id, Id person_id) {
    try {
        SQLite::Statement remove(db_.sql(), "DELETE FROM meeting WHERE event_id = ? AND person_id = ?");
        remove.bind(1, event_id);
        remove.bind(2, person_id);
        remove.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving who you met");
    }
}

std::unordered_set<Id> ReceptionStore::met(Id event_id) {
    SQLite::Statement query(db_.sql(), "SELECT person_id FROM meeting WHERE event_id = ?");
    query.bind(1, event_id);
    std::unordered_set<Id> people;
    while (query.executeStep()) people.insert(query.getColumn(0).getInt64());
    return people;
}

Result<Id> ReceptionStore::add_walk_in(Id event_id, std::string_view full_name, std::string_view company) {
    std::string name = text::collapse_spaces(full_name);
    if (name.empty()) return make_error("Give the walk-in's name.");
    import::NameParts parts = import::split_full_name(name);
    std::string clean_company = text::collapse_spaces(company);
    Id id = 0;
    auto status = storage::in_transaction(db_, [&]() -> Status {
        SQLite::Statement person(db_.sql(),
                                 "INSERT INTO person(first_name, last_name, company, company_key) VALUES (?, ?, ?, ?)");
        person.bind(1, parts.first);
        person.bind(2, parts.last);
        person.bind(3, clean_company);
        person.bind(4, text::company_key(clean_company));
        person.exec();
        id = db_.sql().getLastInsertRowid();
        SQLite::Statement participant(db_.sql(),
                                      "INSERT INTO participant(event_id, person_id, ticket_type) VALUES (?, ?, 'walk-in')");
        participant.bind(1, event_id);
        participant.bind(2, id);
        participant.exec();
        SQLite::Statement meeting(db_.sql(), "INSERT INTO meeting(event_id, person_id) VALUES (?, ?)");
        meeting.bind(1, event_id);
        meeting.bind(2, id);
        meeting.exec();
        return ok_status();
    });
    if (!status.ok()) return status.error();
    return id;
}

Result<Id> ReceptionStore::add_promise(std::optional<Id> event_id, Id person_id, bool by_me, std::string_view text,
                                       std::string_view due) {
    std::string clean = text::collapse_spaces(text);
    if (clean.empty()) return make_error("Write what was promised.");
    if (!looks_like_due(due)) return make_error("The due time \"" + std::string(due) + "\" is not of the form 2026-12-01T09:00.");
    try {
        if (!person_exists(db_, person_id))
            return make_error("There is no person with id " + std::to_string(person_id) + ". See mingle people.");
        SQLite::Statement insert(db_.sql(), "INSERT INTO promise(event_id, person_id, by_me, text, due) VALUES (?, ?, ?, ?, ?)");
        if (event_id) insert.bind(1, *event_id);
        else insert.bind(1);
        insert.bind(2, person_id);
        insert.bind(3, by_me ? 1 : 0);
        insert.bind(4, clean);
        insert.bind(5, std::string(due));
        insert.exec();
        return static_cast<Id>(db_.sql().getLastInsertRowid());
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the promise");
    }
}

std::vector<Promise> ReceptionStore::promises_at(Id event_id) {
    SQLite::Statement query(db_.sql(),
                            "SELECT pr.id, pr.event_id, pr.person_id, trim(p.first_name || ' ' || p.last_name), pr.by_me, "
                            "pr.text, pr.due, coalesce(pr.done_at, ''), pr.created_at FROM promise pr "
                            "JOIN person p ON p.id = pr.person_id WHERE pr.event_id = ? ORDER BY pr.id DESC");
    query.bind(1, event_id);
    std::vector<Promise> promises;
    while (query.executeStep()) {
        Promise promise;
        promise.id = query.getColumn(0).getInt64();
        if (!query.getColumn(1).isNull()) promise.event_id = query.getColumn(1).getInt64();
        promise.person_id = query.getColumn(2).getInt64();
        promise.person_name = query.getColumn(3).getString();
        promise.by_me = query.getColumn(4).getInt() != 0;
        promise.text = query.getColumn(5).getString();
        promise.due = query.getColumn(6).getString();
        promise.done_at = query.getColumn(7).getString();
        promise.created_at = query.getColumn(8).getString();
        promises.push_back(std::move(promise));
    }
    return promises;
}

}  // namespace mingle
