#include "core/import/csv_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "core/import/header_mapping.hpp"
#include "core/text.hpp"

namespace mingle::import {
namespace {

// Records looked at when detecting the delimiter and the header.
constexpr std::size_t kSampleRecords = 30;

constexpr char kDelimiterCandidates[] = {',', ';', '\t', '|'};

// Removes the quoting of a quoted field in place: the enclosing quotes, doubled quotes inside,
// and, leniently, keeps whatever follows the closing quote as it is.
std::string_view unquote_in_place(char* raw, std::size_t size) {
    char* out = raw;
    bool in_quotes = true;
    for (std::size_t i = 1; i < size; ++i) {
        char c = raw[i];
        if (in_quotes && c == '"') {
            if (i + 1 < size && raw[i + 1] == '"') {
                *out++ = '"';
                ++i;
            } else {
                in_quotes = false;
            }
            continue;
        }
        *out++ = c;
    }
    return {raw, static_cast<std::size_t>(out - raw)};
}

struct SampleRecord {
    std::size_t line;
    std::vector<std::string> cells;
};

struct SampleParse {
    std::vector<SampleRecord> records;  // the first non-empty records
    std::optional<Error> error;         // a quote never closed, or not one whole record
};

SampleParse parse_sample(std::string_view text, char delimiter, bool is_complete,
                         std::size_t max_records = kSampleRecords) {
    SampleParse parse;
    CsvSplitter splitter(delimiter);
    splitter.feed(text);
    if (is_complete) splitter.finish();
    while (parse.records.size() < max_records) {
        CsvSplitter::Step step = splitter.next();
        if (step == CsvSplitter::Step::NeedMore && parse.records.empty()) {
            // Not one whole record in the sample: finishing tells a quote that never closes apart
            // from a record that is merely very long.
            splitter.finish();
            step = splitter.next();
        }
        if (step == CsvSplitter::Step::Failed) {
            parse.error = splitter.error();
            break;
        }
        if (step != CsvSplitter::Step::Record) break;
        if (is_empty_record(splitter.cells())) continue;
        SampleRecord record{splitter.record_line(), {}};
        for (std::string_view cell : splitter.cells()) record.cells.emplace_back(cell);
        parse.records.push_back(std::move(record));
    }
    return parse;
}

// The most common field count and how many records have it.
std::pair<std::size_t, std::size_t> typical_field_count(const std::vector<SampleRecord>& records) {
    std::vector<std::pair<std::size_t, std::size_t>> tally;  // field count, records
    for (const SampleRecord& record : records) {
        auto it = std::find_if(tally.begin(), tally.end(),
                               [&](const auto& entry) { return entry.first == record.cells.size(); });
        if (it == tally.end()) tally.emplace_back(record.cells.size(), 1);
        else ++it->second;
    }
    std::pair<std::size_t, std::size_t> best{0, 0};
    for (const auto& entry : tally)
        if (entry.second > best.second || (entry.second == best.second && entry.first > best.first)) best = entry;
    return best;
}

std::vector<std::string> header_columns(const std::vector<std::string>& cells) {
    std::vector<std::string> columns;
    for (const std::string& cell : cells) columns.emplace_back(text::trim(cell));
    while (!columns.empty() && columns.back().empty()) columns.pop_back();
    return columns;
}

}  // namespace

CsvSplitter::CsvSplitter(char delimiter) {
    auto mark = [this](char c, ByteClass byte_class) { classes_[static_cast<unsigned char>(c)] = byte_class; };
    mark(delimiter, kDelimiter);
    mark('"', kQuote);
    mark('\n', kLineBreak);
    mark('\r', kLineBreak);
    mark('\0', kNul);
}

void CsvSplitter::feed(std::string_view text) {
    if (text.empty()) return;
    // Drop what has been handed out; keep the record being read, with its offsets moved along.
    const bool inside_record = state_ != State::RecordStart;
    const std::size_t keep_from = inside_record ? record_start_ : scan_;
    if (keep_from > 0) {
        buffer_.erase(0, keep_from);
        scan_ -= keep_from;
        if (inside_record) {
            record_start_ = 0;
            field_start_ -= keep_from;
            for (FieldSpan& field : fields_) {
                field.begin -= keep_from;
                field.end -= keep_from;
            }
        }
    }
    buffer_.append(text);
    got_text_ = true;
    ended_with_break_ = text.back() == '\n' || text.back() == '\r';
}

void CsvSplitter::end_field(std::size_t end) {
    fields_.push_back({field_start_, end, field_quoted_, field_needs_unquoting_});
}

CsvSplitter::Step CsvSplitter::emit_record() {
    char* data = buffer_.data();
    cells_.clear();
    for (const FieldSpan& field : fields_) {
        char* raw = data + field.begin;
        std::size_t size = field.end - field.begin;
        if (!field.quoted) cells_.emplace_back(raw, size);
        else if (!field.needs_unquoting) cells_.emplace_back(raw + 1, size - 2);  // "text" → text
        else cells_.push_back(unquote_in_place(raw, size));
    }
    return Step::Record;
}

CsvSplitter::Step CsvSplitter::fail_nul() {
    error_ = make_error(
        "This line contains a NUL byte: the file looks like a binary file, not a CSV or text file. "
        "Export the participant list as 'CSV UTF-8' and import that.",
        {}, line_);
    return Step::Failed;
}

CsvSplitter::Step CsvSplitter::fail_unterminated_quote() {
    error_ = make_error(
        "The quote (\") that opens a field on this line is never closed, so the rest of the file would "
        "be one cell. A value probably contains a stray quote: fix it in the file, or save the file "
        "again from the spreadsheet program.",
        {}, quote_line_);
    return Step::Failed;
}

CsvSplitter::Step CsvSplitter::next() {
    char* data = buffer_.data();
    const std::size_t end = buffer_.size();
    std::size_t p = scan_;
    for (;;) {
        switch (state_) {
            case State::RecordStart: {
                if (p == end) goto need_more;
                const char c = data[p];
                if (skip_lf_) {
                    skip_lf_ = false;
                    if (c == '\n') {
                        ++p;
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {  // a blank line
                    ++line_;
                    skip_lf_ = c == '\r';
                    ++p;
                    continue;
                }
                record_start_ = p;
                record_line_ = line_;
                fields_.clear();
                state_ = State::FieldStart;
                [[fallthrough]];
            }
            case State::FieldStart:
                if (p == end) goto need_more;
                field_start_ = p;
                field_needs_unquoting_ = false;
                field_quoted_ = data[p] == '"';
                if (field_quoted_) {
                    quote_line_ = line_;
                    ++p;
                    state_ = State::Quoted;
                    continue;
                }
                state_ = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted: {
                // The hot loop: plain bytes and literal quotes go by until a delimiter or line break.
                ByteClass byte_class = kPlain;
                while (p < end && (byte_class = classes_[static_cast<unsigned char>(data[p])]) <= kQuote) ++p;
                if (p == end) goto need_more;
                if (byte_class == kNul) {
                    scan_ = p;
                    return fail_nul();
                }
                end_field(p);
                const char c = data[p++];
                if (byte_class == kDelimiter) {
                    state_ = State::FieldStart;
                    continue;
                }
                ++line_;
                skip_lf_ = c == '\r';
                state_ = State::RecordStart;
                scan_ = p;
                return emit_record();
            }
            case State::Quoted: {
                ByteClass byte_class = kPlain;
                while (p < end && ((byte_class = classes_[static_cast<unsigned char>(data[p])]) == kPlain ||
                                   byte_class == kDelimiter))
                    ++p;
                if (p == end) goto need_more;
                if (byte_class == kQuote) {
                    ++p;
                    state_ = State::QuoteInQuoted;
                    continue;
                }
                if (byte_class == kNul) {
                    scan_ = p;
                    return fail_nul();
                }
                // A line break inside the quotes: the record goes on, the line count too (CRLF once).
                if (data[p] == '\r' || data[p - 1] != '\r') ++line_;
                ++p;
                continue;
            }
            case State::QuoteInQuoted: {
                if (p == end) goto need_more;
                if (data[p] == '"') {  // a doubled quote stands for one quote
                    field_needs_unquoting_ = true;
                    ++p;
                    state_ = State::Quoted;
                    continue;
                }
                // The closing quote. Text after it (`"abc"def`) is kept, as Excel does.
                if (classes_[static_cast<unsigned char>(data[p])] <= kQuote) field_needs_unquoting_ = true;
                state_ = State::Unquoted;
                continue;
            }
        }
    }

need_more:
    scan_ = p;
    if (!finished_) {
        if (state_ != State::RecordStart && p - record_start_ > kMaxRecordBytes) {
            if (state_ == State::Quoted) return fail_unterminated_quote();
            error_ = make_error("This record is longer than 16 MB, so the file is probably not a CSV file. "
                                "Export the participant list as 'CSV UTF-8' and import that.",
                                {}, record_line_);
            return Step::Failed;
        }
        return Step::NeedMore;
    }
    switch (state_) {
        case State::RecordStart: return Step::Done;
        case State::Quoted: return fail_unterminated_quote();
        case State::FieldStart:  // the text ends right after a delimiter: one more empty cell
            field_start_ = end;
            field_quoted_ = false;
            field_needs_unquoting_ = false;
            break;
        default: break;
    }
    end_field(end);
    state_ = State::RecordStart;
    return emit_record();
}

std::size_t CsvSplitter::lines() const {
    if (!got_text_) return 0;
    return ended_with_break_ ? line_ - 1 : line_;
}

bool is_empty_record(std::span<const std::string_view> cells) {
    return std::all_of(cells.begin(), cells.end(), [](std::string_view cell) { return text::trim(cell).empty(); });
}

char detect_delimiter(std::string_view text, bool is_complete) {
    char best = ',';
    std::size_t best_score = 0;
    for (char candidate : kDelimiterCandidates) {
        SampleParse parse = parse_sample(text, candidate, is_complete);
        auto [fields, records] = typical_field_count(parse.records);
        // Many records splitting the same way, into many fields: a file split by ';' has a comma
        // in some cells, but rarely the same number in every row.
        std::size_t score = fields > 1 ? records * (fields - 1) : 0;
        if (score > best_score) {
            best = candidate;
            best_score = score;
        }
    }
    return best;
}

Result<CsvHeader> detect_header(std::string_view text, char delimiter, bool is_complete) {
    SampleParse parse = parse_sample(text, delimiter, is_complete);
    if (parse.error) return *parse.error;
    if (parse.records.empty())
        return make_error("The file has no rows with text in them, so there is nothing to import.");

    std::size_t best = 0, best_recognised = 0;
    for (std::size_t i = 0; i < parse.records.size(); ++i) {
        std::size_t recognised = recognised_columns(header_columns(parse.records[i].cells));
        if (recognised > best_recognised) {
            best = i;
            best_recognised = recognised;
        }
    }
    if (best_recognised == 0) {
        // No header we know: take the first record shaped like the data, past any preamble.
        std::size_t fields = typical_field_count(parse.records).first;
        for (std::size_t i = 0; i < parse.records.size(); ++i) {
            if (parse.records[i].cells.size() == fields) {
                best = i;
                break;
            }
        }
    }
    CsvHeader header;
    header.record = best;
    header.line = parse.records[best].line;
    header.columns = header_columns(parse.records[best].cells);
    header.recognised = best_recognised;
    return header;
}

Result<CsvHeader> read_header(std::string_view text, char delimiter, std::size_t record, bool is_complete) {
    SampleParse parse = parse_sample(text, delimiter, is_complete, record + 1);
    if (parse.records.size() <= record) {
        if (parse.error) return *parse.error;
        return make_error("The file has only " + std::to_string(parse.records.size()) +
                          " rows with text at its start, so row " + std::to_string(record + 1) +
                          " cannot be the header. Choose an earlier row.");
    }
    CsvHeader header;
    header.record = record;
    header.line = parse.records[record].line;
    header.columns = header_columns(parse.records[record].cells);
    header.recognised = recognised_columns(header.columns);
    return header;
}

Result<ReadStats> read_csv(TextStream& text, const SourceLayout& layout, const RowCallback& on_row,
                           const std::string& file_name) {
    CsvSplitter splitter(layout.delimiter);
    ReadStats stats;
    std::size_t record_index = 0;
    bool stopped = false;

    // Hands out the records the splitter has whole; an error if it fails.
    auto drain = [&]() -> std::optional<Error> {
        for (;;) {
            CsvSplitter::Step step = splitter.next();
            if (step == CsvSplitter::Step::Failed) {
                Error error = splitter.error();
                error.file = file_name;
                return error;
            }
            if (step != CsvSplitter::Step::Record) return std::nullopt;
            std::span<const std::string_view> cells = splitter.cells();
            if (cells.empty() || is_empty_record(cells)) continue;
            if (record_index++ <= layout.header_record) continue;
            std::size_t count = cells.size();
            while (count > layout.columns.size() && text::trim(cells[count - 1]).empty()) --count;
            ++stats.rows;
            if (!on_row(RowView{splitter.record_line(), cells.first(count)})) {
                stopped = true;
                return std::nullopt;
            }
        }
    };

    for (std::string_view piece = text.next(); !piece.empty() && !stopped; piece = text.next()) {
        splitter.feed(piece);
        if (auto error = drain()) return *error;
    }
    if (!stopped) {
        if (text.failed()) {
            // Everything before the bad bytes has been read, so the splitter is on their line.
            return make_error(text.problem_message(), file_name, splitter.current_line());
        }
        splitter.finish();
        if (auto error = drain()) return *error;
    }
    stats.lines = splitter.lines();
    return stats;
}

}  // namespace mingle::import
