#include "importer.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "core/import/derived_links.hpp"
#include "core/storage/migrations.hpp"
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

// IdentityIndex::load reports filled fields as bits in this order.
static_assert(std::string_view(kPersonFields[0].column) == "first_name" &&
              std::string_view(kPersonFields[1].column) == "last_name" &&
              std::string_view(kPersonFields[2].column) == "email" &&
              std::string_view(kPersonFields[3].column) == "company" &&
              std::string_view(kPersonFields[4].column) == "title" &&
              std::string_view(kPersonFields[5].column) == "phone" && std::string_view(kPersonFields[6].column) == "url");

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

// Writes one import: the statements are prepared once and reused for every row.
class ImportWriter {
public:
    ImportWriter(SQLite::Database& sql, Id event_id, Id batch_id, ImportSummary& summary)
        : summary_(summary),
          batch_id_(batch_id),
          insert_people_(sql, insert_people_sql(kRowsPerInsert)),
          insert_person_(sql, insert_people_sql(1)),
          insert_participants_(sql, insert_participants_sql(kRowsPerInsert)),
          insert_participant_(sql, insert_participants_sql(1)),
          select_person_(sql, "SELECT first_name, last_name, email, company, title, phone, url FROM person "
                              "WHERE id = ?"),
          update_person_(sql, "UPDATE person SET first_name = ?, last_name = ?, email = ?, company = ?, title = ?, "
                              "phone = ?, url = ?, company_key = ? WHERE id = ?"),
          insert_change_(sql, "INSERT INTO import_change(batch_id, person_id, field, old_value, new_value) "
                              "VALUES(?, ?, ?, '', ?)"),
          insert_history_(sql, "INSERT INTO person_history(person_id, company, company_key, title, batch_id) "
                               "VALUES(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING") {
        // One timestamp for the whole import, bound once, rather than strftime() per row.
        SQLite::Statement now(sql, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
        now.executeStep();
        created_at_ = now.getColumn(0).getString();
        for (SQLite::Statement* statement : {&insert_people_, &insert_person_}) {
            statement->bind(1, batch_id);
            statement->bindNoCopy(2, created_at_);
        }
        for (SQLite::Statement* statement : {&insert_participants_, &insert_participant_}) {
            statement->bind(1, event_id);
            statement->bind(2, batch_id);
        }
        // Nothing else writes while this import's transaction holds the write lock, so new people
        // can take their ids from here on, and are exactly those above this one.
        SQLite::Statement highest(sql, "SELECT coalesce(max(id), 0) FROM person");
        highest.executeStep();
        highest_id_before_ = highest.getColumn(0).getInt64();
        next_id_ = highest_id_before_ + 1;
        index_.load(sql, &field_masks_, &company_hashes_);
        field_masks_.resize(static_cast<std::size_t>(next_id_));
    }

    // `row.email` is already the normalised e-mail key (RowMapper::map makes it so). A new person
    // waits, referenced, until flush(): the caller keeps `row` alive until then.
    void write(const MappedRow& row) {
        std::optional<Id> person = index_.find(row.email, row.name_key);
        const std::uint8_t incoming = field_mask(row);
        if (!person) {
            Id id = next_id_++;
            index_.add(id, row.email, row.name_key);
            mark_seen(id);
            field_masks_.push_back(incoming);
            pending_.push_back({id, &row});
            ++summary_.created;
            return;
        }
        // Only when the row brings a field the person lacks is there anything to write.
        auto& known = field_masks_[static_cast<std::size_t>(*person)];
        if ((incoming & ~known) != 0) {
            if (!pending_.empty() && *person >= pending_.front().id) flush();  // still waiting: write it first
            fill_empty_fields(*person, row, created_by_this_import(*person));
            known |= incoming;
        }
        bool first_time_in_file = mark_seen(*person);
        if (!created_by_this_import(*person)) note_other_company(*person, row);
        if (created_by_this_import(*person)) {
            ++summary_.duplicates;  // a new person again further down the file: already on the list
            return;
        }
        bind_participant(insert_participant_, 0, *person, row);
        int added = insert_participant_.exec();
        insert_participant_.reset();
        if (added > 0) ++summary_.matched;
        else if (first_time_in_file) ++summary_.already_listed;
        else ++summary_.duplicates;
    }

    // Writes the new people and their participant rows, many rows per INSERT: the per-statement
    // cost of SQLite then falls on dozens of rows instead of one.
    void flush() {
        std::size_t done = 0;
        for (; done + kRowsPerInsert <= pending_.size(); done += kRowsPerInsert)
            insert_pending(insert_people_, insert_participants_, done, kRowsPerInsert);
        for (; done < pending_.size(); ++done) insert_pending(insert_person_, insert_participant_, done, 1);
        pending_.clear();
    }

private:
    static constexpr std::size_t kRowsPerInsert = 64;
    static constexpr int kPersonParameters = 2 + static_cast<int>(kPersonFields.size());  // id, the fields, company key
    static constexpr int kParticipantParameters = 3;                                       // person, ticket, details

    // ?1 is the batch and ?2 the time, shared by all rows; each row then has its own parameters.
    static std::string insert_people_sql(std::size_t rows) {
        std::string sql = "INSERT INTO person(id, first_name, last_name, email, company, title, phone, url, "
                          "company_key, created_by_batch, created_at) VALUES";
        int parameter = 3;
        for (std::size_t r = 0; r < rows; ++r) {
            sql += r ? ",(" : "(";
            for (int p = 0; p < kPersonParameters; ++p) sql += "?" + std::to_string(parameter++) + ",";
            sql += "?1,?2)";
        }
        return sql;
    }

    // ?1 is the event and ?2 the batch.
    static std::string insert_participants_sql(std::size_t rows) {
        std::string sql = "INSERT INTO participant(event_id, person_id, ticket_type, details, batch_id) VALUES";
        int parameter = 3;
        for (std::size_t r = 0; r < rows; ++r) {
            sql += r ? ",(?1" : "(?1";
            for (int p = 0; p < kParticipantParameters; ++p) sql += ",?" + std::to_string(parameter++);
            sql += ",?2)";
        }
        return sql + " ON CONFLICT DO NOTHING";
    }

    static void bind_participant(SQLite::Statement& statement, std::size_t slot, Id person, const MappedRow& row) {
        int first = 3 + static_cast<int>(slot) * kParticipantParameters;
        statement.bind(first, person);
        statement.bindNoCopy(first + 1, row.ticket_type);
        statement.bindNoCopy(first + 2, row.details_json);
    }

    void insert_pending(SQLite::Statement& people, SQLite::Statement& participants, std::size_t from, std::size_t count) {
        for (std::size_t slot = 0; slot < count; ++slot) {
            const Pending& pending = pending_[from + slot];
            int first = 3 + static_cast<int>(slot) * kPersonParameters;
            people.bind(first, pending.id);
            for (std::size_t f = 0; f < kPersonFields.size(); ++f)
                people.bindNoCopy(first + 1 + static_cast<int>(f), pending.row->*kPersonFields[f].value);
            people.bindNoCopy(first + 1 + static_cast<int>(kPersonFields.size()), pending.row->company_key);
            bind_participant(participants, slot, pending.id, *pending.row);
        }
        people.exec();
        people.reset();
        participants.exec();
        participants.reset();
    }

    bool created_by_this_import(Id id) const { return id > highest_id_before_; }

    // A known person listed at another company than the one mingle has: the list's company (and
    // title) goes into their history, never over what is known; door-openers who were there count.
    void note_other_company(Id id, const MappedRow& row) {
        auto index = static_cast<std::size_t>(id);
        if (index >= company_hashes_.size()) return;
        std::uint32_t known = company_hashes_[index], listed = company_hash(row.company_key);
        if (known == 0 || listed == 0 || known == listed) return;
        insert_history_.bind(1, id);
        insert_history_.bindNoCopy(2, row.company);
        insert_history_.bindNoCopy(3, row.company_key);
        insert_history_.bindNoCopy(4, row.title);
        insert_history_.bind(5, batch_id_);
        summary_.other_companies += static_cast<std::size_t>(insert_history_.exec());
        insert_history_.reset();
    }

    // Bit i set when the i-th of kPersonFields is filled in the row (the order IdentityIndex uses).
    static std::uint8_t field_mask(const MappedRow& row) {
        std::uint8_t mask = 0;
        for (std::size_t i = 0; i < kPersonFields.size(); ++i)
            if (!(row.*kPersonFields[i].value).empty()) mask |= static_cast<std::uint8_t>(1u << i);
        return mask;
    }

    // True the first time a person comes up in this file.
    bool mark_seen(Id id) {
        if (created_by_this_import(id)) {
            auto index = static_cast<std::size_t>(id - highest_id_before_ - 1);
            if (index >= seen_created_.size()) seen_created_.resize(index + 1024);
            bool first = !seen_created_[index];
            seen_created_[index] = true;
            return first;
        }
        return seen_known_.insert(id).second;
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
        for (std::size_t i = 0; i < kPersonFields.size(); ++i)
            update_person_.bind(static_cast<int>(i) + 1, current.*kPersonFields[i].value);
        update_person_.bind(8, text::company_key(current.company));
        update_person_.bind(9, id);
        update_person_.exec();
        update_person_.reset();
        if (static_cast<std::size_t>(id) < company_hashes_.size())
            company_hashes_[static_cast<std::size_t>(id)] = company_hash(text::company_key(current.company));
        index_.add(id, current.email, name_key(current.first_name, current.last_name, current.company));
    }

    struct Pending {
        Id id;
        const MappedRow* row;
    };

    ImportSummary& summary_;
    Id batch_id_ = 0;
    std::string created_at_;
    IdentityIndex index_;
    Id highest_id_before_ = 0;
    Id next_id_ = 1;
    std::vector<Pending> pending_;
    std::vector<std::uint8_t> field_masks_;  // by person id: which fields are filled (see field_mask)
    std::vector<std::uint32_t> company_hashes_;  // by person id, of people known before: company_hash
    std::vector<bool> seen_created_;      // by id above highest_id_before_
    std::unordered_set<Id> seen_known_;  // people known before this import
    SQLite::Statement insert_people_;
    SQLite::Statement insert_person_;
    SQLite::Statement insert_participants_;
    SQLite::Statement insert_participant_;
    SQLite::Statement select_person_;
    SQLite::Statement update_person_;
    SQLite::Statement insert_change_;
    SQLite::Statement insert_history_;
};

// Reads and maps rows on a second thread while the caller writes earlier rows to SQLite: with
// two cores, parsing and mapping come almost free on the clock. Batches of rows are recycled, so
// their strings keep their buffers from batch to batch.
class MappedRowStream {
public:
    struct Item {
        std::size_t line = 0;
        bool ok = false;
        MappedRow row;
        std::string reason;  // why it cannot become a person, when !ok
    };
    struct Batch {
        std::vector<Item> items;
        std::size_t count = 0;
    };

