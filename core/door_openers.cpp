#include "door_openers.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <utility>

#include <SQLiteCpp/Statement.h>

#include "core/people.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

using Reason = DoorOpenerReason;

constexpr int kLinkStrength = 4;
constexpr int kSameCompanyStrength = 3;
constexpr int kFormerCompanyStrength = 2;
constexpr int kPastEventCap = 3;  // many shared events say less than one real link

// What is known about one candidate's ties to the target while they are gathered.
struct Ties {
    bool link = false;
    std::string how;
    bool same_company = false;
    bool former = false;
    Reason::Formerly formerly = Reason::Formerly::Both;
    std::string former_company;
    int past_events = 0;
    std::string latest_event;  // the first seen: the target's events are visited latest first

    int connection() const {
        return (link ? kLinkStrength : 0) + (same_company ? kSameCompanyStrength : 0) +
               (former ? kFormerCompanyStrength : 0) + std::min(past_events, kPastEventCap);
    }

    // Of several shared former companies, the one told: former colleagues over "where X is now"
    // over "where X was", then by name, so the choice never depends on the order rows come in.
    void add_former(Reason::Formerly how_formerly, const std::string& company) {
        auto rank = [](Reason::Formerly f) { return static_cast<int>(f); };
        if (former && std::make_tuple(rank(formerly), text::to_lower(former_company)) <=
                          std::make_tuple(rank(how_formerly), text::to_lower(company)))
            return;
        former = true;
        formerly = how_formerly;
        former_company = company;
    }
};

struct PastEvent {
    Id id = 0;
    std::string name;
    std::string date;
};

// A candidate with what it is ranked by: only these few columns are read for every candidate,
// the whole person only for the ones returned.
struct Ranked {
    Id id = 0;
    bool attending = false;
    int relation = 0;
    int connection = 0;
    std::string first_key;  // lower case
    std::string last_key;
    const Ties* ties = nullptr;
};

bool ranks_before(const Ranked& a, const Ranked& b) {
    if (a.attending != b.attending) return a.attending;
    if (a.relation != b.relation) return a.relation > b.relation;
    if (a.connection != b.connection) return a.connection > b.connection;
    return std::tie(a.first_key, a.last_key, a.id) < std::tie(b.first_key, b.last_key, b.id);
}

std::vector<Reason> reasons_for(const Person& person, const Ties& ties) {
    std::vector<Reason> reasons;
    if (person.relation != Relation::None)
        reasons.push_back({Reason::Kind::Relationship, std::string(relation_key(person.relation))});
    if (ties.link) reasons.push_back({Reason::Kind::Link, ties.how});
    if (ties.same_company) reasons.push_back({Reason::Kind::SameCompany, person.company});
    if (ties.former) reasons.push_back({Reason::Kind::FormerCompany, ties.former_company, 0, ties.formerly});
    if (ties.past_events > 0) reasons.push_back({Reason::Kind::PastEvent, ties.latest_event, ties.past_events});
    return reasons;
}

// The statements, prepared once and reused for every target (best_door_openers asks for many).
class DoorOpenerFinder {
public:
    explicit DoorOpenerFinder(storage::Database& db)
        : event_(db.sql(), "SELECT date FROM event WHERE id = ?"),
          target_(db.sql(), "SELECT company_key FROM person WHERE id = ?"),
          target_history_(db.sql(),
                          "SELECT min(company), company_key FROM person_history WHERE person_id = ? AND "
                          "company_key <> '' GROUP BY company_key"),
          links_(db.sql(),
                 "SELECT person_b, how FROM link WHERE person_a = ?1 "
                 "UNION ALL SELECT person_a, how FROM link WHERE person_b = ?1"),
          // The WHERE repeats the partial indexes' condition, so that SQLite uses them.
          // Companies match by key (text::company_key): "NOVO NORDISK" is "Novo Nordisk A/S".
          working_at_(db.sql(), "SELECT id FROM person WHERE company_key = ?1 AND company_key <> ''"),
          worked_at_(db.sql(),
                     "SELECT person_id, company FROM person_history WHERE company_key = ?1 AND company_key <> ''"),
          past_events_(db.sql(),
                       "SELECT e.id, e.name, e.date FROM participant pa JOIN event e ON e.id = pa.event_id "
                       "WHERE pa.person_id = ?1 AND e.id <> ?2 AND (?3 = '' OR e.date = '' OR e.date < ?3)"),
          participants_(db.sql(), "SELECT person_id FROM participant WHERE event_id = ?"),
          candidate_rank_(db.sql(),
                          "SELECT EXISTS (SELECT 1 FROM participant WHERE event_id = ?2 AND person_id = p.id), "
                          "p.relation, p.first_name, p.last_name FROM person p WHERE p.id = ?1"),
          person_(db.sql(), std::string("SELECT ") + kPersonColumns + " FROM person p WHERE p.id = ?") {}

