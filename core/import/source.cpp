#include "core/import/source.hpp"

#include <algorithm>

#include "core/import/csv_reader.hpp"
#include "core/import/encoding.hpp"
#include "core/import/text_list_reader.hpp"
#include "core/import/text_stream.hpp"
#include "core/import/vcard_reader.hpp"
#include "core/text.hpp"

namespace mingle::import {
namespace {

// Lower case letters and digits only: "UTF-8 (BOM)" → "utf8bom".
std::string simplified(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
}

std::string lower_extension(std::string_view name) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || name.find_first_of("/\\", dot) != std::string_view::npos) return {};
    return simplified(name.substr(dot + 1));
}

// The 1-based line of byte `pos`, counting LF, CRLF and lone CR as one line break each.
std::size_t line_of(std::string_view text, std::size_t pos) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) ++line;
    }
    return line;
}

// Files that are not text at all, recognised by their first bytes.
std::optional<std::string> describe_known_binary(std::string_view sample) {
    if (sample.starts_with("PK\x03\x04")) {
        if (sample.find("opendocument.spreadsheet") != std::string_view::npos)
            return "This is a LibreOffice/OpenOffice spreadsheet (.ods), not a CSV file: save it as "
                   "'Text CSV' with UTF-8 as the character set, and import that.";
        return "This is an Excel workbook (.xlsx), not a CSV file: save it as 'CSV UTF-8' in Excel, "
               "and import that.";
    }
    if (sample.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return "This is an old Excel workbook (.xls), not a CSV file: save it as 'CSV UTF-8' in Excel, "
               "and import that.";
    if (sample.starts_with("%PDF"))
        return "This is a PDF file, which cannot be imported as it is: copy the participant list from the PDF "
               "and paste it as text.";
    return std::nullopt;
}

bool is_control(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

// NUL bytes or many control characters: a binary file, whatever its name says.
std::optional<Error> check_not_binary(std::string_view text, const std::string& file) {
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        return make_error("This line contains a NUL byte: the file looks like a binary file, not a participant "
                          "list. Export the list as 'CSV UTF-8' (or copy it and paste it as text) and import that.",
                          file, line_of(text, nul));
    std::size_t controls = 0, first = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_control(static_cast<unsigned char>(text[i]))) continue;
        if (controls++ == 0) first = i;
    }
    if (controls >= 2 && controls * 32 > text.size())
        return make_error("The file looks like a binary file, not a participant list: it is full of control "
                          "characters (the first on this line). Export the list as 'CSV UTF-8' (or copy it and "
                          "paste it as text) and import that.",
                          file, line_of(text, first));
    return std::nullopt;
}

Format choose_format(std::string_view text, bool is_complete, std::string_view name, FormatHint hint) {
    switch (hint) {
        case FormatHint::Csv: return Format::Csv;
        case FormatHint::VCard: return Format::VCard;
        case FormatHint::TextList: return Format::TextList;
        case FormatHint::Auto: break;
    }
    const std::string extension = lower_extension(name);
    if (starts_like_vcard(text) || extension == "vcf" || extension == "vcard") return Format::VCard;
    if (extension == "csv" || extension == "tsv" || extension == "tab") return Format::Csv;
    // A .txt file or pasted text: a table only if it has a header row we recognise (Excel's
    // "Unicode text" has one); otherwise one person per line.
    Result<CsvHeader> header = detect_header(text, detect_delimiter(text, is_complete), is_complete);
    if (header && header->recognised >= 1 && header->columns.size() >= 2) return Format::Csv;
    return Format::TextList;
}

struct SampleText {
    std::string text;  // the decoded sample, up to any bytes that do not decode
    bool is_complete;  // the whole file, decoded
};

