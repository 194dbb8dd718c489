#include "introductions.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <SQLiteCpp/Statement.h>

#include "core/assets.hpp"
#include "core/people.hpp"
#include "core/targets.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

// --- templates ---

bool is_slot_name(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name) {
        bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!word_char) return false;
    }
    return true;
}

// A value as it may stand inside a line: control characters and line breaks (a hostile or badly
// imported name) become spaces, and spaces are collapsed, so a value can never add a line.
std::string clean_value(std::string_view value) {
    std::string spaced;
    spaced.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        char32_t cp = text::next_code_point(value, i);
        bool breaks = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
        if (breaks) spaced.push_back(' ');
        else text::append_utf8(spaced, cp);
    }
    return text::collapse_spaces(spaced);
}

bool ends_sentence(std::string_view value) {
    return !value.empty() && (value.back() == '.' || value.back() == '!' || value.back() == '?');
}

const std::string* find_slot(const TemplateSlots& slots, std::string_view name) {
    for (const auto& [slot, value] : slots)
        if (slot == name) return &value;
    return nullptr;
}

// One line filled in, or nothing if one of its slots is empty or unknown.
std::optional<std::string> render_line(std::string_view line, const TemplateSlots& values) {
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t open = line.find('{', i);
        if (open == std::string_view::npos) {
            out.append(line.substr(i));
            break;
        }
        std::size_t close = line.find('}', open + 1);
        std::string_view name;
        if (close != std::string_view::npos) name = line.substr(open + 1, close - open - 1);
        if (!is_slot_name(name)) {  // a brace that is just text
            out.append(line.substr(i, open + 1 - i));
            i = open + 1;
            continue;
        }
        const std::string* value = find_slot(values, name);
        if (!value || value->empty()) return std::nullopt;
        out.append(line.substr(i, open - i)).append(*value);
        i = close + 1;
        if (i < line.size() && line[i] == '.' && ends_sentence(*value)) ++i;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    return out;
}

std::string_view without_bom(std::string_view text) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    return text;
}

constexpr std::string_view kSubjectPrefix = "Subject:";

std::string_view template_text(std::string_view name, Language language) {
    std::string path = "templates/";
    path.append(name).append(".").append(language_code(language)).append(".txt");
    return assets::find(path).value_or(std::string_view{});
}

std::string trimmed(std::string_view s) { return std::string(text::trim(s)); }

// The name to greet someone by: the first name, or the whole name when there is none.
std::string first_name_of(const Person& person) {
    std::string first = trimmed(person.first_name);
    return first.empty() ? trimmed(person.display_name()) : first;
}

// --- words in free text ---

// The minimum length of a word worth comparing, and of a stem two words must share to count as
// the same topic ("projektledelse", "projektledere").
constexpr std::size_t kMinWordLetters = 4;
constexpr std::size_t kMinSharedStem = 6;

// Words too common to say anything about a person, folded (text::fold). Danish and English, plus
// the words every ask or offer uses ("help", "viden").
const std::unordered_set<std::string_view>& stop_words() {
    static const std::unordered_set<std::string_view> words = {
        // English
        "about", "above", "after", "again", "also", "among", "around", "because", "been", "before", "being",
        "between", "both", "could", "does", "doing", "during", "each", "especially", "even", "every", "from",
        "further", "general", "have", "having", "here", "interest", "interested", "interesting", "interests",
        "into", "just", "learn", "learning", "like", "made", "make", "many", "meet", "meeting", "more", "most",
        "much", "need", "network", "networking", "only", "other", "others", "over", "people", "really", "same",
        "should", "some", "something", "such", "talk", "talking", "than", "that", "their", "them", "then", "there",
        "these", "they", "thing", "things", "this", "those", "through", "topic", "topics", "under", "very",
        "want", "well", "were", "what", "when", "where", "which", "while", "will", "with", "within", "work",
        "working", "would", "your", "help", "knowledge", "advice", "sparring", "input",
        // Danish, folded (både -> bade, høre -> hore, møde -> mode)
        "alle", "altid", "andre", "anden", "andet", "arbejde", "arbejder", "bade", "bare", "blandt", "blive",
        "bliver", "deres", "denne", "dette", "disse", "efter", "eller", "emne", "emner", "fordi", "folk", "gerne",
        "gennem", "godt", "have", "hele", "hjaelp", "hore", "hvad", "hvem", "hvilke", "hvilken", "hvis", "hvor",
        "hvordan", "hvorfor", "hvornar", "ikke", "inden", "indenfor", "interesse", "interesseret", "isaer",
        "jeres", "kunne", "laere", "lidt", "lige", "meget", "mellem", "mere", "mest", "mine", "mode", "netvaerk",
        "netvaerke", "noget", "nogle", "ogsa", "omkring", "onsker", "rigtig", "samt", "sammen", "selv", "siden",
        "skal", "skulle", "snakke", "tale", "ting", "uden", "under", "ville", "vores", "vaere", "viden",
    };
    return words;
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    return cp >= 0x370 && cp < 0x2000;  // Greek, Cyrillic and other alphabets; not punctuation or emoji
}