    std::vector<DoorOpener> find(Id event_id, Id target_id, std::size_t limit) {
        std::string event_date;
        if (!read_one(event_, event_id, event_date)) return {};
        std::string target_company;  // its key
        if (!read_one(target_, target_id, target_company)) return {};

        std::unordered_map<Id, Ties> candidates;
        auto tie_of = [&](Id id) -> Ties* { return id == target_id ? nullptr : &candidates[id]; };

        run(links_, target_id, [&](SQLite::Statement& row) {
            if (Ties* ties = tie_of(row.getColumn(0).getInt64())) {
                ties->link = true;
                ties->how = row.getColumn(1).getString();
            }
        });

        if (!target_company.empty()) {
            run(working_at_, target_company, [&](SQLite::Statement& row) {
                if (Ties* ties = tie_of(row.getColumn(0).getInt64())) ties->same_company = true;
            });
            // Worked where the target is now; not when they are back there, which is told already.
            run(worked_at_, target_company, [&](SQLite::Statement& row) {
                Ties* ties = tie_of(row.getColumn(0).getInt64());
                if (ties && !ties->same_company) ties->add_former(Reason::Formerly::OpenerOnly, row.getColumn(1).getString());
            });
        }

        std::vector<std::pair<std::string, std::string>> target_former;  // name as written, key
        run(target_history_, target_id, [&](SQLite::Statement& row) {
            target_former.emplace_back(row.getColumn(0).getString(), row.getColumn(1).getString());
        });
        for (const auto& [company, key] : target_former) {
            if (key == target_company) continue;  // back at a former company: it is current
            run(worked_at_, key, [&](SQLite::Statement& row) {
                if (Ties* ties = tie_of(row.getColumn(0).getInt64())) ties->add_former(Reason::Formerly::Both, company);
            });
            run(working_at_, key, [&](SQLite::Statement& row) {
                if (Ties* ties = tie_of(row.getColumn(0).getInt64())) ties->add_former(Reason::Formerly::TargetOnly, company);
            });
        }

        for (const PastEvent& event : target_past_events(target_id, event_id, event_date)) {
            run(participants_, event.id, [&](SQLite::Statement& row) {
                if (Ties* ties = tie_of(row.getColumn(0).getInt64())) {
                    if (ties->past_events++ == 0) ties->latest_event = event.name;
                }
            });
        }

        std::vector<Ranked> ranked;
        ranked.reserve(candidates.size());
        for (const auto& [id, ties] : candidates) {
            candidate_rank_.reset();
            candidate_rank_.bind(1, id);
            candidate_rank_.bind(2, event_id);
            if (!candidate_rank_.executeStep()) continue;
            Ranked entry;
            entry.id = id;
            entry.attending = candidate_rank_.getColumn(0).getInt() != 0;
            entry.relation = relation_strength(
                parse_relation(candidate_rank_.getColumn(1).getString()).value_or(Relation::None));
            entry.connection = ties.connection();
            entry.first_key = text::to_lower(candidate_rank_.getColumn(2).getText());
            entry.last_key = text::to_lower(candidate_rank_.getColumn(3).getText());
            entry.ties = &ties;
            ranked.push_back(std::move(entry));
        }
        std::size_t count = limit == 0 ? ranked.size() : std::min(limit, ranked.size());
        // Sorting pointers: cheaper to move than the entries with their strings.
        std::vector<const Ranked*> order(ranked.size());
        for (std::size_t i = 0; i < ranked.size(); ++i) order[i] = &ranked[i];
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                          [](const Ranked* a, const Ranked* b) { return ranks_before(*a, *b); });

