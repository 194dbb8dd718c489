#include "prompts.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/assets.hpp"
#include "core/events.hpp"
#include "core/links.hpp"
#include "core/people.hpp"
#include "core/targets.hpp"
#include "core/text.hpp"
#include "core/toml_guard.hpp"

namespace mingle {
namespace {

constexpr std::pair<PromptKind, std::string_view> kKindKeys[] = {
    {PromptKind::Opener, "opener"},       {PromptKind::Work, "work"},           {PromptKind::Interests, "interests"},
    {PromptKind::Company, "company"},     {PromptKind::Event, "event"},         {PromptKind::FollowUp, "follow_up"},
    {PromptKind::OfferHelp, "offer_help"}, {PromptKind::SelfIntro, "self_intro"}, {PromptKind::Exit, "exit"},
};

// The slots a template may use, as bits, and where each comes from in the facts.
enum Slot : std::uint16_t {
    kFirstName = 1 << 0, kCompany = 1 << 1, kTitle = 1 << 2, kInterest = 1 << 3, kEvent = 1 << 4,
    kLastTopic = 1 << 5, kDoorOpener = 1 << 6, kMyGoal = 1 << 7, kMyPitch = 1 << 8, kNextName = 1 << 9,
};
struct SlotSpec {
    std::string_view name;
    Slot bit;
    std::string PromptFacts::*value;
};
constexpr SlotSpec kSlots[] = {
    {"first_name", kFirstName, &PromptFacts::first_name}, {"company", kCompany, &PromptFacts::company},
    {"title", kTitle, &PromptFacts::title},               {"interest", kInterest, &PromptFacts::interest},
    {"event", kEvent, &PromptFacts::event},               {"last_topic", kLastTopic, &PromptFacts::last_topic},
    {"door_opener", kDoorOpener, &PromptFacts::door_opener}, {"my_goal", kMyGoal, &PromptFacts::my_goal},
    {"my_pitch", kMyPitch, &PromptFacts::my_pitch},       {"next_name", kNextName, &PromptFacts::next_name},
};
// Slots that say something about the person in front of the user.
constexpr std::uint16_t kFactSlots = kCompany | kTitle | kInterest | kLastTopic | kDoorOpener;

const SlotSpec* slot_named(std::string_view name) {
    for (const SlotSpec& slot : kSlots)
        if (slot.name == name) return &slot;
    return nullptr;
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 1469598103934665603ull) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

std::string prompt_id(PromptKind kind, std::string_view text) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(fnv1a(text) & 0xffffffffu));
    return std::string(prompt_kind_key(kind)) + ":" + hex;
}

// The slots a template uses; false if it names one that does not exist or has a stray brace.
bool slots_of(std::string_view text, std::uint16_t& mask, std::string& unknown) {
    mask = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '}') {
            unknown = "}";
            return false;
        }
        if (text[at] != '{') continue;
        std::size_t end = text.find('}', at);
        if (end == std::string_view::npos) {
            unknown = std::string(text.substr(at));
            return false;
        }
        const SlotSpec* slot = slot_named(text.substr(at + 1, end - at - 1));
        if (!slot) {
            unknown = std::string(text.substr(at, end - at + 1));
            return false;
        }
        mask |= slot->bit;
        at = end;
    }
    return true;
}

std::uint16_t facts_mask(const PromptFacts& facts) {
    std::uint16_t mask = 0;
    for (const SlotSpec& slot : kSlots)
        if (!(facts.*slot.value).empty()) mask |= slot.bit;
    return mask;
}

// A phrase to put inside a sentence: one line, single spaces, no closing punctuation of its own.
std::string as_phrase(std::string_view value) {
    std::string phrase = text::collapse_spaces(value);
    while (!phrase.empty() && (phrase.back() == '.' || phrase.back() == '!' || phrase.back() == '?' ||
                               phrase.back() == ',' || phrase.back() == ':' || phrase.back() == ';'))
        phrase.pop_back();
    return phrase;
}

