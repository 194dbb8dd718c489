#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "core/assets.hpp"
#include "core/events.hpp"
#include "core/introductions.hpp"
#include "core/links.hpp"
#include "core/targets.hpp"
#include "core/text.hpp"
#include "memory_db.hpp"

using namespace mingle;
using mingle::testing::memory_db;

namespace {

Person person(std::string first, std::string last, std::string company, std::string title) {
    Person p;
    p.first_name = std::move(first);
    p.last_name = std::move(last);
    p.company = std::move(company);
    p.title = std::move(title);
    return p;
}

Event event(std::string name, std::string goal) {
    Event e;
    e.id = 1;
    e.name = std::move(name);
    e.goal = std::move(goal);
    return e;
}

std::vector<std::string> lines_of(std::string_view s) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        std::size_t end = s.find('\n', start);
        lines.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return lines;
        start = end + 1;
    }
}

// The lines of `changed` that differ from `full` at the same position.
std::vector<std::string> differing_lines(const std::vector<std::string>& full, const std::vector<std::string>& changed) {
    std::vector<std::string> differ;
    for (std::size_t i = 0; i < changed.size(); ++i)
        if (i >= full.size() || full[i] != changed[i]) differ.push_back(changed[i]);
    return differ;
}

// Nothing a half-filled template leaves behind.
void check_clean(const Draft& draft) {
    for (const std::string& s : {draft.subject, draft.body}) {
        INFO(s);
        CHECK(s.find('{') == std::string::npos);
        CHECK(s.find('}') == std::string::npos);
        CHECK(s.find("  ") == std::string::npos);
        CHECK(s.find("()") == std::string::npos);
        CHECK(s.find(" .") == std::string::npos);
        CHECK(s.find(" ,") == std::string::npos);
        CHECK(s.find("\n\n\n") == std::string::npos);
        CHECK(text::is_valid_utf8(s));
        for (const std::string& line : lines_of(s)) {
            for (std::string_view dangling : {" at", " hos", " from", " fra", " with", " med", ":"})
                CHECK_FALSE(line.ends_with(dangling));
            CHECK_FALSE(line.ends_with(' '));
        }
    }
    CHECK_FALSE(draft.subject.empty());
    CHECK_FALSE(draft.body.empty());
}

const Person kOpener = person("Mette", "Lund", "Ørsted", "Partner");
const Person kTarget = person("Jonas", "Holm", "Vestas", "Head of Sales");
const Event kSummit = event("Energy Summit 2026", "Find a new job in green energy");

}  // namespace

TEST_CASE("every introduction template is embedded in both languages", "[introductions]") {
    for (const char* name : {"introduction_request", "introduce_pair"})
        for (const char* code : {"en", "da"}) {
            std::string path = std::string("templates/") + name + "." + code + ".txt";
            INFO(path);
            auto text = assets::find(path);
            REQUIRE(text);
            CHECK(text->starts_with("Subject: "));
            CHECK(text::is_valid_utf8(*text));
        }
}

TEST_CASE("the template renderer fills slots, leaves out lines it cannot fill and uses alternatives",
          "[introductions]") {
    std::string text =
        "Hello {name}!\n"
        "You work at {company}.\n"
        "| You work somewhere.\n"
        "| Never used.\n"
        "\n"
        "\n"
        "Bye {unknown_slot}\n"
        "\n"
        "Goal: {goal}.\n"
        "A brace { that is text, and {not a slot}.\n";
    TemplateSlots slots = {{"name", "Anna\n Berg "}, {"company", "  "}, {"goal", "Find a job."}};
    CHECK(render_template(text, slots) ==
          "Hello Anna Berg!\nYou work somewhere.\n\nGoal: Find a job.\nA brace { that is text, and {not a slot}.");

    // Alternatives stop at the first one that can be filled, and a filled first line skips them all.
    CHECK(render_template("{a} {b}\n| {a}\n| none\nend", {{"a", "x"}, {"b", ""}}) == "x\nend");
    CHECK(render_template("{a} {b}\n| {a}\n| none\nend", {{"a", "x"}, {"b", "y"}}) == "x y\nend");
    CHECK(render_template("{a}\n| {b}\nend", {{"a", ""}, {"b", ""}}) == "end");
    // Windows line ends and blank lines at the ends are tidied away.
    CHECK(render_template("\r\n{a}\r\nb\r\n\r\n", {{"a", "1"}}) == "1\nb");
    // A value is inserted once, never read again as a template.
    CHECK(render_template("{a}", {{"a", "{b}"}, {"b", "oops"}}) == "{b}");

    Draft draft = render_draft("Subject: Hi {a}\n| Hello\n\nBody {a}", {{"a", ""}});
    CHECK(draft.subject == "Hello");
    CHECK(draft.body == "");
    draft = render_draft("No subject here\n{a}", {{"a", "1"}});
    CHECK(draft.subject.empty());
    CHECK(draft.body == "No subject here\n1");
}