// Decodes the sample in `encoding`, after the checks every file goes through: empty, a known
// binary format, NUL bytes or control characters, no text at all.
Result<SampleText> decode_sample(std::string_view sample, bool is_whole_file, Encoding encoding,
                                 const std::string& file) {
    if (sample.empty())
        return make_error("The file is empty (0 bytes), so there is nothing to import. Check that you chose the "
                          "right file, or export the participant list again.",
                          file);
    if (auto binary = describe_known_binary(sample)) return make_error(*binary, file);
    const bool is_utf16 = encoding == Encoding::Utf16LE || encoding == Encoding::Utf16BE;
    if (!is_utf16)
        if (auto binary = check_not_binary(sample, file)) return *binary;

    TextDecoder decoder(encoding);
    SampleText sample_text{{}, false};
    bool decoded = decoder.decode(sample, sample_text.text);
    if (decoded && is_whole_file) decoded = decoder.finish();
    if (is_utf16)
        if (auto binary = check_not_binary(sample_text.text, file)) return *binary;
    // Bytes that do not decode are reported when the rows are read, so the preview can offer
    // another encoding; until then the text before them is what counts.
    sample_text.is_complete = is_whole_file && decoded;
    if (text::trim(sample_text.text).empty()) {
        if (!decoded)
            return make_error(describe_decode_problem(encoding, decoder.problem()), file,
                              line_of(sample_text.text, sample_text.text.size()));
        return make_error("The file has no text in it, only white space or a byte order mark, so there is nothing "
                          "to import. Check that you chose the right file, or export the participant list again.",
                          file);
    }
    return sample_text;
}

// Fills in header_line and columns for the layout's format; for CSV, `header` finds the header.
template <typename FindHeader>
Result<SourceLayout> with_columns(SourceLayout layout, const std::string& file, FindHeader&& header) {
    layout.header_record = 0;
    layout.header_line = 0;
    switch (layout.format) {
        case Format::Csv: {
            Result<CsvHeader> found = header();
            if (!found) {
                Error error = found.error();
                error.file = file;
                return error;
            }
            layout.header_record = found->record;
            layout.header_line = found->line;
            layout.columns = std::move(found->columns);
            break;
        }
        case Format::VCard: layout.columns = vcard_columns(); break;
        case Format::TextList: layout.columns = text_list_columns(); break;
    }
    return layout;
}

Result<SourceLayout> detect_sample(std::string_view sample, bool is_whole_file, std::string_view name,
                                   FormatHint hint) {
    const std::string file(name);
    SourceLayout layout;
    layout.encoding = detect_encoding(sample, is_whole_file);
    Result<SampleText> decoded = decode_sample(sample, is_whole_file, layout.encoding, file);
    if (!decoded) return decoded.error();
    const std::string& text = decoded->text;
    const bool complete = decoded->is_complete;
    layout.format = choose_format(text, complete, name, hint);
    if (layout.format == Format::Csv) layout.delimiter = detect_delimiter(text, complete);
    const char delimiter = layout.delimiter;
    return with_columns(std::move(layout), file, [&] { return detect_header(text, delimiter, complete); });
}

Result<SourceLayout> relayout_sample(std::string_view sample, bool is_whole_file, std::string_view name,
                                     const SourceLayout& chosen) {
    const std::string file(name);
    Result<SampleText> decoded = decode_sample(sample, is_whole_file, chosen.encoding, file);
    if (!decoded) return decoded.error();
    return with_columns(chosen, file, [&] {
        return read_header(decoded->text, chosen.delimiter, chosen.header_record, decoded->is_complete);
    });
}

// The first 64 KiB of a file, and whether that is all of it.
Result<std::pair<std::string, bool>> read_sample(const std::filesystem::path& path) {
    Result<ByteSource> source = ByteSource::open(path);
    if (!source) return source.error();
    // One byte more than the sample tells whether the sample is the whole file.
    std::string sample(kChunkSize + 1, '\0');
    std::size_t size = 0;
    for (std::size_t n; size < sample.size() && (n = source->read(sample.data() + size, sample.size() - size)) > 0;)
        size += n;
    const bool is_whole_file = size <= kChunkSize;
    sample.resize(std::min(size, kChunkSize));
    return std::pair{std::move(sample), is_whole_file};
}