// Lower-cases the first letter of a phrase that goes mid-sentence ("Elnettet i 2030" ->
// "elnettet i 2030"), unless the second letter is a capital too (an acronym: "AI", "DTU").
std::string mid_sentence(std::string phrase) {
    if (phrase.size() >= 2 && std::isupper(static_cast<unsigned char>(phrase[0])) &&
        !std::isupper(static_cast<unsigned char>(phrase[1])))
        phrase[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[0])));
    return phrase;
}

// The registration answers worth asking about: columns whose name asks what the participant wants
// to talk about or why they come, not practical ones (diet, invoice, how they heard of it).
bool is_interest_column(std::string_view label) {
    std::string folded = text::fold(label);
    constexpr std::string_view kPractical[] = {"diet", "kost", "allerg", "faktur", "invoice", "betaling", "payment",
                                               "order", "ordre", "ticket", "billet", "hoerte du", "hear about",
                                               "telefon", "phone", "adresse", "address", "cvr", "ean"};
    for (std::string_view word : kPractical)
        if (text::contains(folded, word)) return false;
    constexpr std::string_view kInterest[] = {"tale om", "talk about", "interest", "interesse", "emne", "topic",
                                              "hvorfor", "why", "haab", "hope", "looking for", "soeger", "gerne",
                                              "like to", "focus", "fokus", "udfordring", "challenge"};
    for (std::string_view word : kInterest)
        if (text::contains(folded, word)) return true;
    return false;
}

// A short phrase from the user's last note, to continue that conversation: "Talte om elnettet
// i 2030. Vil sende rapport." -> "elnettet i 2030". Empty when the note does not give one.
std::string topic_of_note(std::string_view note) {
    std::string line(text::trim(note.substr(0, note.find_first_of(".!?\n"))));
    std::string folded = text::fold(line);
    constexpr std::string_view kLeadIns[] = {"vi talte om ", "talte om ", "snakkede om ", "vi snakkede om ",
                                             "drøftede ", "droftede ", "we talked about ", "talked about ",
                                             "discussed ", "we discussed ", "chatted about "};
    for (std::string_view lead : kLeadIns) {
        if (std::string_view(folded).starts_with(lead)) {
            // The folded lead-in has as many words as the original; drop that many words.
            std::size_t words = static_cast<std::size_t>(std::count(lead.begin(), lead.end(), ' '));
            std::size_t at = 0;
            for (std::size_t w = 0; w < words && at != std::string::npos; ++w) {
                at = line.find(' ', at);
                if (at != std::string::npos) ++at;
            }
            line = at == std::string::npos ? std::string() : line.substr(at);
            break;
        }
    }
    std::string phrase = as_phrase(line);
    if (phrase.size() < 3 || phrase.size() > 70) return {};
    return mid_sentence(phrase);
}

struct CompiledPrompt {
    const BankPrompt* prompt;
    std::uint16_t slots;
};

std::vector<CompiledPrompt> compile(const QuestionBank& bank) {
    std::vector<CompiledPrompt> compiled;
    compiled.reserve(bank.prompts.size());
    std::string unknown;
    for (const BankPrompt& prompt : bank.prompts) {
        std::uint16_t mask = 0;
        if (slots_of(prompt.text, mask, unknown)) compiled.push_back({&prompt, mask});
    }
    return compiled;
}

// A small, fast generator with a seed: the same data always gives the same prompts.
struct SplitMix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
};

template <typename T>
void seeded_shuffle(std::vector<T>& items, SplitMix& random) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random.next() % i]);
}

}  // namespace

std::string_view prompt_kind_key(PromptKind kind) {
    for (const auto& [value, key] : kKindKeys)
        if (value == kind) return key;
    return {};
}

std::optional<PromptKind> parse_prompt_kind(std::string_view key) {
    for (const auto& [value, name] : kKindKeys)
        if (name == key) return value;
    return std::nullopt;
}

