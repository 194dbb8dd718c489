// The participants view's frame cost, in the headless harness (CPU only: ImGui builds the draw
// lists, nothing is rasterised). The baseline is the same view over a short list, run side by
// side: with the list clipper the ratio stays near 1 however long the list is.
//
// Usage: mingle_frame_bench DATABASE EVENT_NAME [FRAMES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "ui_harness.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
    double median_ms;
    double p95_ms;
};

Timing time_frames(mingle::testing::UiHarness& ui, int frames) {
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(frames));
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < frames; ++i) {
        // Move the mouse over the table so hover and row highlighting are part of the cost.
        io.MousePos = ImVec2(700.0f, 200.0f + static_cast<float>(i % 400));
        auto start = Clock::now();
        ui.frame();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 95 / 100]};
}

double time_ms(auto&& work) {
    auto start = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DATABASE EVENT_NAME [FRAMES]\n", argv[0]);
        return 2;
    }
    int frames = argc > 3 ? std::stoi(argv[3]) : 300;
    mingle::app::AppOptions options;
    options.database_path = argv[1];
    options.config_path = "/nonexistent/mingle-bench.toml";
    options.event = argv[2];
    options.view = "participants";
    options.seed_demo = false;
    mingle::testing::UiHarness ui(options);
    auto& table = ui.app().participants();
    if (table.total() == 0) {
        std::fprintf(stderr, "no participants in \"%s\"\n", argv[2]);
        return 1;
    }
    ui.frame(3);
    // Make sure the table is on screen: the timing is of a real, full view.
    int rows_drawn = 0;
    while (ui.visible("participants.row:" + std::to_string(rows_drawn))) ++rows_drawn;
    if (rows_drawn < 10) {
        std::fprintf(stderr, "the participants table is not on screen (%d rows drawn)\n", rows_drawn);
        return 1;
    }
    Timing full = time_frames(ui, frames);
    // Baseline, side by side: the same view over a far shorter list (a search that matches a few
    // thousand), then over a single row. With the list clipper, only the rows on screen cost.
    double filter_ms = time_ms([&] { table.set_filter("jensen"); });
    std::size_t filtered = table.visible();
    Timing filtered_timing = time_frames(ui, frames);
    table.set_filter(table.visible_row(0).person.email);
    std::size_t single = table.visible();
    Timing single_timing = time_frames(ui, frames);
    table.set_filter("");
    double sort_ms = time_ms([&] { table.sort_by(mingle::ParticipantTable::Column::Company, true, true); });

    std::printf("rows %zu (%d on screen)\n", table.total(), rows_drawn);
    std::printf("frame_ms_median %.3f\nframe_ms_p95 %.3f\n", full.median_ms, full.p95_ms);
    std::printf("baseline_rows %zu\nbaseline_frame_ms_median %.3f\n", filtered, filtered_timing.median_ms);
    std::printf("ratio %.2f\n", full.median_ms / filtered_timing.median_ms);
    std::printf("single_row_frame_ms_median %.3f (%zu row)\n", single_timing.median_ms, single);
    std::printf("filter_ms %.2f (search \"jensen\" over all rows)\n", filter_ms);
    std::printf("sort_ms %.2f (by company, Danish collation)\n", sort_ms);
    return 0;
}
