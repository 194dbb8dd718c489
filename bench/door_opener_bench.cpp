// "Who can introduce me to X?" at scale: builds a database of 50,000 people, 500,000 links and
// 200 past events, then times find_door_openers for 200 targets at the current event. The
// baseline, timed side by side for the same targets, is the bare indexed query for all the
// target's link rows: the least any answer involving links must cost.
//
// Usage: mingle_door_opener_bench [FOLDER]
// The database is written to FOLDER/door_openers.db and kept there; without FOLDER, to a fresh
// folder under $TMPDIR that is removed at the end.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/door_openers.hpp"
#include "core/text.hpp"
#include "core/storage/database.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using mingle::Id;

constexpr int kPeople = 50'000;
constexpr int kLinks = 500'000;
constexpr int kPastEvents = 200;
constexpr int kPastEventSize = 250;
constexpr int kCurrentEventSize = 500;
constexpr int kTargets = 200;
constexpr double kBarMs = 5.0;  // the acceptance: one target's door-openers in under 5 ms

constexpr const char* kFirstNames[] = {
    "Anders", "Anne", "Bo", "Birgitte", "Carsten", "Camilla", "Dorte", "Emil", "Frida", "Freja",
    "Gustav", "Hanne", "Ida", "Jens", "Julie", "Kasper", "Karen", "Lars", "Lise", "Mads",
    "Mette", "Morten", "Nina", "Ole", "Pia", "Rasmus", "Sofie", "Søren", "Tine", "Ulla",
    "Vera", "William", "Åse", "Ærø", "Øjvind", "Maria", "Peter", "Louise", "Henrik", "Signe"};
constexpr const char* kLastNames[] = {
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
    "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Lund",
    "Holm", "Schmidt", "Eriksen", "Kristiansen", "Simonsen", "Clausen", "Svendsen", "Andreasen",
    "Iversen", "Jeppesen", "Mogensen", "Vestergaard", "Nissen", "Lauridsen", "Kjær", "Frederiksen"};
constexpr const char* kCompanyStems[] = {"Nordic", "Dansk", "Vest", "Øst", "Havn", "Grøn", "Blå",
                                         "Fjord", "Sol", "Vind", "Skov", "Kyst", "By", "Nord",
                                         "Syd", "Lys", "Bro", "Sten", "Mølle", "Å"};
constexpr const char* kCompanySuffixes[] = {
    " Energi A/S", " Consulting", " Data ApS", " Gruppen", " Logistik", " Bank", " Pharma",
    " Byg", " Media", " Invest", " Foods", " Tech", " Design", " Advokater", " Revision",
    " Transport", " Solutions", " Partners", " Labs", " Holding"};

std::vector<std::string> company_names() {
    std::vector<std::string> names;
    for (const char* stem : kCompanyStems)
        for (const char* suffix : kCompanySuffixes) names.push_back(std::string(stem) + suffix);
    return names;
}

// Many rows per INSERT: one statement of `rows_per_statement` rows, bound and run per full chunk,
// and a second one for what is left over.
class BulkInsert {
public:
    BulkInsert(SQLite::Database& sql, std::string table_and_columns, int columns, int rows_per_statement)
        : sql_(sql), head_("INSERT INTO " + std::move(table_and_columns) + " VALUES "), columns_(columns),
          rows_per_statement_(rows_per_statement), full_(sql, make_sql(rows_per_statement)) {}

    template <typename... Values>
    void add(const Values&... values) {
        static_assert(sizeof...(Values) > 0);
        (pending_.push_back(Value(values)), ...);
        if (static_cast<int>(pending_.size()) == columns_ * rows_per_statement_) flush_into(full_);
    }

    void finish() {
        if (pending_.empty()) return;
        SQLite::Statement rest(sql_, make_sql(static_cast<int>(pending_.size()) / columns_));
        flush_into(rest);
    }

private:
    struct Value {
        Value(Id number) : is_text(false), number(number) {}
        Value(int number) : is_text(false), number(number) {}
        Value(std::string text) : is_text(true), text(std::move(text)) {}
        Value(const char* text) : is_text(true), text(text) {}
        bool is_text;
        Id number = 0;
        std::string text;
    };

    std::string make_sql(int rows) const {
        std::string one = "(";
        for (int c = 0; c < columns_; ++c) one += c ? ",?" : "?";
        one += ")";
        std::string sql = head_;
        for (int r = 0; r < rows; ++r) sql += (r ? "," : "") + one;
        return sql;
    }