TEST_CASE("an introduction request is drafted in English and Danish with every slot", "[introductions]") {
    Draft en = draft_introduction_request(kOpener, kTarget, kSummit, "Maria Berg", Language::English);
    CHECK(en.subject == "Could you introduce me to Jonas Holm?");
    CHECK(en.body ==
          "Hi Mette,\n"
          "\n"
          "I'm going to Energy Summit 2026 and would really like to meet Jonas Holm, Head of Sales at Vestas.\n"
          "My goal there: Find a new job in green energy.\n"
          "You know Jonas, and a word from you counts for far more than a cold approach from me.\n"
          "If you're happy to, a short email to the two of us is all it takes, and I'll take it from there.\n"
          "And if it doesn't feel right, just say no; that's completely fine.\n"
          "\n"
          "Best wishes,\n"
          "Maria Berg");
    check_clean(en);

    Draft da = draft_introduction_request(kOpener, kTarget, kSummit, "Maria Berg", Language::Danish);
    CHECK(da.subject == "Vil du præsentere mig for Jonas Holm?");
    CHECK(da.body.starts_with("Hej Mette\n\nJeg skal til Energy Summit 2026 og vil rigtig gerne møde Jonas Holm, "
                              "Head of Sales hos Vestas.\nMit mål er: Find a new job in green energy.\nDu kender Jonas,"));
    CHECK_THAT(da.body, Catch::Contains("helt i orden at sige nej"));
    CHECK(da.body.ends_with("\n\nMange hilsner\nMaria Berg"));
    check_clean(da);
}

TEST_CASE("a missing company, title, goal or name changes exactly its line and leaves nothing dangling",
          "[introductions]") {
    for (Language language : {Language::English, Language::Danish}) {
        const bool danish = language == Language::Danish;
        INFO(language_code(language));
        auto full = lines_of(draft_introduction_request(kOpener, kTarget, kSummit, "Maria", language).body);
        auto meet_line = [&](const Person& target) {
            Draft draft = draft_introduction_request(kOpener, target, kSummit, "Maria", language);
            check_clean(draft);
            auto lines = lines_of(draft.body);
            REQUIRE(lines.size() == full.size());
            auto differ = differing_lines(full, lines);
            REQUIRE(differ.size() == 1);
            return differ.front();
        };

        Person no_company = kTarget;
        no_company.company = "";
        std::string line = meet_line(no_company);
        CHECK(line.ends_with("Jonas Holm, Head of Sales."));
        CHECK_THAT(line, !Catch::Contains("Vestas"));

        Person no_title = kTarget;
        no_title.title = " ";
        CHECK(meet_line(no_title).ends_with(danish ? "Jonas Holm fra Vestas." : "Jonas Holm from Vestas."));

        Person neither = no_title;
        neither.company = "";
        CHECK(meet_line(neither).ends_with("Jonas Holm."));

        // No name: the signature line goes, the closing stays.
        Draft unsigned_draft = draft_introduction_request(kOpener, kTarget, kSummit, "", language);
        check_clean(unsigned_draft);
        auto lines = lines_of(unsigned_draft.body);
        REQUIRE(lines.size() == full.size() - 1);
        CHECK(std::equal(lines.begin(), lines.end(), full.begin()));
        CHECK(lines.back() == (danish ? "Mange hilsner" : "Best wishes,"));

        // No goal: its sentence goes, nothing else changes.
        Draft no_goal = draft_introduction_request(kOpener, kTarget, event("Energy Summit 2026", ""), "Maria", language);
        check_clean(no_goal);
        lines = lines_of(no_goal.body);
        REQUIRE(lines.size() == full.size() - 1);
        CHECK(lines[2] == full[2]);
        CHECK(lines[3] == full[4]);
        CHECK_THAT(no_goal.body, !Catch::Contains(danish ? "Mit mål" : "My goal"));

        // A door-opener without a first name is greeted without one.
        Person nameless = kOpener;
        nameless.first_name = "";
        Draft plain = draft_introduction_request(nameless, kTarget, kSummit, "Maria", language);
        check_clean(plain);
        CHECK(lines_of(plain.body).front() == (danish ? "Hej" : "Hi,"));
    }
}

