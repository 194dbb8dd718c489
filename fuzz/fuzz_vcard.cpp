// read_vcard through a TextStream (UTF-8 or Windows-1252, tiny chunks) over arbitrary bytes.
#include <cstdint>

#include "core/import/text_stream.hpp"
#include "core/import/vcard_reader.hpp"
#include "fuzz_common.hpp"

using namespace mingle::import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input input(data, size);
    const std::uint8_t selector = input.byte();
    const std::string_view bytes = input.rest();
    (void)starts_like_vcard(bytes);

    ByteSource source = ByteSource::from_memory(bytes);
    TextStream stream(source, (selector & 1) ? Encoding::Windows1252 : Encoding::Utf8, nullptr,
                      fuzz::chunk_size(selector >> 1));
    const std::size_t columns = std::size(kVCardColumns);
    std::size_t last_line = 0;
    std::size_t rows = 0;
    auto stats = read_vcard(stream, [&](const RowView& row) {
        fuzz::check(row.line >= 1);
        fuzz::check(row.line >= last_line);
        last_line = row.line;
        fuzz::check(row.cells.size() == columns);
        fuzz::check_cells_utf8(row.cells);
        ++rows;
        return (selector & 0x80) == 0 || rows < 3;  // sometimes stop early
    }, "fuzz.vcf");
    if (stats) fuzz::check(stats->rows == rows);
    return 0;
}
