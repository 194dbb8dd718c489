// The reception's glance view at 200 targets, headless (CPU only), against the same view with one
// target, side by side: the list is clipped, so the frame should not grow with the targets.
//
// Usage: mingle_reception_bench [TARGETS] [FRAMES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/events.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

namespace {

using Clock = std::chrono::steady_clock;

void build(const std::string& path, const char* event_name, int targets) {
    auto db = mingle::storage::Database::open(path);
    if (!db.ok()) throw std::runtime_error(db.error().describe());
    auto event = mingle::EventStore(**db).create({event_name, "2026-12-03", "", "Meet three leaders in energy"});
    SQLite::Database& sql = (*db)->sql();
    SQLite::Transaction transaction(sql);
    SQLite::Statement person(sql, "INSERT INTO person(first_name, last_name, company, company_key, title, recognize) "
                                  "VALUES (?1, 'Østergaard', ?2, lower(?2), 'Projektleder', 'Red scarf')");
    SQLite::Statement participant(sql, "INSERT INTO participant(event_id, person_id) VALUES (?, ?)");
    SQLite::Statement target(sql, "INSERT INTO target(event_id, person_id, circle, ask, offer) VALUES (?, ?, ?, "
                                  "'Who hires project managers?', 'My experience with offshore wind')");
    const char* circles[] = {"central", "inner", "outer", "outer"};
    for (int i = 1; i <= targets; ++i) {
        person.bind(1, "Person" + std::to_string(i));
        person.bind(2, "Company " + std::to_string(i % 37));
        person.exec();
        person.reset();
        const auto id = sql.getLastInsertRowid();
        participant.bind(1, *event);
        participant.bind(2, id);
        participant.exec();
        participant.reset();
        target.bind(1, *event);
        target.bind(2, id);
        target.bind(3, circles[i % 4]);
        target.exec();
        target.reset();
    }
    transaction.commit();
}

double median_frame_ms(mingle::testing::UiHarness& ui, int frames) {
    std::vector<double> samples;
    for (int i = 0; i < frames; ++i) {
        auto start = Clock::now();
        ui.frame();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int targets = argc > 1 ? std::stoi(argv[1]) : 200;
    const int frames = argc > 2 ? std::stoi(argv[2]) : 600;
    mingle::testing::TempDir dir;
    const std::string path = (dir / "bench.db").string();
    build(path, "Big", targets);
    build(path, "Small", 1);
    auto harness = [&](const char* event) {
        mingle::app::AppOptions options;
        options.database_path = path;
        options.config_path = (dir / "none.toml").string();
        options.event = event;
        options.view = "reception";
        options.seed_demo = false;
        return std::make_unique<mingle::testing::UiHarness>(options);
    };
    double big = 0, small = 0;
    {
        auto ui = harness("Big");
        ui->frame(5);
        ui->app().probe().disable();
        big = median_frame_ms(*ui, frames);
    }
    {
        auto ui = harness("Small");
        ui->frame(5);
        ui->app().probe().disable();
        small = median_frame_ms(*ui, frames);
    }
    std::printf("targets %d\n", targets);
    std::printf("reception_frame_ms_median %.3f\n", big);
    std::printf("baseline_one_target_frame_ms_median %.3f\n", small);
    std::printf("ratio %.2f\n", big / small);
    std::printf("bar: under 1 ms per frame: %s\n", big < 1.0 ? "yes" : "no");
    return 0;
}
