// Conversation prompts for 1,000 targets: gathering what is known (a few queries for the whole
// event) and generating three prompts each, against a baseline run side by side: filling the first
// three templates that fit each target, with no choosing, no variety and no memory of use.
//
// Usage: mingle_prompt_bench [TARGETS] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/events.hpp"
#include "core/prompts.hpp"

namespace {

using Clock = std::chrono::steady_clock;

template <typename Work>
double median_ms(int runs, Work&& work) {
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

mingle::Id build(mingle::storage::Database& db, int targets) {
    const char* first[] = {"Mette", "Søren", "Åse", "Jørgen", "Camilla", "Łukasz", "Ida", "Frederik", "Zoë", "Rasmus"};
    const char* companies[] = {"Ørsted", "Vestas", "Energinet", "", "Novo Nordisk", "Københavns Kommune", "LEGO", "DTU"};
    const char* titles[] = {"Projektleder", "CTO", "", "HR-chef", "Lektor", "Direktør"};
    const char* answers[] = {"Rekruttering af projektledere", "AI i forsyningen", "Havvind og Power-to-X"};
    std::mt19937 random(7);
    auto pick = [&](auto& list) { return list[random() % std::size(list)]; };
    auto event = mingle::EventStore(db).create({"Bench", "2026-12-03", "", "Find a new project"});
    SQLite::Transaction transaction(db.sql());
    db.sql().exec("INSERT INTO import_batch(id, event_id, source_name, format, columns) VALUES (1, " + std::to_string(*event) +
                  ", 'b.csv', 'csv', '[\"What would you like to talk about?\"]')");
    SQLite::Statement person(db.sql(), "INSERT INTO person(id, first_name, last_name, company, company_key, title) "
                                       "VALUES (?1, ?2, 'Jensen', ?3, lower(?3), ?4)");
    SQLite::Statement participant(db.sql(), "INSERT INTO participant(event_id, person_id, details, batch_id) VALUES (?, ?, ?, 1)");
    SQLite::Statement target(db.sql(), "INSERT INTO target(event_id, person_id) VALUES (?, ?)");
    SQLite::Statement note(db.sql(), "INSERT INTO note(person_id, text) VALUES (?, 'Talte om elnettet i 2030')");
    for (int i = 1; i <= targets; ++i) {
        person.bind(1, i);
        person.bind(2, pick(first));
        person.bind(3, pick(companies));
        person.bind(4, pick(titles));
        person.exec();
        person.reset();
        participant.bind(1, *event);
        participant.bind(2, i);
        participant.bind(3, i % 3 == 0 ? std::string("[\"") + pick(answers) + "\"]" : std::string());
        participant.exec();
        participant.reset();
        target.bind(1, *event);
        target.bind(2, i);
        target.exec();
        target.reset();
        if (i % 5 == 0) {
            note.bind(1, i);
            note.exec();
            note.reset();
        }
    }
    transaction.commit();
    return *event;
}

}  // namespace

int main(int argc, char** argv) {
    const int targets = argc > 1 ? std::stoi(argv[1]) : 1000;
    const int runs = argc > 2 ? std::stoi(argv[2]) : 21;
    auto db = mingle::storage::Database::open(":memory:");
    if (!db.ok()) return 1;
    const mingle::Id event = build(**db, targets);
    mingle::Config config = mingle::default_config();
    config.language = mingle::Language::Danish;
    auto english = mingle::load_question_bank(mingle::Language::English, {}).bank;
    auto danish = mingle::load_question_bank(mingle::Language::Danish, {}).bank;

    std::vector<mingle::PromptFacts> facts;
    const double gather = median_ms(runs, [&] { facts = mingle::gather_event_facts(**db, event, config); });
    mingle::PromptMarks marks = mingle::load_prompt_marks(**db, event);
    std::size_t generated = 0;
    const double generate = median_ms(runs, [&] {
        generated = mingle::generate_event_prompts(facts, english, danish, marks, {}).size();
    });
    std::size_t baseline_count = 0;
    const double baseline = median_ms(runs, [&] {
        baseline_count = 0;
        for (const auto& person : facts) {
            int filled = 0;
            for (const auto& prompt : danish.prompts) {
                if (filled == 3) break;
                if (mingle::is_statement_kind(prompt.kind)) continue;
                if (mingle::fill_prompt(prompt.text, person)) ++filled;
            }
            baseline_count += static_cast<std::size_t>(filled);
        }
    });
    std::printf("targets %d (prompts for %zu)\n", targets, generated);
    std::printf("gather_facts_ms_median %.2f\n", gather);
    std::printf("generate_ms_median %.2f\n", generate);
    std::printf("baseline_first_three_ms_median %.2f (%zu prompts)\n", baseline, baseline_count);
    std::printf("ratio %.2f\n", generate / baseline);
    std::printf("bar: generating for %d targets under 50 ms: %s\n", targets, generate < 50.0 ? "yes" : "no");
    return 0;
}
