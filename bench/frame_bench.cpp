// The participants view's frame cost, in the headless harness (CPU only: ImGui builds the draw
// lists, nothing is rasterised). The baseline is the same view over a small list, run side by
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
    Timing full = time_frames(ui, frames);
    double filter_ms = time_ms([&] { table.set_filter("jensen"); });
    std::size_t filtered = table.visible();
    Timing filtered_timing = time_frames(ui, frames);
    double sort_ms = time_ms([&] { table.sort_by(mingle::ParticipantTable::Column::Company, true, true); });
    table.set_filter("");
    // Baseline: the same view showing only a screenful of rows (a filter that matches few).
    table.set_filter("@");  // every row with an e-mail; then narrow to a small list
    std::string narrow = table.visible() > 0 ? table.visible_row(0).person.email : "";
    table.set_filter(narrow);
    Timing small = time_frames(ui, frames);

    std::printf("rows %zu\n", table.total());
    std::printf("frame_ms_median %.3f\nframe_ms_p95 %.3f\n", full.median_ms, full.p95_ms);
    std::printf("baseline_rows %zu\nbaseline_frame_ms_median %.3f\n", table.visible(), small.median_ms);
    std::printf("ratio %.2f\n", full.median_ms / small.median_ms);
    std::printf("filter_ms %.2f (%zu match \"jensen\")\nfiltered_frame_ms_median %.3f\n", filter_ms, filtered,
                filtered_timing.median_ms);
    std::printf("sort_ms %.2f\n", sort_ms);
    return 0;
}
