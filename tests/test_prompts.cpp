// Conversation prompts: the question banks, and the generator's quality bars on the demo event and
// on a generated event of 500 people.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/demo.hpp"
#include "core/events.hpp"
#include "core/links.hpp"
#include "core/prompts.hpp"
#include "core/targets.hpp"
#include "core/text.hpp"
#include "test_support.hpp"
#include "memory_db.hpp"

using namespace mingle;
using mingle::testing::memory_db;
using mingle::testing::TempDir;

namespace {

struct Banks {
    QuestionBank english, danish;
    Banks() {
        LoadedBank en = load_question_bank(Language::English, {});
        LoadedBank da = load_question_bank(Language::Danish, {});
        for (const auto& problem : en.problems) FAIL(problem.describe());
        for (const auto& problem : da.problems) FAIL(problem.describe());
        english = en.bank;
        danish = da.bank;
    }
};

Config config_in(Language language) {
    Config config = default_config();
    config.language = language;
    config.me.pitch = "Projektleder med ti års erfaring fra havvind.";
    return config;
}

// What an empty slot would leave behind: a space before punctuation or a closing quote, an empty
// quote, or a preposition with nothing after it before the sentence goes on ("hos , som").
bool dangles(std::string_view sentence) {
    for (std::string_view sign : {" ?", " .", " ,", " :", " !", "“ ", " ”", "“”"})
        if (sentence.find(sign) != std::string_view::npos) return true;
    return false;
}

// Every quality bar of the issue that holds per person and across an event.
void check_event_prompts(const std::vector<PromptFacts>& facts, const std::unordered_map<Id, std::vector<Prompt>>& prompts,
                         std::size_t count) {
    std::set<std::vector<std::string>> sets;
    for (const PromptFacts& person : facts) {
        INFO("person " << person.person_id << " " << person.first_name << " at " << person.company);
        REQUIRE(prompts.count(person.person_id));
        const auto& mine = prompts.at(person.person_id);
        CHECK(mine.size() == count);
        std::size_t open = 0, about_them = 0;
        bool continues_note = false;
        std::vector<std::string> texts;
        for (const Prompt& prompt : mine) {
            INFO(prompt.text);
            CHECK(prompt.text.find('{') == std::string::npos);
            CHECK(prompt.text.find('}') == std::string::npos);
            CHECK(prompt.text.find("  ") == std::string::npos);
            CHECK(prompt.text.find("()") == std::string::npos);
            CHECK(prompt.text.find("“”") == std::string::npos);
            CHECK_FALSE(dangles(prompt.text));
            if (is_open_question(prompt.text, person.language)) ++open;
            else CHECK(is_statement_kind(prompt.kind));
            if (prompt.uses_fact) ++about_them;
            if (!person.last_topic.empty() && prompt.text.find(person.last_topic) != std::string::npos) continues_note = true;
            texts.push_back(prompt.text);
        }
        CHECK(open * 10 >= mine.size() * 8);
        if (!person.company.empty() || !person.title.empty()) CHECK(about_them * 2 >= mine.size());
        if (!person.last_topic.empty()) CHECK(continues_note);
        std::sort(texts.begin(), texts.end());
        INFO("count " << count);
        CHECK(sets.insert(texts).second);  // no two targets get the same set
    }
}

// An event of `people` participants, all targets: names, companies and titles drawn from lists (some
// empty), registration answers for a third, notes for a fifth, links to people the user knows.
Id generated_event(storage::Database& db, int people, unsigned seed) {
    const char* first[] = {"Mette", "Søren", "Åse", "Jørgen", "Camilla", "Łukasz", "Ida", "Frederik", "Zoë", "Rasmus"};
    const char* last[] = {"Østergaard", "Bæk", "Kjær", "Dahl", "Waldstrøm", "Nowak", "Holm", "Lund", "Müller", "Juel"};
    const char* companies[] = {"Ørsted", "Vestas", "Energinet", "", "Novo Nordisk A/S", "Københavns Kommune", "LEGO",
                               "DTU", "", "Andel"};
    const char* titles[] = {"Projektleder", "CTO", "", "HR-chef", "Lektor", "Studerende", "", "Direktør"};
    const char* answers[] = {"Rekruttering af projektledere", "AI i forsyningen", "Havvind og Power-to-X",
                             "Elnettet i 2030.", "Netværk som jobsøgning", "Bæredygtig ledelse"};
    const char* notes[] = {"Talte om elnettet i 2030", "Vil sende rapporten om kompetencer", "Skulle til jobsamtale hos Vestas",
                           "We talked about offshore supply chains. Follow up in May."};
    std::mt19937 random(seed);
    auto pick = [&](auto& list) { return list[random() % std::size(list)]; };
    auto event = EventStore(db).create({"Generated " + std::to_string(seed), "2026-11-30", "", "Find a new project"});
    REQUIRE(event.ok());
    auto batch = db.sql().exec("INSERT INTO import_batch(event_id, source_name, format, columns) VALUES (" +
                               std::to_string(*event) + ", 'gen.csv', 'csv', '[\"What would you like to talk about?\"]')");
    (void)batch;
    Id batch_id = db.sql().getLastInsertRowid();
    PersonMemory memory(db);
    Id known = *memory.add_person("Karen", "Blix", "Ditlev Consulting");
    REQUIRE(memory.set_relation(known, Relation::Vip).ok());
    for (int i = 0; i < people; ++i) {
        auto id = memory.add_person(pick(first), pick(last), pick(companies));
        REQUIRE(id.ok());
        REQUIRE(memory.set_field(*id, "title", pick(titles)).ok());
        SQLite::Statement participant(db.sql(), "INSERT INTO participant(event_id, person_id, details, batch_id) VALUES (?, ?, ?, ?)");
        participant.bind(1, *event);
        participant.bind(2, *id);
        participant.bind(3, i % 3 == 0 ? std::string("[\"") + pick(answers) + "\"]" : std::string());
        participant.bind(4, batch_id);
        participant.exec();
        if (i % 5 == 0) REQUIRE(memory.add_note(*id, std::nullopt, pick(notes)).ok());
        if (i % 7 == 0) REQUIRE(LinkStore(db).add(*id, known, "").ok());
        if (i % 11 == 0) REQUIRE(memory.set_field(*id, "language", "en").ok());
    }
    SQLite::Statement everyone(db.sql(), "SELECT person_id FROM participant WHERE event_id = ?");
    everyone.bind(1, *event);
    std::vector<Id> ids;
    while (everyone.executeStep()) ids.push_back(everyone.getColumn(0).getInt64());
    REQUIRE(TargetStore(db).add(*event, ids).ok());
    return *event;
}

}  // namespace