struct Word {
    std::string folded;  // for comparing
    std::string shown;   // lower case as written, for reasons
};

// The distinct words of 4+ letters in `s` that are not stop words, in order of appearance.
std::vector<Word> words_of(std::string_view s) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        if (!is_letter(text::next_code_point(s, i))) continue;
        std::size_t end = i, letters = 1;
        while (end < s.size()) {
            std::size_t next = end;
            if (!is_letter(text::next_code_point(s, next))) break;
            end = next;
            ++letters;
        }
        i = end;
        if (letters < kMinWordLetters) continue;
        std::string_view word = s.substr(start, end - start);
        std::string folded = text::fold(word);
        if (stop_words().contains(folded)) continue;
        bool seen = std::any_of(words.begin(), words.end(), [&](const Word& w) { return w.folded == folded; });
        if (!seen) words.push_back({std::move(folded), text::to_lower(word)});
    }
    return words;
}

// Registration questions that are practical, not interests: two vegetarians, two people who paid by
// card or heard of the event on LinkedIn have nothing to talk about because of it. Folded word
// prefixes of the question ("hørte" folds to "horte").
constexpr std::array<std::string_view, 14> kPracticalQuestionStems = {
    "diet",    "kost",    "allerg", "food",  "betal",  "payment", "faktura",
    "invoice", "ordre",   "order",  "billet", "ticket", "horte",   "hear"};

bool is_practical_question(std::string_view question) {
    for (const Word& word : words_of(question))
        for (std::string_view stem : kPracticalQuestionStems)
            if (word.folded.starts_with(stem)) return true;
    return false;
}

std::vector<Word> interests_of(const Participant& participant) {
    std::vector<Word> interests;
    for (const auto& [question, answer] : participant_details(participant)) {
        if (is_practical_question(question)) continue;
        for (Word& word : words_of(answer)) {
            bool seen = std::any_of(interests.begin(), interests.end(),
                                    [&](const Word& w) { return w.folded == word.folded; });
            if (!seen) interests.push_back(std::move(word));
        }
    }
    return interests;
}

// How well two folded words match: 2 the same, 1 sharing a stem of kMinSharedStem letters, 0 not.
int word_match(std::string_view a, std::string_view b) {
    if (a == b) return 2;
    std::size_t common = 0, shorter = std::min(a.size(), b.size());
    while (common < shorter && a[common] == b[common]) ++common;
    return common >= kMinSharedStem ? 1 : 0;
}

struct Topic {
    const Word* a;  // the word as the first list has it
    const Word* b;
    bool exact = false;
};

// The topics two word lists share: exact matches first, then shared stems; each word used once.
std::vector<Topic> shared_topics(const std::vector<Word>& a, const std::vector<Word>& b) {
    std::vector<Topic> topics;
    std::vector<bool> used_a(a.size()), used_b(b.size());
    for (int wanted : {2, 1}) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            for (std::size_t j = 0; j < b.size() && !used_a[i]; ++j) {
                if (used_b[j] || word_match(a[i].folded, b[j].folded) != wanted) continue;
                used_a[i] = used_b[j] = true;
                topics.push_back({&a[i], &b[j], wanted == 2});
            }
        }
    }
    return topics;
}

// --- roles from titles ---
// Small keyword lists, matched in the folded title with non-letters as spaces and a space at
// both ends: " hr " is a whole word; "direktor" is found in compounds such as "salgsdirektør".

// Looking for a job or assignments.
constexpr std::array<std::string_view, 11> kSeekerTitles = {
    "student", "studerende", "jobsog", "job seeker", " ledig ", "freelance", "nyuddannet", "graduate",
    "praktikant", " intern ", "trainee"};
// Hiring, or deciding who is hired.
constexpr std::array<std::string_view, 11> kHirerTitles = {
    " hr ", "recruit", "rekrutt", "talent", "direktor", "director", " partner ", " ceo ", "personalechef",
    " ejer ", " owner "};
// Research and teaching at universities.
constexpr std::array<std::string_view, 8> kResearcherTitles = {
    "forsker", "researcher", "lektor", "professor", " phd ", " ph d ", "postdoc", "adjunkt"};
