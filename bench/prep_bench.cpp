// The prep board's frame cost at 1,000 targets, in the headless harness (CPU only: ImGui builds
// the draw lists, nothing is rasterised), against the baseline the issue names: a bare ImGui table
// of the same 1,000 rows with a list clipper, in the same context, run side by side.
//
// Usage: mingle_prep_bench [TARGETS] [FRAMES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/events.hpp"
#include "core/targets.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median_ms(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

template <typename Frame>
double time_frames(int frames, Frame&& frame) {
    std::vector<double> samples;
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < frames; ++i) {
        // The mouse moves over the lists, so hovering is part of the cost.
        io.MousePos = ImVec2(700.0f, 200.0f + static_cast<float>(i % 400));
        auto start = Clock::now();
        frame();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return median_ms(std::move(samples));
}

// An event with twice as many participants as targets; every other target has a plan.
void build_event(const std::string& path, int targets) {
    auto db = mingle::storage::Database::open(path);
    if (!db.ok()) throw std::runtime_error(db.error().describe());
    auto event = mingle::EventStore(**db).create({"Bench", "2026-12-03", "", "Meet the people who matter"});
    if (!event.ok()) throw std::runtime_error(event.error().describe());
    SQLite::Database& sql = (*db)->sql();
    SQLite::Transaction transaction(sql);
    SQLite::Statement person(sql, "INSERT INTO person(id, first_name, last_name, company, company_key, title) "
                                  "VALUES (?1, ?2, ?3, ?4, lower(?4), ?5)");
    SQLite::Statement participant(sql, "INSERT INTO participant(event_id, person_id) VALUES (?, ?)");
    SQLite::Statement target(sql, "INSERT INTO target(event_id, person_id, circle, importance, ask) VALUES (?, ?, ?, ?, ?)");
    const char* circles[] = {"central", "inner", "outer", "outer"};
    for (int i = 1; i <= targets * 2; ++i) {
        person.bind(1, i);
        person.bind(2, "Person" + std::to_string(i));
        person.bind(3, "Østergaard");
        person.bind(4, "Company " + std::to_string(i % 97));
        person.bind(5, "Projektleder");
        person.exec();
        person.reset();
        participant.bind(1, *event);
        participant.bind(2, i);
        participant.exec();
        participant.reset();
        if (i > targets) continue;
        target.bind(1, *event);
        target.bind(2, i);
        target.bind(3, circles[i % 4]);
        target.bind(4, 1 + i % 5);
        target.bind(5, i % 2 ? "Hvem ansætter projektledere?" : "");
        target.exec();
        target.reset();
    }
    transaction.commit();
}

// The baseline: one full-screen window with a table of the same rows and columns, clipped.
void bare_table_frame(const std::vector<mingle::Target>& rows) {
    ImGui::NewFrame();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("##bare", nullptr, ImGuiWindowFlags_NoDecoration);
    if (ImGui::BeginTable("##rows", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Circle");
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Imp.");
        ImGui::TableSetupColumn("Plan");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const mingle::Target& row = rows[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                ImGui::TextUnformatted(std::string(mingle::circle_key(row.circle)).c_str());
                ImGui::TableNextColumn();
                ImGui::Selectable(row.person.display_name().c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
                ImGui::TableNextColumn();
                ImGui::Text("%d/5", row.importance);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.has_plan() ? "yes" : "-");
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::Render();
}

}  // namespace

int main(int argc, char** argv) {
    const int targets = argc > 1 ? std::stoi(argv[1]) : 1000;
    const int frames = argc > 2 ? std::stoi(argv[2]) : 400;
    mingle::testing::TempDir dir;
    const std::string path = (dir / "bench.db").string();
    build_event(path, targets);

    mingle::app::AppOptions options;
    options.database_path = path;
    options.config_path = (dir / "none.toml").string();
    options.event = "Bench";
    options.view = "prep";
    options.seed_demo = false;
    mingle::testing::UiHarness ui(options);
    ui.frame(3);
    const auto rows = ui.app().targets();
    if (static_cast<int>(rows.size()) != targets || !ui.visible("prep.target:" + rows[0].person.display_name())) {
        std::fprintf(stderr, "the prep board does not show the %d targets\n", targets);
        return 1;
    }

    ui.app().probe().disable();  // as in the real window: the test hook costs nothing then

    // Interleaved rounds, so both see the same machine load; the medians of the rounds are compared.
    std::vector<double> board, bare;
    for (int round = 0; round < 5; ++round) {
        board.push_back(time_frames(frames / 5, [&] { ui.frame(); }));
        bare.push_back(time_frames(frames / 5, [&] { bare_table_frame(rows); }));
    }
    const double board_ms = median_ms(board), bare_ms = median_ms(bare);
    std::printf("targets %d (participants %d)\n", targets, targets * 2);
    std::printf("prep_board_frame_ms_median %.3f\n", board_ms);
    std::printf("bare_table_frame_ms_median %.3f\n", bare_ms);
    std::printf("ratio %.2f (bar: 1.5)\n", board_ms / bare_ms);

    // Where the board's time goes, for the README: without a chosen target (no editor), and the
    // participants view (one table in the same window chrome).
    ui.app().focus_person(std::nullopt);
    std::printf("prep_board_without_editor_ms_median %.3f\n", time_frames(frames, [&] { ui.frame(); }));
    ui.app().show(mingle::app::ViewId::Participants);
    std::printf("participants_view_ms_median %.3f\n", time_frames(frames, [&] { ui.frame(); }));
    return 0;
}
