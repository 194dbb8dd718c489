#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/import/csv_reader.hpp"
#include "test_import_helpers.hpp"

using namespace import_test;

namespace {

struct Record {
    std::size_t line;
    std::vector<std::string> cells;
    bool operator==(const Record&) const = default;
};

struct Split {
    std::vector<Record> records;
    std::optional<Error> error;
    std::size_t lines = 0;
};

// Splits `text` fed in pieces of `piece` bytes.
Split split(std::string_view text, char delimiter = ',', std::size_t piece = std::string_view::npos) {
    Split result;
    CsvSplitter splitter(delimiter);
    auto drain = [&] {
        for (;;) {
            CsvSplitter::Step step = splitter.next();
            if (step == CsvSplitter::Step::Failed) {
                result.error = splitter.error();
                return false;
            }
            if (step != CsvSplitter::Step::Record) return true;
            Record record{splitter.record_line(), {}};
            for (std::string_view cell : splitter.cells()) record.cells.emplace_back(cell);
            result.records.push_back(std::move(record));
        }
    };
    piece = std::min(piece, std::max<std::size_t>(text.size(), 1));
    for (std::size_t i = 0; i < text.size(); i += piece) {
        splitter.feed(text.substr(i, piece));
        if (!drain()) return result;
    }
    splitter.finish();
    drain();
    result.lines = splitter.lines();
    return result;
}

// The same records whatever the chunk size.
Split split_every_way(std::string_view text, char delimiter = ',') {
    Split whole = split(text, delimiter);
    for (std::size_t piece : {1, 2, 3, 5, 8, 13}) {
        CAPTURE(piece);
        Split pieces = split(text, delimiter, piece);
        CHECK(pieces.records == whole.records);
        CHECK(pieces.lines == whole.lines);
        CHECK(pieces.error.has_value() == whole.error.has_value());
        if (pieces.error && whole.error) CHECK(pieces.error->line == whole.error->line);
    }
    return whole;
}

}  // namespace

TEST_CASE("CsvSplitter follows RFC 4180 quoting, across any chunk boundaries", "[csv]") {
    Split result = split_every_way(
        "name,note\n"
        "\"Jensen, Mette\",\"said \"\"hej\"\"\"\n"
        "\"two\nlines\",x\n"
        "\"\",\"\"\"\"\n");
    REQUIRE_FALSE(result.error);
    std::vector<Record> expected = {
        {1, {"name", "note"}},
        {2, {"Jensen, Mette", "said \"hej\""}},
        {3, {"two\nlines", "x"}},
        {5, {"", "\""}},
    };
    CHECK(result.records == expected);
    CHECK(result.lines == 5);
}

TEST_CASE("CsvSplitter handles CRLF, LF and lone CR, and counts lines inside quotes once", "[csv]") {
    Split result = split_every_way("a,b\r\n\"x\r\ny\",z\r\nc,d\re,f\n\"p\rq\",r");
    REQUIRE_FALSE(result.error);
    std::vector<Record> expected = {
        {1, {"a", "b"}}, {2, {"x\r\ny", "z"}}, {4, {"c", "d"}}, {5, {"e", "f"}}, {6, {"p\rq", "r"}},
    };
    CHECK(result.records == expected);
    CHECK(result.lines == 7);
}

TEST_CASE("CsvSplitter skips blank lines but keeps their line numbers counted", "[csv]") {
    Split result = split_every_way("a;b\n\n\r\n\nc;d\n\n", ';');
    std::vector<Record> expected = {{1, {"a", "b"}}, {5, {"c", "d"}}};
    CHECK(result.records == expected);
    CHECK(result.lines == 6);
}

TEST_CASE("CsvSplitter is lenient with stray quotes, as Excel is", "[csv]") {
    Split result = split_every_way("Søren 5\" Hansen,x\n\"Åse\"  ,\"after\" quote\n\"a\"b\"c\",d\n");
    REQUIRE_FALSE(result.error);
    std::vector<Record> expected = {
        {1, {"Søren 5\" Hansen", "x"}},
        {2, {"Åse  ", "after quote"}},
        {3, {"ab\"c\"", "d"}},
    };
    CHECK(result.records == expected);
}

TEST_CASE("CsvSplitter keeps empty cells, including one after a final delimiter without a line break", "[csv]") {
    Split result = split_every_way("a,,c,\n,,\nx,y,");
    std::vector<Record> expected = {{1, {"a", "", "c", ""}}, {2, {"", "", ""}}, {3, {"x", "y", ""}}};
    CHECK(result.records == expected);
    CHECK(result.lines == 3);
}

TEST_CASE("CsvSplitter names the line where an unterminated quote opened", "[csv]") {
    Split result = split_every_way("a,b\nc,d\ne,\"never\nclosed,f\ng,h\n");
    REQUIRE(result.error);
    CHECK(result.error->line == 3);
    CHECK_THAT(result.error->message, Catch::Contains("never closed"));
    CHECK(result.records.size() == 2);
}

TEST_CASE("CsvSplitter stops at a NUL byte with its line", "[csv]") {
    Split result = split_every_way(std::string("a,b\nc,\"d\ne\0\",f\n", 15));
    REQUIRE(result.error);
    CHECK(result.error->line == 3);
    CHECK_THAT(result.error->message, Catch::Contains("binary"));
}

