// Reading people and participant lists.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "core/model.hpp"
#include "core/storage/database.hpp"

namespace mingle {

// The person columns, in the order read_person() reads them, for a SELECT with the person table
// aliased as "p".
inline constexpr const char* kPersonColumns =
    "p.id, p.first_name, p.last_name, p.email, p.company, p.title, p.phone, p.url, p.relation, p.recognize, "
    "p.language";
inline constexpr int kPersonColumnCount = 11;
// Reads a person from the current row of a query that selected kPersonColumns at `first`.
Person read_person(SQLite::Statement& query, int first = 0);

bool person_exists(storage::Database& db, Id id);

struct PersonQuery {
    std::optional<Id> event_id;  // only people at this event
    std::string search;          // matches name, e-mail, company or title, ignoring case and accents
};

class PersonStore {
public:
    explicit PersonStore(storage::Database& db) : db_(db) {}

    std::vector<Person> list(const PersonQuery& query);
    std::int64_t count();

    // Everyone at the event with the participant details, in import order.
    std::vector<Participant> participants(Id event_id);

private:
    storage::Database& db_;
};

// The participant's details (cells without a field of their own) as name/value pairs, in file
// order, leaving out the empty ones.
std::vector<std::pair<std::string, std::string>> participant_details(const Participant& participant);

// True if the person matches a search, ignoring case and accents; `needle_folded` is text::fold(search).
bool person_matches(const Person& person, std::string_view needle_folded);

}  // namespace mingle
