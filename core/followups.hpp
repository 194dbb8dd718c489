// The morning after (domain.md, section 3): what is owed, both ways, grouped by when; who to thank;
// whom to connect with on LinkedIn; and how the event went.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/due_dates.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

enum class DueGroup { Overdue, Today, Later };
std::string_view due_group_key(DueGroup group);  // "overdue", "today", "later"

struct Followup {
    Id id = 0;               // the promise
    Id person_id = 0;
    std::string person_name;
    std::string person_email;
    bool by_me = true;
    std::string text;
    std::string due;         // local "YYYY-MM-DDTHH:MM"
    std::string done_at;     // UTC; empty while open
    std::string event_name;
    DueGroup group = DueGroup::Later;
    bool done() const { return !done_at.empty(); }
};

// Where a due time falls, seen from `now`: before now is overdue; later today is today.
DueGroup group_of(std::string_view due, const LocalDateTime& now);

struct FollowupQuery {
    std::optional<Id> event_id;
    bool include_done = false;
    std::optional<DueGroup> only;  // one group
};

// Open (or all) promises: overdue, today, later; within each, "I promised" first, then by due time.
std::vector<Followup> list_followups(storage::Database& db, const FollowupQuery& query, const LocalDateTime& now);

// Marks a promise kept (the time is kept), or open again.
Status mark_done(storage::Database& db, Id promise_id);
Status mark_open(storage::Database& db, Id promise_id);

struct Acquaintance {
    Person person;
    std::string met_at;
};
// People met at the event not thanked yet, and marking one thanked.
std::vector<Acquaintance> to_thank(storage::Database& db, Id event_id);
Status mark_thanked(storage::Database& db, Id event_id, Id person_id);
// People met at the event with a LinkedIn profile, not yet connected; and marking one connected.
std::vector<Acquaintance> to_connect(storage::Database& db, Id event_id);
Status mark_connected(storage::Database& db, Id person_id);

struct EventReview {
    Id event_id = 0;
    std::string name;
    std::string date;
    int targets = 0, targets_met = 0;
    int met = 0;                 // everyone met, targets or not
    int promised_by_me = 0, kept_by_me = 0;
    int promised_to_me = 0, kept_to_me = 0;
    int thanked = 0;
    int new_relationships = 0;   // met here for the first time, and now with a relationship
    std::optional<int> rating;   // 1-5, the user's
};
Result<EventReview> review_event(storage::Database& db, Id event_id);
std::vector<EventReview> review_all(storage::Database& db);  // oldest first, for the comparison
Status set_rating(storage::Database& db, Id event_id, std::optional<int> rating);

// Keeping in touch: a contact, or something given or received, restarts the cadence.
enum class ContactKind { Contact, Gave, Received };
std::string_view contact_kind_key(ContactKind kind);  // "contact", "gave", "received"
std::optional<ContactKind> parse_contact_kind(std::string_view key);
Result<Id> log_contact(storage::Database& db, Id person_id, ContactKind kind, std::string_view text);

struct NurtureItem {
    Person person;
    std::string last_contact;  // UTC; empty if never
    int days_since = 0;
    int cadence_days = 0;
    int gave = 0, received = 0;  // the trust balance (trust_balance), read with the list
};
// People with a relationship whose cadence (by relationship, from the config) has run out since the
// last contact, meeting, or thing given or received; the longest overdue first.
std::vector<NurtureItem> due_to_nurture(storage::Database& db, const KeepInTouch& cadence);

// The trust balance with one person: what went each way (logged, and promises kept).
struct ContactEntry {
    ContactKind kind = ContactKind::Contact;
    std::string text;
    std::string at;
};
struct TrustBalance {
    int gave = 0;
    int received = 0;
    std::vector<ContactEntry> entries;  // newest first
};
TrustBalance trust_balance(storage::Database& db, Id person_id);

}  // namespace mingle