    MappedRowStream(const ImportSource& source, const SourceLayout& layout, RowMapper& mapper,
                    std::atomic<std::uint64_t>* bytes_done) {
        for (auto& batch : batches_) {
            batch.items.resize(kRowsPerBatch);
            free_.push_back(&batch);
        }
        thread_ = std::thread([this, &source, &layout, &mapper, bytes_done] { produce(source, layout, mapper, bytes_done); });
    }

    ~MappedRowStream() {
        stop();
        thread_.join();
    }

    MappedRowStream(const MappedRowStream&) = delete;
    MappedRowStream& operator=(const MappedRowStream&) = delete;

    // The next batch, or nullptr when the file is done (or reading failed: see error()).
    const Batch* next() {
        std::unique_lock lock(mutex_);
        if (current_) {
            current_->count = 0;
            free_.push_back(current_);
            current_ = nullptr;
            changed_.notify_all();
        }
        changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
        if (ready_.empty()) return nullptr;
        current_ = ready_.front();
        ready_.pop_front();
        return current_;
    }

    // Ends reading early (cancelled, or writing failed).
    void stop() {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        changed_.notify_all();
    }

    // Why reading failed, once next() has returned nullptr.
    const std::optional<Error>& error() const { return error_; }

private:
    static constexpr std::size_t kRowsPerBatch = 1024;
    static constexpr std::size_t kBatches = 4;

