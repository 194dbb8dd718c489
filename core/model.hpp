// The data mingle keeps: people (once, across events), events, and who was at which event.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mingle {

using Id = std::int64_t;

struct Person {
    Id id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string company;
    std::string title;
    std::string phone;
    std::string url;

    // "First Last", or the e-mail when there is no name.
    std::string display_name() const;
};

struct Event {
    Id id = 0;
    std::string name;
    std::string date;   // YYYY-MM-DD or empty
    std::string place;
    std::string goal;   // one sentence: what the user wants from this event
    std::int64_t participant_count = 0;
};

// A person at an event, with what the participant list said about them there.
struct Participant {
    Person person;
    std::string ticket_type;
    // The cells with no field of their own: a JSON array aligned with detail_columns (from an
    // import), or a JSON object name -> value. Read them with participant_details() (people.hpp).
    std::string details_json;
    std::shared_ptr<const std::vector<std::string>> detail_columns;  // the import's column names
};

}  // namespace mingle