TEST_CASE("hostile names neither break a draft nor expand again", "[introductions]") {
    Person target = person("Jo\"nas\n{my_name}", "Holm 😀 Ærø\x1b", "{target_company}", "\t\n");
    Person opener = person("Mette\r\nLouise", "Lund", "", "");
    Event summit = event("Energy \"Summit\"\n2026", "{goal}");
    Draft draft = draft_introduction_request(opener, target, summit, "Maria {target_name}", Language::English);

    CHECK(draft.subject == "Could you introduce me to Jo\"nas {my_name} Holm 😀 Ærø?");
    auto lines = lines_of(draft.body);
    auto normal = lines_of(draft_introduction_request(kOpener, kTarget, kSummit, "Maria", Language::English).body);
    CHECK(lines.size() == normal.size());  // a newline in a value adds no line
    CHECK(lines.front() == "Hi Mette Louise,");
    CHECK(lines[2] == "I'm going to Energy \"Summit\" 2026 and would really like to meet Jo\"nas {my_name} Holm 😀 Ærø "
                      "from {target_company}.");
    CHECK(lines[3] == "My goal there: {goal}.");
    CHECK(lines.back() == "Maria {target_name}");
    CHECK(draft.body.find('\r') == std::string::npos);
    CHECK(draft.body.find('\x1b') == std::string::npos);
    CHECK(text::is_valid_utf8(draft.body));
}

namespace {

// A hand-made event: the user knows most of the participants, and a few of them should meet.
struct PairFixture {
    std::unique_ptr<storage::Database> db = memory_db();
    Id event_id = 0;
    std::map<std::string, Id> ids;

    PairFixture() {
        auto created = EventStore(*db).create({"Sundhed & Tech 2026", "", "", "Finde et studiejob"});
        REQUIRE(created.ok());
        event_id = *created;
    }

    Id add(const std::string& first, const std::string& last, const std::string& company, const std::string& title,
           Relation relation, const std::string& details) {
        PersonMemory memory(*db);
        auto id = memory.add_person(first, last, company);
        REQUIRE(id.ok());
        REQUIRE(memory.set_field(*id, "title", title).ok());
        REQUIRE(memory.set_relation(*id, relation).ok());
        SQLite::Statement insert(db->sql(), "INSERT INTO participant(event_id, person_id, details) VALUES (?, ?, ?)");
        insert.bind(1, event_id);
        insert.bind(2, *id);
        insert.bind(3, details);
        insert.exec();
        ids[first] = *id;
        return *id;
    }

