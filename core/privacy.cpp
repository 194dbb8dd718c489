#include "privacy.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/people.hpp"

namespace mingle {
namespace {

using Json = nlohmann::ordered_json;

// Every row of `sql` (with ?1 the person) as objects keyed by column name.
Json rows(storage::Database& db, const char* sql, Id person_id) {
    SQLite::Statement query(db.sql(), sql);
    query.bind(1, person_id);
    Json list = Json::array();
    while (query.executeStep()) {
        Json row = Json::object();
        for (int c = 0; c < query.getColumnCount(); ++c) {
            const auto column = query.getColumn(c);
            if (column.isNull()) row[query.getColumnName(c)] = nullptr;
            else if (column.isInteger()) row[query.getColumnName(c)] = column.getInt64();
            else row[query.getColumnName(c)] = column.getString();
        }
        list.push_back(std::move(row));
    }
    return list;
}

}  // namespace

Result<Json> export_person(storage::Database& db, Id person_id) {
    try {
        Json person = rows(db, "SELECT * FROM person WHERE id = ?1", person_id);
        if (person.empty()) return make_error("There is no person with id " + std::to_string(person_id) + ".");
        Json out = Json::object();
        out["person"] = person.front();
        out["events"] = rows(db,
                             "SELECT e.name AS event, e.date, pa.ticket_type, pa.details, b.columns AS detail_columns "
                             "FROM participant pa JOIN event e ON e.id = pa.event_id "
                             "LEFT JOIN import_batch b ON b.id = pa.batch_id WHERE pa.person_id = ?1",
                             person_id);
        out["targets"] = rows(db,
                              "SELECT e.name AS event, t.circle, t.importance, t.role, t.ask, t.offer, t.nurture, t.added_at "
                              "FROM target t JOIN event e ON e.id = t.event_id WHERE t.person_id = ?1",
                              person_id);
        out["notes"] = rows(db, "SELECT n.created_at, e.name AS event, n.text FROM note n LEFT JOIN event e ON e.id = n.event_id "
                                "WHERE n.person_id = ?1", person_id);
        out["history"] = rows(db, "SELECT company, title, recorded_at FROM person_history WHERE person_id = ?1", person_id);
        out["links"] = rows(db,
                            "SELECT p.id, p.first_name, p.last_name, l.how, l.created_at FROM link l JOIN person p ON p.id = "
                            "CASE WHEN l.person_a = ?1 THEN l.person_b ELSE l.person_a END "
                            "WHERE l.person_a = ?1 OR l.person_b = ?1",
                            person_id);
        out["meetings"] = rows(db, "SELECT e.name AS event, m.met_at, m.thanked_at FROM meeting m JOIN event e "
                                   "ON e.id = m.event_id WHERE m.person_id = ?1", person_id);
        out["promises"] = rows(db, "SELECT pr.id, e.name AS event, CASE pr.by_me WHEN 1 THEN 'me' ELSE 'them' END AS by, "
                                   "pr.text, pr.due, pr.done_at, pr.created_at FROM promise pr LEFT JOIN event e "
                                   "ON e.id = pr.event_id WHERE pr.person_id = ?1", person_id);
        out["prompt_marks"] = rows(db, "SELECT e.name AS event, pm.prompt_id, pm.used, pm.pinned, pm.marked_at FROM prompt_mark pm "
                                       "JOIN event e ON e.id = pm.event_id WHERE pm.person_id = ?1", person_id);
        out["contacts"] = rows(db, "SELECT kind, text, at FROM contact_log WHERE person_id = ?1", person_id);
        return out;
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "reading what is held about the person");
    }
}

Status erase_person(storage::Database& db, Id person_id) {
    try {
        if (!person_exists(db, person_id))
            return make_error("There is no person with id " + std::to_string(person_id) + ".");
        // Freed cells are overwritten with zeros, and every table refers to the person with
        // ON DELETE CASCADE: one delete reaches notes, links, promises, marks and the rest.
        db.sql().exec("PRAGMA secure_delete = ON");
        auto status = storage::in_transaction(db, [&]() -> Status {
            SQLite::Statement remove(db.sql(), "DELETE FROM person WHERE id = ?");
            remove.bind(1, person_id);
            remove.exec();
            return ok_status();
        });
        db.sql().exec("PRAGMA secure_delete = OFF");
        if (!status.ok()) return status;
        // The write-ahead log still holds the old pages: copy back and truncate it.
        SQLite::Statement checkpoint(db.sql(), "PRAGMA wal_checkpoint(TRUNCATE)");
        checkpoint.executeStep();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "erasing the person");
    }
}

}  // namespace mingle
