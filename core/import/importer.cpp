#include "importer.hpp"

#include <array>
#include <unordered_map>
#include <unordered_set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "core/import/identity.hpp"
#include "core/json_text.hpp"
#include "core/text.hpp"

namespace mingle::import {
namespace {

// The person fields an import may fill in on someone already known, by column name. Undo uses
// the same list, so it can never touch another column.
struct PersonField {
    const char* column;
    std::string MappedRow::*value;
};
constexpr std::array<PersonField, 7> kPersonFields = {{
    {"first_name", &MappedRow::first_name},
    {"last_name", &MappedRow::last_name},
    {"email", &MappedRow::email},
    {"company", &MappedRow::company},
    {"title", &MappedRow::title},
    {"phone", &MappedRow::phone},
    {"url", &MappedRow::url},
}};

const PersonField* person_field(std::string_view column) {
    for (const auto& field : kPersonFields)
        if (column == field.column) return &field;
    return nullptr;
}

std::string column_label(const SourceLayout& layout, std::size_t index) {
    if (index < layout.columns.size() && !text::trim(layout.columns[index]).empty())
        return std::string(text::trim(layout.columns[index]));
    return "Column " + std::to_string(index + 1);
}

void append_detail(std::string& json, std::string_view key_literal, std::string_view value) {
    json.push_back(json.empty() ? '{' : ',');
    json += key_literal;
    json.push_back(':');
    append_json_string(json, value);
}

// Writes one import: the statements are prepared once and reused for every row.
class ImportWriter {
public:
    ImportWriter(SQLite::Database& sql, Id event_id, Id batch_id, ImportSummary& summary)
        : sql_(sql),
          event_id_(event_id),
          batch_id_(batch_id),
          summary_(summary),
          insert_person_(sql, "INSERT INTO person(first_name, last_name, email, company, title, phone, url, "
                              "email_key, name_key, created_by_batch) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          insert_participant_(sql, "INSERT INTO participant(event_id, person_id, ticket_type, details, batch_id) "
                                   "VALUES(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
          select_person_(sql, "SELECT first_name, last_name, email, company, title, phone, url FROM person "
                              "WHERE id = ?"),
          update_person_(sql, "UPDATE person SET first_name = ?, last_name = ?, email = ?, company = ?, title = ?, "
                              "phone = ?, url = ?, email_key = ?, name_key = ? WHERE id = ?"),
          insert_change_(sql, "INSERT INTO import_change(batch_id, person_id, field, old_value, new_value) "
                              "VALUES(?, ?, ?, '', ?)") {
        insert_participant_.bind(1, event_id_);
        insert_participant_.bind(5, batch_id_);
        index_.load(sql);
    }

    void write(const MappedRow& row) {
        email_key_ = email_key(row.email);
        name_key_ = name_key(row.first_name, row.last_name, row.company);
        std::optional<Id> person = index_.find(email_key_, name_key_);
        bool created_here = false;
        if (!person) {
            person = insert_person(row);
            created_here = true;
            created_.insert(*person);
            ++summary_.created;
        } else {
            fill_empty_fields(*person, row, created_.count(*person) > 0);
        }
        insert_participant_.bindNoCopy(3, row.ticket_type);
        insert_participant_.bindNoCopy(4, row.details_json.empty() ? kEmptyObject : row.details_json);
        insert_participant_.bind(2, *person);
        int added = insert_participant_.exec();
        insert_participant_.reset();
        bool first_time_in_file = seen_.insert(*person).second;
        if (created_here) return;
        if (added > 0) ++summary_.matched;
        else if (first_time_in_file) ++summary_.already_listed;
        else ++summary_.duplicates;
    }

private:
    static inline const std::string kEmptyObject = "{}";

    Id insert_person(const MappedRow& row) {
        for (std::size_t i = 0; i < kPersonFields.size(); ++i)
            insert_person_.bindNoCopy(static_cast<int>(i) + 1, row.*kPersonFields[i].value);
        insert_person_.bindNoCopy(8, email_key_);
        insert_person_.bindNoCopy(9, name_key_);
        insert_person_.bind(10, batch_id_);
        insert_person_.exec();
        insert_person_.reset();
        Id id = sql_.getLastInsertRowid();
        index_.add(id, email_key_, name_key_);
        return id;
    }

    // Fills fields that are empty on the known person; never overwrites what is there. Fills on
    // people this import created need no record: undo removes those people anyway.
    void fill_empty_fields(Id id, const MappedRow& row, bool created_by_this_import) {
        select_person_.bind(1, id);
        if (!select_person_.executeStep()) {
            select_person_.reset();
            return;
        }
        MappedRow current;
        for (std::size_t i = 0; i < kPersonFields.size(); ++i)
            current.*kPersonFields[i].value = select_person_.getColumn(static_cast<int>(i)).getString();
        select_person_.reset();

        bool changed = false;
        for (const auto& field : kPersonFields) {
            const std::string& incoming = row.*field.value;
            std::string& existing = current.*field.value;
            if (!existing.empty() || incoming.empty()) continue;
            existing = incoming;
            changed = true;
            if (created_by_this_import) continue;
            ++summary_.fields_filled;
            insert_change_.bind(1, batch_id_);
            insert_change_.bind(2, id);
            insert_change_.bind(3, field.column);
            insert_change_.bind(4, incoming);
            insert_change_.exec();
            insert_change_.reset();
        }
        if (!changed) return;
        std::string new_email_key = email_key(current.email);
        std::string new_name_key = name_key(current.first_name, current.last_name, current.company);
        for (std::size_t i = 0; i < kPersonFields.size(); ++i)
            update_person_.bind(static_cast<int>(i) + 1, current.*kPersonFields[i].value);
        update_person_.bind(8, new_email_key);
        update_person_.bind(9, new_name_key);
        update_person_.bind(10, id);
        update_person_.exec();
        update_person_.reset();
        index_.add(id, new_email_key, new_name_key);
    }

    SQLite::Database& sql_;
    Id event_id_;
    Id batch_id_;
    ImportSummary& summary_;
    IdentityIndex index_;
    std::unordered_set<Id> created_;
    std::unordered_set<Id> seen_;
    std::string email_key_;
    std::string name_key_;
    SQLite::Statement insert_person_;
    SQLite::Statement insert_participant_;
    SQLite::Statement select_person_;
    SQLite::Statement update_person_;
    SQLite::Statement insert_change_;
};

std::string header_signature(const SourceLayout& layout) {
    std::string signature(format_name(layout.format));
    for (const auto& column : layout.columns) {
        signature.push_back('\x1f');
        signature += normalize_header(column);
    }
    return signature;
}

ImportBatch read_batch(SQLite::Statement& query) {
    ImportBatch batch;
    batch.id = query.getColumn(0).getInt64();
    batch.event_id = query.getColumn(1).getInt64();
    batch.source_name = query.getColumn(2).getString();
    batch.format = query.getColumn(3).getString();
    batch.encoding = query.getColumn(4).getString();
    batch.imported_at = query.getColumn(5).getString();
    batch.undone_at = query.getColumn(6).isNull() ? std::string() : query.getColumn(6).getString();
    batch.rows = query.getColumn(7).getInt64();
    batch.created = query.getColumn(8).getInt64();
    batch.merged = query.getColumn(9).getInt64();
    batch.skipped = query.getColumn(10).getInt64();
    return batch;
}

constexpr const char* kSelectBatch =
    "SELECT id, event_id, source_name, format, encoding, imported_at, undone_at, rows_read, created, merged, "
    "skipped FROM import_batch ";

}  // namespace

std::string ImportSource::display_name() const {
    return is_pasted() ? pasted_name : path.filename().string();
}

Result<SourceLayout> detect(const ImportSource& source, FormatHint hint) {
    if (source.is_pasted()) {
        // Pasted text is read like a .txt file unless its name says otherwise.
        bool named = std::filesystem::path(source.pasted_name).has_extension();
        return detect_bytes(source.pasted_text, named ? source.pasted_name : "pasted.txt", hint);
    }
    return detect_file(source.path, hint);
}

Result<ReadStats> read(const ImportSource& source, const SourceLayout& layout, const RowCallback& on_row,
                       std::atomic<std::uint64_t>* bytes_done) {
    if (source.is_pasted()) return read_bytes(source.pasted_text, source.pasted_name, layout, on_row);
    return read_file(source.path, layout, on_row, bytes_done);
}

Result<SourceLayout> relayout(const ImportSource& source, const SourceLayout& chosen) {
    if (source.is_pasted()) return relayout_bytes(source.pasted_text, source.pasted_name, chosen);
    return relayout_file(source.path, chosen);
}

RowMapper::RowMapper(const SourceLayout& layout, const std::vector<Field>& mapping) {
    std::unordered_map<std::string, int> label_uses;
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        std::string label = column_label(layout, i);
        int uses = ++label_uses[label];
        if (uses > 1) label += " (" + std::to_string(uses) + ")";
        Column column{i < mapping.size() ? mapping[i] : Field::Detail, {}};
        append_json_string(column.json_key, label);
        columns_.push_back(std::move(column));
    }
}

bool RowMapper::map(const RowView& row, MappedRow& out, std::string& reason) const {
    for (const auto& field : kPersonFields) (out.*field.value).clear();
    out.ticket_type.clear();
    out.details_json.clear();
    std::string full_name;
    std::string extra_key;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        std::string_view cell = text::trim(row.cells[i]);
        if (cell.empty()) continue;
        Field field = i < columns_.size() ? columns_[i].field : Field::Detail;
        std::string* target = nullptr;
        switch (field) {
            case Field::Ignore: continue;
            case Field::FirstName: target = &out.first_name; break;
            case Field::LastName: target = &out.last_name; break;
            case Field::FullName: target = &full_name; break;
            case Field::Company: target = &out.company; break;
            case Field::Title: target = &out.title; break;
            case Field::Phone: target = &out.phone; break;
            case Field::Url: target = &out.url; break;
            case Field::TicketType: target = &out.ticket_type; break;
            case Field::Email:
                if (out.email.empty()) {
                    out.email = email_key(cell);
                    if (!out.email.empty()) continue;
                }
                break;  // not an e-mail address (or a second one): keep it as a detail
            case Field::Detail: break;
        }
        if (target && target->empty()) {
            *target = text::collapse_spaces(cell);
            continue;
        }
        if (i < columns_.size()) {
            append_detail(out.details_json, columns_[i].json_key, cell);
        } else {
            extra_key.clear();
            append_json_string(extra_key, "Column " + std::to_string(i + 1));
            append_detail(out.details_json, extra_key, cell);
        }
    }
    if (!out.details_json.empty()) out.details_json.push_back('}');
    if (out.first_name.empty() && out.last_name.empty() && !full_name.empty()) {
        NameParts parts = split_full_name(full_name);
        out.first_name = std::move(parts.first);
        out.last_name = std::move(parts.last);
    }
    if (out.first_name.empty() && out.last_name.empty() && out.email.empty()) {
        reason = "no name and no e-mail address";
        return false;
    }
    return true;
}

