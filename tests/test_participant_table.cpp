#include <catch2/catch.hpp>

#include "core/participant_table.hpp"
#include "core/storage/database.hpp"

using namespace mingle;
using Column = ParticipantTable::Column;

namespace {

std::unique_ptr<storage::Database> sample_db() {
    auto db = storage::Database::open(":memory:");
    REQUIRE(db.ok());
    (*db)->sql().exec(R"sql(
        INSERT INTO event(id, name) VALUES (1, 'Summit'), (2, 'Other');
        INSERT INTO person(id, first_name, last_name, email, company, title) VALUES
            (1, 'Åse', 'Ærø', 'ase@x.dk', 'Ørsted', 'HR-chef'),
            (2, 'Zoë', 'Zimmer', 'zoe@x.dk', 'Vestas', 'CTO'),
            (3, 'Anders', 'Andersen', 'a@x.dk', '', 'Udvikler'),
            (4, 'Øjvind', 'Olsen', 'o@x.dk', 'Mærsk', ''),
            (5, 'Not', 'Here', 'n@x.dk', 'Elsewhere', '');
        INSERT INTO participant(event_id, person_id, ticket_type) VALUES
            (1, 1, 'VIP'), (1, 2, ''), (1, 3, 'Standard'), (1, 4, 'Standard'), (2, 5, '');
    )sql");
    return std::move(*db);
}

std::vector<std::string> visible_last_names(const ParticipantTable& table) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < table.visible(); ++i) names.push_back(table.visible_row(i).person.last_name);
    return names;
}

}  // namespace

TEST_CASE("the table holds only the event's participants", "[table]") {
    auto db = sample_db();
    ParticipantTable table;
    table.load(*db, 1);
    CHECK(table.total() == 4);
    CHECK(table.visible() == 4);
    table.load(*db, 2);
    CHECK(table.total() == 1);
}

TEST_CASE("the filter ignores case and accents and looks at every column", "[table]") {
    auto db = sample_db();
    ParticipantTable table;
    table.load(*db, 1);
    table.set_filter("orsted");
    CHECK(visible_last_names(table) == std::vector<std::string>{"Ærø"});
    table.set_filter("ZOE");
    CHECK(visible_last_names(table) == std::vector<std::string>{"Zimmer"});
    table.set_filter("standard");
    CHECK(table.visible() == 2);
    table.set_filter("nobody at all");
    CHECK(table.visible() == 0);
    table.set_filter("");
    CHECK(table.visible() == 4);
    // A match may not span two cells.
    table.set_filter("cto vestas");
    CHECK(table.visible() == 0);
}

TEST_CASE("sorting follows the language: Danish puts Æ Ø Å after Z", "[table]") {
    auto db = sample_db();
    ParticipantTable table;
    table.load(*db, 1);
    table.sort_by(Column::FirstName, true, true);
    std::vector<std::string> danish;
    for (std::size_t i = 0; i < table.visible(); ++i) danish.push_back(table.visible_row(i).person.first_name);
    CHECK(danish == std::vector<std::string>{"Anders", "Zoë", "Øjvind", "Åse"});

    table.sort_by(Column::FirstName, true, false);
    std::vector<std::string> english;
    for (std::size_t i = 0; i < table.visible(); ++i) english.push_back(table.visible_row(i).person.first_name);
    CHECK(english == std::vector<std::string>{"Anders", "Åse", "Øjvind", "Zoë"});
}

TEST_CASE("empty cells sort last in both directions, and the filter keeps the order", "[table]") {
    auto db = sample_db();
    ParticipantTable table;
    table.load(*db, 1);
    table.sort_by(Column::Company, true, true);  // Mærsk, Vestas, Ørsted, then the blank
    CHECK(visible_last_names(table) == std::vector<std::string>{"Olsen", "Zimmer", "Ærø", "Andersen"});
    table.sort_by(Column::Company, false, true);
    CHECK(visible_last_names(table) == std::vector<std::string>{"Ærø", "Zimmer", "Olsen", "Andersen"});
    table.set_filter("x.dk");
    CHECK(visible_last_names(table) == std::vector<std::string>{"Ærø", "Zimmer", "Olsen", "Andersen"});
    // Reloading (after an import) keeps filter and order.
    table.load(*db, 1);
    CHECK(visible_last_names(table) == std::vector<std::string>{"Ærø", "Zimmer", "Olsen", "Andersen"});
}
