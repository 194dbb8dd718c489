// Introductions (domain.md, section 1 "know someone who knows someone", and tip 6 "be a
// door-opener"): asking a door-opener to introduce the user, and the user introducing two people
// they know who would benefit from meeting. Both end in a short draft the user copies into a mail.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/storage/database.hpp"

namespace mingle {

struct Draft {
    std::string subject;
    std::string body;
};

// Values for a template's {slots}, by slot name without the braces.
using TemplateSlots = std::vector<std::pair<std::string_view, std::string>>;

// Fills a template line by line, so a draft never shows a raw {slot} or a dangling "at":
// - "{name}" is replaced by the slot's value, made one line with single spaces. Values are
//   inserted once and never read again, so a name like "{my_name}" stays as it is.
// - A line with a slot that is empty or unknown is left out.
// - A line starting with "|" is an alternative to the line above: it is used only when that line
//   (and any alternative before it) was left out. "| " and "|" both start one.
// - A value that ends a sentence itself ("Find a job.") takes the place of a "." right after it.
// - Runs of blank lines become one; blank lines at the start and end go.
std::string render_template(std::string_view text, const TemplateSlots& slots);

// A template whose first line is "Subject: ..." (alternatives may follow it): the rendered subject,
// and the rendered body after it. Without a subject line, all of it is the body.
Draft render_draft(std::string_view text, const TemplateSlots& slots);

// A short message to the door-opener asking for an introduction to the target at the event,
// from templates/introduction_request.<lang>.txt. my_name may be empty (then no signature line).
Draft draft_introduction_request(const Person& door_opener, const Person& target, const Event& event,
                                 std::string_view my_name, Language language);

// Two people the user knows at an event who would benefit from meeting, and why.
struct PairSuggestion {
    Person first, second;  // first by name (then id)
    int score = 0;
    std::string reason;  // one line, in the requested language
};

// How often one person may appear in the suggestions, so the list is varied.
inline constexpr int kMaxPairsPerPerson = 3;

// Pairs among the event's participants whom the user knows (relation not none), best first; ties
// by names, then ids. Evidence: shared topics in their registration answers, one needing what the
// other can give (from the targets' plans), and complementary roles from their titles. People at
// the same company, and pairs already linked, are left out.
std::vector<PairSuggestion> suggest_pairs(storage::Database& db, Id event_id, Language language,
                                          std::size_t limit = 10);

// A short mail to both, introducing them, from templates/introduce_pair.<lang>.txt.
Draft draft_pair_introduction(const PairSuggestion& pair, const Event& event, std::string_view my_name,
                              Language language);

}  // namespace mingle