Status check_mapping(const SourceLayout& layout, const std::vector<Field>& mapping, const std::string& source_name) {
    for (Field field : mapping)
        if (field == Field::FirstName || field == Field::LastName || field == Field::FullName || field == Field::Email)
            return ok_status();
    std::string header;
    for (std::size_t i = 0; i < layout.columns.size() && i < 8; ++i)
        header += (i ? ", \"" : "\"") + layout.columns[i] + "\"";
    if (layout.columns.size() > 8) header += ", …";
    return make_error("No column looks like a name or an e-mail address (the header is " + header +
                          "). Choose which column holds the name or e-mail in the preview, or check that the "
                          "file has a header row.",
                      source_name, layout.header_line);
}

std::vector<Field> initial_mapping(storage::Database& db, const SourceLayout& layout, bool* remembered) {
    if (remembered) *remembered = false;
    SQLite::Statement query(db.sql(), "SELECT fields FROM column_mapping WHERE signature = ?");
    query.bind(1, header_signature(layout));
    if (query.executeStep()) {
        auto stored = nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false);
        std::vector<Field> fields;
        if (stored.is_array() && stored.size() == layout.columns.size()) {
            for (const auto& key : stored) {
                auto field = key.is_string() ? field_from_key(key.get<std::string>()) : std::nullopt;
                if (!field) break;
                fields.push_back(*field);
            }
        }
        if (fields.size() == layout.columns.size()) {
            if (remembered) *remembered = true;
            return fields;
        }
    }
    return guess_mapping(layout.columns);
}

