// CSV and TSV: RFC 4180 records, streamed, plus the detection of delimiter and header row.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/source.hpp"
#include "core/import/text_stream.hpp"
#include "core/result.hpp"

namespace mingle::import {

// Splits UTF-8 text, fed in pieces, into CSV records. A tight byte loop: cells are views into one
// reusable buffer, unquoted in place, so the common case allocates nothing per cell or record.
//
// RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quotes); LF, CRLF and a lone
// CR end a record; blank lines are skipped. Lenient where real exports are sloppy: a quote inside
// an unquoted cell is kept literally, and text after a closing quote is kept too.
class CsvSplitter {
public:
    explicit CsvSplitter(char delimiter);

    // Adds text. Cells handed out before are no longer valid.
    void feed(std::string_view text);
    // No more text comes: the last record may end without a line break.
    void finish() { finished_ = true; }

    enum class Step {
        Record,    // record_line() and cells() describe the next record
        NeedMore,  // feed more text (or call finish())
        Done,      // finished and no records left
        Failed,    // error() says why; stop
    };
    Step next();

    std::size_t record_line() const { return record_line_; }
    std::span<const std::string_view> cells() const { return cells_; }
    // After Step::Failed: the message and line (the caller adds the file name).
    const Error& error() const { return error_; }

    // The line the splitter has read up to: where a problem found in the unread text is.
    std::size_t current_line() const { return line_; }
    // Lines seen so far, counting a last line without a line break.
    std::size_t lines() const;

    // A record longer than this is taken for a quote that is never closed (or not a CSV file);
    // it bounds the memory a broken file can take.
    static constexpr std::size_t kMaxRecordBytes = 16 * 1024 * 1024;

private:
    enum class State : std::uint8_t { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted };
    // Ordered so the hot loops test a single comparison: plain bytes and quotes first.
    enum ByteClass : std::uint8_t { kPlain, kQuote, kDelimiter, kLineBreak, kNul };
    struct FieldSpan {
        std::size_t begin;
        std::size_t end;
        bool quoted;
        bool needs_unquoting;  // doubled quotes or text after the closing quote: not just the inner slice
    };

    void end_field(std::size_t end);
    Step emit_record();
    Step fail_nul();
    Step fail_unterminated_quote();

    std::array<ByteClass, 256> classes_{};
    std::string buffer_;
    std::vector<FieldSpan> fields_;
    std::vector<std::string_view> cells_;
    State state_ = State::RecordStart;
    std::size_t record_start_ = 0;
    std::size_t field_start_ = 0;
    std::size_t scan_ = 0;
    bool field_quoted_ = false;
    bool field_needs_unquoting_ = false;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    std::size_t quote_line_ = 0;
    bool skip_lf_ = false;
    bool finished_ = false;
    bool got_text_ = false;
    bool ended_with_break_ = true;
    Error error_;
};

// True if every cell is empty or white space.
bool is_empty_record(std::span<const std::string_view> cells);

// The delimiter among , ; TAB | that splits the first records of `text` most consistently
// (quote-aware); ',' when none splits them (a single-column file). `is_complete` says whether
// `text` is the whole file, so its last record is whole too.
char detect_delimiter(std::string_view text, bool is_complete);

struct CsvHeader {
    std::size_t record = 0;            // 0-based index among the non-empty records
    std::size_t line = 0;              // 1-based line where it starts
    std::vector<std::string> columns;  // trimmed; trailing empty cells dropped
    std::size_t recognised = 0;        // recognised_columns(columns)
};

// The header among the first ~30 records: the first with the most recognised columns, else the
// first with the typical number of fields (so preamble lines are passed over). Fails with the
// line for a quote that is never closed, or when there is no record at all.
Result<CsvHeader> detect_header(std::string_view text, char delimiter, bool is_complete);

// The header at a record the user chose (0-based among the non-empty records). Fails when the
// text has fewer records, or for a quote that is never closed before it.
Result<CsvHeader> read_header(std::string_view text, char delimiter, std::size_t record, bool is_complete);

// Streams the data rows after layout.header_record. Records that are empty (all cells empty or
// white space) neither count as records nor come out as rows; empty cells past the last column
// are dropped.
Result<ReadStats> read_csv(TextStream& text, const SourceLayout& layout, const RowCallback& on_row,
                           const std::string& file_name);

}  // namespace mingle::import
