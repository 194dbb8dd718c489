#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "core/import/encoding.hpp"
#include "core/import/header_mapping.hpp"
#include "core/text.hpp"
#include "test_import_helpers.hpp"

using namespace import_test;

namespace {

// A file in the temporary directory, removed again when the test is done.
class TempFile {
public:
    TempFile(std::string_view name, std::string_view bytes) {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("mingle_readers_" + std::to_string(random()) + "_" + std::string(name));
        std::ofstream out(path_, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

Imported import_temp(const TempFile& file) {
    Imported imported;
    Result<SourceLayout> layout = detect_file(file.path());
    if (!layout) FAIL(layout.error().describe());
    imported.layout = layout.value();
    Result<ReadStats> stats = read_file(file.path(), imported.layout, collect_into(imported.rows));
    if (!stats) FAIL(stats.error().describe());
    imported.stats = stats.value();
    return imported;
}

// ASCII CSV rows "Person N,Company N" from line 2 on, until the text is at least `size` bytes.
std::string filler_rows(std::size_t size, std::size_t& next_line) {
    std::string rows;
    while (rows.size() < size) {
        rows += "Person " + std::to_string(next_line) + ",Company " + std::to_string(next_line) + "\n";
        ++next_line;
    }
    return rows;
}

// "Pad,xxx…\n", exactly `size` bytes long: moves what follows to a chosen offset.
std::string pad_row(std::size_t size) {
    REQUIRE(size >= 5);
    return "Pad," + std::string(size - 5, 'x') + "\n";
}

Error detect_error(std::string_view name) {
    Result<SourceLayout> layout = detect_file(corpus(name));
    if (layout) FAIL("detection should fail for " << name);
    return layout.error();
}

}  // namespace

TEST_CASE("names of formats, encodings and delimiters round-trip", "[source]") {
    for (Format format : {Format::Csv, Format::VCard, Format::TextList})
        CHECK(parse_format(format_name(format)) == format);
    for (Encoding encoding :
         {Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16LE, Encoding::Utf16BE, Encoding::Windows1252}) {
        CHECK(parse_encoding(encoding_name(encoding)) == encoding);
        CHECK(parse_encoding(text::to_lower(encoding_name(encoding))) == encoding);
    }
    CHECK(encoding_name(Encoding::Utf8Bom) == "UTF-8 (BOM)");
    CHECK(parse_encoding("cp1252") == Encoding::Windows1252);
    CHECK_FALSE(parse_encoding("EBCDIC").has_value());
    CHECK_FALSE(parse_format("xlsx").has_value());
    CHECK(delimiter_name(',') == "comma");
    CHECK(delimiter_name(';') == "semicolon");
    CHECK(delimiter_name('\t') == "tab");
    CHECK(delimiter_name('|') == "pipe");
}

TEST_CASE("Eventbrite attendee report: quoted commas, doubled quotes, a line break in a quote", "[source]") {
    Imported report = import_corpus("eventbrite.csv");
    CHECK(report.layout.format == Format::Csv);
    CHECK(report.layout.encoding == Encoding::Utf8);
    CHECK(report.layout.delimiter == ',');
    CHECK(report.layout.header_line == 1);
    CHECK(report.layout.columns.size() == 12);
    REQUIRE(report.rows.size() == 3);
    CHECK(report.cell(0, "First Name") == "Søren");
    CHECK(report.cell(0, "Last Name") == "Østergaard");
    CHECK(report.cell(0, "Company") == "Ørsted");
    CHECK(report.cell(1, "Company") == "Acme, Inc.");
    CHECK(report.cell(1, "What would you like to talk about?") == "Vil gerne tale om AI,\nog om \"bæredygtighed\"");
    CHECK(report.cell(2, "Company") == "\"Kvalitet\" A/S");
    CHECK(report.cell(2, "Last Name") == "García Márquez");
    CHECK(report.rows[0].line == 2);
    CHECK(report.rows[1].line == 3);
    CHECK(report.rows[2].line == 5);  // the record before it took two lines
    CHECK(report.stats.lines == 5);
}

TEST_CASE("LinkedIn Connections.csv: the Notes preamble is passed over", "[source]") {
    Imported connections = import_corpus("linkedin_connections.csv");
    CHECK(connections.layout.header_record == 2);
    CHECK(connections.layout.header_line == 4);
    CHECK(connections.layout.columns.front() == "First Name");
    CHECK(recognised_columns(connections.layout.columns) == 6);
    REQUIRE(connections.rows.size() == 2);
    CHECK(connections.rows[0].line == 5);
    CHECK(connections.cell(0, "Email Address").empty());
    CHECK(connections.cell(1, "First Name") == "Jørgen");
    CHECK(connections.cell(1, "Position") == "Lektor, Ph.D.");
    CHECK(connections.cell(1, "Company") == "Smith & Søn ApS");
}

TEST_CASE("Luma, Meetup, Google and Outlook exports are detected with their headers", "[source]") {
    Imported luma = import_corpus("luma.csv");
    CHECK(guess_mapping(luma.layout.columns)[1] == Field::FullName);
    REQUIRE(luma.rows.size() == 2);
    CHECK(luma.cell(1, "name") == "Łukasz Nowak");
    CHECK(luma.cell(1, "ticket_name") == "Speaker");

    Imported meetup = import_corpus("meetup.csv");
    REQUIRE(meetup.rows.size() == 2);
    CHECK(meetup.cell(1, "Name") == "Zoë Dahl");
    CHECK(meetup.cell(1, "URL of Member Profile") == "https://www.meetup.com/members/234567/");

    Imported google_old = import_corpus("google_contacts_old.csv");
    std::vector<Field> old_mapping = guess_mapping(google_old.layout.columns);
    CHECK(std::count(old_mapping.begin(), old_mapping.end(), Field::Email) == 1);
    REQUIRE(google_old.rows.size() == 2);
    CHECK(google_old.cell(0, "E-mail 1 - Value") == "mette@vestas.dk");
    CHECK(google_old.cell(0, "Organization 1 - Title") == "Projektleder");
    CHECK(google_old.cell(1, "Family Name") == "van der Berg");
    CHECK(google_old.cell(1, "Notes") == "Mødt i Aarhus,\nvil gerne høre mere");
    CHECK(google_old.rows[1].line == 3);

    Imported google_new = import_corpus("google_contacts_new.csv");
    REQUIRE(google_new.rows.size() == 1);
    CHECK(google_new.cell(0, "Organization Name") == "Trifork");
    CHECK(google_new.cell(0, "E-mail 2 - Value") == "ase@baek.dk");

    Imported outlook = import_corpus("outlook_contacts.csv");
    std::vector<Field> outlook_mapping = guess_mapping(outlook.layout.columns);
    CHECK(outlook_mapping[0] == Field::Detail);  // "Title" = Hr.
    CHECK(outlook_mapping[7] == Field::Title);   // "Job Title"
    REQUIRE(outlook.rows.size() == 1);
    CHECK(outlook.cell(0, "First Name") == "Jørgen");
    CHECK(outlook.cell(0, "Job Title") == "Direktør");
    CHECK(outlook.cell(0, "Middle Name").empty());
}

TEST_CASE("Danish Excel semicolon CSV in Windows-1252", "[source]") {
    Imported sheet = import_corpus("danish_semicolon_cp1252.csv");
    CHECK(sheet.layout.encoding == Encoding::Windows1252);
    CHECK(sheet.layout.delimiter == ';');
    CHECK(sheet.layout.columns ==
          std::vector<std::string>{"Fornavn", "Efternavn", "E-mail", "Virksomhed", "Stilling", "Billettype", "Pris"});
    REQUIRE(sheet.rows.size() == 3);
    CHECK(sheet.cell(0, "Fornavn") == "Søren");
    CHECK(sheet.cell(0, "Efternavn") == "Østergaard");
    CHECK(sheet.cell(0, "Pris") == "1.250,00 €");
    CHECK(sheet.cell(1, "Fornavn") == "Åse");
    CHECK(sheet.cell(1, "Virksomhed") == "Bæk & Co; Rådgivning");
    CHECK(sheet.cell(1, "Stilling") == "“Chef” – strategi");
    CHECK(sheet.cell(2, "Efternavn") == "Ærtebjerg");
    CHECK(sheet.cell(2, "Stilling") == "Konsulent…");
    CHECK(sheet.rows[2].line == 4);
}

TEST_CASE("UTF-16 files: Excel's Unicode text, with and without a BOM, both byte orders", "[source]") {
    Imported excel = import_corpus("excel_unicode_text_utf16le.txt");
    CHECK(excel.layout.format == Format::Csv);
    CHECK(excel.layout.encoding == Encoding::Utf16LE);
    CHECK(excel.layout.delimiter == '\t');
    CHECK(excel.layout.columns.front() == "Fornavn");  // no BOM left in it
    REQUIRE(excel.rows.size() == 2);
    CHECK(excel.cell(0, "Note") == "Hej, \"verden\"");
    CHECK(excel.cell(1, "Efternavn") == "Østergaard");
    CHECK(excel.cell(1, "Note") == "Glad 😀 mand");

    for (auto [name, encoding] : {std::pair{"utf16le_no_bom.csv", Encoding::Utf16LE},
                                  std::pair{"utf16be_no_bom.csv", Encoding::Utf16BE},
                                  std::pair{"utf16be_bom.csv", Encoding::Utf16BE}}) {
        CAPTURE(name);
        Imported file = import_corpus(name);
        CHECK(file.layout.encoding == encoding);
        CHECK(file.layout.columns == std::vector<std::string>{"Navn", "E-mail", "Firma"});
        REQUIRE(file.rows.size() == 2);
        CHECK(file.cell(1, "Navn") == "Søren Østergaard");
        CHECK(file.cell(1, "Firma") == "Ørsted");
        CHECK(file.rows[1].line == 3);
    }
}

TEST_CASE("UTF-8 with a BOM: the BOM is not part of the first column", "[source]") {
    Imported file = import_corpus("utf8_bom.csv");
    CHECK(file.layout.encoding == Encoding::Utf8Bom);
    CHECK(file.layout.delimiter == ';');
    CHECK(file.layout.columns.front() == "Navn");
    REQUIRE(file.rows.size() == 2);
    CHECK(file.cell(1, "Navn") == "Åse Bæk");
}

TEST_CASE("quoting corpus: embedded delimiters, doubled quotes, line breaks, stray quotes", "[source]") {
    Imported file = import_corpus("quoting.csv");
    REQUIRE(file.rows.size() == 5);
    CHECK(file.cell(0, "Name") == "Jensen, Mette");
    CHECK(file.cell(0, "Company") == "Vestas \"Wind\" A/S");
    CHECK(file.cell(0, "Note") == "Says \"hej\"");
    CHECK(file.cell(1, "Name") == "Søren 5\" Hansen");
    CHECK(file.cell(2, "Name") == "Åse Bæk  ");
    CHECK(file.cell(2, "Note") == "text after closing quote");
    CHECK(file.cell(3, "Name") == "Multi\nLine Name");
    CHECK(file.cell(3, "Note") == "a\nb\nc");
    std::vector<std::size_t> lines;
    for (const Row& row : file.rows) lines.push_back(row.line);
    CHECK(lines == std::vector<std::size_t>{2, 3, 4, 5, 9});
}

TEST_CASE("line endings: CRLF inside and outside quotes, lone CR", "[source]") {
    Imported crlf = import_corpus("crlf_quoted.csv");
    REQUIRE(crlf.rows.size() == 2);
    CHECK(crlf.cell(0, "Note") == "line one\r\nline two");
    CHECK(crlf.cell(0, "Company") == "Vestas");
    CHECK(crlf.rows[1].line == 5);
    CHECK(crlf.cell(1, "Name") == "Søren Hansen");
    CHECK(crlf.stats.lines == 5);

    Imported mac = import_corpus("lone_cr.csv");
    REQUIRE(mac.rows.size() == 2);
    CHECK(mac.cell(1, "Company") == "LEGO");
    CHECK(mac.rows[1].line == 3);
}

TEST_CASE("blank lines, empty rows and trailing empty columns", "[source]") {
    Imported file = import_corpus("blank_and_empty_rows.csv");
    CHECK(file.layout.columns == std::vector<std::string>{"First Name", "Last Name", "Email"});
    REQUIRE(file.rows.size() == 3);
    CHECK(file.rows[0].line == 2);
    CHECK(file.rows[0].cells.size() == 3);
    CHECK(file.rows[1].line == 5);
    CHECK(file.cell(1, "First Name") == "Søren");
    CHECK(file.rows[2].line == 7);
    CHECK(file.rows[2].cells == std::vector<std::string>{"Åse", "Bæk", "ase@trifork.dk", "extra"});
}

TEST_CASE("delimiter and header edge cases: pipe, one column, header only, unknown header", "[source]") {
    Imported pipe = import_corpus("pipe_delimited.csv");
    CHECK(pipe.layout.delimiter == '|');
    CHECK(pipe.cell(0, "Company") == "Vestas, Aarhus");

    Imported single = import_corpus("single_column.csv");
    CHECK(single.layout.columns == std::vector<std::string>{"Navn"});
    REQUIRE(single.rows.size() == 2);
    CHECK(single.cell(1, "Navn") == "Søren Hansen");

    Imported header_only = import_corpus("header_only.csv");
    CHECK(header_only.layout.delimiter == ';');
    CHECK(header_only.layout.header_line == 1);
    CHECK(header_only.layout.columns.size() == 3);
    CHECK(header_only.rows.empty());

    // Detected fine; with no column it knows, the importer turns it into an error.
    Imported unknown = import_corpus("unknown_header.csv");
    CHECK(unknown.layout.header_line == 1);
    CHECK(unknown.layout.columns == std::vector<std::string>{"Foo", "Bar", "Baz"});
    CHECK(recognised_columns(unknown.layout.columns) == 0);
    CHECK(unknown.rows.size() == 2);
}

TEST_CASE("format detection goes by content and extension, and a hint overrides both", "[source]") {
    CHECK(detect_bytes("BEGIN:VCARD\nFN:A B\nEND:VCARD\n", "contacts.txt")->format == Format::VCard);
    CHECK(detect_bytes("FN:A B\n", "contacts.vcf")->format == Format::VCard);
    CHECK(detect_bytes("Mette Jensen, CTO, Vestas\n", "list.csv")->format == Format::Csv);
    CHECK(detect_bytes("Mette Jensen, CTO, Vestas\nSøren Hansen, CEO, LEGO\n", "list.txt")->format ==
          Format::TextList);
    CHECK(detect_bytes("Name\tE-mail\nMette Jensen\tm@x.dk\n", "Pasted text")->format == Format::Csv);
    Result<SourceLayout> hinted = detect_bytes("Name,E-mail\nMette,m@x.dk\n", "x.csv", FormatHint::TextList);
    REQUIRE(hinted);
    CHECK(hinted->format == Format::TextList);
    CHECK(hinted->columns.front() == "Name");
}

TEST_CASE("bad files fail detection with a message that says what to do", "[source]") {
    Error empty = detect_error("empty.csv");
    CHECK_THAT(empty.message, Catch::Contains("empty"));
    CHECK_THAT(empty.file, Catch::EndsWith("empty.csv"));

    CHECK_THAT(detect_error("only_bom.csv").message, Catch::Contains("no text"));
    CHECK_THAT(detect_error("whitespace_only.txt").message, Catch::Contains("no text"));

    Error xlsx = detect_error("workbook.xlsx");
    CHECK_THAT(xlsx.message, Catch::Contains("Excel workbook") && Catch::Contains("save it as 'CSV UTF-8'"));

    Error pdf = detect_error("participants.pdf");
    CHECK_THAT(pdf.message, Catch::Contains("PDF") && Catch::Contains("paste it as text"));

    Error junk = detect_error("binary_junk.bin");
    CHECK_THAT(junk.message, Catch::Contains("binary file"));
    CHECK(junk.line >= 1);

    Error controls = detect_error("control_chars.txt");
    CHECK_THAT(controls.message, Catch::Contains("control characters"));
    CHECK(controls.line == 1);

    Error nul = detect_error("nul_in_text.csv");
    CHECK_THAT(nul.message, Catch::Contains("looks like a binary file"));
    CHECK(nul.line == 3);

    Error quote = detect_error("unterminated_quote.csv");
    CHECK_THAT(quote.message, Catch::Contains("never closed"));
    CHECK(quote.line == 3);

    Result<SourceLayout> missing = detect_file(corpus("no_such_file.csv"));
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::Contains("cannot be opened"));

    Result<SourceLayout> pasted_nothing = detect_bytes(" \n\t", "Pasted text");
    REQUIRE_FALSE(pasted_nothing);
    CHECK_THAT(pasted_nothing.error().message, Catch::Contains("no text"));
}

TEST_CASE("a UTF-8 file with a Windows-1252 byte past the sample fails on that line", "[source]") {
    Result<SourceLayout> layout = detect_file(corpus("invalid_utf8_mid_file.csv"));
    REQUIRE(layout);
    CHECK(layout->encoding == Encoding::Utf8);
    std::vector<Row> rows;
    Result<ReadStats> stats = read_file(corpus("invalid_utf8_mid_file.csv"), *layout, collect_into(rows));
    REQUIRE_FALSE(stats);
    CHECK(stats.error().line == 1401);
    CHECK_THAT(stats.error().message, Catch::Contains("choose Windows-1252"));
    CHECK(rows.size() == 1399);  // every row before it

    // The user follows the advice: read as Windows-1252 the file reads through (as UTF-8 mojibake
    // before the bad line, which is why the preview shows it).
    SourceLayout windows = *layout;
    windows.encoding = Encoding::Windows1252;
    rows.clear();
    REQUIRE(read_file(corpus("invalid_utf8_mid_file.csv"), windows, collect_into(rows)));
    CHECK(rows[1399].cells[0] == "Bjørn Bæk");
}

TEST_CASE("read_file streams: a quoted line break straddling the chunk boundary", "[source][streaming]") {
    std::size_t next_line = 2;
    std::string bytes = "Name,Company\n" + filler_rows(kChunkSize - 200, next_line);
    const std::string head = "Straddle Person,\"first half";
    bytes += pad_row(kChunkSize - 1 - bytes.size() - head.size());
    ++next_line;
    const std::size_t straddle_line = next_line;
    bytes += head;
    REQUIRE(bytes.size() == kChunkSize - 1);
    // The CR is the last byte of the first chunk, the LF the first of the second.
    bytes += "\r\nsecond half\",\"quote \"\" across\"\n";
    std::size_t after_line = straddle_line + 2;
    bytes += filler_rows(kChunkSize, after_line);
    TempFile file("straddle.csv", bytes);

    Imported imported = import_temp(file);
    auto straddle = std::find_if(imported.rows.begin(), imported.rows.end(),
                                 [](const Row& row) { return row.cells[0] == "Straddle Person"; });
    REQUIRE(straddle != imported.rows.end());
    CHECK(straddle->line == straddle_line);
    CHECK(straddle->cells[1] == "first half\r\nsecond half");
    CHECK(straddle->cells[2] == "quote \" across");
    CHECK((straddle + 1)->line == straddle_line + 2);
    CHECK(imported.rows.back().line == after_line - 1);
    CHECK(imported.rows.back().cells[0] == "Person " + std::to_string(after_line - 1));
    CHECK(imported.stats.lines == after_line - 1);
}

TEST_CASE("read_file streams: multi-byte characters straddling the chunk boundary", "[source][streaming]") {
    SECTION("UTF-8: an emoji cut after 1, 2 or 3 of its bytes, also at the end of the detection sample") {
        for (std::size_t offset : {1, 2, 3}) {
            CAPTURE(offset);
            std::size_t next_line = 2;
            std::string bytes = "Navn,Firma\n" + filler_rows(kChunkSize - 100, next_line);
            const std::string before = "Søren ";
            bytes += pad_row(kChunkSize - offset - bytes.size() - before.size());
            const std::size_t emoji_line = next_line + 1;
            bytes += before + "\xF0\x9F\x98\x80,Ørsted\n";
            REQUIRE(bytes.find("\xF0\x9F\x98\x80") == kChunkSize - offset);
            std::size_t end_line = emoji_line + 1;
            bytes += filler_rows(1000, end_line);
            TempFile file("utf8_straddle.csv", bytes);

            Imported imported = import_temp(file);
            CHECK(imported.layout.encoding == Encoding::Utf8);  // the cut emoji does not make it Windows-1252
            auto it = std::find_if(imported.rows.begin(), imported.rows.end(),
                                   [](const Row& row) { return row.cells[1] == "Ørsted"; });
            REQUIRE(it != imported.rows.end());
            CHECK(it->cells[0] == "Søren 😀");
            CHECK(it->line == emoji_line);
            CHECK(imported.rows.back().line == end_line - 1);
        }
    }
    SECTION("UTF-16LE: a surrogate pair cut between its halves") {
        // Code units sit at even offsets and chunks are even-sized, so the boundary can only fall
        // between two units; odd cuts are covered by the TextDecoder tests.
        std::string utf16 = "\xFF\xFE";
        auto put = [&utf16](std::string_view ascii) {
            for (char c : ascii) {
                utf16.push_back(c);
                utf16.push_back('\0');
            }
        };
        put("Navn\tFirma\r\n");
        std::size_t line = 2;
        while (utf16.size() < kChunkSize - 200) {
            put("Person " + std::to_string(line) + "\tFirma\r\n");
            ++line;
        }
        put("Pad\t");
        while (utf16.size() < kChunkSize - 12) put(" ");
        put("\r\nS");
        utf16.append("\xF8\x00", 2);  // ø
        put(" ");
        const std::size_t emoji_at = utf16.size();
        utf16.append("\x3D\xD8\x00\xDE", 4);  // U+1F600 as a surrogate pair
        put("\tFirma\r\n");
        const std::size_t emoji_line = line + 1;
        for (int i = 0; i < 50; ++i) put("Tail Person\tFirma\r\n");
        REQUIRE(emoji_at == kChunkSize - 2);
        TempFile file("utf16_straddle.txt", utf16);

        Imported imported = import_temp(file);
        CHECK(imported.layout.encoding == Encoding::Utf16LE);
        CHECK(imported.layout.delimiter == '\t');
        auto it = std::find_if(imported.rows.begin(), imported.rows.end(),
                               [](const Row& row) { return row.cells[0].starts_with("S\xC3\xB8"); });
        REQUIRE(it != imported.rows.end());
        CHECK(it->cells[0] == "Sø 😀");
        CHECK(it->line == emoji_line);
        CHECK(imported.rows.size() == emoji_line - 1 + 50);
    }
}

TEST_CASE("read_file reports its progress in bytes", "[source][streaming]") {
    std::size_t next_line = 2;
    std::string bytes = "Name,Company\n" + filler_rows(3 * kChunkSize + 17, next_line);
    TempFile file("progress.csv", bytes);
    Result<SourceLayout> layout = detect_file(file.path());
    REQUIRE(layout);
    std::atomic<std::uint64_t> done{0};
    std::size_t rows = 0;
    std::uint64_t seen_midway = 0;
    Result<ReadStats> stats = read_file(file.path(), *layout, [&](const RowView&) {
        if (++rows == 2000) seen_midway = done.load();
        return true;
    }, &done);
    REQUIRE(stats);
    CHECK(done.load() == bytes.size());
    CHECK(seen_midway > 0);
    CHECK(seen_midway < bytes.size());  // the file was not read in one go
    CHECK(stats->rows == next_line - 2);
}

TEST_CASE("relayout reads the columns again under the user's choices", "[source]") {
    SECTION("another header row, including the first record") {
        Result<SourceLayout> detected = detect_file(corpus("linkedin_connections.csv"));
        REQUIRE(detected);
        SourceLayout chosen = *detected;
        chosen.header_record = 0;
        Result<SourceLayout> first = relayout_file(corpus("linkedin_connections.csv"), chosen);
        REQUIRE(first);
        CHECK(first->header_line == 1);
        CHECK(first->columns == std::vector<std::string>{"Notes:"});
        chosen.header_record = 2;
        Result<SourceLayout> back = relayout_file(corpus("linkedin_connections.csv"), chosen);
        REQUIRE(back);
        CHECK(back->header_line == 4);
        CHECK(back->columns == detected->columns);
        chosen.header_record = 40;
        Result<SourceLayout> beyond = relayout_file(corpus("linkedin_connections.csv"), chosen);
        REQUIRE_FALSE(beyond);
        CHECK_THAT(beyond.error().message, Catch::Contains("cannot be the header"));
    }
    SECTION("another delimiter") {
        Result<SourceLayout> detected = detect_bytes("a;b;c,d\n1;2;3,4\n", "x.csv");
        REQUIRE(detected);
        CHECK(detected->delimiter == ';');
        SourceLayout chosen = *detected;
        chosen.delimiter = ',';
        Result<SourceLayout> comma = relayout_bytes("a;b;c,d\n1;2;3,4\n", "x.csv", chosen);
        REQUIRE(comma);
        CHECK(comma->columns == std::vector<std::string>{"a;b;c", "d"});
    }
    SECTION("another encoding: the header reads, the bad bytes fail when the rows are read") {
        Result<SourceLayout> detected = detect_file(corpus("danish_semicolon_cp1252.csv"));
        REQUIRE(detected);
        SourceLayout chosen = *detected;
        chosen.encoding = Encoding::Utf8;
        Result<SourceLayout> utf8 = relayout_file(corpus("danish_semicolon_cp1252.csv"), chosen);
        REQUIRE(utf8);
        CHECK(utf8->encoding == Encoding::Utf8);
        CHECK(utf8->columns == detected->columns);
        std::vector<Row> rows;
        Result<ReadStats> stats = read_file(corpus("danish_semicolon_cp1252.csv"), *utf8, collect_into(rows));
        REQUIRE_FALSE(stats);
        CHECK(stats.error().line == 2);
    }
    SECTION("another format") {
        Result<SourceLayout> detected = detect_file(corpus("single_column.csv"));
        REQUIRE(detected);
        SourceLayout chosen = *detected;
        chosen.format = Format::TextList;
        Result<SourceLayout> list = relayout_file(corpus("single_column.csv"), chosen);
        REQUIRE(list);
        CHECK(list->columns.front() == "Name");
        CHECK(list->header_line == 0);
    }
    SECTION("the same checks as detection") {
        Result<SourceLayout> empty = relayout_file(corpus("empty.csv"), SourceLayout{});
        REQUIRE_FALSE(empty);
        CHECK_THAT(empty.error().message, Catch::Contains("empty"));
    }
}