    void produce(const ImportSource& source, const SourceLayout& layout, RowMapper& mapper,
                 std::atomic<std::uint64_t>* bytes_done) {
        Batch* batch = nullptr;
        auto result = read(
            source, layout,
            [&](const RowView& view) {
                if (!batch && !(batch = take_free())) return false;
                Item& item = batch->items[batch->count++];
                item.line = view.line;
                item.ok = mapper.map(view, item.row, item.reason);
                if (batch->count == kRowsPerBatch) {
                    publish(batch);
                    batch = nullptr;
                }
                return true;
            },
            bytes_done);
        if (batch && batch->count > 0) publish(batch);
        std::lock_guard lock(mutex_);
        if (!result.ok()) error_ = result.error();
        finished_ = true;
        changed_.notify_all();
    }

    Batch* take_free() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !free_.empty() || stopping_; });
        if (stopping_) return nullptr;
        Batch* batch = free_.back();
        free_.pop_back();
        return batch;
    }

    void publish(Batch* batch) {
        std::lock_guard lock(mutex_);
        ready_.push_back(batch);
        changed_.notify_all();
    }

    std::array<Batch, kBatches> batches_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Batch*> free_;
    std::deque<Batch*> ready_;
    Batch* current_ = nullptr;
    bool finished_ = false;
    bool stopping_ = false;
    std::optional<Error> error_;
    std::thread thread_;
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