        std::vector<DoorOpener> openers;
        openers.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            const Ranked& entry = *order[i];
            person_.reset();
            person_.bind(1, entry.id);
            if (!person_.executeStep()) continue;
            DoorOpener opener;
            opener.person = read_person(person_);
            opener.attending = entry.attending;
            opener.connection = entry.connection;
            opener.reasons = reasons_for(opener.person, *entry.ties);
            openers.push_back(std::move(opener));
        }
        return openers;
    }

private:
    template <typename Key, typename OnRow>
    static void run(SQLite::Statement& statement, const Key& key, OnRow&& on_row) {
        statement.reset();
        statement.bind(1, key);
        while (statement.executeStep()) on_row(statement);
    }

    template <typename Key>
    static bool read_one(SQLite::Statement& statement, const Key& key, std::string& value) {
        statement.reset();
        statement.bind(1, key);
        if (!statement.executeStep()) return false;
        value = statement.getColumn(0).getString();
        return true;
    }

    // The target's events before this one, latest first (dated ones newest first, undated last),
    // as PersonMemory::events_of lists them.
    std::vector<PastEvent> target_past_events(Id target_id, Id event_id, const std::string& event_date) {
        past_events_.reset();
        past_events_.bind(1, target_id);
        past_events_.bind(2, event_id);
        past_events_.bind(3, event_date);
        std::vector<PastEvent> events;
        while (past_events_.executeStep())
            events.push_back({past_events_.getColumn(0).getInt64(), past_events_.getColumn(1).getString(),
                              past_events_.getColumn(2).getString()});
        std::sort(events.begin(), events.end(), [](const PastEvent& a, const PastEvent& b) {
            bool a_undated = a.date.empty(), b_undated = b.date.empty();
            return std::tie(a_undated, b.date, b.id) < std::tie(b_undated, a.date, a.id);
        });
        return events;
    }

    SQLite::Statement event_;
    SQLite::Statement target_;
    SQLite::Statement target_history_;
    SQLite::Statement links_;
    SQLite::Statement working_at_;
    SQLite::Statement worked_at_;
    SQLite::Statement past_events_;
    SQLite::Statement participants_;
    SQLite::Statement candidate_rank_;
    SQLite::Statement person_;
};

// --- Sentences ---

struct Phrase {
    std::string_view english;
    std::string_view danish;
    std::string_view in(Language language) const { return language == Language::Danish ? danish : english; }
};

constexpr Phrase kAttending{"Attending this event: can introduce you on the spot.",
                            "Er med til arrangementet og kan præsentere dig på stedet."};
constexpr Phrase kInner{"{opener} is in your inner circle.", "{opener} er i din inderkreds."};
constexpr Phrase kVip{"You have a VIP relationship with {opener}.", "Du har et VIP-forhold til {opener}."};
constexpr Phrase kGood{"{opener} is one of your good people to know.", "{opener} er en af dine gode kontakter."};
constexpr Phrase kCard{"You have exchanged business cards with {opener}.", "Du har udvekslet visitkort med {opener}."};
constexpr Phrase kKnows{"Knows {target}.", "Kender {target}."};
constexpr Phrase kKnowsHow{"Knows {target} ({how}).", "Kender {target} ({how})."};
constexpr Phrase kSameCompany{"Works at {company}, like {target}.", "Arbejder hos {company} ligesom {target}."};
constexpr Phrase kFormerBoth{"Used to work at {company}, as {target} did.",
                             "Har tidligere arbejdet hos {company} ligesom {target}."};
