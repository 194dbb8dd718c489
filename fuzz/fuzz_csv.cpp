// The CSV layer on its own: CsvSplitter fed in pieces (compared with one piece), delimiter and
// header detection, and read_csv through a TextStream with tiny chunks.
#include <cstdint>
#include <string>
#include <vector>

#include "core/import/csv_reader.hpp"
#include "core/import/text_stream.hpp"
#include "fuzz_common.hpp"

using namespace mingle::import;

namespace {

struct Split {
    std::vector<std::pair<std::size_t, std::vector<std::string>>> records;
    bool failed = false;
};

// Splits `text` fed `piece` bytes at a time (0: all at once).
Split split(std::string_view text, char delimiter, std::size_t piece) {
    Split out;
    CsvSplitter splitter(delimiter);
    std::size_t fed = 0;
    std::size_t last_line = 0;
    for (;;) {
        CsvSplitter::Step step = splitter.next();
        if (step == CsvSplitter::Step::Record) {
            fuzz::check(splitter.record_line() >= 1);
            fuzz::check(splitter.record_line() >= last_line);
            last_line = splitter.record_line();
            std::vector<std::string> cells;
            for (std::string_view cell : splitter.cells()) cells.emplace_back(cell);
            out.records.emplace_back(splitter.record_line(), std::move(cells));
        } else if (step == CsvSplitter::Step::NeedMore) {
            if (fed >= text.size()) {
                splitter.finish();
                continue;
            }
            std::size_t n = piece == 0 ? text.size() - fed : std::min(piece, text.size() - fed);
            splitter.feed(text.substr(fed, n));
            fed += n;
        } else {
            out.failed = step == CsvSplitter::Step::Failed;
            break;
        }
    }
    if (!out.failed) fuzz::check(last_line <= splitter.lines());
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input input(data, size);
    const std::uint8_t selector = input.byte();
    constexpr char kDelimiters[] = {',', ';', '\t', '|'};
    const char delimiter = kDelimiters[selector & 3];
    const std::size_t piece = fuzz::chunk_size(selector >> 2);
    const bool is_complete = (selector & 0x20) == 0;
    const std::string_view text = input.rest();

    // Splitting must not depend on where the pieces end.
    Split whole = split(text, delimiter, 0);
    Split pieces = split(text, delimiter, piece);
    fuzz::check(whole.failed == pieces.failed);
    fuzz::check(whole.records == pieces.records);

    const char detected = detect_delimiter(text, is_complete);
    fuzz::check(detected == ',' || detected == ';' || detected == '\t' || detected == '|');
    auto header = detect_header(text, detected, is_complete);
    if (header) fuzz::check(header->line >= 1);
    auto chosen = read_header(text, delimiter, selector >> 6, is_complete);
    if (chosen) fuzz::check(chosen->record == static_cast<std::size_t>(selector >> 6));

    // The streaming reader, as import uses it, on UTF-8 text.
    if (mingle::text::is_valid_utf8(text)) {
        SourceLayout layout;
        layout.delimiter = delimiter;
        layout.header_record = header ? header->record : 0;
        if (header) layout.columns = header->columns;
        ByteSource source = ByteSource::from_memory(text);
        TextStream stream(source, Encoding::Utf8, nullptr, piece);
        std::size_t last_line = 0;
        auto stats = read_csv(stream, layout, [&](const RowView& row) {
            fuzz::check(row.line >= last_line);
            last_line = row.line;
            fuzz::check_cells_utf8(row.cells);
            return true;
        }, "fuzz.csv");
        (void)stats;
    }
    return 0;
}
