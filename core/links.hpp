// Who knows whom ("A knows B", with how), and what the user remembers about each person across
// events: the relationship, how to recognise them, dated notes, former companies and titles, and
// the events where both were present. Every edit is committed at once; imports never touch these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

class LinkStore {
public:
    explicit LinkStore(storage::Database& db) : db_(db) {}

    // Records that a and b know each other; an existing link gets the new `how` if one is given.
    Status add(Id a, Id b, std::string_view how);
    Status remove(Id a, Id b);
    // Everyone the person is linked to, by name.
    std::vector<Link> links_of(Id person_id);

private:
    storage::Database& db_;
};

// An event the person attended, for the person's history.
struct Attendance {
    Id event_id = 0;
    std::string event_name;
    std::string date;
};

// A person's memory: the fields imports never overwrite, and what the user wrote down.
class PersonMemory {
public:
    explicit PersonMemory(storage::Database& db) : db_(db) {}

    std::optional<Person> get(Id person_id);

    Status set_relation(Id person_id, Relation relation);
    Status set_recognize(Id person_id, std::string_view text);
    // Edits one of the imported fields by hand: first_name, last_name, email, company, title,
    // phone or url; or recognize, or language ("da", "en", "" for the user's own). A changed
    // company or title is kept in the history as a former one.
    Status set_field(Id person_id, std::string_view field, std::string_view value);

    Result<Id> add_note(Id person_id, std::optional<Id> event_id, std::string_view text);
    Status remove_note(Id note_id);
    std::vector<Note> notes(Id person_id);  // newest first

    Status add_history(Id person_id, std::string_view company, std::string_view title);
    Status remove_history(Id entry_id);
    std::vector<HistoryEntry> history(Id person_id);  // newest first

    std::vector<Attendance> events_of(Id person_id);  // newest first

    // Adds a person by hand (a walk-in, or someone met elsewhere). Returns the new id.
    Result<Id> add_person(std::string_view first_name, std::string_view last_name, std::string_view company);

private:
    storage::Database& db_;
};

}  // namespace mingle