constexpr Phrase kFormerOpener{"Used to work at {company}, where {target} works now.",
                               "Har tidligere arbejdet hos {company}, hvor {target} er nu."};
constexpr Phrase kFormerTarget{"Works at {company}, where {target} used to work.",
                               "Arbejder hos {company}, hvor {target} tidligere har arbejdet."};
constexpr Phrase kPastEvent{"Was at {event} with {target}.", "Var med til {event} sammen med {target}."};
constexpr Phrase kPastEvents{"Was at {count} earlier events with {target}, most recently {event}.",
                             "Har været med til {count} tidligere arrangementer sammen med {target}, senest {event}."};
constexpr Phrase kNoName{"this person", "denne person"};

// The phrase with each {placeholder} replaced.
std::string fill(std::string_view phrase, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < phrase.size()) {
        std::size_t open = phrase.find('{', pos);
        if (open == std::string_view::npos) break;
        std::size_t close = phrase.find('}', open);
        out.append(phrase.substr(pos, open - pos));
        std::string_view name = phrase.substr(open, close - open + 1);
        for (const auto& [key, value] : values)
            if (key == name) out.append(value);
        pos = close + 1;
    }
    out.append(phrase.substr(std::min(pos, phrase.size())));
    return out;
}

// How a sentence names someone: the first name, as one would say it at a reception.
std::string spoken_name(const Person& person, Language language) {
    if (!person.first_name.empty()) return person.first_name;
    std::string name = person.display_name();
    return name.empty() ? std::string(kNoName.in(language)) : name;
}

}  // namespace

std::vector<DoorOpener> find_door_openers(storage::Database& db, Id event_id, Id target_person_id, std::size_t limit) {
    DoorOpenerFinder finder(db);
    return finder.find(event_id, target_person_id, limit);
}

std::unordered_map<Id, DoorOpener> best_door_openers(storage::Database& db, Id event_id, std::span<const Id> target_ids) {
    DoorOpenerFinder finder(db);
    std::unordered_map<Id, DoorOpener> best;
    for (Id target : target_ids) {
        if (best.contains(target)) continue;
        auto openers = finder.find(event_id, target, 1);
        if (!openers.empty()) best.emplace(target, std::move(openers.front()));
    }
    return best;
}

std::vector<std::string> describe_reasons(const DoorOpener& opener, const Person& target, Language language) {
    std::string opener_name = spoken_name(opener.person, language);
    std::string target_name = spoken_name(target, language);
    std::vector<std::string> sentences;
    if (opener.attending) sentences.emplace_back(kAttending.in(language));
    for (const Reason& reason : opener.reasons) {
        const Phrase* phrase = nullptr;
        switch (reason.kind) {
            case Reason::Kind::Relationship:
                switch (parse_relation(reason.detail).value_or(Relation::None)) {
                    case Relation::Inner: phrase = &kInner; break;
                    case Relation::Vip: phrase = &kVip; break;
                    case Relation::Good: phrase = &kGood; break;
                    case Relation::Card: phrase = &kCard; break;
                    case Relation::None: break;
                }
                break;
            case Reason::Kind::Link: phrase = reason.detail.empty() ? &kKnows : &kKnowsHow; break;
            case Reason::Kind::SameCompany: phrase = &kSameCompany; break;
            case Reason::Kind::FormerCompany:
                phrase = reason.formerly == Reason::Formerly::Both         ? &kFormerBoth
                         : reason.formerly == Reason::Formerly::OpenerOnly ? &kFormerOpener
                                                                           : &kFormerTarget;
                break;
            case Reason::Kind::PastEvent: phrase = reason.count > 1 ? &kPastEvents : &kPastEvent; break;
        }
        if (!phrase) continue;
        std::string count = std::to_string(reason.count);
        sentences.push_back(fill(phrase->in(language), {{"{opener}", opener_name},
                                                        {"{target}", target_name},
                                                        {"{how}", reason.detail},
                                                        {"{company}", reason.detail},
                                                        {"{event}", reason.detail},
                                                        {"{count}", count}}));
    }
    return sentences;
}

}  // namespace mingle