// Industry people who run projects and development, and so can use research.
constexpr std::array<std::string_view, 9> kIndustryTitles = {
    "projektdirektor", "project director", "projektchef", "udviklingschef", "innovation", " r d ", " cto ",
    "head of research", "research director"};

std::string title_key(std::string_view title) {
    std::string folded = text::fold(title);
    for (char& c : folded) {
        auto u = static_cast<unsigned char>(c);
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
        if (!keep) c = ' ';
    }
    std::string key = " ";
    key.append(text::collapse_spaces(folded)).push_back(' ');
    return key;
}

template <std::size_t N>
bool title_has(std::string_view key, const std::array<std::string_view, N>& keywords) {
    return std::any_of(keywords.begin(), keywords.end(), [&](std::string_view k) { return text::contains(key, k); });
}

// --- pairs ---

// Points for each kind of evidence. Meeting a need is the most concrete reason to meet.
constexpr int kNeedMetPoints = 5;
constexpr int kNeedMetByStemPoints = 4;
constexpr int kSharedTopicPoints = 3;
constexpr int kSharedStemPoints = 2;
constexpr std::size_t kMaxTopicsCounted = 3;
constexpr int kComplementaryRolePoints = 2;

struct Candidate {
    Person person;
    std::vector<Word> interests;  // from the registration answers
    std::vector<Word> needs;      // from the target's offer: what the user will offer them
    std::vector<Word> gives;      // from the target's ask: what the user will ask them for
    std::string company_key;
    std::string name_key;    // for the order
    std::string short_name;  // the first name, for reasons
    bool seeker = false, hirer = false, researcher = false, industry = false;
};

std::string join_topics(const std::vector<Topic>& topics, Language language) {
    std::string out;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        if (i > 0) out += i + 1 == topics.size() ? (language == Language::Danish ? " og " : " and ") : ", ";
        // Of two words sharing a stem, the shorter is usually the closer to it.
        const Word* shown = topics[i].b->shown.size() < topics[i].a->shown.size() ? topics[i].b : topics[i].a;
        out += shown->shown;
    }
    return out;
}

// Why two candidates should meet. Topics point into the candidates' word lists.
struct Evidence {
    std::optional<Topic> b_helps_a, a_helps_b;  // a need of one met by what the other can give
    std::vector<Topic> shared;                  // topics both want to talk about
    bool a_seeks_b_hires = false, b_seeks_a_hires = false;
    bool a_researches_b_applies = false, b_researches_a_applies = false;

    int score() const {
        int points = 0;
        for (const auto& need : {b_helps_a, a_helps_b})
            if (need) points += need->exact ? kNeedMetPoints : kNeedMetByStemPoints;
        for (const Topic& topic : shared) points += topic.exact ? kSharedTopicPoints : kSharedStemPoints;
        if (a_seeks_b_hires || b_seeks_a_hires) points += kComplementaryRolePoints;
        if (a_researches_b_applies || b_researches_a_applies) points += kComplementaryRolePoints;
        return points;
    }
};

Evidence weigh(const Candidate& a, const Candidate& b) {
    Evidence evidence;
    auto need_met = [](const Candidate& needer, const Candidate& helper) -> std::optional<Topic> {
        auto topics = shared_topics(needer.needs, helper.gives);
        if (topics.empty()) return std::nullopt;
        return topics.front();
    };
    evidence.b_helps_a = need_met(a, b);
    evidence.a_helps_b = need_met(b, a);
    evidence.shared = shared_topics(a.interests, b.interests);
    if (evidence.shared.size() > kMaxTopicsCounted) evidence.shared.resize(kMaxTopicsCounted);
    evidence.a_seeks_b_hires = a.seeker && b.hirer;
    evidence.b_seeks_a_hires = !evidence.a_seeks_b_hires && b.seeker && a.hirer;
    evidence.a_researches_b_applies = a.researcher && b.industry;
    evidence.b_researches_a_applies = !evidence.a_researches_b_applies && b.researcher && a.industry;
    return evidence;
}

std::string with_title(const std::string& name, const Person& person) {
    return name + " (" + clean_value(person.title) + ")";
}

