// "Who can introduce me to X?" Door-openers (domain.md, section 1): people the user knows who
// know a target X and could introduce the user, ranked for one event.
//
// A candidate has at least one tie to X:
//   - Link:          an explicit link with X ("A knows B").
//   - SameCompany:   the same current company as X, compared by text::company_key (case,
//                    accents, punctuation and a legal form such as "A/S" do not count, so
//                    "ØRSTED" is "Ørsted A/S"). An empty company never matches.
//   - FormerCompany: a company in one's history equal to the other's current or former company
//                    (either way round). The company both work at now is not counted again, and
//                    several shared former companies count once.
//   - PastEvent:     was a participant, with X, at a past event: another event dated before this
//                    one, or any other event when either date is empty.
// X is never their own door-opener. An unknown event or target has no door-openers.
//
// Ranking, in order:
//   1. attending this event first (they can introduce on the spot);
//   2. the user's relationship with the candidate, stronger first (relation_strength: inner 4,
//      vip 3, good 2, card 1, none 0): a door-opener puts their reputation at stake, so trust in
//      the user counts before how well they know X;
//   3. connection strength to X, stronger first: the sum of link 4, same current company 3,
//      shared former company 2, and 1 per past event together (at most 3);
//   4. name (first, then last, ignoring case), then id, so that ties are always ordered the same.
//
// Speed: every tie is found through an index from X's side (link PK and link_b, person_company,
// person_history_company, participant_person then the participant PK per event); the candidates
// are gathered in a hash map, and only they are read from the person table.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/storage/database.hpp"

namespace mingle {

struct DoorOpenerReason {
    enum class Kind { Relationship, Link, SameCompany, FormerCompany, PastEvent };
    // For FormerCompany: who worked at the company before. OpenerOnly: the door-opener did, and X
    // works there now; TargetOnly: X did, and the door-opener works there now.
    enum class Formerly { Both, OpenerOnly, TargetOnly };

    Kind kind = Kind::Link;
    // Relationship: the relation key ("vip"); Link: how they know each other (may be empty);
    // SameCompany and FormerCompany: the company's name; PastEvent: the latest such event's name.
    std::string detail;
    int count = 0;  // PastEvent: how many past events together
    Formerly formerly = Formerly::Both;
};

struct DoorOpener {
    Person person;           // the door-opener
    bool attending = false;  // a participant of this event: can introduce on the spot
    int connection = 0;      // strength of their tie to the target (see above)
    std::vector<DoorOpenerReason> reasons;  // one per kind that applies, in the order of Kind
};

// Ranked door-openers for target_person_id at event_id; at most `limit` (0 = all).
std::vector<DoorOpener> find_door_openers(storage::Database& db, Id event_id, Id target_person_id,
                                          std::size_t limit = 25);

// The best door-opener per target, for many targets at once (the GUI draws a line to each).
// Targets without any door-opener are left out of the map.
std::unordered_map<Id, DoorOpener> best_door_openers(storage::Database& db, Id event_id,
                                                     std::span<const Id> target_ids);

// The reasons in words, one sentence each: first whether they attend, then one per reason.
std::vector<std::string> describe_reasons(const DoorOpener& opener, const Person& target, Language language);

}  // namespace mingle