void remember_mapping(storage::Database& db, const SourceLayout& layout, const std::vector<Field>& mapping) {
    std::string signature = header_signature(layout);
    if (mapping == guess_mapping(layout.columns)) {
        SQLite::Statement forget(db.sql(), "DELETE FROM column_mapping WHERE signature = ?");
        forget.bind(1, signature);
        forget.exec();
        return;
    }
    nlohmann::json keys = nlohmann::json::array();
    for (Field field : mapping) keys.push_back(std::string(field_key(field)));
    SQLite::Statement upsert(db.sql(), "INSERT INTO column_mapping(signature, fields) VALUES(?, ?) "
                                       "ON CONFLICT(signature) DO UPDATE SET fields = excluded.fields, "
                                       "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    upsert.bind(1, signature);
    upsert.bind(2, keys.dump());
    upsert.exec();
}

Result<Preview> make_preview(const ImportSource& source, const SourceLayout& layout, const std::vector<Field>& mapping,
                             std::size_t max_rows) {
    constexpr std::size_t kSamplesPerColumn = 3;
    RowMapper mapper(layout, mapping);
    Preview preview;
    preview.samples.resize(layout.columns.size());
    auto read_result = read(source, layout, [&](const RowView& view) {
        PreviewRow row;
        row.line = view.line;
        if (!mapper.map(view, row.person, row.problem)) row.person = MappedRow{};
        preview.rows.push_back(std::move(row));
        for (std::size_t i = 0; i < view.cells.size() && i < preview.samples.size(); ++i) {
            std::string_view cell = text::trim(view.cells[i]);
            if (!cell.empty() && preview.samples[i].size() < kSamplesPerColumn)
                preview.samples[i].emplace_back(cell);
        }
        return preview.rows.size() < max_rows;
    });
    if (!read_result.ok()) return read_result.error();
    return preview;
}

Result<ImportSummary> run_import(storage::Database& db, const ImportRequest& request, ImportProgress* progress) {
    const std::string source_name = request.source.display_name();
    if (auto checked = check_mapping(request.layout, request.mapping, source_name); !checked.ok())
        return checked.error();

    ImportSummary summary;
    summary.dry_run = request.dry_run;
    summary.source_name = source_name;
    RowMapper mapper(request.layout, request.mapping);
    try {
        SQLite::Database& sql = db.sql();
        SQLite::Transaction transaction(sql);
        SQLite::Statement insert_batch(sql, "INSERT INTO import_batch(event_id, source_name, format, encoding, "
                                            "delimiter) VALUES(?, ?, ?, ?, ?)");
        insert_batch.bind(1, request.event_id);
        insert_batch.bind(2, source_name);
        insert_batch.bind(3, std::string(format_name(request.layout.format)));
        insert_batch.bind(4, std::string(encoding_name(request.layout.encoding)));
        insert_batch.bind(5, request.layout.format == Format::Csv ? delimiter_name(request.layout.delimiter)
                                                                   : std::string());
        insert_batch.exec();
        const Id batch_id = sql.getLastInsertRowid();

        ImportWriter writer(sql, request.event_id, batch_id, summary);
        MappedRow row;
        std::string reason;
        bool cancelled = false;
        std::optional<Error> failure;
        auto read_result = read(
            request.source, request.layout,
            [&](const RowView& view) {
                if (progress) {
                    if (progress->cancel.load(std::memory_order_relaxed)) {
                        cancelled = true;
                        return false;
                    }
                    progress->rows.fetch_add(1, std::memory_order_relaxed);
                }
                ++summary.rows;
                if (!mapper.map(view, row, reason)) {
                    ++summary.skipped;
                    if (summary.skipped_rows.size() < ImportSummary::kMaxSkippedListed)
                        summary.skipped_rows.push_back({view.line, reason});
                    return true;
                }
                try {
                    writer.write(row);
                } catch (const std::exception& error) {
                    failure = storage::sqlite_error(error, "importing line " + std::to_string(view.line));
                    return false;
                }
                return true;
            },
            progress ? &progress->bytes_done : nullptr);
        if (!read_result.ok()) return read_result.error();
        if (failure) return *failure;
        if (cancelled) return make_error("The import was cancelled; nothing was imported.", source_name);
        if (request.dry_run) return summary;  // the transaction rolls back here

        if (summary.changed_anything()) {
            SQLite::Statement finish(sql, "UPDATE import_batch SET rows_read = ?, created = ?, merged = ?, skipped = ? "
                                          "WHERE id = ?");
            finish.bind(1, static_cast<std::int64_t>(summary.rows));
            finish.bind(2, static_cast<std::int64_t>(summary.created));
            finish.bind(3, static_cast<std::int64_t>(summary.matched));
            finish.bind(4, static_cast<std::int64_t>(summary.skipped));
            finish.bind(5, batch_id);
            finish.exec();
            summary.batch_id = batch_id;
        } else {
            // Nothing to undo: keep the import history free of empty entries.
            SQLite::Statement drop(sql, "DELETE FROM import_batch WHERE id = ?");
            drop.bind(1, batch_id);
            drop.exec();
        }
        transaction.commit();
        return summary;
    } catch (const std::exception& error) {
        Error e = storage::sqlite_error(error, "importing");
        e.file = source_name;
        return e;
    }
}

std::vector<ImportBatch> list_imports(storage::Database& db, Id event_id) {
    SQLite::Statement query(db.sql(), std::string(kSelectBatch) + "WHERE event_id = ? ORDER BY id DESC");
    query.bind(1, event_id);
    std::vector<ImportBatch> batches;
    while (query.executeStep()) batches.push_back(read_batch(query));
    return batches;
}

std::optional<ImportBatch> get_import(storage::Database& db, Id batch_id) {
    SQLite::Statement query(db.sql(), std::string(kSelectBatch) + "WHERE id = ?");
    query.bind(1, batch_id);
    if (!query.executeStep()) return std::nullopt;
    return read_batch(query);
}

Status undo_import(storage::Database& db, Id batch_id) {
    auto batch = get_import(db, batch_id);
    if (!batch) return make_error("There is no import number " + std::to_string(batch_id) + ".");
    if (!batch->undone_at.empty())
        return make_error("Import " + std::to_string(batch_id) + " of " + batch->source_name + " was already undone.");
    return storage::in_transaction(db, [&]() -> Status {
        SQLite::Database& sql = db.sql();
        // 1. Empty the fields it filled in on people who were known before, where still as it left them.
        SQLite::Statement changes(sql, "SELECT DISTINCT person_id, field, new_value FROM import_change WHERE batch_id = ?");
        changes.bind(1, batch_id);
        std::unordered_set<Id> touched;
        while (changes.executeStep()) {
            const PersonField* field = person_field(changes.getColumn(1).getString());
            if (!field) continue;
            SQLite::Statement revert(sql, std::string("UPDATE person SET ") + field->column + " = '' WHERE id = ? AND " +
                                              field->column + " = ?");
            revert.bind(1, changes.getColumn(0).getInt64());
            revert.bind(2, changes.getColumn(2).getString());
            revert.exec();
            touched.insert(changes.getColumn(0).getInt64());
        }
        // Their identity keys follow their fields.
        for (Id id : touched) {
            SQLite::Statement person(sql, "SELECT first_name, last_name, email, company FROM person WHERE id = ?");
            person.bind(1, id);
            if (!person.executeStep()) continue;
            SQLite::Statement keys(sql, "UPDATE person SET email_key = ?, name_key = ? WHERE id = ?");
            keys.bind(1, email_key(person.getColumn(2).getString()));
            keys.bind(2, name_key(person.getColumn(0).getString(), person.getColumn(1).getString(),
                                  person.getColumn(3).getString()));
            keys.bind(3, id);
            keys.exec();
        }
        // 2. Take its participants off the event.
        SQLite::Statement participants(sql, "DELETE FROM participant WHERE batch_id = ?");
        participants.bind(1, batch_id);
        participants.exec();
        // 3. Remove the people it created, unless another event lists them by now.
        SQLite::Statement people(sql, "DELETE FROM person WHERE created_by_batch = ? AND NOT EXISTS "
                                      "(SELECT 1 FROM participant p WHERE p.person_id = person.id)");
        people.bind(1, batch_id);
        people.exec();
        SQLite::Statement keep(sql, "UPDATE person SET created_by_batch = NULL WHERE created_by_batch = ?");
        keep.bind(1, batch_id);
        keep.exec();
        SQLite::Statement mark(sql, "UPDATE import_batch SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                    "WHERE id = ?");
        mark.bind(1, batch_id);
        mark.exec();
        return ok_status();
    });
}

}  // namespace mingle::import
