// From a participant file to people at an event: preview, import as one transaction, undo.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/import/header_mapping.hpp"
#include "core/import/source.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle::import {

// A file on disk, or text pasted into the app.
struct ImportSource {
    std::filesystem::path path;  // empty for pasted text
    std::string pasted_text;
    std::string pasted_name;     // shown for pasted text; its extension, if any, hints at the format

    static ImportSource file(std::filesystem::path path) { return {std::move(path), {}, {}}; }
    static ImportSource text(std::string text, std::string name = "pasted text") {
        return {{}, std::move(text), std::move(name)};
    }
    bool is_pasted() const { return path.empty(); }
    std::string display_name() const;  // the file name, or the pasted text's name
    std::string location() const;      // for messages: the path as given, or the pasted text's name
};

Result<SourceLayout> detect(const ImportSource& source, FormatHint hint = FormatHint::Auto);
Result<ReadStats> read(const ImportSource& source, const SourceLayout& layout, const RowCallback& on_row,
                       std::atomic<std::uint64_t>* bytes_done = nullptr);

// What one row says about a person, cleaned (spaces collapsed, full name split, e-mail checked).
struct MappedRow {
    std::string first_name;
    std::string last_name;
    std::string email;  // normalised (identity::email_key); empty when the cell was not an address (kept in details)
    std::string company;
    std::string title;
    std::string phone;
    std::string url;
    std::string ticket_type;
    std::string details_json;  // JSON array aligned with RowMapper::column_labels(): cells kept as details
    std::string name_key;      // identity::name_key of the names and company above
    std::string company_key;   // text::company_key(company), stored with the person
};

// Turns rows into MappedRows under a column mapping, reusing its buffers from row to row.
class RowMapper {
public:
    RowMapper(const SourceLayout& layout, const std::vector<Field>& mapping);

    // False, with the reason, when the row cannot become a person (no name and no e-mail).
    bool map(const RowView& row, MappedRow& out, std::string& reason);

    // The names details_json is aligned with: the columns (unnamed ones as "Column N", repeated
    // names numbered), then "Column N" for cells past the header that held something.
    std::vector<std::string> column_labels() const;

private:
    std::vector<Field> fields_;
    std::vector<std::string> labels_;
    std::size_t widest_detail_ = 0;  // 1 + the highest cell index kept as a detail so far
};

// Fails when no column is a name or an e-mail, naming the header and its line in `location`.
Status check_mapping(const SourceLayout& layout, const std::vector<Field>& mapping, const std::string& location);

// The mapping to start a preview with: the one the user corrected for this header before, if any,
// else the guess from header synonyms.
std::vector<Field> initial_mapping(storage::Database& db, const SourceLayout& layout, bool* remembered = nullptr);

// Remembers a corrected mapping for files with the same header (forgets it if it equals the guess).
void remember_mapping(storage::Database& db, const SourceLayout& layout, const std::vector<Field>& mapping);

// Applies the user's corrections to a detected layout (format, encoding, delimiter, header row)
// and reads the columns again under them.
Result<SourceLayout> relayout(const ImportSource& source, const SourceLayout& chosen);

struct PreviewRow {
    std::size_t line = 0;
    MappedRow person;
    std::string problem;  // why it will be skipped; empty if it imports
};

struct Preview {
    std::vector<PreviewRow> rows;                   // the first rows as they would be imported
    std::vector<std::vector<std::string>> samples;  // per column, its first few non-empty values
};

Result<Preview> make_preview(const ImportSource& source, const SourceLayout& layout, const std::vector<Field>& mapping,
                             std::size_t max_rows = 50);

struct ImportRequest {
    ImportSource source;
    SourceLayout layout;
    std::vector<Field> mapping;  // one per layout column
    Id event_id = 0;
    bool dry_run = false;        // do everything, then roll back
};

// Shared with a progress bar on another thread; cancel stops the import and rolls it back.
struct ImportProgress {
    std::atomic<std::uint64_t> bytes_done{0};
    std::uint64_t bytes_total = 0;
    std::atomic<std::uint64_t> rows{0};
    std::atomic<bool> cancel{false};
};

struct SkippedRow {
    std::size_t line = 0;
    std::string reason;
};

struct ImportSummary {
    Id batch_id = 0;            // 0 when nothing changed (or a dry run): nothing to undo
    bool dry_run = false;
    std::string source_name;
    std::size_t rows = 0;            // data rows read
    std::size_t created = 0;         // new people
    std::size_t matched = 0;         // people already known, now on this event's list
    std::size_t already_listed = 0;  // already on this event's list: nothing to add
    std::size_t duplicates = 0;      // the same person again further down the file
    std::size_t fields_filled = 0;   // empty fields of known people filled from the file
    std::size_t skipped = 0;         // rows that could not become a person
    std::size_t links_derived = 0;   // "A knows B" from columns such as "Invited by" (derived_links.hpp)
    std::size_t other_companies = 0; // known people listed at another company: kept in their history
    std::vector<SkippedRow> skipped_rows;  // the first kMaxSkippedListed of them, with line numbers

    static constexpr std::size_t kMaxSkippedListed = 1000;
    bool changed_anything() const { return created + matched + fields_filled + other_companies > 0; }
};

// Imports the rows as one transaction: a failure part-way imports nothing.
Result<ImportSummary> run_import(storage::Database& db, const ImportRequest& request,
                                 ImportProgress* progress = nullptr);

struct ImportBatch {
    Id id = 0;
    Id event_id = 0;
    std::string source_name;
    std::string format;
    std::string encoding;
    std::string imported_at;  // UTC, ISO 8601
    std::string undone_at;    // empty while in effect
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t merged = 0;
    std::int64_t skipped = 0;
};

std::vector<ImportBatch> list_imports(storage::Database& db, Id event_id);
std::optional<ImportBatch> get_import(storage::Database& db, Id batch_id);

// Undoes an import as a whole: the people it created go (unless another event lists them since),
// it takes its participants off the event, and fields it filled in on known people are emptied
// again where nobody has changed them since.
Status undo_import(storage::Database& db, Id batch_id);

}  // namespace mingle::import
