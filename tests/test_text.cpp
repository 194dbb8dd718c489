#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace mingle;

TEST_CASE("trim removes ASCII and no-break spaces at both ends", "[text]") {
    CHECK(text::trim("  a b \t\r\n") == "a b");
    CHECK(text::trim("\xC2\xA0Søren\xC2\xA0") == "Søren");
    CHECK(text::trim("   ").empty());
    CHECK(text::trim("") == "");
}

TEST_CASE("collapse_spaces joins inner runs of white space", "[text]") {
    CHECK(text::collapse_spaces("  Mette   Marie\t Jensen ") == "Mette Marie Jensen");
    CHECK(text::collapse_spaces("a\xC2\xA0\xC2\xA0" "b") == "a b");
}

TEST_CASE("to_lower handles Danish and Latin Extended-A letters", "[text]") {
    CHECK(text::to_lower("ÆØÅ Søren") == "æøå søren");
    CHECK(text::to_lower("ŁUKASZ DVOŘÁK") == "łukasz dvořák");
    CHECK(text::to_lower("ZOË") == "zoë");
    CHECK(text::to_lower("Ÿ") == "ÿ");
}

TEST_CASE("fold ignores case and accents and collapses spaces", "[text]") {
    CHECK(text::fold("Søren  Østergaard") == "soren ostergaard");
    CHECK(text::fold("Åse Bæk") == "ase baek");
    CHECK(text::fold("José GARCÍA Márquez") == "jose garcia marquez");
    CHECK(text::fold("Łukasz Dvořák") == "lukasz dvorak");
    CHECK(text::fold("Straße") == "strasse");
    CHECK(text::fold("Œuvre Ĳssel") == "oeuvre ijssel");
    CHECK(text::fold("  Ana-María ") == "ana-maria");
    CHECK(text::fold("3 × 4") == "3 × 4");  // signs are not letters: kept
    CHECK(text::fold("Wei 伟") == "wei 伟");  // other scripts pass through
}

TEST_CASE("is_valid_utf8 rejects broken and overlong sequences", "[text]") {
    CHECK(text::is_valid_utf8("Søren æøå €"));
    CHECK_FALSE(text::is_valid_utf8("S\xF8ren"));          // Windows-1252 ø
    CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(text::is_valid_utf8("abc\xE2\x82"));       // truncated
}

TEST_CASE("append_utf8 and next_code_point round-trip", "[text]") {
    std::string s;
    for (char32_t cp : {U'a', U'ø', U'€', U'😀'}) text::append_utf8(s, cp);
    std::size_t pos = 0;
    CHECK(text::next_code_point(s, pos) == U'a');
    CHECK(text::next_code_point(s, pos) == U'ø');
    CHECK(text::next_code_point(s, pos) == U'€');
    CHECK(text::next_code_point(s, pos) == U'😀');
    CHECK(pos == s.size());
    std::string bad = "\xFF";
    pos = 0;
    CHECK(text::next_code_point(bad, pos) == 0xFFFD);
    CHECK(pos == 1);
}

#include <cstdlib>

#include "core/time_format.hpp"

TEST_CASE("stored UTC times are shown in local time", "[text]") {
    const char* saved = std::getenv("TZ");
    std::string previous = saved ? saved : "";
    ::setenv("TZ", "Europe/Copenhagen", 1);
    ::tzset();
    CHECK(mingle::local_time("2026-11-23T04:04:54Z") == "2026-11-23 05:04");   // winter: UTC+1
    CHECK(mingle::local_time("2026-07-01T22:30:00Z") == "2026-07-02 00:30");   // summer: UTC+2
    CHECK(mingle::local_time("not a time") == "not a time");
    if (saved) ::setenv("TZ", previous.c_str(), 1);
    else ::unsetenv("TZ");
    ::tzset();
}

TEST_CASE("company keys ignore case, accents, punctuation and a legal form at the end", "[text]") {
    CHECK(text::company_key("Novo Nordisk A/S") == "novo nordisk");
    CHECK(text::company_key("NOVO NORDISK") == "novo nordisk");
    CHECK(text::company_key("Novo Nordisk, Inc.") == "novo nordisk");
    CHECK(text::company_key("ØRSTED") == text::company_key("Ørsted A/S"));
    CHECK(text::company_key("Smith & Søn ApS") == "smith son");
    CHECK(text::company_key("DI - Dansk Industri") == "di dansk industri");
    CHECK(text::company_key("\"Kvalitet\" A/S") == "kvalitet");
    CHECK(text::company_key("Mærsk") == "maersk");
    CHECK(text::company_key("Atlas") == "atlas");      // a legal form only as a word of its own
    CHECK(text::company_key("A/S") == "a s");          // nothing but a legal form: kept
    CHECK(text::company_key("  ") == "");
    CHECK(text::company_key("Region Hovedstaden") != text::company_key("Region Syddanmark"));
}
