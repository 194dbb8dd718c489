#include <catch2/catch.hpp>

#include "core/import/text_list_reader.hpp"
#include "test_import_helpers.hpp"

using namespace import_test;

namespace {

void check_person(std::string_view line, std::string_view name, std::string_view title, std::string_view company,
                  std::string_view email = "", std::string_view phone = "") {
    CAPTURE(line);
    PersonLine person = parse_person_line(line);
    CHECK(person.name == name);
    CHECK(person.title == title);
    CHECK(person.company == company);
    CHECK(person.email == email);
    CHECK(person.phone == phone);
}

void check_not_a_person(std::string_view line) {
    CAPTURE(line);
    PersonLine person = parse_person_line(line);
    CHECK(person.name.empty());
    CHECK(person.email.empty());
    CHECK(person.other == line);
}

}  // namespace

TEST_CASE("parse_person_line reads the usual separators", "[text_list]") {
    check_person("Mette Jensen, Projektleder, Vestas", "Mette Jensen", "Projektleder", "Vestas");
    check_person("Mette Jensen - Projektleder - Vestas", "Mette Jensen", "Projektleder", "Vestas");
    check_person("Mette Jensen – Projektleder – Vestas", "Mette Jensen", "Projektleder", "Vestas");
    check_person("Mette Jensen | Projektleder | Vestas", "Mette Jensen", "Projektleder", "Vestas");
    check_person("Mette Jensen\tProjektleder\tVestas", "Mette Jensen", "Projektleder", "Vestas");
    check_person("Ana-María O'Brien; Udvikler; Trifork", "Ana-María O'Brien", "Udvikler", "Trifork");
}

TEST_CASE("parse_person_line: company in parentheses, and 'title hos/at company'", "[text_list]") {
    check_person("Mette Jensen (Vestas)", "Mette Jensen", "", "Vestas");
    check_person("Mette Jensen (Projektleder)", "Mette Jensen", "Projektleder", "");
    check_person("Mette Jensen, Projektleder hos Vestas", "Mette Jensen", "Projektleder", "Vestas");
    check_person("Priya Chen, Head of Partnerships at Danske Bank", "Priya Chen", "Head of Partnerships",
                 "Danske Bank");
}

TEST_CASE("parse_person_line tells title from company with keyword lists", "[text_list]") {
    check_person("Kasper Møller, Vestas, Direktør", "Kasper Møller", "Direktør", "Vestas");
    check_person("Kasper Møller, Novo Nordisk A/S, HR-chef", "Kasper Møller", "HR-chef", "Novo Nordisk A/S");
    check_person("Line Holm, Karriererådgiver, CA a-kasse", "Line Holm", "Karriererådgiver", "CA a-kasse");
    check_person("Line Holm, Aarhus Universitet, Studerende", "Line Holm", "Studerende", "Aarhus Universitet");
    check_person("Emma Schmidt, Københavns Kommune", "Emma Schmidt", "", "Københavns Kommune");
    check_person("Emma Schmidt, Chief Growth Officer", "Emma Schmidt", "Chief Growth Officer", "");
    check_person("Emma Schmidt, CEO", "Emma Schmidt", "CEO", "");
    check_person("Emma Schmidt, LEGO", "Emma Schmidt", "", "LEGO");
    check_person("Mads Juel, CEO, Acme, Inc.", "Mads Juel", "CEO", "Acme, Inc.");
    check_person("Jørgen Kjær | Lektor, Ph.D. | Aarhus Universitet", "Jørgen Kjær", "Lektor, Ph.D.",
                 "Aarhus Universitet");
    // More parts than two: the company keeps its own dash.
    check_person("Søren Hansen - Direktør - DI - Dansk Industri", "Søren Hansen", "Direktør", "DI - Dansk Industri");
    // No keyword either way: title first, as "Name, Title, Company" is the usual order.
    check_person("Søren Hansen, Tovholder, Frivillig Fredag", "Søren Hansen", "Tovholder", "Frivillig Fredag");
}

TEST_CASE("parse_person_line strips bullets and numbering", "[text_list]") {
    check_person("1. Mette Jensen, CTO, Vestas", "Mette Jensen", "CTO", "Vestas");
    check_person("12) Mette Jensen", "Mette Jensen", "", "");
    check_person("• Mette Jensen", "Mette Jensen", "", "");
    check_person("- Mette Jensen", "Mette Jensen", "", "");
    check_person("* Mette Jensen", "Mette Jensen", "", "");
}