void read_bank_text(std::string_view toml_text, const std::string& shown_as, bool from_user, LoadedBank& into) {
    if (auto unsafe = non_ascii_outside_strings(toml_text, shown_as)) {
        unsafe->message += " Nothing from this file is used.";
        into.problems.push_back(*unsafe);
        return;
    }
    toml::table root;
    try {
        root = toml::parse(toml_text, shown_as);
    } catch (const toml::parse_error& error) {
        into.problems.push_back(make_error("The question bank could not be read: " + std::string(error.description()) +
                                               ". Nothing from this file is used.",
                                           shown_as, error.source().begin.line, error.source().begin.column));
        return;
    }
    auto problem = [&](const toml::node& node, std::string message) {
        into.problems.push_back(make_error(std::move(message), shown_as, node.source().begin.line, node.source().begin.column));
    };
    if (const toml::node* replace = root.get("replace")) {
        if (const toml::array* kinds = replace->as_array()) {
            for (const toml::node& entry : *kinds) {
                auto kind = parse_prompt_kind(entry.value<std::string>().value_or(""));
                if (!kind) {
                    problem(entry, "replace lists an unknown kind; the kinds are opener, work, interests, company, "
                                   "event, follow_up, offer_help, self_intro and exit.");
                    continue;
                }
                std::erase_if(into.bank.prompts, [&](const BankPrompt& p) { return p.kind == *kind; });
            }
        } else {
            problem(*replace, "replace must be a list of kinds, e.g. replace = [\"opener\", \"exit\"].");
        }
    }
    for (const auto& [key, node] : root) {
        if (key != "replace" && key != "prompt") problem(node, "Unknown setting " + std::string(key.str()) + " is ignored.");
    }
    const toml::array* prompts = root["prompt"].as_array();
    if (!prompts) return;
    for (const toml::node& entry : *prompts) {
        const toml::table* table = entry.as_table();
        if (!table) {
            problem(entry, "Each prompt is a [[prompt]] table with kind and text.");
            continue;
        }
        auto kind_text = (*table)["kind"].value<std::string>();
        auto kind = kind_text ? parse_prompt_kind(*kind_text) : std::nullopt;
        auto prompt_text = (*table)["text"].value<std::string>();
        if (!kind) {
            problem(entry, "This prompt has no known kind; the kinds are opener, work, interests, company, event, "
                           "follow_up, offer_help, self_intro and exit.");
            continue;
        }
        std::string clean = prompt_text ? text::collapse_spaces(*prompt_text) : std::string();
        if (clean.empty()) {
            problem(entry, "This prompt has no text.");
            continue;
        }
        std::uint16_t mask = 0;
        std::string unknown;
        if (!slots_of(clean, mask, unknown)) {
            problem(entry, "This prompt uses " + unknown + ", which mingle cannot fill; the slots are {first_name}, "
                           "{company}, {title}, {interest}, {event}, {last_topic}, {door_opener}, {my_goal}, "
                           "{my_pitch} and {next_name}.");
            continue;
        }
        into.bank.prompts.push_back({*kind, clean, prompt_id(*kind, clean), from_user});
    }
}

Status check_prompt_text(PromptKind kind, std::string_view text, Language language) {
    std::string clean = text::collapse_spaces(text);
    if (clean.empty()) return make_error("Write the prompt first.");
    std::uint16_t mask = 0;
    std::string unknown;
    if (!slots_of(clean, mask, unknown))
        return make_error("The prompt uses " + unknown + ", which mingle cannot fill; the slots are {first_name}, "
                          "{company}, {title}, {interest}, {event}, {last_topic}, {door_opener}, {my_goal}, {my_pitch} "
                          "and {next_name}.");
    if (is_statement_kind(kind)) {
        if (clean.back() == '?') return make_error("An introduction or an exit line is a statement, not a question.");
        return ok_status();
    }
    if (!is_open_question(clean, language))
        return make_error(language == Language::Danish
                              ? "Write an open question: begin with a hv-word (hvad, hvem, hvor, hvordan, hvorfor, "
                                "hvornår, hvilken) and end with a question mark."
                              : "Write an open question: begin with what, who, where, when, why, which or how, and end "
                                "with a question mark.");
    return ok_status();
}

std::filesystem::path user_bank_path(const std::filesystem::path& config_folder, Language language) {
    return config_folder / ("prompts." + std::string(language_code(language)) + ".toml");
}

