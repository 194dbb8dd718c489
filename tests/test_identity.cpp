#include <catch2/catch.hpp>

#include "core/import/identity.hpp"
#include "core/storage/database.hpp"

using namespace mingle;
using namespace mingle::import;

TEST_CASE("e-mail keys are trimmed, lower-case and only for real addresses", "[identity]") {
    CHECK(email_key("  METTE.Jensen@Vestas.DK ") == "mette.jensen@vestas.dk");
    CHECK(email_key("mailto:soren@x.dk") == "soren@x.dk");
    CHECK(email_key("<soren@x.dk>") == "soren@x.dk");
    CHECK(email_key("n/a").empty());
    CHECK(email_key("@x.dk").empty());
    CHECK(email_key("a@").empty());
    CHECK(email_key("a b@x.dk").empty());
    CHECK(email_key("a@b@c").empty());
    CHECK(email_key("a@x.dk, b@y.dk").empty());
}

TEST_CASE("name keys ignore case, accents and spacing, and include the company", "[identity]") {
    CHECK(name_key("Søren", "Østergaard", "Ørsted") == name_key("soren ", " OSTERGAARD", "orsted"));
    CHECK(name_key("Søren", "Østergaard", "Ørsted") != name_key("Søren", "Østergaard", "Vestas"));
    CHECK(name_key("", "", "Vestas").empty());
}

TEST_CASE("the identity index matches by e-mail first, then by name where e-mails do not conflict", "[identity]") {
    IdentityIndex index;
    index.add(1, "mette@x.dk", name_key("Mette", "Jensen", "X"));
    index.add(2, "", name_key("Lars", "Holm", "Y"));
    // The same e-mail is the same person, whatever the name says.
    CHECK(index.find("mette@x.dk", name_key("M.", "Jensen-Smith", "")) == Id{1});
    // No e-mail on the row: name plus company decides.
    CHECK(index.find("", name_key("mette", "jensen", "x")) == Id{1});
    // A different e-mail means a different person, even with the same name and company.
    CHECK_FALSE(index.find("other@x.dk", name_key("Mette", "Jensen", "X")));
    // A known person without an e-mail can be matched by a row that has one.
    CHECK(index.find("lars@y.dk", name_key("Lars", "Holm", "Y")) == Id{2});
    CHECK_FALSE(index.find("", name_key("Lars", "Holm", "Z")));
    CHECK_FALSE(index.find("", ""));
}

TEST_CASE("the identity index loads the keys stored with people", "[identity]") {
    auto db = storage::Database::open(":memory:");
    REQUIRE(db.ok());
    (*db)->sql().exec("INSERT INTO person(id, email_key, name_key) VALUES (5, 'a@b.dk', 'a b|c')");
    IdentityIndex index;
    index.load((*db)->sql());
    CHECK(index.find("a@b.dk", "") == Id{5});
    CHECK(index.find("", "a b|c") == Id{5});
}
