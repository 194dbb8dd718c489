#include "people.hpp"

#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace mingle {

Person read_person(SQLite::Statement& query, int first) {
    Person person;
    person.id = query.getColumn(first).getInt64();
    person.first_name = query.getColumn(first + 1).getString();
    person.last_name = query.getColumn(first + 2).getString();
    person.email = query.getColumn(first + 3).getString();
    person.company = query.getColumn(first + 4).getString();
    person.title = query.getColumn(first + 5).getString();
    person.phone = query.getColumn(first + 6).getString();
    person.url = query.getColumn(first + 7).getString();
    person.relation = parse_relation(query.getColumn(first + 8).getString()).value_or(Relation::None);
    person.recognize = query.getColumn(first + 9).getString();
    person.language = query.getColumn(first + 10).getString();
    return person;
}

bool person_exists(storage::Database& db, Id id) {
    SQLite::Statement query(db.sql(), "SELECT 1 FROM person WHERE id = ?");
    query.bind(1, id);
    return query.executeStep();
}

std::vector<std::pair<std::string, std::string>> participant_details(const Participant& participant) {
    std::vector<std::pair<std::string, std::string>> details;
    auto json = nlohmann::ordered_json::parse(participant.details_json, nullptr, false);
    auto text_of = [](const nlohmann::ordered_json& value) {
        return value.is_string() ? value.get<std::string>() : value.dump();
    };
    if (json.is_object()) {
        for (const auto& [key, value] : json.items()) details.emplace_back(key, text_of(value));
    } else if (json.is_array()) {
        const auto* names = participant.detail_columns.get();
        for (std::size_t i = 0; i < json.size(); ++i) {
            std::string value = text_of(json[i]);
            if (value.empty()) continue;
            std::string name = names && i < names->size() ? (*names)[i] : "Column " + std::to_string(i + 1);
            details.emplace_back(std::move(name), std::move(value));
        }
    }
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

std::int64_t PersonStore::count() {
    SQLite::Statement statement(db_.sql(), "SELECT count(*) FROM person");
    statement.executeStep();
    return statement.getColumn(0).getInt64();
}

std::vector<Participant> PersonStore::participants(Id event_id) {
    // The column names of each import into the event, read once and shared by its participants.
    std::unordered_map<Id, std::shared_ptr<const std::vector<std::string>>> columns_by_batch;
    SQLite::Statement batches(db_.sql(), "SELECT id, columns FROM import_batch WHERE event_id = ?");
    batches.bind(1, event_id);
    while (batches.executeStep()) {
        auto names = std::make_shared<std::vector<std::string>>();
        auto json = nlohmann::json::parse(batches.getColumn(1).getString(), nullptr, false);
        if (json.is_array())
            for (const auto& name : json) names->push_back(name.is_string() ? name.get<std::string>() : "");
        columns_by_batch.emplace(batches.getColumn(0).getInt64(), std::move(names));
    }

    SQLite::Statement statement(db_.sql(), std::string("SELECT ") + kPersonColumns +
                                               ", pa.ticket_type, pa.details, pa.batch_id FROM participant pa "
                                               "JOIN person p ON p.id = pa.person_id WHERE pa.event_id = ? "
                                               "ORDER BY p.id");
    statement.bind(1, event_id);
    std::vector<Participant> list;
    constexpr int kAfter = kPersonColumnCount;
    while (statement.executeStep()) {
        Participant participant;
        participant.person = read_person(statement);
        participant.ticket_type = statement.getColumn(kAfter).getString();
        participant.details_json = statement.getColumn(kAfter + 1).getString();
        if (!statement.getColumn(kAfter + 2).isNull()) {
            auto found = columns_by_batch.find(statement.getColumn(kAfter + 2).getInt64());
            if (found != columns_by_batch.end()) participant.detail_columns = found->second;
        }
        list.push_back(std::move(participant));
    }
    return list;
}

}  // namespace mingle
