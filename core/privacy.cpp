#include "privacy.hpp"

#include <algorithm>
#include <fstream>

#include <SQLiteCpp/Statement.h>

#include "core/links.hpp"
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

// Whether the file holds any needle, read in 1 MB chunks that overlap by the longest needle.
bool file_contains_any(const std::filesystem::path& path, const std::vector<std::string>& needles) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::size_t longest = 0;
    for (const auto& needle : needles) longest = std::max(longest, needle.size());
    constexpr std::size_t kChunk = 1 << 20;
    std::string window;
    std::string chunk(kChunk, '\0');
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(kChunk));
        window.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        for (const auto& needle : needles)
            if (window.find(needle) != std::string::npos) return true;
        if (window.size() >= longest) window.erase(0, window.size() - (longest - 1));
    }
    return false;
}

}  // namespace

std::vector<std::filesystem::path> files_mentioning(const std::string& database_path,
                                                    const std::vector<std::string>& needles) {
    namespace fs = std::filesystem;
    std::vector<std::string> wanted;
    for (const auto& needle : needles)
        if (!needle.empty()) wanted.push_back(needle);
    std::vector<fs::path> found;
    if (wanted.empty() || database_path.empty() || database_path == ":memory:") return found;
    const fs::path database(database_path);
    const fs::path folder = database.has_parent_path() ? database.parent_path() : fs::path(".");
    std::vector<fs::path> candidates;
    std::error_code ec;
    const std::string aside_prefix = database.filename().string() + ".before-v";
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file(ec) && entry.path().filename().string().rfind(aside_prefix, 0) == 0)
            candidates.push_back(entry.path());
    }
    for (const char* sub : {"exports", "drafts"}) {
        for (auto it = fs::recursive_directory_iterator(folder / sub, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (it->is_regular_file(ec)) candidates.push_back(it->path());
        }
        ec.clear();
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto& candidate : candidates)
        if (file_contains_any(candidate, wanted)) found.push_back(candidate);
    return found;
}

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

Result<ErasedPerson> erase_person(storage::Database& db, Id person_id) {
    try {
        auto person = PersonMemory(db).get(person_id);
        if (!person) return make_error("There is no person with id " + std::to_string(person_id) + ".");
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
        if (!status.ok()) return status.error();
        // The write-ahead log still holds the old pages: copy back and truncate it.
        SQLite::Statement checkpoint(db.sql(), "PRAGMA wal_checkpoint(TRUNCATE)");
        checkpoint.executeStep();
        std::string full_name = person->first_name;
        if (!full_name.empty() && !person->last_name.empty()) full_name += ' ';
        full_name += person->last_name;
        return ErasedPerson{files_mentioning(db.path(), {full_name, person->email})};
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "erasing the person");
    }
}

}  // namespace mingle
