#include "links.hpp"

#include <algorithm>
#include <array>

#include <SQLiteCpp/Statement.h>

#include "core/i18n.hpp"
#include "core/people.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

Error no_such_person(Id id) {
    return make_error("There is no person with id " + std::to_string(id) + ". See mingle people.");
}

constexpr std::array<std::string_view, 7> kEditableFields = {"first_name", "last_name", "email", "company",
                                                             "title",      "phone",     "url"};

}  // namespace

// --- LinkStore ---

Status LinkStore::add(Id a, Id b, std::string_view how) {
    if (a == b) return make_error("A person cannot be linked to themselves; give two different people.");
    try {
        for (Id id : {a, b})
            if (!person_exists(db_, id)) return no_such_person(id);
        SQLite::Statement insert(db_.sql(),
                                 "INSERT INTO link(person_a, person_b, how) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT DO UPDATE SET how = excluded.how, batch_id = NULL WHERE excluded.how <> ''");
        insert.bind(1, std::min(a, b));
        insert.bind(2, std::max(a, b));
        insert.bind(3, text::collapse_spaces(how));
        insert.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the link");
    }
}

Status LinkStore::remove(Id a, Id b) {
    try {
        SQLite::Statement remove(db_.sql(), "DELETE FROM link WHERE person_a = ? AND person_b = ?");
        remove.bind(1, std::min(a, b));
        remove.bind(2, std::max(a, b));
        if (remove.exec() == 0) return make_error("Those two people were not linked.");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "removing the link");
    }
}

std::vector<Link> LinkStore::links_of(Id person_id) {
    SQLite::Statement query(db_.sql(), std::string("SELECT ") + kPersonColumns +
                                           ", l.how, l.batch_id IS NOT NULL FROM link l JOIN person p ON p.id = "
                                           "CASE WHEN l.person_a = ?1 THEN l.person_b ELSE l.person_a END "
                                           "WHERE l.person_a = ?1 OR l.person_b = ?1 "
                                           "ORDER BY p.first_name COLLATE NOCASE, p.last_name COLLATE NOCASE");
    query.bind(1, person_id);
    std::vector<Link> links;
    while (query.executeStep()) {
        Link link;
        link.other = read_person(query);
        link.how = query.getColumn(kPersonColumnCount).getString();
        link.from_import = query.getColumn(kPersonColumnCount + 1).getInt() != 0;
        links.push_back(std::move(link));
    }
    return links;
}

// --- PersonMemory ---

std::optional<Person> PersonMemory::get(Id person_id) {
    SQLite::Statement query(db_.sql(), std::string("SELECT ") + kPersonColumns + " FROM person p WHERE p.id = ?");
    query.bind(1, person_id);
    if (!query.executeStep()) return std::nullopt;
    return read_person(query);
}

Status PersonMemory::set_relation(Id person_id, Relation relation) {
    try {
        SQLite::Statement update(db_.sql(), "UPDATE person SET relation = ? WHERE id = ?");
        update.bind(1, std::string(relation_key(relation)));
        update.bind(2, person_id);
        if (update.exec() == 0) return no_such_person(person_id);
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the relationship");
    }
}

Status PersonMemory::set_recognize(Id person_id, std::string_view text) { return set_field(person_id, "recognize", text); }

Status PersonMemory::set_field(Id person_id, std::string_view field, std::string_view value) {
    if (field == "language" && !value.empty() && !parse_language(value))
        return make_error("A person's language is da or en (or empty for your own), not \"" + std::string(value) + "\".");
    bool editable = field == "recognize" || field == "language" ||
                    std::find(kEditableFields.begin(), kEditableFields.end(), field) != kEditableFields.end();
    if (!editable) {
        std::string message = "\"";
        message.append(field).append("\" is not a field of a person that can be edited.");
        return make_error(std::move(message));
    }
    std::string clean(value);
    if (field == "email") clean = text::to_lower(text::trim(value));
    return storage::in_transaction(db_, [&]() -> Status {
        auto before = get(person_id);
        if (!before) return no_such_person(person_id);
        // A company or title replaced by another is kept as a former one: door-openers who were
        // at the same company, and the person's path, come from it.
        if ((field == "company" && !before->company.empty() && !text::equals_ascii_ci(before->company, clean)) ||
            (field == "title" && !before->title.empty() && before->title != clean)) {
            SQLite::Statement keep(db_.sql(),
                                   "INSERT INTO person_history(person_id, company, company_key, title) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT DO NOTHING");
            keep.bind(1, person_id);
            keep.bind(2, before->company);
            keep.bind(3, text::company_key(before->company));
            keep.bind(4, before->title);
            keep.exec();
        }
        // The column name comes from the fixed list above, never from the caller's text.
        std::string assignment = std::string(field) + " = ?1";
        if (field == "company") assignment += ", company_key = ?3";
        SQLite::Statement update(db_.sql(), "UPDATE person SET " + assignment + " WHERE id = ?2");
        update.bind(1, clean);
        update.bind(2, person_id);
        if (field == "company") update.bind(3, text::company_key(clean));
        update.exec();
        return ok_status();
    });
}

