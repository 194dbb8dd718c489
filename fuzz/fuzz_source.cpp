// detect_bytes + read_bytes over arbitrary bytes: every format, every encoding, as the import does.
#include <cstdint>
#include <string>

#include "core/import/source.hpp"
#include "fuzz_common.hpp"

using namespace mingle::import;

namespace {

void read_all(std::string_view bytes, std::string_view name, const SourceLayout& layout) {
    std::size_t last_line = 0;
    std::size_t rows = 0;
    auto stats = read_bytes(bytes, name, layout, [&](const RowView& row) {
        fuzz::check(row.line >= 1);
        fuzz::check(row.line >= last_line);  // rows come in file order
        last_line = row.line;
        fuzz::check_cells_utf8(row.cells);
        if (layout.format != Format::Csv) fuzz::check(row.cells.size() == layout.columns.size());
        ++rows;
        return true;
    });
    if (stats) {
        fuzz::check(stats->rows == rows);
        fuzz::check(rows == 0 || last_line <= stats->lines);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input input(data, size);
    const std::uint8_t selector = input.byte();
    const std::uint8_t choice = input.byte();
    constexpr std::string_view kNames[] = {"pasted", "people.csv", "people.vcf", "people.txt"};
    constexpr FormatHint kHints[] = {FormatHint::Auto, FormatHint::Csv, FormatHint::VCard, FormatHint::TextList};
    const std::string_view name = kNames[selector & 3];
    const FormatHint hint = kHints[(selector >> 2) & 3];
    const std::string_view bytes = input.rest();

    auto layout = detect_bytes(bytes, name, hint);
    if (layout) {
        for (const std::string& column : layout->columns) fuzz::check(mingle::text::is_valid_utf8(column));
        read_all(bytes, name, *layout);
    }

    // What the preview lets the user choose: another encoding, delimiter or header record.
    if (selector & 0x10) {
        SourceLayout chosen = layout ? *layout : SourceLayout{};
        constexpr Format kFormats[] = {Format::Csv, Format::VCard, Format::TextList};
        constexpr Encoding kEncodings[] = {Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16LE, Encoding::Utf16BE,
                                           Encoding::Windows1252};
        constexpr char kDelimiters[] = {',', ';', '\t', '|'};
        chosen.format = kFormats[choice % 3];
        chosen.encoding = kEncodings[(choice / 3) % 5];
        chosen.delimiter = kDelimiters[(choice / 15) % 4];
        chosen.header_record = (choice >> 6);
        auto relaid = relayout_bytes(bytes, name, chosen);
        if (relaid) {
            for (const std::string& column : relaid->columns) fuzz::check(mingle::text::is_valid_utf8(column));
            read_all(bytes, name, *relaid);
        }
    }
    return 0;
}