std::string ImportSource::location() const { return is_pasted() ? pasted_name : path.string(); }

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
        labels_.push_back(std::move(label));
        fields_.push_back(i < mapping.size() ? mapping[i] : Field::Detail);
    }
}

std::vector<std::string> RowMapper::column_labels() const {
    std::vector<std::string> labels = labels_;
    for (std::size_t i = labels.size(); i < widest_detail_; ++i) labels.push_back("Column " + std::to_string(i + 1));
    return labels;
}

bool RowMapper::map(const RowView& row, MappedRow& out, std::string& reason) {
    for (const auto& field : kPersonFields) (out.*field.value).clear();
    out.ticket_type.clear();
    out.details_json.clear();
    out.name_key.clear();
    std::string full_name;
    std::size_t next_detail = 0;  // the array position the next value goes to
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        std::string_view cell = text::trim(row.cells[i]);
        if (cell.empty()) continue;
        Field field = i < fields_.size() ? fields_[i] : Field::Detail;
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
                    email_key_into(out.email, cell);
                    if (!out.email.empty()) continue;
                }
                break;  // not an e-mail address (or a second one): keep it as a detail
            case Field::Detail: break;
        }
        if (target && target->empty()) {
            text::collapse_spaces_into(*target, cell);
            continue;
        }
        // Kept as a detail, at its column's position; cells used elsewhere leave "" behind.
        out.details_json.push_back(next_detail == 0 ? '[' : ',');
        for (; next_detail < i; ++next_detail) out.details_json += "\"\",";
        append_json_string(out.details_json, cell);
        next_detail = i + 1;
        widest_detail_ = std::max(widest_detail_, next_detail);
    }
    if (next_detail > 0) out.details_json.push_back(']');
    if (out.first_name.empty() && out.last_name.empty() && !full_name.empty()) {
        NameParts parts = split_full_name(full_name);
        out.first_name = std::move(parts.first);
        out.last_name = std::move(parts.last);
    }
    if (out.first_name.empty() && out.last_name.empty() && out.email.empty()) {
        reason = "no name and no e-mail address";
        return false;
    }
    name_key_into(out.name_key, out.first_name, out.last_name, out.company);
    text::company_key_into(out.company_key, out.company);
    return true;
}

Status check_mapping(const SourceLayout& layout, const std::vector<Field>& mapping, const std::string& location) {
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
                      location, layout.header_line);
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

namespace {
// Below this many people, an import drops the company index and builds it again at the end.
constexpr std::int64_t kRebuildCompanyIndexBelow = 50000;
}  // namespace