    std::vector<std::string> names(Language language = Language::English, std::size_t limit = 10) {
        std::vector<std::string> out;
        for (const auto& pair : suggest_pairs(*db, event_id, language, limit))
            out.push_back(pair.first.first_name + "+" + pair.second.first_name);
        return out;
    }
};

// Registration answers: what they want to talk about, a question everyone answers alike, and
// practical ones.
std::string talk(const std::string& topics, const std::string& diet = "") {
    return R"({"Hvad vil du gerne tale om?":")" + topics +
           R"(","Land":"Danmark","Hvordan hørte du om os?":"Via LinkedIn","Kost":")" + diet + R"("})";
}

}  // namespace

TEST_CASE("pairs who would benefit from meeting come first, with the reason", "[introductions]") {
    PairFixture f;
    f.add("Anna", "Berg", "DTU", "Studerende", Relation::Good, talk("AI i sundhed og projektledelse", "Vegetar"));
    f.add("Bo", "Andersen", "DTU", "Lektor", Relation::Vip, talk("Projektledelse og forskning, gerne noget andet"));
    f.add("Carl", "Dahl", "Nordic Health Ventures", "Partner", Relation::Good,
          talk("Sundhed, projektledere og investering"));
    f.add("Dorte", "Eriksen", "Novo Nordisk", "HR-chef", Relation::None, talk("AI i sundhed og projektledelse"));
    f.add("Erik", "Friis", "Rambøll", "Projektdirektør", Relation::Card, talk("Investering og forskning"));
    f.add("Frida", "Gram", "Netcompany", "Udvikler", Relation::Good, talk("Gerne noget andet", "Vegetar"));
    f.add("Gustav", "Holm", "", "", Relation::None, talk("Cybersikkerhed"));
    f.add("Hanne", "Iversen", "", "", Relation::None, talk("Grøn energi"));

    TargetStore targets(*f.db);
    std::vector<Id> planned = {f.ids["Anna"], f.ids["Bo"], f.ids["Carl"], f.ids["Erik"]};
    REQUIRE(targets.add(f.event_id, planned).ok());
    // offer: what the user will offer them, so what they need; ask: what they can give.
    REQUIRE(targets.set_plan(f.event_id, f.ids["Anna"], PlanField::Offer, "Sparring om finansiering").ok());
    REQUIRE(targets.set_plan(f.event_id, f.ids["Carl"], PlanField::Ask, "Viden om finansiering af startups").ok());
    REQUIRE(targets.set_plan(f.event_id, f.ids["Erik"], PlanField::Offer, "Kontakt til universiteter").ok());
    REQUIRE(targets.set_plan(f.event_id, f.ids["Bo"], PlanField::Ask, "Adgang til universiteternes laboratorier").ok());
    REQUIRE(LinkStore(*f.db).add(f.ids["Carl"], f.ids["Erik"], "tidligere kolleger").ok());

    auto pairs = suggest_pairs(*f.db, f.event_id, Language::English);
    // Anna+Bo: same company. Carl+Erik: already linked. Dorte, Gustav, Hanne: relation none.
    // Frida shares only stop words with Bo ("gerne noget andet"), what everyone answered ("Danmark"),
    // and practical answers ("LinkedIn", "Vegetar").
    CHECK(f.names() == std::vector<std::string>{"Anna+Carl", "Bo+Erik", "Anna+Erik", "Bo+Carl"});
    REQUIRE(pairs.size() == 4);

    // Carl can give what Anna needs, both care about health and project management (by a shared
    // stem), and a student meets a partner.
    CHECK(pairs[0].first.id == f.ids["Anna"]);
    CHECK(pairs[0].second.id == f.ids["Carl"]);
    CHECK(pairs[0].reason ==
          "Carl can help Anna with finansiering; both are interested in sundhed and projektledere; "
          "Anna (Studerende) could learn what Carl (Partner) looks for");
    CHECK(pairs[0].score > pairs[1].score);
    CHECK(pairs[1].reason ==
          "Bo can help Erik with universiteter; both are interested in forskning; "
          "research meets practice: Bo (Lektor) and Erik (Projektdirektør)");
    CHECK(pairs[2].reason == "Anna (Studerende) could learn what Erik (Projektdirektør) looks for");
    CHECK(pairs[2].score == pairs[3].score);  // a tie, broken by name: Anna before Bo
    CHECK(pairs[3].reason == "Both are interested in projektledere");

    auto danish = suggest_pairs(*f.db, f.event_id, Language::Danish);
    REQUIRE(danish.size() == 4);
    CHECK(danish[0].reason ==
          "Carl kan hjælpe Anna med finansiering; begge interesserer sig for sundhed og projektledere; "
          "Anna (Studerende) kan få indblik i, hvad Carl (Partner) kigger efter");
    CHECK(danish[1].reason ==
          "Bo kan hjælpe Erik med universiteter; begge interesserer sig for forskning; "
          "forskning møder praksis: Bo (Lektor) og Erik (Projektdirektør)");
    CHECK(danish[3].reason == "Begge interesserer sig for projektledere");

    for (const auto& pair : pairs) {
        CHECK(pair.reason.find('\n') == std::string::npos);
        CHECK(pair.first.relation != Relation::None);
        CHECK(pair.second.relation != Relation::None);
    }
    CHECK(f.names(Language::English, 2) == std::vector<std::string>{"Anna+Carl", "Bo+Erik"});
}

