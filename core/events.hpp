// Events: create, find, edit (each edit committed at once) and delete.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

struct EventDraft {
    std::string name;
    std::string date;  // as typed; see dates::normalize
    std::string place;
    std::string goal;
};

class EventStore {
public:
    explicit EventStore(storage::Database& db) : db_(db) {}

    // Upcoming and recent first: by date, newest first, events without a date last.
    std::vector<Event> list();
    std::optional<Event> get(Id id);
    std::optional<Event> find(std::string_view name);  // case-insensitive, trimmed

    Result<Id> create(const EventDraft& draft);
    Result<Id> find_or_create(std::string_view name);

    Status rename(Id id, std::string_view name);
    Status set_date(Id id, std::string_view typed_date);
    Status set_place(Id id, std::string_view place);
    Status set_goal(Id id, std::string_view goal);

    // Removes the event and who attended it; the people themselves stay.
    Status remove(Id id);

private:
    Status set_text(Id id, const char* column, std::string_view value);

    storage::Database& db_;
};

}  // namespace mingle