Result<UserBank> read_user_bank(const std::filesystem::path& config_folder, Language language) {
    UserBank bank;
    const std::filesystem::path path = user_bank_path(config_folder, language);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return bank;
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    LoadedBank loaded;
    read_bank_text(bytes.str(), path.string(), true, loaded);
    if (!loaded.problems.empty()) return loaded.problems.front();
    for (const BankPrompt& prompt : loaded.bank.prompts) bank.prompts.emplace_back(prompt.kind, prompt.text);
    try {
        auto root = toml::parse(bytes.str(), path.string());
        if (const toml::array* kinds = root["replace"].as_array())
            for (const toml::node& entry : *kinds)
                if (auto kind = parse_prompt_kind(entry.value<std::string>().value_or(""))) bank.replaced.push_back(*kind);
    } catch (const toml::parse_error&) {
        // Reported above already.
    }
    return bank;
}

Status write_user_bank(const std::filesystem::path& config_folder, Language language, const UserBank& bank) {
    toml::table root;
    toml::array replaced;
    for (PromptKind kind : bank.replaced) replaced.push_back(std::string(prompt_kind_key(kind)));
    if (!replaced.empty()) root.insert("replace", std::move(replaced));
    toml::array prompts;
    for (const auto& [kind, text] : bank.prompts)
        prompts.push_back(toml::table{{"kind", std::string(prompt_kind_key(kind))}, {"text", text}});
    if (!prompts.empty()) root.insert("prompt", std::move(prompts));
    std::ostringstream out;
    out << "# Your own conversation prompts, added to mingle's question bank (see assets/prompts/ in mingle's\n"
           "# source for the shipped ones and the slots). mingle's question bank view rewrites this file.\n\n"
        << root << "\n";
    return write_file_atomically(user_bank_path(config_folder, language), out.str());
}

LoadedBank load_question_bank(Language language, const std::filesystem::path& config_folder) {
    LoadedBank loaded;
    loaded.bank.language = language;
    const std::string code(language_code(language));
    if (auto shipped = assets::find("prompts/bank." + code + ".toml"))
        read_bank_text(*shipped, "bank." + code + ".toml", false, loaded);
    else
        loaded.problems.push_back(make_error("The question bank for \"" + code + "\" is missing from this build."));
    const std::filesystem::path user_file = user_bank_path(config_folder, language);
    std::error_code ec;
    if (!config_folder.empty() && std::filesystem::exists(user_file, ec)) {
        std::ifstream in(user_file, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        read_bank_text(bytes.str(), user_file.string(), true, loaded);
    }
    return loaded;
}

std::optional<std::string> fill_prompt(std::string_view text, const PromptFacts& facts) {
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] != '{') {
            out.push_back(text[at]);
            continue;
        }
        std::size_t end = text.find('}', at);
        if (end == std::string_view::npos) return std::nullopt;
        const SlotSpec* slot = slot_named(text.substr(at + 1, end - at - 1));
        if (!slot) return std::nullopt;
        const std::string& raw = facts.*slot->value;
        if (raw.empty()) return std::nullopt;
        // Goals and pitches are whole sentences; everything else goes mid-sentence as a phrase.
        std::string value = (slot->bit == kMyGoal || slot->bit == kMyPitch) ? text::collapse_spaces(raw) : as_phrase(raw);
        if (value.empty()) return std::nullopt;
        out += value;
        at = end;
        // A value that ends its own sentence takes the place of the template's full stop.
        if (!value.empty() && (value.back() == '.' || value.back() == '!' || value.back() == '?') && at + 1 < text.size() &&
            text[at + 1] == '.')
            ++at;
    }
    return text::collapse_spaces(out);
}

bool is_open_question(std::string_view sentence, Language language) {
    std::string_view trimmed = text::trim(sentence);
    // A closing quote may follow the question mark: “…?”
    for (std::string_view closing : {"\xE2\x80\x9D", "\xC2\xBB", "\"", ")"})
        if (trimmed.ends_with(closing)) trimmed.remove_suffix(closing.size());
    if (trimmed.empty() || trimmed.back() != '?') return false;
    std::size_t start = 0;
    while (start < trimmed.size() && !std::isalpha(static_cast<unsigned char>(trimmed[start]))) ++start;
    std::size_t end = start;
    while (end < trimmed.size() && std::isalpha(static_cast<unsigned char>(trimmed[end]))) ++end;
    std::string first = text::to_lower(trimmed.substr(start, end - start));
    if (language == Language::Danish) return first.size() >= 3 && first.starts_with("hv");
    constexpr std::string_view kWhWords[] = {"what", "who", "where", "when", "why", "which", "whose", "whom", "how"};
    return std::find(std::begin(kWhWords), std::end(kWhWords), first) != std::end(kWhWords);
}