TEST_CASE("each person appears in at most three suggestions, in the same order however they were added",
          "[introductions]") {
    // Hanne shares one topic with each; four sort before her by name and one after, so she is the
    // first of a pair in some suggestions and the second in others.
    const std::vector<std::tuple<std::string, std::string>> others = {
        {"Ali", "robotter"}, {"Bea", "droner"}, {"Cem", "sensorer"}, {"Dan", "batterier"}, {"Ida", "satellitter"}};
    auto build = [&](bool reversed) {
        auto f = std::make_unique<PairFixture>();
        auto add_hub = [&] {
            f->add("Hanne", "Hub", "", "", Relation::Inner, talk("Robotter, droner, sensorer, batterier og satellitter"));
        };
        if (!reversed) add_hub();
        for (std::size_t i = 0; i < others.size(); ++i) {
            const auto& [name, topic] = others[reversed ? others.size() - 1 - i : i];
            f->add(name, "Olsen", "", "", Relation::Good, talk(topic));
        }
        if (reversed) add_hub();
        return f;
    };
    auto f = build(false);
    auto pairs = suggest_pairs(*f->db, f->event_id, Language::English);
    // All five pairs score the same; the first three by name are kept. Empty companies are not "the same".
    CHECK(f->names() == std::vector<std::string>{"Ali+Hanne", "Bea+Hanne", "Cem+Hanne"});
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].reason == "Both are interested in robotter");
    CHECK(pairs[0].score == pairs[2].score);

    // With Cem gone, Hanne's third pair is the one where she comes first.
    SQLite::Statement leave(f->db->sql(), "DELETE FROM participant WHERE person_id = ?");
    leave.bind(1, f->ids["Cem"]);
    leave.exec();
    CHECK(f->names() == std::vector<std::string>{"Ali+Hanne", "Bea+Hanne", "Dan+Hanne"});
    SQLite::Statement leave_too(f->db->sql(), "DELETE FROM participant WHERE person_id IN (?, ?)");
    leave_too.bind(1, f->ids["Ali"]);
    leave_too.bind(2, f->ids["Bea"]);
    leave_too.exec();
    CHECK(f->names() == std::vector<std::string>{"Dan+Hanne", "Hanne+Ida"});

    auto fresh = build(false);
    auto reversed = build(true);
    CHECK(reversed->names() == fresh->names());
    CHECK(fresh->names() == fresh->names());
}

