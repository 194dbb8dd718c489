#include <catch2/catch.hpp>

#include "core/import/vcard_reader.hpp"
#include "test_import_helpers.hpp"

using namespace import_test;

namespace {

// Reads vCard text through a TextStream with small chunks, so folded lines and soft line breaks
// straddle chunk boundaries.
Result<ReadStats> read_vcard_in_chunks(std::string_view text, std::size_t chunk, std::vector<Row>& rows) {
    ByteSource source = ByteSource::from_memory(text);
    TextStream stream(source, Encoding::Utf8, nullptr, chunk);
    return read_vcard(stream, collect_into(rows), "test.vcf");
}

}  // namespace

TEST_CASE("vCard 2.1: QUOTED-PRINTABLE with CHARSET, soft line breaks, bare TYPE parameters", "[vcard]") {
    Imported cards = import_corpus("vcard21.vcf");
    CHECK(cards.layout.format == Format::VCard);
    CHECK(cards.layout.encoding == Encoding::Utf8);
    CHECK(cards.layout.columns == vcard_columns());
    REQUIRE(cards.rows.size() == 2);

    CHECK(cards.rows[0].line == 1);
    CHECK(cards.cell(0, "First name") == "Søren");  // ISO-8859-1 =F8
    CHECK(cards.cell(0, "Last name") == "Østergaard");
    CHECK(cards.cell(0, "Full name") == "Søren Østergaard");
    CHECK(cards.cell(0, "Company") == "Ørsted A/S");                 // UTF-8 =C3=98
    CHECK(cards.cell(0, "Department") == "Salg og markedsføring");  // across a soft line break
    CHECK(cards.cell(0, "Title") == "Salgschef");
    CHECK(cards.cell(0, "Phone") == "+45 12 34 56 78");
    CHECK(cards.cell(0, "Phone 2") == "+45 87 65 43 21");
    CHECK(cards.cell(0, "E-mail") == "soren@oersted.dk");
    CHECK(cards.cell(0, "Note") == "Første linje\r\nAnden linje med en lang tekst, der fortsætter");
    CHECK(cards.cell(0, "Address") == "Kraftværksvej 53, 7000 Fredericia, Danmark");
    CHECK(cards.cell(0, "Other").empty());  // the PHOTO is left out

    CHECK(cards.rows[1].line == 19);
    CHECK(cards.cell(1, "First name") == "Åse");  // CHARSET=WINDOWS-1252
    CHECK(cards.cell(1, "Last name") == "Bæk");
    CHECK(cards.cell(1, "Title") == "“Chef” – strategi");  // "ISO-8859-1" taken as Windows-1252
    CHECK(cards.cell(1, "E-mail") == "ase@baek.dk");
}

TEST_CASE("vCard 3.0: folded lines, grouped properties, escapes, preferences, several cards", "[vcard]") {
    Imported cards = import_corpus("vcard30.vcf");
    REQUIRE(cards.rows.size() == 2);  // the third card has nothing but bookkeeping

    CHECK(cards.rows[0].line == 1);
    CHECK(cards.cell(0, "First name") == "Mette");
    CHECK(cards.cell(0, "Middle name") == "Marie");
    CHECK(cards.cell(0, "Last name") == "Jensen");
    CHECK(cards.cell(0, "Full name") == "Dr. Mette Marie Jensen");  // folded in the middle of a word
    CHECK(cards.cell(0, "Nickname") == "Mette");
    CHECK(cards.cell(0, "Company") == "Vestas Wind Systems A/S");
    CHECK(cards.cell(0, "Department") == "Forskning, udvikling, Team Nord");
    CHECK(cards.cell(0, "Title") == "Projektleder");
    CHECK(cards.cell(0, "Role") == "Tovholder");
    CHECK(cards.cell(0, "E-mail") == "mette@vestas.com");  // item1.EMAIL, type=pref
    CHECK(cards.cell(0, "E-mail 2") == "mette.jensen@gmail.com");
    CHECK(cards.cell(0, "Phone") == "+45 20 30 40 50");
    CHECK(cards.cell(0, "URL") == "https://www.linkedin.com/in/mettejensen");
    CHECK(cards.cell(0, "Address") == "Hedeager 42, 8200 Aarhus N, Danmark");
    CHECK(cards.cell(0, "Birthday") == "1980-01-15");
    CHECK(cards.cell(0, "Note") == "Mødt på konferencen i Aarhus; vil gerne høre om vindmøller.\nRing efter kl. 10\\12.");
    const std::string other = cards.cell(0, "Other");
    CHECK_THAT(other, Catch::Contains("Name prefix: Dr."));
    CHECK_THAT(other, Catch::Contains("X-SOCIALPROFILE: https://twitter.com/mette"));
    CHECK_THAT(other, Catch::Contains("CATEGORIES: Konference,VIP"));
    CHECK_THAT(other, Catch::Contains("EMAIL: mj@vestas.dk"));  // a third e-mail is kept
    for (const char* left_out : {"PHOTO", "UID", "REV", "PRODID", "X-ABLabel", "VERSION"})
        CHECK_THAT(other, !Catch::Contains(left_out));

    // Lower-case names and BEGIN/END work too.
    CHECK(cards.rows[1].line == 29);
    CHECK(cards.cell(1, "First name") == "Jan");
    CHECK(cards.cell(1, "Last name") == "van der Berg");
    CHECK(cards.cell(1, "E-mail") == "jan@example.nl");
}