TEST_CASE("the shipped question banks load, and every question in them is an open question", "[prompts]") {
    Banks banks;
    for (const QuestionBank* bank : {&banks.english, &banks.danish}) {
        const Language language = bank == &banks.danish ? Language::Danish : Language::English;
        std::map<PromptKind, int> per_kind;
        std::set<std::string> ids;
        for (const BankPrompt& prompt : bank->prompts) {
            INFO(prompt.text);
            ++per_kind[prompt.kind];
            CHECK(ids.insert(prompt.id).second);
            CHECK(check_prompt_text(prompt.kind, prompt.text, language).ok());
            if (is_statement_kind(prompt.kind)) CHECK_FALSE(is_open_question(prompt.text, language));
            else CHECK(is_open_question(prompt.text, language));
        }
        for (PromptKind kind : kAllPromptKinds) CHECK(per_kind[kind] >= (is_statement_kind(kind) ? 4 : 8));
    }
}

TEST_CASE("open questions are told from statements in both languages", "[prompts]") {
    CHECK(is_open_question("Hvad bringer dig her?", Language::Danish));
    CHECK(is_open_question("“Hvordan gik det med elnettet?”", Language::Danish));
    CHECK_FALSE(is_open_question("Kommer du tit her?", Language::Danish));  // a yes/no question
    CHECK_FALSE(is_open_question("Hvad bringer dig her.", Language::Danish));
    CHECK(is_open_question("How did you get into energy?", Language::English));
    CHECK(is_open_question("What brings you here?", Language::English));
    CHECK_FALSE(is_open_question("Do you come here often?", Language::English));
    CHECK_FALSE(is_open_question("However, it is late?", Language::English));
}