    void flush_into(SQLite::Statement& statement) {
        statement.reset();
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            int index = static_cast<int>(i) + 1;
            if (pending_[i].is_text) statement.bind(index, pending_[i].text);
            else statement.bind(index, pending_[i].number);
        }
        statement.exec();
        pending_.clear();
    }

    SQLite::Database& sql_;
    std::string head_;
    int columns_;
    int rows_per_statement_;
    SQLite::Statement full_;
    std::vector<Value> pending_;
};

// k distinct people, drawn from 1..kPeople.
std::vector<Id> draw_people(std::mt19937_64& random, int k) {
    std::uniform_int_distribution<Id> person(1, kPeople);
    std::unordered_set<Id> seen;
    std::vector<Id> drawn;
    while (static_cast<int>(drawn.size()) < k) {
        Id id = person(random);
        if (seen.insert(id).second) drawn.push_back(id);
    }
    std::sort(drawn.begin(), drawn.end());
    return drawn;
}

// Fills the database; returns the current event's id.
Id build(mingle::storage::Database& db, std::mt19937_64& random) {
    auto& sql = db.sql();
    // The generated rows are consistent by construction; checking each link's two people would
    // only slow the build, not change what is timed.
    sql.exec("PRAGMA foreign_keys = OFF");
    SQLite::Transaction transaction(sql);
    auto companies = company_names();
    std::uniform_int_distribution<std::size_t> company(0, companies.size() - 1);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<std::size_t> first(0, std::size(kFirstNames) - 1), last(0, std::size(kLastNames) - 1);

    BulkInsert people(sql, "person(id, first_name, last_name, email, company, company_key, relation)", 7, 500);
    BulkInsert history(sql, "person_history(person_id, company, company_key, title)", 4, 500);
    for (Id id = 1; id <= kPeople; ++id) {
        std::string first_name = kFirstNames[first(random)], last_name = kLastNames[last(random)];
        std::size_t works_at = company(random);
        int roll = percent(random);
        // Most people are no relationship yet; a few are close.
        const char* relation = roll < 2 ? "inner" : roll < 5 ? "vip" : roll < 15 ? "good" : roll < 35 ? "card" : "none";
        people.add(id, first_name, last_name, "person" + std::to_string(id) + "@example.dk", companies[works_at],
                   mingle::text::company_key(companies[works_at]), relation);
        if (percent(random) < 5) {
            std::size_t former = company(random);
            if (former == works_at) former = (former + 1) % companies.size();
            history.add(id, companies[former], mingle::text::company_key(companies[former]), "Consultant");
        }
    }
    people.finish();
    history.finish();

    // Distinct pairs, inserted in key order (cheapest for the WITHOUT ROWID table).
    std::uniform_int_distribution<Id> person(1, kPeople);
    std::unordered_set<std::uint64_t> pairs;
    pairs.reserve(kLinks * 2);
    while (static_cast<int>(pairs.size()) < kLinks) {
        Id a = person(random), b = person(random);
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        pairs.insert(static_cast<std::uint64_t>(a) << 32 | static_cast<std::uint64_t>(b));
    }
    std::vector<std::uint64_t> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end());
    BulkInsert links(sql, "link(person_a, person_b, how)", 3, 500);
    for (std::size_t i = 0; i < sorted.size(); ++i)
        links.add(static_cast<Id>(sorted[i] >> 32), static_cast<Id>(sorted[i] & 0xffffffffu), i % 10 == 0 ? "former colleagues" : "");
    links.finish();

    BulkInsert events(sql, "event(id, name, date)", 3, 200);
    BulkInsert participants(sql, "participant(event_id, person_id)", 2, 500);
    for (int e = 1; e <= kPastEvents; ++e) {
        // Every ~2 weeks from 2018 on: all before the current event.
        int days = e * 13;
        int year = 2018 + days / 365, day_of_year = days % 365;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + day_of_year / 31, 1 + day_of_year % 28);
        events.add(Id{e}, "Past event " + std::to_string(e), std::string(date));
    }
    Id current = kPastEvents + 1;
    events.add(current, "Current event", "2026-06-01");
    events.finish();
    for (int e = 1; e <= kPastEvents; ++e)
        for (Id id : draw_people(random, kPastEventSize)) participants.add(Id{e}, id);
    for (Id id : draw_people(random, kCurrentEventSize)) participants.add(current, id);
    participants.finish();
    transaction.commit();
    sql.exec("PRAGMA foreign_keys = ON");
    return current;
}

struct Timing {
    double median_ms = 0;
    double p95_ms = 0;
    double max_ms = 0;
};

Timing summarize(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 95 / 100], samples.back()};
}

