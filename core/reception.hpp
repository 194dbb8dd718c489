// At the reception: who was met, people added on the spot (walk-ins), and promises both ways,
// each committed the moment it is entered (domain.md, section 2).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

struct Promise {
    Id id = 0;
    std::optional<Id> event_id;
    Id person_id = 0;
    std::string person_name;
    bool by_me = true;      // "I promised"; false: "they promised"
    std::string text;
    std::string due;        // local time, "YYYY-MM-DDTHH:MM"
    std::string done_at;    // UTC when kept; empty while open
    std::string created_at;
};

class ReceptionStore {
public:
    explicit ReceptionStore(storage::Database& db) : db_(db) {}

    // Marks a person as met at the event (again: keeps the first time). Unmark for a slip.
    Status mark_met(Id event_id, Id person_id);
    Status unmark_met(Id event_id, Id person_id);
    std::unordered_set<Id> met(Id event_id);

    // Someone not on the list, added on the spot: a new person, on the event's list, and met.
    // "Mette Jensen" is split into first and last name. Returns the new person's id.
    Result<Id> add_walk_in(Id event_id, std::string_view full_name, std::string_view company);

    // A promise: `due` is "YYYY-MM-DDTHH:MM" (see due_dates.hpp). Returns its id.
    Result<Id> add_promise(std::optional<Id> event_id, Id person_id, bool by_me, std::string_view text,
                           std::string_view due);
    std::vector<Promise> promises_at(Id event_id);  // newest first

private:
    storage::Database& db_;
};

}  // namespace mingle
