// Reading participant files: detect what a file is, then stream its rows as UTF-8 cells.
//
// Detection looks at the first 64 KiB only; reading streams the whole file in fixed-size chunks,
// so a 100 MB file never sits in memory. Every format comes out the same way: a list of column
// names (the layout) and rows of cells, so mapping and import need not know the format.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace mingle::import {

enum class Format { Csv, VCard, TextList };
enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };
enum class FormatHint { Auto, Csv, VCard, TextList };

std::string_view format_name(Format format);        // "csv", "vcard", "text"
std::string_view encoding_name(Encoding encoding);  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1252"
std::optional<Format> parse_format(std::string_view name);
std::optional<Encoding> parse_encoding(std::string_view name);  // accepts the names above, case-insensitive
std::string delimiter_name(char delimiter);                      // "comma", "semicolon", "tab", "pipe"

// What detection found. The preview lets the user correct format, encoding, delimiter and header
// row; the reader then follows the corrected layout.
struct SourceLayout {
    Format format = Format::Csv;
    Encoding encoding = Encoding::Utf8;
    char delimiter = ',';              // CSV only: ',', ';', '\t' or '|'
    std::size_t header_record = 0;     // CSV only: 0-based record index of the header (records before it are preamble)
    std::size_t header_line = 0;       // 1-based line of the header, for messages; 0 where there is none
    std::vector<std::string> columns;  // CSV: the header cells, trimmed; vCard and text lists: fixed names
};

// Looks at the first 64 KiB of the file. Fails with a clear message (and the line, where one
// applies) for an empty file, a binary file (NUL bytes, control characters, a zip/xlsx or PDF),
// or a CSV whose quoting cannot be made sense of.
Result<SourceLayout> detect_file(const std::filesystem::path& path, FormatHint hint = FormatHint::Auto);

// The same for bytes in memory (pasted text, tests). `name` is shown in messages; its extension
// (".txt", ".vcf", ".csv") is a hint as for files.
Result<SourceLayout> detect_bytes(std::string_view bytes, std::string_view name,
                                  FormatHint hint = FormatHint::Auto);

// Applies what the user chose in the preview: format, encoding, delimiter and header_record are
// kept as given, and header_line and columns are read again under them from the first 64 KiB.
// Fails as detection does, and when the chosen header record is not among the records there.
Result<SourceLayout> relayout_file(const std::filesystem::path& path, const SourceLayout& chosen);
Result<SourceLayout> relayout_bytes(std::string_view bytes, std::string_view name, const SourceLayout& chosen);

// One data row. `cells` are decoded UTF-8 and stay valid only during the callback. For CSV they
// are the cells as found (a row may be shorter or longer than `columns`); for vCard and text
// lists there is exactly one cell per column.
struct RowView {
    std::size_t line = 0;  // 1-based line where the record starts
    std::span<const std::string_view> cells;
};

// Return false to stop reading early.
using RowCallback = std::function<bool(const RowView&)>;

struct ReadStats {
    std::size_t rows = 0;   // rows handed to the callback
    std::size_t lines = 0;  // lines in the file
};

// Streams the data rows (after the header for CSV; one per card; one per non-blank line of a text
// list). Rows whose cells are all empty are left out. Fails with file and line for an unterminated
// quote, a NUL byte or bytes that are not valid in the layout's encoding.
// `bytes_done`, if given, is advanced as the file is consumed (for a progress bar on another thread).
Result<ReadStats> read_file(const std::filesystem::path& path, const SourceLayout& layout,
                            const RowCallback& on_row, std::atomic<std::uint64_t>* bytes_done = nullptr);
Result<ReadStats> read_bytes(std::string_view bytes, std::string_view name, const SourceLayout& layout,
                             const RowCallback& on_row);

}  // namespace mingle::import
