// The data mingle keeps: people (once, across events), events, and who was at which event.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mingle {

using Id = std::int64_t;

// The user's relationship to a person (domain.md, section 4), strongest first.
enum class Relation { Inner, Vip, Good, Card, None };
std::string_view relation_key(Relation relation);  // "inner", "vip", "good", "card", "none"
std::optional<Relation> parse_relation(std::string_view key);
int relation_strength(Relation relation);  // inner 4, vip 3, good 2, card 1, none 0

// Where a target sits in the user's mapping for an event's goal: the central five, then the
// inner and the outer circle.
enum class Circle { Central, Inner, Outer };
std::string_view circle_key(Circle circle);  // "central", "inner", "outer"
std::optional<Circle> parse_circle(std::string_view key);

// The role a target can play for the goal (domain.md, section 1): information about a company,
// position or case; intermediary to important people; direct access. None: not decided yet.
enum class TargetRole { None, Info, Intermediary, Access };
std::string_view role_key(TargetRole role);  // "", "info", "intermediary", "access"
std::optional<TargetRole> parse_role(std::string_view key);  // "" or "none" is None

struct Person {
    Id id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string company;
    std::string title;
    std::string phone;
    std::string url;
    Relation relation = Relation::None;
    std::string recognize;  // how to spot them at a reception
    std::string language;   // "da" or "en" to talk to them in; empty: the user's own

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

// A person the user wants to meet at an event, with the plan for them.
struct Target {
    Id event_id = 0;
    Person person;
    Circle circle = Circle::Outer;
    int importance = 3;  // 1-5, for this event's goal
    TargetRole role = TargetRole::None;
    std::string ask;      // what to ask them for
    std::string offer;    // what to offer them
    std::string nurture;  // how to nurture the relationship

    bool has_plan() const { return !ask.empty() || !offer.empty() || !nurture.empty(); }
};

struct Note {
    Id id = 0;
    Id person_id = 0;
    std::optional<Id> event_id;
    std::string event_name;  // empty when not from an event
    std::string text;
    std::string created_at;  // UTC, ISO 8601
};

// A former company or title (or another one a participant list gave).
struct HistoryEntry {
    Id id = 0;
    Id person_id = 0;
    std::string company;
    std::string title;
    bool from_import = false;
    std::string recorded_at;
};

// "A knows B", seen from one person: the other one and how they know each other.
struct Link {
    Person other;
    std::string how;
    bool from_import = false;
};

}  // namespace mingle