TEST_CASE("a prompt is filled only when every slot is known, without dangling punctuation", "[prompts]") {
    PromptFacts facts;
    facts.company = "Ørsted";
    facts.my_goal = "Find a new project.";
    facts.interest = "  Elnettet i 2030. ";
    CHECK(fill_prompt("Hvad fylder mest hos {company} lige nu?", facts) == "Hvad fylder mest hos Ørsted lige nu?");
    CHECK_FALSE(fill_prompt("Hvordan blev du {title} hos {company}?", facts));
    CHECK(fill_prompt("My goal: {my_goal}.", facts) == "My goal: Find a new project.");
    CHECK(fill_prompt("What draws you to “{interest}”?", facts) == "What draws you to “Elnettet i 2030”?");
    CHECK_FALSE(fill_prompt("What about {unknown}?", facts));
    facts.company = "{title}";  // a value is inserted once, never read as a template
    facts.title = "CTO";
    CHECK(fill_prompt("Hvad laver man hos {company}?", facts) == "Hvad laver man hos {title}?");
}

TEST_CASE("prompts on the demo event meet the quality bars, in Danish and in English", "[prompts]") {
    Banks banks;
    auto db = memory_db();
    REQUIRE(seed_demo_if_new(*db).ok());
    auto event = EventStore(*db).find(kDemoEventName);
    REQUIRE(event);
    for (Language language : {Language::Danish, Language::English}) {
        auto facts = gather_event_facts(*db, event->id, config_in(language));
        REQUIRE(facts.size() == 7);
        auto prompts = generate_event_prompts(facts, banks.english, banks.danish, load_prompt_marks(*db, event->id), {});
        check_event_prompts(facts, prompts, 3);
        // Mette's registration answer is hers to be asked about.
        CHECK(facts[0].first_name == "Mette");
        CHECK(facts[0].interest == "projektledelse i havvind, og hvordan man skalerer teams");
        // The same data gives the same prompts.
        auto again = generate_event_prompts(facts, banks.english, banks.danish, load_prompt_marks(*db, event->id), {});
        for (const auto& person : facts)
            for (std::size_t i = 0; i < prompts[person.person_id].size(); ++i)
                CHECK(prompts[person.person_id][i].text == again[person.person_id][i].text);
    }
}

TEST_CASE("prompts for a generated event of 500 meet the quality bars", "[prompts]") {
    Banks banks;
    auto db = memory_db();
    Id event = generated_event(*db, 500, 17);
    auto facts = gather_event_facts(*db, event, config_in(Language::Danish));
    REQUIRE(facts.size() == 500);
    std::size_t with_notes = 0, with_interest = 0, english = 0;
    for (const auto& f : facts) {
        with_notes += !f.last_topic.empty();
        with_interest += !f.interest.empty();
        english += f.language == Language::English;
    }
    CHECK(with_notes > 50);
    CHECK(with_interest > 100);
    CHECK(english > 20);
    for (std::size_t count : {2u, 3u, 4u}) {
        PromptRequest request;
        request.count = count;
        auto prompts = generate_event_prompts(facts, banks.english, banks.danish, load_prompt_marks(*db, event), request);
        check_event_prompts(facts, prompts, count);
    }
}

TEST_CASE("a new set, pins, and prompts used at an earlier event", "[prompts]") {
    Banks banks;
    auto db = memory_db();
    REQUIRE(seed_demo_if_new(*db).ok());
    auto event = EventStore(*db).find(kDemoEventName);
    auto past = EventStore(*db).find("Energiforum 2025");
    REQUIRE(event);
    REQUIRE(past);
    auto facts = gather_event_facts(*db, event->id, config_in(Language::Danish));
    const Id mette = facts[0].person_id;
    auto generate = [&](int set) {
        PromptRequest request;
        request.set_number[mette] = set;
        return generate_event_prompts(facts, banks.english, banks.danish, load_prompt_marks(*db, event->id), request)[mette];
    };
    auto first = generate(0);
    auto second = generate(1);
    REQUIRE(first.size() == 3);
    std::set<std::string> first_ids, second_ids;
    for (const auto& p : first) first_ids.insert(p.id);
    for (const auto& p : second) second_ids.insert(p.id);
    CHECK(first_ids != second_ids);

    // A pinned prompt stays in every new set, first.
    REQUIRE(set_prompt_mark(*db, event->id, mette, first[1].id, false, true).ok());
    for (int set : {0, 1, 2, 3}) {
        auto prompts = generate(set);
        REQUIRE_FALSE(prompts.empty());
        CHECK(prompts[0].id == first[1].id);
        CHECK(prompts[0].pinned);
    }
    // Used with Mette at the earlier event: never offered again.
    for (const auto& p : first) REQUIRE(set_prompt_mark(*db, past->id, mette, p.id, true, false).ok());
    for (int set : {0, 1, 2, 3, 4, 5})
        for (const auto& p : generate(set)) CHECK(first_ids.count(p.id) == 0);
    // Used here, at this event: still shown, marked.
    auto now = generate(1);
    REQUIRE(now.size() == 3);
    REQUIRE(set_prompt_mark(*db, event->id, mette, now[2].id, true, false).ok());
    auto marked = generate(1);
    bool shown_used = false;
    for (const auto& p : marked) shown_used |= p.id == now[2].id && p.used;
    CHECK(shown_used);
    REQUIRE(set_prompt_mark(*db, event->id, mette, now[2].id, false, false).ok());
    CHECK(load_prompt_marks(*db, event->id).used_here[mette].empty());
}