TEST_CASE("parse_person_line finds an e-mail anywhere in the line", "[text_list]") {
    check_person("Mette Jensen <mette@vestas.dk>", "Mette Jensen", "", "", "mette@vestas.dk");
    check_person("Mette Jensen, mette@vestas.dk, Vestas", "Mette Jensen", "", "Vestas", "mette@vestas.dk");
    check_person("mette@vestas.dk - Mette Jensen", "Mette Jensen", "", "", "mette@vestas.dk");
    check_person("Mette Jensen (mailto:mette@vestas.dk)", "Mette Jensen", "", "", "mette@vestas.dk");
    // One name word is enough beside an e-mail; none at all is too.
    check_person("Mette <mette@vestas.dk>", "Mette", "", "", "mette@vestas.dk");
    check_person("E-mail: nikolaj@example.dk", "", "", "", "nikolaj@example.dk");
    check_person("Mads Juel, CEO, Acme, mads@acme.com, Tlf. +45 12 34 56 78", "Mads Juel", "CEO", "Acme",
                 "mads@acme.com", "+45 12 34 56 78");
    // An '@' that is no e-mail.
    check_not_a_person("Mødes @ 10");
}

TEST_CASE("parse_person_line reads 'Last, First' only where nothing else makes sense", "[text_list]") {
    check_person("Jensen, Mette", "Mette Jensen", "", "");
    check_person("Jensen, Mette Marie", "Mette Marie Jensen", "", "");
    check_person("Jensen, Mette <mette@vestas.dk>", "Mette Jensen", "", "", "mette@vestas.dk");
    // Two name words first: "Name, Company".
    check_person("Mette Jensen, Vestas", "Mette Jensen", "", "Vestas");
    // The single word after the comma reads as a title or company: no name at all.
    check_not_a_person("Jensen, CEO");
    check_not_a_person("Jensen, LEGO");
}

TEST_CASE("parse_person_line: headings and page numbers are not people", "[text_list]") {
    check_not_a_person("Deltagerliste");
    check_not_a_person("Deltagerliste – Vindkonference 2026");
    check_not_a_person("Side 2 af 5");
    check_not_a_person("Page 3");
    check_not_a_person("2");
    check_not_a_person("Mette");
    check_not_a_person("Navn, Titel, Virksomhed");
    check_not_a_person("mette jensen is here");
}

TEST_CASE("the pasted list corpus: one row per non-blank line, with its line number", "[text_list]") {
    Imported list = import_corpus("pasted_list.txt");
    CHECK(list.layout.format == Format::TextList);
    CHECK(list.layout.columns == text_list_columns());
    CHECK(list.layout.header_line == 0);
    REQUIRE(list.rows.size() == 17);
    CHECK(list.stats.lines == 18);

    struct Expected {
        std::size_t line;
        const char* name;
        const char* title;
        const char* company;
        const char* email;
    };
    const Expected expected[] = {
        {1, "", "", "", ""},
        {3, "Mette Jensen", "Projektleder", "Vestas", ""},
        {4, "Søren Østergaard", "Salgschef", "Ørsted A/S", ""},
        {5, "Åse Bæk", "CTO", "Trifork", ""},
        {6, "Jørgen Kjær", "Lektor, Ph.D.", "Aarhus Universitet", ""},
        {7, "Line Holm", "", "LEGO", ""},
        {8, "Anders Nielsen", "Konsulent", "Netcompany", ""},
        {9, "Priya Chen", "Head of Partnerships", "Danske Bank", ""},
        {10, "Camilla Dahl", "", "", "camilla@dahl.dk"},
        {11, "Rasmus Jensen", "", "", ""},
        {12, "Ida Lund", "Udvikler", "Trifork", ""},
        {13, "", "", "", ""},
        {14, "Kasper Møller", "Direktør", "Vestas", ""},
        {15, "Emma Schmidt", "", "Københavns Kommune", ""},
        {16, "", "", "", "nikolaj@example.dk"},
        {17, "Mads Juel", "CEO", "Acme, Inc.", "mads@acme.com"},
        {18, "", "", "", ""},
    };
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        CAPTURE(i);
        CHECK(list.rows[i].line == expected[i].line);
        CHECK(list.cell(i, "Name") == expected[i].name);
        CHECK(list.cell(i, "Title") == expected[i].title);
        CHECK(list.cell(i, "Company") == expected[i].company);
        CHECK(list.cell(i, "E-mail") == expected[i].email);
    }
    CHECK(list.cell(0, "Other") == "Deltagerliste – Vindkonference 2026");
    CHECK(list.cell(11, "Other") == "Side 2 af 5");
    CHECK(list.cell(15, "Phone") == "+45 12 34 56 78");
}

TEST_CASE("pasted text without a file name is read as a text list", "[text_list]") {
    Imported pasted = import_bytes("Mette Jensen, CTO, Vestas\r\n\r\nSøren Hansen (LEGO)\r\n", "Pasted text");
    CHECK(pasted.layout.format == Format::TextList);
    REQUIRE(pasted.rows.size() == 2);
    CHECK(pasted.rows[1].line == 3);
    CHECK(pasted.cell(1, "Company") == "LEGO");
}