Result<ReadStats> read_source(ByteSource& source, const std::string& file, const SourceLayout& layout,
                              const RowCallback& on_row, std::atomic<std::uint64_t>* bytes_done) {
    TextStream text(source, layout.encoding, bytes_done);
    switch (layout.format) {
        case Format::Csv: return read_csv(text, layout, on_row, file);
        case Format::VCard: return read_vcard(text, on_row, file);
        case Format::TextList: return read_text_list(text, on_row, file);
    }
    return make_error("Unknown file format.", file);
}

}  // namespace

std::string_view format_name(Format format) {
    switch (format) {
        case Format::Csv: return "csv";
        case Format::VCard: return "vcard";
        case Format::TextList: return "text";
    }
    return "csv";
}

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::Utf8: return "UTF-8";
        case Encoding::Utf8Bom: return "UTF-8 (BOM)";
        case Encoding::Utf16LE: return "UTF-16LE";
        case Encoding::Utf16BE: return "UTF-16BE";
        case Encoding::Windows1252: return "Windows-1252";
    }
    return "UTF-8";
}

std::optional<Format> parse_format(std::string_view name) {
    const std::string key = simplified(name);
    if (key == "csv" || key == "tsv") return Format::Csv;
    if (key == "vcard" || key == "vcf") return Format::VCard;
    if (key == "text" || key == "txt" || key == "textlist") return Format::TextList;
    return std::nullopt;
}

std::optional<Encoding> parse_encoding(std::string_view name) {
    const std::string key = simplified(name);
    if (key == "utf8") return Encoding::Utf8;
    if (key == "utf8bom" || key == "utf8sig") return Encoding::Utf8Bom;
    if (key == "utf16le") return Encoding::Utf16LE;
    if (key == "utf16be") return Encoding::Utf16BE;
    if (key == "windows1252" || key == "cp1252") return Encoding::Windows1252;
    return std::nullopt;
}

std::string delimiter_name(char delimiter) {
    switch (delimiter) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        case '|': return "pipe";
    }
    return std::string(1, delimiter);
}

Result<SourceLayout> detect_file(const std::filesystem::path& path, FormatHint hint) {
    Result<std::pair<std::string, bool>> sample = read_sample(path);
    if (!sample) return sample.error();
    return detect_sample(sample->first, sample->second, path.string(), hint);
}

Result<SourceLayout> detect_bytes(std::string_view bytes, std::string_view name, FormatHint hint) {
    return detect_sample(bytes.substr(0, kChunkSize), bytes.size() <= kChunkSize, name, hint);
}

Result<SourceLayout> relayout_file(const std::filesystem::path& path, const SourceLayout& chosen) {
    Result<std::pair<std::string, bool>> sample = read_sample(path);
    if (!sample) return sample.error();
    return relayout_sample(sample->first, sample->second, path.string(), chosen);
}

Result<SourceLayout> relayout_bytes(std::string_view bytes, std::string_view name, const SourceLayout& chosen) {
    return relayout_sample(bytes.substr(0, kChunkSize), bytes.size() <= kChunkSize, name, chosen);
}

Result<ReadStats> read_file(const std::filesystem::path& path, const SourceLayout& layout, const RowCallback& on_row,
                            std::atomic<std::uint64_t>* bytes_done) {
    Result<ByteSource> source = ByteSource::open(path);
    if (!source) return source.error();
    return read_source(*source, path.string(), layout, on_row, bytes_done);
}

Result<ReadStats> read_bytes(std::string_view bytes, std::string_view name, const SourceLayout& layout,
                             const RowCallback& on_row) {
    ByteSource source = ByteSource::from_memory(bytes);
    return read_source(source, std::string(name), layout, on_row, nullptr);
}

}  // namespace mingle::import