TEST_CASE("vCard 4.0: PREF=1, tel: URIs, quoted parameter values", "[vcard]") {
    Imported cards = import_corpus("vcard40.vcf");
    REQUIRE(cards.rows.size() == 2);
    CHECK(cards.cell(0, "Full name") == "Åse Bæk");
    CHECK(cards.cell(0, "E-mail") == "ase@trifork.com");  // PREF=1, though second
    CHECK(cards.cell(0, "E-mail 2") == "ase@baek.dk");
    CHECK(cards.cell(0, "Phone") == "+45-1234-5678");
    CHECK(cards.cell(0, "URL") == "https://trifork.com");
    CHECK(cards.cell(0, "Other") == "GENDER: F\nLANG: da\nKIND: individual");
    CHECK(cards.rows[1].line == 15);
    CHECK(cards.cell(1, "Full name") == "Ngozi Okafor");
    CHECK(cards.cell(1, "Other").empty());
}

TEST_CASE("a vCard with no END:VCARD fails with the line of its BEGIN", "[vcard]") {
    std::vector<Row> rows;
    SourceLayout layout;
    layout.format = Format::VCard;
    layout.columns = vcard_columns();
    Result<ReadStats> stats = read_file(corpus("vcard_missing_end.vcf"), layout, collect_into(rows));
    REQUIRE_FALSE(stats);
    CHECK(stats.error().line == 5);
    CHECK_THAT(stats.error().message, Catch::Contains("END:VCARD"));
    CHECK(rows.size() == 1);

    // A BEGIN inside an open card means the open card never ended.
    rows.clear();
    Result<ReadStats> nested = read_vcard_in_chunks(
        "BEGIN:VCARD\nFN:A B\nEND:VCARD\nBEGIN:VCARD\nFN:C D\nBEGIN:VCARD\nFN:E F\nEND:VCARD\n", 4096, rows);
    REQUIRE_FALSE(nested);
    CHECK(nested.error().line == 4);
}

TEST_CASE("vCard reading does not depend on chunk boundaries", "[vcard]") {
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B8rgensen;S=\r\n"
        "=C3=B8ren;;;\r\nNOTE:Lang note der\r\n  er foldet\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mette\r\n  Jensen\r\nORG:A\\;B;C\r\nEND:VCARD";
    std::vector<Row> expected;
    REQUIRE(read_vcard_in_chunks(text, 4096, expected));
    REQUIRE(expected.size() == 2);
    CHECK(expected[0].cells[0] == "Søren");
    CHECK(expected[0].cells[1] == "Jørgensen");
    CHECK(expected[0].cells[16] == "Lang note der  er foldet");  // 2.1 keeps the folding white space
    CHECK(expected[1].line == 8);
    CHECK(expected[1].cells[3] == "Mette Jensen");  // 3.0 takes one white space character away
    CHECK(expected[1].cells[5] == "A;B");
    CHECK(expected[1].cells[6] == "C");
    for (std::size_t chunk : {1, 2, 3, 7}) {
        CAPTURE(chunk);
        std::vector<Row> rows;
        Result<ReadStats> stats = read_vcard_in_chunks(text, chunk, rows);
        REQUIRE(stats);
        CHECK(stats->lines == 13);
        REQUIRE(rows.size() == expected.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(rows[i].line == expected[i].line);
            CHECK(rows[i].cells == expected[i].cells);
        }
    }
}

TEST_CASE("vCard reading stops when the callback says so", "[vcard]") {
    std::size_t seen = 0;
    SourceLayout layout;
    layout.format = Format::VCard;
    Result<ReadStats> stats = read_file(corpus("vcard30.vcf"), layout, [&](const RowView&) { return ++seen < 1; });
    REQUIRE(stats);
    CHECK(seen == 1);
    CHECK(stats->rows == 1);
}

TEST_CASE("QUOTED-PRINTABLE keeps an '=' that starts no escape", "[vcard]") {
    std::vector<Row> rows;
    REQUIRE(read_vcard_in_chunks("BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:a=3Db=ZZ c=4\nEND:VCARD\n", 4096, rows));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[16] == "a=b=ZZ c=4");
}