// The evidence as one line, the most concrete first: a need met, shared topics, then roles.
std::string describe(const Evidence& evidence, const Candidate& a, const Candidate& b, Language language) {
    const bool danish = language == Language::Danish;
    std::string a_name = a.short_name, b_name = b.short_name;
    if (text::fold(a_name) == text::fold(b_name)) {  // two Annas: say which
        a_name = trimmed(a.person.display_name());
        b_name = trimmed(b.person.display_name());
    }
    std::vector<std::string> parts;
    auto need_met = [&](const std::optional<Topic>& need, const std::string& needer, const std::string& helper) {
        if (!need) return;
        parts.push_back(helper + (danish ? " kan hjælpe " : " can help ") + needer + (danish ? " med " : " with ") +
                        need->a->shown);  // in the needer's words
    };
    need_met(evidence.b_helps_a, a_name, b_name);
    need_met(evidence.a_helps_b, b_name, a_name);
    if (!evidence.shared.empty())
        parts.push_back((parts.empty() ? (danish ? "Begge" : "Both") : (danish ? "begge" : "both")) +
                        std::string(danish ? " interesserer sig for " : " are interested in ") +
                        join_topics(evidence.shared, language));
    if (evidence.a_seeks_b_hires || evidence.b_seeks_a_hires) {
        bool a_seeks = evidence.a_seeks_b_hires;
        std::string seeker = with_title(a_seeks ? a_name : b_name, a_seeks ? a.person : b.person);
        std::string hirer = with_title(a_seeks ? b_name : a_name, a_seeks ? b.person : a.person);
        parts.push_back(danish ? seeker + " kan få indblik i, hvad " + hirer + " kigger efter"
                               : seeker + " could learn what " + hirer + " looks for");
    }
    if (evidence.a_researches_b_applies || evidence.b_researches_a_applies) {
        bool a_researches = evidence.a_researches_b_applies;
        std::string researcher = with_title(a_researches ? a_name : b_name, a_researches ? a.person : b.person);
        std::string industry = with_title(a_researches ? b_name : a_name, a_researches ? b.person : a.person);
        parts.push_back((parts.empty() ? (danish ? "Forskning" : "Research") : (danish ? "forskning" : "research")) +
                        std::string(danish ? " møder praksis: " : " meets practice: ") + researcher +
                        (danish ? " og " : " and ") + industry);
    }
    std::string line;
    for (const std::string& part : parts) line += (line.empty() ? "" : "; ") + part;
    return line;
}

// Pairs of the event's participants that are already linked, smaller id first.
std::set<std::pair<Id, Id>> linked_pairs(storage::Database& db, Id event_id) {
    SQLite::Statement query(db.sql(),
                            "SELECT l.person_a, l.person_b FROM link l "
                            "JOIN participant a ON a.event_id = ?1 AND a.person_id = l.person_a "
                            "JOIN participant b ON b.event_id = ?1 AND b.person_id = l.person_b");
    query.bind(1, event_id);
    std::set<std::pair<Id, Id>> pairs;
    while (query.executeStep()) pairs.emplace(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
    return pairs;
}

}  // namespace

// --- templates ---

std::string render_template(std::string_view text, const TemplateSlots& slots) {
    TemplateSlots values;
    values.reserve(slots.size());
    for (const auto& [name, value] : slots) values.emplace_back(name, clean_value(value));

    std::vector<std::string> lines;
    bool group_filled = false;  // the line above, or one of its alternatives, was used
    text = without_bom(text);
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.starts_with('|')) {
            if (group_filled) continue;
            line.remove_prefix(line.starts_with("| ") ? 2 : 1);
        }
        auto rendered = render_line(line, values);
        group_filled = rendered.has_value();
        if (rendered) lines.push_back(std::move(*rendered));
    }

    std::string out;
    bool blank_pending = false;
    for (const std::string& line : lines) {
        if (line.empty()) {
            blank_pending = !out.empty();
            continue;
        }
        if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
        blank_pending = false;
        out += line;
    }
    return out;
}

Draft render_draft(std::string_view text, const TemplateSlots& slots) {
    text = without_bom(text);
    Draft draft;
    if (!text.starts_with(kSubjectPrefix)) {
        draft.body = render_template(text, slots);
        return draft;
    }
    // The subject line and the alternatives right under it.
    constexpr auto npos = std::string_view::npos;
    std::size_t end = text.find('\n');
    while (end != npos && end + 1 < text.size() && text[end + 1] == '|') end = text.find('\n', end + 1);
    std::string_view head = text.substr(kSubjectPrefix.size(), end == npos ? npos : end - kSubjectPrefix.size());
    draft.subject = trimmed(render_template(head, slots));
    if (end != npos) draft.body = render_template(text.substr(end + 1), slots);
    return draft;
}

// --- asking for an introduction ---