std::vector<PromptFacts> gather_event_facts(storage::Database& db, Id event_id, const Config& config,
                                            std::optional<Id> also) {
    std::vector<PromptFacts> facts;
    auto event = EventStore(db).get(event_id);
    if (!event) return facts;
    std::vector<Person> people;
    for (Target& target : TargetStore(db).list(event_id)) people.push_back(std::move(target.person));
    if (also && std::none_of(people.begin(), people.end(), [&](const Person& p) { return p.id == *also; })) {
        if (auto person = PersonMemory(db).get(*also)) people.push_back(std::move(*person));
    }
    std::unordered_map<Id, std::size_t> index_of;
    facts.reserve(people.size());
    for (const Person& person : people) {
        PromptFacts f;
        f.person_id = person.id;
        f.first_name = person.first_name;
        f.company = person.company;
        f.title = person.title;
        f.event = event->name;
        f.my_goal = event->goal;
        f.my_pitch = config.me.pitch;
        f.language = parse_language(person.language).value_or(config.language);
        index_of[f.person_id] = facts.size();
        facts.push_back(std::move(f));
    }
    const Id extra = also.value_or(0);
    // The next target to greet, for the exit lines: the next one down the list.
    for (std::size_t i = 0; i + 1 < facts.size(); ++i) facts[i].next_name = facts[i + 1].first_name;
    if (facts.size() > 1) facts.back().next_name = facts.front().first_name;

    // Their own registration answers at this event.
    std::unordered_map<Id, std::vector<std::string>> columns_of_batch;
    SQLite::Statement answers(db.sql(),
                              "SELECT pa.person_id, pa.details, pa.batch_id, coalesce(b.columns, '[]') FROM participant pa "
                              "LEFT JOIN import_batch b ON b.id = pa.batch_id WHERE pa.event_id = ?1 AND pa.details <> '' "
                              "AND (pa.person_id = ?2 OR pa.person_id IN (SELECT person_id FROM target WHERE event_id = ?1))");
    answers.bind(1, event_id);
    answers.bind(2, extra);
    while (answers.executeStep()) {
        PromptFacts& f = facts[index_of[answers.getColumn(0).getInt64()]];
        Id batch = answers.getColumn(2).isNull() ? 0 : answers.getColumn(2).getInt64();
        auto [found, inserted] = columns_of_batch.try_emplace(batch);
        if (inserted) {
            auto json = nlohmann::json::parse(answers.getColumn(3).getString(), nullptr, false);
            if (json.is_array())
                for (const auto& name : json) found->second.push_back(name.is_string() ? name.get<std::string>() : "");
        }
        Participant participant;
        participant.details_json = answers.getColumn(1).getString();
        participant.detail_columns = std::make_shared<const std::vector<std::string>>(found->second);
        for (const auto& [label, value] : participant_details(participant)) {
            std::string phrase = as_phrase(value);
            if (!is_interest_column(label) || phrase.size() < 3 || phrase.size() > 70 ||
                phrase.find('\n') != std::string::npos)
                continue;
            f.interest = mid_sentence(phrase);
            break;
        }
    }

    // The last conversation: the newest note about each target.
    SQLite::Statement notes(db.sql(),
                            "SELECT person_id, text FROM note WHERE person_id = ?2 OR person_id IN "
                            "(SELECT person_id FROM target WHERE event_id = ?1) ORDER BY created_at DESC, id DESC");
    notes.bind(1, event_id);
    notes.bind(2, extra);
    std::unordered_set<Id> noted;
    while (notes.executeStep()) {
        Id person = notes.getColumn(0).getInt64();
        if (!noted.insert(person).second) continue;
        facts[index_of[person]].last_topic = topic_of_note(notes.getColumn(1).getString());
    }

    // Someone both know, whom the user knows best: a shared door-opener to mention.
    SQLite::Statement known(db.sql(),
                            "WITH them(id) AS (SELECT person_id FROM target WHERE event_id = ?1 UNION SELECT ?2) "
                            "SELECT them.id, p.first_name, p.relation FROM them "
                            "JOIN link l ON l.person_a = them.id OR l.person_b = them.id "
                            "JOIN person p ON p.id = CASE WHEN l.person_a = them.id THEN l.person_b ELSE l.person_a END "
                            "WHERE p.relation <> 'none' AND p.first_name <> ''");
    known.bind(1, event_id);
    known.bind(2, extra);
    std::unordered_map<Id, int> best_strength;
    while (known.executeStep()) {
        Id person = known.getColumn(0).getInt64();
        int strength = relation_strength(parse_relation(known.getColumn(2).getString()).value_or(Relation::None));
        auto [it, inserted] = best_strength.try_emplace(person, strength);
        if (!inserted && strength <= it->second) continue;
        it->second = strength;
        facts[index_of[person]].door_opener = known.getColumn(1).getString();
    }
    return facts;
}

