// Conversation prompts (domain.md, section 2): two or three good open questions for the person in
// front of the user (HV-spørgsmål: hvad, hvem, hvor, hvordan, hvorfor, hvornår, hvilken), filled
// from what mingle knows about them, plus a self-introduction to rehearse and polite exit lines.
//
// The question bank is TOML, shipped per language in assets/prompts/bank.<lang>.toml, and the
// user's prompts.<lang>.toml in the config folder adds to it (or replaces kinds of it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/config.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

enum class PromptKind { Opener, Work, Interests, Company, Event, FollowUp, OfferHelp, SelfIntro, Exit };
inline constexpr PromptKind kAllPromptKinds[] = {
    PromptKind::Opener, PromptKind::Work,     PromptKind::Interests, PromptKind::Company, PromptKind::Event,
    PromptKind::FollowUp, PromptKind::OfferHelp, PromptKind::SelfIntro, PromptKind::Exit};
std::string_view prompt_kind_key(PromptKind kind);  // "opener", "work", "interests", …, "self_intro", "exit"
std::optional<PromptKind> parse_prompt_kind(std::string_view key);
// The self-introduction and the exit lines are statements; every other kind is an open question.
inline bool is_statement_kind(PromptKind kind) { return kind == PromptKind::SelfIntro || kind == PromptKind::Exit; }

struct BankPrompt {
    PromptKind kind = PromptKind::Opener;
    std::string text;     // with {slots}
    std::string id;       // "kind:xxxxxxxx", from the text: what "used" and "pinned" remember
    bool from_user = false;
};

struct QuestionBank {
    Language language = Language::English;
    std::vector<BankPrompt> prompts;
};

struct LoadedBank {
    QuestionBank bank;
    std::vector<Error> problems;  // each with file and line; the rest of the bank still counts
};

// Reads TOML text of the bank's shape into `bank`: [[prompt]] tables with kind and text; a
// top-level `replace = ["kind", …]` first drops the prompts of those kinds already in the bank.
void read_bank_text(std::string_view toml_text, const std::string& shown_as, bool from_user, LoadedBank& into);

// The user's own prompts for a language, as in prompts.<lang>.toml in the config folder: what the
// question bank view edits. Writing rewrites the file (atomically).
struct UserBank {
    std::vector<std::pair<PromptKind, std::string>> prompts;
    std::vector<PromptKind> replaced;  // kinds whose shipped prompts are not used
};
std::filesystem::path user_bank_path(const std::filesystem::path& config_folder, Language language);
Result<UserBank> read_user_bank(const std::filesystem::path& config_folder, Language language);
Status write_user_bank(const std::filesystem::path& config_folder, Language language, const UserBank& bank);

// Checks a prompt the user writes: known slots only; a question kind must be an open question in
// the language (hv-word / wh-word first, "?" last), a statement kind must not be a question.
Status check_prompt_text(PromptKind kind, std::string_view text, Language language);

// The shipped bank for the language, then the user's file (prompts.<lang>.toml in config_folder)
// if there is one.
LoadedBank load_question_bank(Language language, const std::filesystem::path& config_folder);

// What is known about one person at one event, for the slots. Empty means unknown.
struct PromptFacts {
    Id person_id = 0;
    std::string first_name;
    std::string company;
    std::string title;
    std::string interest;     // their own registration answer, short enough to quote
    std::string event;        // the event's name
    std::string last_topic;   // from the user's last note about them
    std::string door_opener;  // first name of someone both know, whom the user knows
    std::string my_goal;      // the event's goal
    std::string my_pitch;     // [me] pitch
    std::string next_name;    // first name of the next target to greet (for exit lines)
    Language language = Language::English;  // the language to talk to them in
};

// Facts for every target of an event (central first), gathered with a few queries for all; with
// `also`, for that person too (last) when they are not a target.
std::vector<PromptFacts> gather_event_facts(storage::Database& db, Id event_id, const Config& config,
                                            std::optional<Id> also = std::nullopt);

struct Prompt {
    std::string id;
    PromptKind kind = PromptKind::Opener;
    std::string text;
    bool uses_fact = false;  // about the person: company, title, interest, last note, shared acquaintance
    bool pinned = false;
    bool used = false;       // marked used with this person at this event
};

// Marks from the database: what was used with whom, and what is pinned.
struct PromptMarks {
    // person id -> prompt ids used with them at another event (never offered again)
    std::unordered_map<Id, std::unordered_set<std::string>> used_before;
    // person id -> prompt ids used / pinned at this event
    std::unordered_map<Id, std::unordered_set<std::string>> used_here;
    std::unordered_map<Id, std::unordered_set<std::string>> pinned_here;
};
PromptMarks load_prompt_marks(storage::Database& db, Id event_id);
Status set_prompt_mark(storage::Database& db, Id event_id, Id person_id, std::string_view prompt_id, bool used, bool pinned);

struct PromptRequest {
    std::size_t count = 3;
    // Per person: which set ("new set" counts up); 0 when not listed.
    std::unordered_map<Id, int> set_number;
};

// Open questions for every person in `facts` (in that order), `count` each: pinned ones first,
// then filled from what is known (a continued last conversation first, then their own interests,
// company and title, then the event and general openers), never a prompt whose slots cannot all
// be filled, never one used with that person at an earlier event, and never the same set (as the
// user reads it) for two people of the event. Deterministic for the same data; the banks are indexed by Language.
std::unordered_map<Id, std::vector<Prompt>> generate_event_prompts(std::span<const PromptFacts> facts,
                                                                   const QuestionBank& english,
                                                                   const QuestionBank& danish,
                                                                   const PromptMarks& marks,
                                                                   const PromptRequest& request);

// A statement of one kind (the self-introduction, an exit line) for the person, or empty when no
// prompt of that kind can be filled. `variant` picks another one.
std::string statement_for(const PromptFacts& facts, const QuestionBank& bank, PromptKind kind, int variant = 0);

// Fills `text`'s slots from the facts; nullopt when a slot is empty or unknown.
std::optional<std::string> fill_prompt(std::string_view text, const PromptFacts& facts);

// True when a prompt reads as an open question in its language: Danish begins with a hv-word,
// English with what, who, where, when, why, which, whose, whom or how; and it ends with "?".
bool is_open_question(std::string_view text, Language language);

}  // namespace mingle
