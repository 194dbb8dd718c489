#include "drafts.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <SQLiteCpp/Statement.h>

#include "core/assets.hpp"
#include "core/events.hpp"
#include "core/links.hpp"
#include "core/people.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view last_joiner) {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) joined += i + 1 == parts.size() ? std::string(last_joiner) : ", ";
        joined += parts[i];
    }
    return joined;
}

// The user's template if there is one in the config folder, else the shipped one.
std::string template_text(const std::filesystem::path& config_folder, const std::string& name) {
    std::error_code ec;
    const std::filesystem::path mine = config_folder / name;
    if (!config_folder.empty() && std::filesystem::exists(mine, ec)) {
        std::ifstream in(mine, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }
    auto shipped = assets::find("templates/" + name);
    return shipped ? std::string(*shipped) : std::string();
}

std::string expand_home(const std::string& path) {
    if (path.starts_with("~/"))
        if (const char* home = std::getenv("HOME")) return std::string(home) + path.substr(1);
    return path;
}

// A file name from a person's name: letters, digits and dashes.
std::string file_stem(const Person& person) {
    std::string stem;
    for (char c : text::fold(person.display_name())) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) stem.push_back(c);
        else if (!stem.empty() && stem.back() != '-') stem.push_back('-');
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    return stem.empty() ? "person-" + std::to_string(person.id) : stem;
}

}  // namespace

FollowupFacts gather_followup_facts(storage::Database& db, Id event_id, Id person_id) {
    FollowupFacts facts;
    if (auto person = PersonMemory(db).get(person_id)) facts.person = *person;
    if (auto event = EventStore(db).get(event_id)) facts.event = *event;
    for (const Note& note : PersonMemory(db).notes(person_id))
        if (note.event_id == event_id) facts.topics.push_back(note.text);
    std::reverse(facts.topics.begin(), facts.topics.end());  // in the order they were written
    for (Followup& f : list_followups(db, {event_id, true, std::nullopt}, local_now()))
        if (f.person_id == person_id) facts.promises.push_back(std::move(f));
    return facts;
}

bool promises_cv(const Followup& promise) {
    if (!promise.by_me) return false;
    std::string folded(1, ' ');
    folded += text::fold(promise.text);
    folded.push_back(' ');
    return text::contains(folded, " cv ") || text::contains(folded, " cv.") || text::contains(folded, " resume") ||
           text::contains(folded, " resume ");
}

std::optional<Person> promised_introduction(storage::Database& db, const Followup& promise) {
    if (!promise.by_me) return std::nullopt;
    const std::string folded = text::fold(promise.text);
    constexpr std::string_view kIntroduce[] = {"introduc", "intro ", "praesenter", "forbinde", "connect", "put you in touch"};
    if (std::none_of(std::begin(kIntroduce), std::end(kIntroduce), [&](std::string_view w) { return text::contains(folded, w); }))
        return std::nullopt;
    // Every word of the promise that is someone's first name: at the event first, then anyone known.
    SQLite::Statement query(db.sql(), std::string("SELECT ") + kPersonColumns +
                                          " FROM person p LEFT JOIN promise pr ON pr.id = ?1 "
                                          "LEFT JOIN participant pa ON pa.person_id = p.id AND pa.event_id = pr.event_id "
                                          "WHERE p.id <> ?2 AND p.first_name <> '' "
                                          "ORDER BY pa.person_id IS NULL, p.relation = 'none', p.id");
    query.bind(1, promise.id);
    query.bind(2, promise.person_id);
    std::string words = " ";
    for (char c : folded) words.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : ' ');
    words.push_back(' ');
    while (query.executeStep()) {
        Person candidate = read_person(query);
        std::string name(1, ' ');
        name += text::fold(candidate.first_name);
        name.push_back(' ');
        if (text::contains(words, name)) return candidate;
    }
    return std::nullopt;
}

Draft thank_you_draft(const FollowupFacts& facts, const Config& config, const std::filesystem::path& config_folder,
                      Language language) {
    std::vector<std::string> mine, theirs;
    for (const Followup& f : facts.promises) (f.by_me ? mine : theirs).push_back(text::collapse_spaces(f.text));
    const bool danish = language == Language::Danish;
    std::string topic;
    if (!facts.topics.empty()) {
        topic = text::collapse_spaces(facts.topics.front());
        while (!topic.empty() && (topic.back() == '.' || topic.back() == '!')) topic.pop_back();
        if (topic.size() >= 2 && std::isupper(static_cast<unsigned char>(topic[0])) &&
            !std::isupper(static_cast<unsigned char>(topic[1])))
            topic[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(topic[0])));
    }
    TemplateSlots slots = {
        {"first_name", facts.person.first_name},
        {"event_name", facts.event.name},
        {"topic", topic},
        {"my_promises", join(mine, danish ? " og " : " and ")},
        {"their_promises", join(theirs, danish ? " og " : " and ")},
        {"my_name", config.me.name},
    };
    return render_draft(template_text(config_folder, std::string("thank_you.") + std::string(language_code(language)) + ".txt"),
                        slots);
}

Result<MailDraft> thank_you_mail(const FollowupFacts& facts, const Config& config,
                                 const std::filesystem::path& config_folder, Language language) {
    Draft draft = thank_you_draft(facts, config, config_folder, language);
    MailDraft mail;
    mail.from = {config.me.name, config.me.email};
    if (!facts.person.email.empty()) mail.to.push_back({facts.person.display_name(), facts.person.email});
    mail.subject = draft.subject;
    mail.body = draft.body;
    if (std::any_of(facts.promises.begin(), facts.promises.end(), [](const Followup& f) { return promises_cv(f) && !f.done(); })) {
        if (config.me.cv_path.empty())
            return make_error("You promised " + facts.person.display_name() +
                              " your CV: set cv_path in the [me] table of the config to attach it.");
        auto cv = read_attachment(expand_home(config.me.cv_path));
        if (!cv.ok()) return cv.error();
        mail.attachments.push_back(std::move(*cv));
    }
    return mail;
}

Result<std::vector<std::filesystem::path>> export_drafts(storage::Database& db, Id event_id, const Config& config,
                                                         const std::filesystem::path& config_folder,
                                                         const std::filesystem::path& folder, Language language) {
    std::set<Id> people;
    SQLite::Statement met(db.sql(), "SELECT person_id FROM meeting WHERE event_id = ?1 UNION "
                                    "SELECT person_id FROM promise WHERE event_id = ?1");
    met.bind(1, event_id);
    while (met.executeStep()) people.insert(met.getColumn(0).getInt64());
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return make_error("Cannot create the folder for the drafts: " + ec.message() + ".", folder.string());
    std::vector<std::filesystem::path> written;
    const std::string date = rfc5322_date_now();
    for (Id person : people) {
        FollowupFacts facts = gather_followup_facts(db, event_id, person);
        auto mail = thank_you_mail(facts, config, config_folder, language);
        if (!mail.ok()) return mail.error();
        auto message = render_eml(*mail, date);
        if (!message.ok()) return message.error();
        const std::filesystem::path path = folder / (file_stem(facts.person) + ".eml");
        if (auto saved = write_eml(path, *message); !saved.ok()) return saved.error();
        written.push_back(path);
    }
    return written;
}

}  // namespace mingle