Result<Id> PersonMemory::add_note(Id person_id, std::optional<Id> event_id, std::string_view text) {
    std::string clean(text::trim(text));
    if (clean.empty()) return make_error("The note is empty; write what you want to remember.");
    try {
        if (!person_exists(db_, person_id)) return no_such_person(person_id);
        SQLite::Statement insert(db_.sql(), "INSERT INTO note(person_id, event_id, text) VALUES (?, ?, ?)");
        insert.bind(1, person_id);
        if (event_id) insert.bind(2, *event_id);
        else insert.bind(2);
        insert.bind(3, clean);
        insert.exec();
        return static_cast<Id>(db_.sql().getLastInsertRowid());
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the note");
    }
}

Status PersonMemory::remove_note(Id note_id) {
    try {
        SQLite::Statement remove(db_.sql(), "DELETE FROM note WHERE id = ?");
        remove.bind(1, note_id);
        if (remove.exec() == 0) return make_error("That note no longer exists.");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "removing the note");
    }
}

std::vector<Note> PersonMemory::notes(Id person_id) {
    SQLite::Statement query(db_.sql(),
                            "SELECT n.id, n.person_id, n.event_id, coalesce(e.name, ''), n.text, n.created_at "
                            "FROM note n LEFT JOIN event e ON e.id = n.event_id WHERE n.person_id = ? "
                            "ORDER BY n.created_at DESC, n.id DESC");
    query.bind(1, person_id);
    std::vector<Note> notes;
    while (query.executeStep()) {
        Note note;
        note.id = query.getColumn(0).getInt64();
        note.person_id = query.getColumn(1).getInt64();
        if (!query.getColumn(2).isNull()) note.event_id = query.getColumn(2).getInt64();
        note.event_name = query.getColumn(3).getString();
        note.text = query.getColumn(4).getString();
        note.created_at = query.getColumn(5).getString();
        notes.push_back(std::move(note));
    }
    return notes;
}

Status PersonMemory::add_history(Id person_id, std::string_view company, std::string_view title) {
    std::string clean_company = text::collapse_spaces(company), clean_title = text::collapse_spaces(title);
    if (clean_company.empty() && clean_title.empty())
        return make_error("Give a former company or title to remember.");
    try {
        if (!person_exists(db_, person_id)) return no_such_person(person_id);
        SQLite::Statement insert(db_.sql(),
                                 "INSERT INTO person_history(person_id, company, company_key, title) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING");
        insert.bind(1, person_id);
        insert.bind(2, clean_company);
        insert.bind(3, text::company_key(clean_company));
        insert.bind(4, clean_title);
        insert.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the history");
    }
}

Status PersonMemory::remove_history(Id entry_id) {
    try {
        SQLite::Statement remove(db_.sql(), "DELETE FROM person_history WHERE id = ?");
        remove.bind(1, entry_id);
        if (remove.exec() == 0) return make_error("That entry no longer exists.");
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "removing the history entry");
    }
}

std::vector<HistoryEntry> PersonMemory::history(Id person_id) {
    SQLite::Statement query(db_.sql(),
                            "SELECT id, person_id, company, title, batch_id IS NOT NULL, recorded_at "
                            "FROM person_history WHERE person_id = ? ORDER BY recorded_at DESC, id DESC");
    query.bind(1, person_id);
    std::vector<HistoryEntry> entries;
    while (query.executeStep()) {
        HistoryEntry entry;
        entry.id = query.getColumn(0).getInt64();
        entry.person_id = query.getColumn(1).getInt64();
        entry.company = query.getColumn(2).getString();
        entry.title = query.getColumn(3).getString();
        entry.from_import = query.getColumn(4).getInt() != 0;
        entry.recorded_at = query.getColumn(5).getString();
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<Attendance> PersonMemory::events_of(Id person_id) {
    SQLite::Statement query(db_.sql(),
                            "SELECT e.id, e.name, e.date FROM participant pa JOIN event e ON e.id = pa.event_id "
                            "WHERE pa.person_id = ? ORDER BY e.date = '', e.date DESC, e.id DESC");
    query.bind(1, person_id);
    std::vector<Attendance> events;
    while (query.executeStep())
        events.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString()});
    return events;
}

Result<Id> PersonMemory::add_person(std::string_view first_name, std::string_view last_name, std::string_view company) {
    std::string first = text::collapse_spaces(first_name), last = text::collapse_spaces(last_name);
    if (first.empty() && last.empty()) return make_error("Give the person a name.");
    try {
        SQLite::Statement insert(db_.sql(),
                                 "INSERT INTO person(first_name, last_name, company, company_key) VALUES (?, ?, ?, ?)");
        std::string clean_company = text::collapse_spaces(company);
        insert.bind(1, first);
        insert.bind(2, last);
        insert.bind(3, clean_company);
        insert.bind(4, text::company_key(clean_company));
        insert.exec();
        return static_cast<Id>(db_.sql().getLastInsertRowid());
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "adding the person");
    }
}

}  // namespace mingle
