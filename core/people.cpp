#include "people.hpp"

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace mingle {
namespace {

constexpr const char* kPersonColumns =
    "p.id, p.first_name, p.last_name, p.email, p.company, p.title, p.phone, p.url";

Person read_person(SQLite::Statement& query) {
    Person person;
    person.id = query.getColumn(0).getInt64();
    person.first_name = query.getColumn(1).getString();
    person.last_name = query.getColumn(2).getString();
    person.email = query.getColumn(3).getString();
    person.company = query.getColumn(4).getString();
    person.title = query.getColumn(5).getString();
    person.phone = query.getColumn(6).getString();
    person.url = query.getColumn(7).getString();
    return person;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> participant_details(const Participant& participant) {
    std::vector<std::pair<std::string, std::string>> details;
    // ordered_json keeps the columns in the order the file had them.
    auto json = nlohmann::ordered_json::parse(participant.details_json, nullptr, false);
    if (!json.is_object()) return details;
    for (const auto& [key, value] : json.items())
        details.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    return details;
}

bool person_matches(const Person& person, std::string_view needle_folded) {
    if (needle_folded.empty()) return true;
    std::string haystack = text::fold(person.first_name + " " + person.last_name + " " + person.email + " " +
                                      person.company + " " + person.title);
    return text::contains(haystack, needle_folded);
}

std::vector<Person> PersonStore::list(const PersonQuery& query) {
    std::string sql = std::string("SELECT ") + kPersonColumns + " FROM person p";
    if (query.event_id)
        sql += " JOIN participant pa ON pa.person_id = p.id AND pa.event_id = ?";
    sql += " ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id";
    SQLite::Statement statement(db_.sql(), sql);
    if (query.event_id) statement.bind(1, *query.event_id);
    std::string needle = text::fold(query.search);
    std::vector<Person> people;
    while (statement.executeStep()) {
        Person person = read_person(statement);
        if (person_matches(person, needle)) people.push_back(std::move(person));
    }
    return people;
}

std::optional<Person> PersonStore::get(Id id) {
    SQLite::Statement statement(db_.sql(), std::string("SELECT ") + kPersonColumns + " FROM person p WHERE p.id = ?");
    statement.bind(1, id);
    if (!statement.executeStep()) return std::nullopt;
    return read_person(statement);
}

std::int64_t PersonStore::count() {
    SQLite::Statement statement(db_.sql(), "SELECT count(*) FROM person");
    statement.executeStep();
    return statement.getColumn(0).getInt64();
}

std::vector<Participant> PersonStore::participants(Id event_id) {
    SQLite::Statement statement(db_.sql(), std::string("SELECT ") + kPersonColumns +
                                               ", pa.ticket_type, pa.details FROM participant pa "
                                               "JOIN person p ON p.id = pa.person_id WHERE pa.event_id = ? "
                                               "ORDER BY p.id");
    statement.bind(1, event_id);
    std::vector<Participant> list;
    while (statement.executeStep()) {
        Participant participant;
        participant.person = read_person(statement);
        participant.ticket_type = statement.getColumn(8).getString();
        participant.details_json = statement.getColumn(9).getString();
        list.push_back(std::move(participant));
    }
    return list;
}

}  // namespace mingle
