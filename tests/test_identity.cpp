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

TEST_CASE("the identity index loads the keys of the people in the database", "[identity]") {
    auto db = storage::Database::open(":memory:");
    REQUIRE(db.ok());
    (*db)->sql().exec("INSERT INTO person(id, first_name, last_name, email, company) VALUES "
                      "(5, 'Åse', 'Bæk', 'ase@b.dk', 'Ørsted'), (6, 'Lars', 'Holm', '', '')");
    IdentityIndex index;
    index.load((*db)->sql());
    CHECK(index.find("ase@b.dk", "") == Id{5});
    CHECK(index.find("", name_key("ase", "baek", "orsted")) == Id{5});
    CHECK(index.find("lars@holm.dk", name_key("Lars", "Holm", "")) == Id{6});
}

TEST_CASE("the key map finds, keeps the first, forgets on request and grows", "[identity]") {
    KeyMap map;
    CHECK_FALSE(map.find("nobody"));
    for (Id id = 1; id <= 5000; ++id) map.insert_if_absent("key " + std::to_string(id), id);
    map.insert_if_absent("key 7", 99);  // the first one stays
    CHECK(map.find("key 7") == Id{7});
    CHECK(map.find("key 5000") == Id{5000});
    CHECK(map.size() == 5000);
    map.erase_if_maps_to("key 8", 99);  // not its id: stays
    CHECK(map.find("key 8") == Id{8});
    map.erase_if_maps_to("key 8", 8);
    CHECK_FALSE(map.find("key 8"));
    CHECK(map.find("key 9") == Id{9});  // probing goes on past the removed one
    map.insert_if_absent("key 8", 42);
    CHECK(map.find("key 8") == Id{42});
    CHECK(map.size() == 5000);
}