double elapsed_ms(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::size_t bare_link_rows(mingle::storage::Database& db, Id target) {
    SQLite::Statement links(db.sql(),
                            "SELECT person_b, how FROM link WHERE person_a = ?1 "
                            "UNION ALL SELECT person_a, how FROM link WHERE person_b = ?1");
    links.bind(1, target);
    std::size_t rows = 0;
    while (links.executeStep()) rows += links.getColumn(0).getInt64() > 0;
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    bool own_folder = argc < 2;
    fs::path folder;
    if (own_folder) {
        std::string pattern = (fs::temp_directory_path() / "mingle-doors-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            return 1;
        }
        folder = pattern;
    } else {
        folder = argv[1];
        fs::create_directories(folder);
    }
    fs::path path = folder / "door_openers.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);

    std::mt19937_64 random(20260601);  // fixed: every run builds the same network
    Id current = 0;
    auto build_start = Clock::now();
    {
        auto db = mingle::storage::Database::open(path.string());
        if (!db.ok()) {
            std::fprintf(stderr, "%s\n", db.error().describe().c_str());
            return 1;
        }
        current = build(**db, random);
    }
    double build_s = elapsed_ms(build_start) / 1000.0;

    // Time on a freshly opened database, as the app opens it.
    auto opened = mingle::storage::Database::open(path.string());
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& db = **opened;
    std::vector<Id> targets;
    {
        SQLite::Statement at_event(db.sql(), "SELECT person_id FROM participant WHERE event_id = ?");
        at_event.bind(1, current);
        while (at_event.executeStep()) targets.push_back(at_event.getColumn(0).getInt64());
    }
    std::shuffle(targets.begin(), targets.end(), random);
    targets.resize(std::min<std::size_t>(targets.size(), kTargets));

    // A first pass, untimed, for the sizes, and to warm the page cache as a session would.
    std::vector<double> candidates, link_rows;
    for (Id target : targets) {
        candidates.push_back(static_cast<double>(mingle::find_door_openers(db, current, target, 0).size()));
        link_rows.push_back(static_cast<double>(bare_link_rows(db, target)));
    }

    // Side by side: for each target, the door-openers then the baseline.
    std::vector<double> finder_ms, baseline_ms;
    std::size_t sink = 0;
    for (Id target : targets) {
        auto start = Clock::now();
        sink += mingle::find_door_openers(db, current, target).size();
        finder_ms.push_back(elapsed_ms(start));
        start = Clock::now();
        sink += bare_link_rows(db, target);
        baseline_ms.push_back(elapsed_ms(start));
    }
    auto all_start = Clock::now();
    auto best = mingle::best_door_openers(db, current, targets);
    double best_ms = elapsed_ms(all_start);

    Timing finder = summarize(finder_ms), baseline = summarize(baseline_ms);
    Timing sizes = summarize(candidates), links_per_target = summarize(link_rows);
    std::error_code ec;
    double mib = static_cast<double>(fs::file_size(path, ec)) / (1024.0 * 1024.0);
    std::printf("database: %d people, %d links, %d past events x %d participants, current event %d (built in %.1f s, %.0f MiB)\n",
                kPeople, kLinks, kPastEvents, kPastEventSize, kCurrentEventSize, build_s, mib);
    std::printf("targets: %zu participants of the current event; door-openers per target: median %.0f, max %.0f; link rows: median %.0f\n",
                targets.size(), sizes.median_ms, sizes.max_ms, links_per_target.median_ms);
    std::printf("find_door_openers (limit 25):  median %.3f ms  p95 %.3f ms  max %.3f ms\n", finder.median_ms,
                finder.p95_ms, finder.max_ms);
    std::printf("baseline, bare link query:     median %.3f ms  p95 %.3f ms  max %.3f ms\n", baseline.median_ms,
                baseline.p95_ms, baseline.max_ms);
    std::printf("ratio (median): %.1f\n", finder.median_ms / baseline.median_ms);
    std::printf("best_door_openers, %zu targets at once: %.1f ms (%.3f ms per target, %zu with a door-opener)\n",
                targets.size(), best_ms, best_ms / static_cast<double>(targets.size()), best.size());
    bool pass = finder.p95_ms < kBarMs;
    std::printf("acceptance, p95 under %.0f ms per target: %s\n", kBarMs, pass ? "yes" : "NO");
    if (sink == 0) std::printf("(no results?)\n");

    opened.value().reset();  // closed before its files are removed
    if (own_folder) fs::remove_all(folder, ec);
    else std::printf("database kept: %s\n", path.string().c_str());
    return pass ? 0 : 1;
}