PromptMarks load_prompt_marks(storage::Database& db, Id event_id) {
    PromptMarks marks;
    SQLite::Statement query(db.sql(), "SELECT person_id, event_id, prompt_id, used, pinned FROM prompt_mark");
    while (query.executeStep()) {
        Id person = query.getColumn(0).getInt64();
        bool here = query.getColumn(1).getInt64() == event_id;
        std::string id = query.getColumn(2).getString();
        bool used = query.getColumn(3).getInt() != 0, pinned = query.getColumn(4).getInt() != 0;
        if (used && !here) marks.used_before[person].insert(id);
        if (used && here) marks.used_here[person].insert(id);
        if (pinned && here) marks.pinned_here[person].insert(id);
    }
    return marks;
}

Status set_prompt_mark(storage::Database& db, Id event_id, Id person_id, std::string_view prompt_id, bool used,
                       bool pinned) {
    try {
        if (!used && !pinned) {
            SQLite::Statement remove(db.sql(), "DELETE FROM prompt_mark WHERE person_id = ? AND event_id = ? AND prompt_id = ?");
            remove.bind(1, person_id);
            remove.bind(2, event_id);
            remove.bind(3, std::string(prompt_id));
            remove.exec();
            return ok_status();
        }
        SQLite::Statement upsert(db.sql(),
                                 "INSERT INTO prompt_mark(event_id, person_id, prompt_id, used, pinned) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT DO UPDATE SET used = excluded.used, pinned = excluded.pinned, "
                                 "marked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
        upsert.bind(1, event_id);
        upsert.bind(2, person_id);
        upsert.bind(3, std::string(prompt_id));
        upsert.bind(4, used ? 1 : 0);
        upsert.bind(5, pinned ? 1 : 0);
        upsert.exec();
        return ok_status();
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "saving the prompt's mark");
    }
}