Result<ImportSummary> run_import(storage::Database& db, const ImportRequest& request, ImportProgress* progress) {
    const std::string source_name = request.source.display_name();
    if (auto checked = check_mapping(request.layout, request.mapping, request.source.location()); !checked.ok())
        return checked.error();

    ImportSummary summary;
    summary.dry_run = request.dry_run;
    summary.source_name = source_name;
    RowMapper mapper(request.layout, request.mapping);
    try {
        SQLite::Database& sql = db.sql();
        SQLite::Transaction transaction(sql);
        SQLite::Statement insert_batch(sql, "INSERT INTO import_batch(event_id, source_name, format, encoding, "
                                            "delimiter, columns) VALUES(?, ?, ?, ?, ?, ?)");
        insert_batch.bind(1, request.event_id);
        insert_batch.bind(2, source_name);
        insert_batch.bind(3, std::string(format_name(request.layout.format)));
        insert_batch.bind(4, std::string(encoding_name(request.layout.encoding)));
        insert_batch.bind(5, request.layout.format == Format::Csv ? delimiter_name(request.layout.delimiter)
                                                                   : std::string());
        insert_batch.bind(6, nlohmann::json(mapper.column_labels()).dump());
        insert_batch.exec();
        const Id batch_id = sql.getLastInsertRowid();

        // The company index (door-openers at the same company) costs a third of a big import when
        // kept up row by row; built again at the end it costs a tenth. Worth it while the people
        // already known are few next to what a big list brings; inside the transaction, so a
        // failed import puts the index back as it was.
        const bool rebuild_company_index = sql.execAndGet("SELECT count(*) FROM person").getInt64() <
                                           kRebuildCompanyIndexBelow;
        if (rebuild_company_index) sql.exec("DROP INDEX IF EXISTS person_company");

        ImportWriter writer(sql, request.event_id, batch_id, summary);
        bool cancelled = false;
        std::optional<Error> failure;
        MappedRowStream rows(request.source, request.layout, mapper, progress ? &progress->bytes_done : nullptr);
        while (const MappedRowStream::Batch* batch = rows.next()) {
            if (progress && progress->cancel.load(std::memory_order_relaxed)) {
                cancelled = true;
                rows.stop();
                break;
            }
            for (std::size_t i = 0; i < batch->count; ++i) {
                const auto& item = batch->items[i];
                ++summary.rows;
                if (!item.ok) {
                    ++summary.skipped;
                    if (summary.skipped_rows.size() < ImportSummary::kMaxSkippedListed)
                        summary.skipped_rows.push_back({item.line, item.reason});
                    continue;
                }
                try {
                    writer.write(item.row);
                } catch (const std::exception& error) {
                    failure = storage::sqlite_error(error, "importing");
                    failure->file = request.source.location();
                    failure->line = item.line;
                    break;
                }
            }
            // The batch is recycled by the next rows.next(): what waits on it is written now.
            try {
                if (!failure) writer.flush();
            } catch (const std::exception& error) {
                failure = storage::sqlite_error(error, "importing");
            }
            if (progress) progress->rows.store(summary.rows, std::memory_order_relaxed);
            if (failure) {
                rows.stop();
                break;
            }
        }
        if (failure) return *failure;
        if (cancelled) return make_error("The import was cancelled; nothing was imported.", request.source.location());
        if (rows.error()) return *rows.error();
        if (request.dry_run) return summary;  // the transaction rolls back here

        if (summary.changed_anything()) {
            // The columns again: rows may have had cells past the header ("Column 13").
            SQLite::Statement finish(sql, "UPDATE import_batch SET rows_read = ?, created = ?, merged = ?, skipped = ?, "
                                          "columns = ? WHERE id = ?");
            finish.bind(1, static_cast<std::int64_t>(summary.rows));
            finish.bind(2, static_cast<std::int64_t>(summary.created));
            finish.bind(3, static_cast<std::int64_t>(summary.matched));
            finish.bind(4, static_cast<std::int64_t>(summary.skipped));
            finish.bind(5, nlohmann::json(mapper.column_labels()).dump());
            finish.bind(6, batch_id);
            finish.exec();
            summary.batch_id = batch_id;
            summary.links_derived = derive_links(db, request.event_id, batch_id, mapper.column_labels());
        } else {
            // Nothing to undo: keep the import history free of empty entries.
            SQLite::Statement drop(sql, "DELETE FROM import_batch WHERE id = ?");
            drop.bind(1, batch_id);
            drop.exec();
        }
        if (rebuild_company_index) sql.exec(std::string(storage::kPersonCompanyIndex));
        transaction.commit();
        return summary;
    } catch (const std::exception& error) {
        Error e = storage::sqlite_error(error, "importing");
        e.file = request.source.location();
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
        while (changes.executeStep()) {
            const PersonField* field = person_field(changes.getColumn(1).getString());
            if (!field) continue;
            // An emptied company empties its key too (door-openers match by the key).
            const bool company = std::string_view(field->column) == "company";
            SQLite::Statement revert(sql, std::string("UPDATE person SET ") + field->column + " = ''" +
                                              (company ? ", company_key = ''" : "") + " WHERE id = ? AND " +
                                              field->column + " = ?");
            revert.bind(1, changes.getColumn(0).getInt64());
            revert.bind(2, changes.getColumn(2).getString());
            revert.exec();
        }
        // 2. Take its participants off the event.
        SQLite::Statement participants(sql, "DELETE FROM participant WHERE batch_id = ?");
        participants.bind(1, batch_id);
        participants.exec();
        // 3. Remove the links and history it derived, then the people it created, unless another event lists
        //    them by now or the user has written something about them (a target, a note, a link).
        for (const char* table : {"link", "person_history"}) {
            SQLite::Statement derived(sql, std::string("DELETE FROM ") + table + " WHERE batch_id = ?");
            derived.bind(1, batch_id);
            derived.exec();
        }
        SQLite::Statement people(sql, "DELETE FROM person WHERE created_by_batch = ?1 "
                                      "AND relation = 'none' AND recognize = '' "
                                      "AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.person_id = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM target t WHERE t.person_id = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM note n WHERE n.person_id = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM promise pr WHERE pr.person_id = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.person_id = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM person_history h WHERE h.person_id = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM link l WHERE l.person_a = person.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM link l WHERE l.person_b = person.id)");
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
