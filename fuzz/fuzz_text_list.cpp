// Pasted lists: parse_person_line on one line, and read_text_list over arbitrary bytes.
#include <cstdint>

#include "core/import/text_list_reader.hpp"
#include "core/import/text_stream.hpp"
#include "fuzz_common.hpp"

using namespace mingle::import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input input(data, size);
    const std::uint8_t selector = input.byte();
    const std::string_view bytes = input.rest();

    if (mingle::text::is_valid_utf8(bytes) && bytes.size() <= 4096) {
        PersonLine person = parse_person_line(bytes);
        for (const std::string* part : {&person.name, &person.title, &person.company, &person.email, &person.phone,
                                        &person.other})
            fuzz::check(mingle::text::is_valid_utf8(*part));
    }

    ByteSource source = ByteSource::from_memory(bytes);
    TextStream stream(source, (selector & 1) ? Encoding::Windows1252 : Encoding::Utf8, nullptr,
                      fuzz::chunk_size(selector >> 1));
    const std::size_t columns = std::size(kTextListColumns);
    std::size_t last_line = 0;
    std::size_t rows = 0;
    auto stats = read_text_list(stream, [&](const RowView& row) {
        fuzz::check(row.line >= 1);
        fuzz::check(row.line > last_line);  // one row per line at most
        last_line = row.line;
        fuzz::check(row.cells.size() == columns);
        fuzz::check_cells_utf8(row.cells);
        ++rows;
        return true;
    }, "fuzz.txt");
    if (stats) {
        fuzz::check(stats->rows == rows);
        fuzz::check(last_line <= stats->lines);
    }
    return 0;
}