TEST_CASE("pairs with the same score are ordered by name, then id", "[introductions]") {
    // Five students and five HR people: 25 pairs of equal score, enough for the sort to reorder
    // equal elements if ties were not broken.
    PairFixture f;
    const char* students[] = {"Øjvind", "Bent", "Åse", "Carla", "anders"};
    const char* recruiters[] = {"Emil", "Dina", "Zoe", "Bent", "Ærlige"};
    std::vector<Id> student_ids, recruiter_ids;
    for (std::size_t i = 0; i < 5; ++i) {
        student_ids.push_back(f.add(students[i], "S", "Skole " + std::to_string(i), "Studerende", Relation::Good, "{}"));
        recruiter_ids.push_back(f.add(recruiters[i], "R", "Firma " + std::to_string(i), "HR-chef", Relation::Good, "{}"));
    }
    auto pairs = suggest_pairs(*f.db, f.event_id, Language::English, 100);
    std::map<Id, int> appearances;
    std::set<std::pair<Id, Id>> suggested;
    for (const auto& pair : pairs) {
        ++appearances[pair.first.id];
        ++appearances[pair.second.id];
        suggested.insert(std::minmax(pair.first.id, pair.second.id));
    }
    for (const auto& [id, count] : appearances) CHECK(count <= kMaxPairsPerPerson);
    // A student and an HR person left out only because one of them already has three.
    for (Id a : student_ids)
        for (Id b : recruiter_ids)
            if (!suggested.contains(std::minmax(a, b)))
                CHECK((appearances[a] == kMaxPairsPerPerson || appearances[b] == kMaxPairsPerPerson));
    CHECK(pairs.size() >= 10);
    auto key = [](const Person& p) { return std::make_tuple(text::fold(p.display_name()), p.id); };
    for (std::size_t k = 0; k + 1 < pairs.size(); ++k) {
        INFO(k);
        CHECK(pairs[k].score == pairs[k + 1].score);
        CHECK(key(pairs[k].first) < key(pairs[k].second));
        CHECK(std::make_tuple(key(pairs[k].first), key(pairs[k].second)) <
              std::make_tuple(key(pairs[k + 1].first), key(pairs[k + 1].second)));
    }
    // Two people called Bent: the reason says which.
    bool named_in_full = false;
    for (const auto& pair : pairs)
        if (pair.first.first_name == "Bent" && pair.second.first_name == "Bent")
            named_in_full = pair.reason == "Bent S (Studerende) could learn what Bent R (HR-chef) looks for";
    CHECK(named_in_full);
}

TEST_CASE("a pair introduction is drafted in English and Danish", "[introductions]") {
    PairSuggestion pair;
    pair.first = person("Anna", "Berg", "DTU", "Studerende");
    pair.second = person("Carl", "Dahl", "", "Partner");
    pair.score = 12;
    pair.reason = "Carl can help Anna with finansiering.";
    Event summit = event("Sundhed & Tech 2026", "");

    Draft en = draft_pair_introduction(pair, summit, "Maria Berg", Language::English);
    CHECK(en.subject == "Anna, meet Carl");
    CHECK(en.body ==
          "Hi Anna and Carl,\n"
          "\n"
          "You're both on the participant list for Sundhed & Tech 2026, and I think you should meet.\n"
          "Anna is Studerende at DTU.\n"
          "Carl is Partner.\n"
          "I think you'd get something out of a chat: Carl can help Anna with finansiering.\n"
          "I'll leave the rest to you, with no obligation at all.\n"
          "\n"
          "Best wishes,\n"
          "Maria Berg");
    check_clean(en);

    pair.reason = "Carl kan hjælpe Anna med finansiering";
    pair.first.title = "";
    Draft da = draft_pair_introduction(pair, summit, "", Language::Danish);
    CHECK(da.subject == "Anna og Carl – I to bør mødes");
    CHECK(da.body ==
          "Hej Anna og Carl\n"
          "\n"
          "I står begge på deltagerlisten til Sundhed & Tech 2026, og jeg synes, I skal møde hinanden.\n"
          "Anna arbejder hos DTU.\n"
          "Carl er Partner.\n"
          "Jeg tror, I kan få noget ud af en snak: Carl kan hjælpe Anna med finansiering.\n"
          "Resten lader jeg være op til jer – helt uforpligtende.\n"
          "\n"
          "Mange hilsner");
    check_clean(da);
}
