// The data mingle keeps: people (once, across events), events, and who was at which event.
#pragma once

#include <cstdint>
#include <string>

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
    std::string details_json;  // JSON object: column name → value, for every column with no field of its own
};

}  // namespace mingle