Draft draft_introduction_request(const Person& door_opener, const Person& target, const Event& event,
                                 std::string_view my_name, Language language) {
    TemplateSlots slots = {
        {"opener_first_name", door_opener.first_name},
        {"target_name", target.display_name()},
        {"target_first_name", first_name_of(target)},
        {"target_company", target.company},
        {"target_title", target.title},
        {"event_name", event.name},
        {"goal", event.goal},
        {"my_name", std::string(my_name)},
    };
    return render_draft(template_text("introduction_request", language), slots);
}

// --- being a door-opener ---

std::vector<PairSuggestion> suggest_pairs(storage::Database& db, Id event_id, Language language, std::size_t limit) {
    std::vector<Candidate> candidates;
    // A word most participants used ("Danmark" for the country) says nothing about a pair: count who
    // used each one.
    std::unordered_map<std::string, int> used_by;
    int answering = 0;
    for (Participant& participant : PersonStore(db).participants(event_id)) {
        std::vector<Word> interests = interests_of(participant);
        if (!interests.empty()) ++answering;
        for (const Word& word : interests) ++used_by[word.folded];
        if (participant.person.relation == Relation::None) continue;  // the user cannot vouch for them
        Candidate candidate;
        candidate.person = std::move(participant.person);
        candidate.interests = std::move(interests);
        candidate.company_key = text::fold(candidate.person.company);
        candidate.name_key = text::fold(candidate.person.display_name());
        candidate.short_name = first_name_of(candidate.person);
        std::string title = title_key(candidate.person.title);
        candidate.seeker = title_has(title, kSeekerTitles);
        candidate.hirer = title_has(title, kHirerTitles);
        candidate.researcher = title_has(title, kResearcherTitles);
        candidate.industry = title_has(title, kIndustryTitles);
        candidates.push_back(std::move(candidate));
    }
    constexpr int kCommonWordMinPeople = 3;
    for (Candidate& candidate : candidates)
        std::erase_if(candidate.interests, [&](const Word& word) {
            int n = used_by[word.folded];
            return n >= kCommonWordMinPeople && n * 2 > answering;
        });

    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.name_key, x.person.id) < std::tie(y.name_key, y.person.id);
    });
    std::unordered_map<Id, std::size_t> index_of;
    for (std::size_t i = 0; i < candidates.size(); ++i) index_of[candidates[i].person.id] = i;
    for (const Target& target : TargetStore(db).list(event_id)) {
        auto found = index_of.find(target.person.id);
        if (found == index_of.end()) continue;
        candidates[found->second].needs = words_of(target.offer);
        candidates[found->second].gives = words_of(target.ask);
    }
    auto linked = linked_pairs(db, event_id);

    // Score every pair first; reasons are written only for the few that are kept.
    struct Scored {
        std::size_t a, b;  // indexes into candidates, a < b, so a comes first by name
        int score;
    };
    std::vector<Scored> scored;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        for (std::size_t j = i + 1; j < candidates.size(); ++j) {
            const Candidate& a = candidates[i];
            const Candidate& b = candidates[j];
            if (!a.company_key.empty() && a.company_key == b.company_key) continue;  // colleagues know each other
            if (linked.contains(std::minmax(a.person.id, b.person.id))) continue;
            int score = weigh(a, b).score();
            if (score > 0) scored.push_back({i, j, score});
        }
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
        if (x.score != y.score) return x.score > y.score;
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });

    std::vector<PairSuggestion> suggestions;
    std::vector<int> appearances(candidates.size(), 0);
    for (const Scored& pair : scored) {
        if (suggestions.size() >= limit) break;
        if (appearances[pair.a] >= kMaxPairsPerPerson || appearances[pair.b] >= kMaxPairsPerPerson) continue;
        ++appearances[pair.a];
        ++appearances[pair.b];
        const Candidate& a = candidates[pair.a];
        const Candidate& b = candidates[pair.b];
        suggestions.push_back({a.person, b.person, pair.score, describe(weigh(a, b), a, b, language)});
    }
    return suggestions;
}

Draft draft_pair_introduction(const PairSuggestion& pair, const Event& event, std::string_view my_name,
                              Language language) {
    TemplateSlots slots = {
        {"first_name", pair.first.display_name()},
        {"first_first_name", first_name_of(pair.first)},
        {"first_title", pair.first.title},
        {"first_company", pair.first.company},
        {"second_name", pair.second.display_name()},
        {"second_first_name", first_name_of(pair.second)},
        {"second_title", pair.second.title},
        {"second_company", pair.second.company},
        {"reason", pair.reason},
        {"event_name", event.name},
        {"my_name", std::string(my_name)},
    };
    return render_draft(template_text("introduce_pair", language), slots);
}

}  // namespace mingle