TEST_CASE("detect_delimiter picks the delimiter that splits the records most consistently", "[csv]") {
    CHECK(detect_delimiter("a,b,c\n1,2,3\n", true) == ',');
    CHECK(detect_delimiter("Navn;Pris;Firma\nSøren;1.250,00;Acme, Inc.\nÅse;0,50;Ørsted\n", true) == ';');
    CHECK(detect_delimiter("Navn\tFirma\nSøren, Jr.\tAcme; Inc\nÅse\tX\n", true) == '\t');
    CHECK(detect_delimiter("Name|Company\nMette|Vestas, Aarhus\nSøren|LEGO\n", true) == '|');
    // Quote-aware: the commas inside quotes do not count.
    CHECK(detect_delimiter("a;b\n\"x,y,z\";1\n\"p,q,r\";2\n", true) == ';');
    // A header-only file and a single-column file.
    CHECK(detect_delimiter("First Name;Last Name;E-mail\n", true) == ';');
    CHECK(detect_delimiter("Navn\nMette Jensen\nSøren Hansen\n", true) == ',');
    // A sample cut in the middle of a record: the cut record is not held against the delimiter.
    CHECK(detect_delimiter("a;b;c\n1;2;3\n4;5", false) == ';');
}

TEST_CASE("detect_header passes over a preamble to the header with the most known columns", "[csv]") {
    Result<CsvHeader> header = detect_header(
        "Notes:\n\"When exporting, some, e-mails are missing.\"\n\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Mette,Jensen,https://x,,Vestas,Projektleder,14 Mar 2024\n",
        ',', true);
    REQUIRE(header);
    CHECK(header->record == 2);
    CHECK(header->line == 4);
    CHECK(header->columns.size() == 7);
    CHECK(header->columns[3] == "Email Address");
    CHECK(header->recognised == 6);
}

TEST_CASE("detect_header without a known column takes the first record shaped like the data", "[csv]") {
    Result<CsvHeader> header = detect_header("Report 2026\nFoo;Bar;Baz\n1;2;3\n4;5;6\n", ';', true);
    REQUIRE(header);
    CHECK(header->record == 1);
    CHECK(header->line == 2);
    CHECK(header->columns == std::vector<std::string>{"Foo", "Bar", "Baz"});
    CHECK(header->recognised == 0);
}

TEST_CASE("detect_header trims header cells and drops trailing empty ones", "[csv]") {
    Result<CsvHeader> header = detect_header(" Fornavn ; Efternavn ;E-mail;;;\nA;B;c@d.dk;;;\n", ';', true);
    REQUIRE(header);
    CHECK(header->columns == std::vector<std::string>{"Fornavn", "Efternavn", "E-mail"});
}

TEST_CASE("detect_header fails for a quote that never closes, with its line", "[csv]") {
    Result<CsvHeader> header = detect_header("Name,Note\nMette,\"open\nSøren,x\n", ',', true);
    REQUIRE_FALSE(header);
    CHECK(header.error().line == 2);
    // In a sample cut from a longer file, a quote still open at its end is just as suspect
    // when not one record is whole.
    Result<CsvHeader> cut = detect_header("\"Name,Note\nMette,x\n", ',', false);
    REQUIRE_FALSE(cut);
    CHECK(cut.error().line == 1);
}

TEST_CASE("read_csv skips the preamble and header, empty rows, and empty cells past the last column", "[csv]") {
    const std::string bytes = "Report\nName;E-mail\nMette;m@x.dk;;\n;;\n  ;\nSøren;s@x.dk;extra;\n";
    SourceLayout layout;
    layout.delimiter = ';';
    layout.header_record = 1;
    layout.header_line = 2;
    layout.columns = {"Name", "E-mail"};
    std::vector<Row> rows;
    Result<ReadStats> stats = read_bytes(bytes, "x.csv", layout, collect_into(rows));
    REQUIRE(stats);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 3);
    CHECK(rows[0].cells == std::vector<std::string>{"Mette", "m@x.dk"});
    CHECK(rows[1].line == 6);
    CHECK(rows[1].cells == std::vector<std::string>{"Søren", "s@x.dk", "extra"});
    CHECK(stats->rows == 2);
    CHECK(stats->lines == 6);
}

TEST_CASE("read_csv stops when the callback says so", "[csv]") {
    SourceLayout layout;
    layout.columns = {"a"};
    std::size_t seen = 0;
    Result<ReadStats> stats = read_bytes("a\n1\n2\n3\n", "x.csv", layout, [&](const RowView&) { return ++seen < 2; });
    REQUIRE(stats);
    CHECK(seen == 2);
    CHECK(stats->rows == 2);
}

TEST_CASE("read_csv reports an unterminated quote and a NUL byte with file and line", "[csv]") {
    SourceLayout layout;
    layout.columns = {"Name", "Company", "Note"};
    std::vector<Row> rows;
    Result<ReadStats> stats = read_file(corpus("unterminated_quote.csv"), layout, collect_into(rows));
    REQUIRE_FALSE(stats);
    CHECK(stats.error().line == 3);
    CHECK_THAT(stats.error().file, Catch::EndsWith("unterminated_quote.csv"));
    CHECK(rows.size() == 1);  // Mette Jensen, before the broken line

    layout.columns = {"Name", "Company"};
    Result<ReadStats> nul = read_file(corpus("nul_in_text.csv"), layout, collect_into(rows));
    REQUIRE_FALSE(nul);
    CHECK(nul.error().line == 3);
    CHECK_THAT(nul.error().message, Catch::Contains("binary"));
}