TEST_CASE("the self-introduction and the exit lines are statements filled from the config and the list", "[prompts]") {
    Banks banks;
    PromptFacts facts;
    facts.person_id = 4;
    facts.my_goal = "Møde tre ledere i energisektoren.";
    facts.my_pitch = "Projektleder med ti års erfaring fra havvind.";
    facts.next_name = "Søren";
    for (int variant = 0; variant < 6; ++variant) {
        std::string intro = statement_for(facts, banks.danish, PromptKind::SelfIntro, variant);
        std::string exit = statement_for(facts, banks.danish, PromptKind::Exit, variant);
        INFO(intro << " / " << exit);
        CHECK_FALSE(intro.empty());
        CHECK_FALSE(exit.empty());
        CHECK(intro.find("..") == std::string::npos);
        CHECK(intro.find('{') == std::string::npos);
        CHECK(exit.find('{') == std::string::npos);
        CHECK(intro.back() != '?');
    }
    PromptFacts nothing;
    CHECK(statement_for(nothing, banks.danish, PromptKind::SelfIntro).empty());  // no goal, no pitch: nothing to say
}

TEST_CASE("the user's own prompts add to the bank or replace a kind, and a broken file says where", "[prompts]") {
    TempDir dir;
    UserBank mine;
    mine.prompts.emplace_back(PromptKind::Opener, "Hvad fik dig til at tage med i aften?");
    mine.replaced.push_back(PromptKind::Exit);
    REQUIRE(write_user_bank(dir.path(), Language::Danish, mine).ok());
    auto read = read_user_bank(dir.path(), Language::Danish);
    REQUIRE(read.ok());
    CHECK(read->prompts == mine.prompts);
    CHECK(read->replaced == mine.replaced);

    LoadedBank loaded = load_question_bank(Language::Danish, dir.path());
    CHECK(loaded.problems.empty());
    std::size_t exits = 0, user_openers = 0;
    for (const auto& prompt : loaded.bank.prompts) {
        exits += prompt.kind == PromptKind::Exit;
        user_openers += prompt.kind == PromptKind::Opener && prompt.from_user;
    }
    CHECK(exits == 0);
    CHECK(user_openers == 1);

    mingle::testing::write_file(dir / "prompts.en.toml",
                                "[[prompt]]\nkind = \"opener\"\ntext = \"What brings you here?\"\n\n"
                                "[[prompt]]\nkind = \"chitchat\"\ntext = \"Nice weather?\"\n\n"
                                "[[prompt]]\nkind = \"work\"\ntext = \"How is {boss}?\"\n");
    LoadedBank english = load_question_bank(Language::English, dir.path());
    REQUIRE(english.problems.size() == 2);
    CHECK(english.problems[0].line == 5);
    CHECK(english.problems[0].message.find("kind") != std::string::npos);
    CHECK(english.problems[1].line == 9);
    CHECK(english.problems[1].message.find("{boss}") != std::string::npos);
    CHECK(english.bank.prompts.size() > 60);  // the shipped ones still count

    CHECK_FALSE(check_prompt_text(PromptKind::Opener, "Kommer du tit her?", Language::Danish).ok());
    CHECK_FALSE(check_prompt_text(PromptKind::Exit, "Skal vi gå?", Language::Danish).ok());
    CHECK(check_prompt_text(PromptKind::Exit, "Jeg må lige hilse på {next_name}.", Language::Danish).ok());
}