std::unordered_map<Id, std::vector<Prompt>> generate_event_prompts(std::span<const PromptFacts> facts,
                                                                   const QuestionBank& english,
                                                                   const QuestionBank& danish,
                                                                   const PromptMarks& marks,
                                                                   const PromptRequest& request) {
    const std::vector<CompiledPrompt> compiled[2] = {compile(english), compile(danish)};
    const std::unordered_set<std::string> none;
    auto marks_of = [&none](const auto& map, Id person) -> const std::unordered_set<std::string>& {
        auto found = map.find(person);
        return found == map.end() ? none : found->second;
    };

    std::unordered_map<Id, std::vector<Prompt>> result;
    std::unordered_set<std::uint64_t> sets_taken;  // the event's sets so far, by their prompt ids
    std::vector<const CompiledPrompt*> pinned, follow_ups, about_them, general;
    for (const PromptFacts& person : facts) {
        const auto& bank = compiled[person.language == Language::Danish ? 1 : 0];
        const std::uint16_t known = facts_mask(person);
        const auto& used_before = marks_of(marks.used_before, person.person_id);
        const auto& used_here = marks_of(marks.used_here, person.person_id);
        const auto& pinned_here = marks_of(marks.pinned_here, person.person_id);
        pinned.clear();
        follow_ups.clear();
        about_them.clear();
        general.clear();
        for (const CompiledPrompt& candidate : bank) {
            if (is_statement_kind(candidate.prompt->kind) || (candidate.slots & ~known) != 0) continue;
            if (used_before.count(candidate.prompt->id)) continue;  // asked at an earlier event already
            if (pinned_here.count(candidate.prompt->id)) pinned.push_back(&candidate);
            else if (candidate.slots & kLastTopic) follow_ups.push_back(&candidate);
            else if (candidate.slots & kFactSlots) about_them.push_back(&candidate);
            else general.push_back(&candidate);
        }
        auto set_it = request.set_number.find(person.person_id);
        const int set = set_it == request.set_number.end() ? 0 : set_it->second;

        std::vector<const CompiledPrompt*> chosen;
        std::vector<std::pair<const CompiledPrompt*, std::string>> filled;
        std::uint64_t signature = 0;
        // A few tries with other seeds when the set is one another target got already.
        for (int attempt = 0; attempt < 64; ++attempt) {
            SplitMix random{static_cast<std::uint64_t>(person.person_id) * 0x9e3779b97f4a7c15ull +
                            static_cast<std::uint64_t>(set) * 7919u + static_cast<std::uint64_t>(attempt) * 104729u};
            auto shuffled_follow = follow_ups, shuffled_about = about_them, shuffled_general = general;
            seeded_shuffle(shuffled_follow, random);
            seeded_shuffle(shuffled_about, random);
            seeded_shuffle(shuffled_general, random);
            chosen.assign(pinned.begin(), pinned.begin() + static_cast<std::ptrdiff_t>(std::min(pinned.size(), request.count)));
            // One question continues the last conversation; most of the rest are about them; one
            // general question keeps it light when there is room.
            const std::size_t want_facts = request.count > 1 && !shuffled_general.empty() ? request.count - 1 : request.count;
            auto take = [&](std::vector<const CompiledPrompt*>& from, std::size_t up_to) {
                for (std::size_t i = 0; i < from.size() && chosen.size() < up_to; ++i) {
                    if (!from[i]) continue;
                    chosen.push_back(from[i]);
                    from[i] = nullptr;
                }
            };
            take(shuffled_follow, std::min(request.count, chosen.size() + 1));
            take(shuffled_about, std::max(want_facts, chosen.size()));
            take(shuffled_general, request.count);
            take(shuffled_about, request.count);
            take(shuffled_follow, request.count);
            // The set's identity is what the user reads, in any order.
            filled.clear();
            std::vector<std::uint64_t> hashes;
            for (const CompiledPrompt* c : chosen) {
                auto text = fill_prompt(c->prompt->text, person);
                if (!text) continue;
                hashes.push_back(fnv1a(*text));
                filled.emplace_back(c, std::move(*text));
            }
            std::sort(hashes.begin(), hashes.end());
            signature = 1469598103934665603ull;
            for (std::uint64_t hash : hashes) signature = (signature ^ hash) * 1099511628211ull;
            if (!sets_taken.count(signature)) break;
        }
        sets_taken.insert(signature);

        std::vector<Prompt>& prompts = result[person.person_id];
        for (auto& [c, text] : filled)
            prompts.push_back({c->prompt->id, c->prompt->kind, std::move(text), (c->slots & kFactSlots) != 0,
                               pinned_here.count(c->prompt->id) > 0, used_here.count(c->prompt->id) > 0});
    }
    return result;
}

std::string statement_for(const PromptFacts& facts, const QuestionBank& bank, PromptKind kind, int variant) {
    std::vector<std::string> options;
    for (const BankPrompt& prompt : bank.prompts) {
        if (prompt.kind != kind) continue;
        if (auto filled = fill_prompt(prompt.text, facts)) options.push_back(std::move(*filled));
    }
    if (options.empty()) return {};
    std::uint64_t pick = static_cast<std::uint64_t>(facts.person_id) * 31u + static_cast<std::uint64_t>(variant);
    return options[pick % options.size()];
}

}  // namespace mingle
