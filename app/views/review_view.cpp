#include "review_view.hpp"

#include <algorithm>

#include "app/app.hpp"
#include "app/widgets.hpp"

namespace mingle::app {
namespace {

float share(int part, int whole) { return whole > 0 ? static_cast<float>(part) / static_cast<float>(whole) : 0.0f; }

const ImVec4 kMetColor{0.45f, 0.72f, 0.98f, 1.0f};
const ImVec4 kKeptColor{0.42f, 0.82f, 0.55f, 1.0f};
const ImVec4 kRatingColor{0.98f, 0.73f, 0.30f, 1.0f};

}  // namespace

void ReviewView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    const Event* event = app.current_event();
    if (!widgets::begin_event_pane(tr("review.title"), "review", event, tr("participants.no_event"), position, size)) {
        ImGui::End();
        return;
    }
    const auto& reviews = app.morning_after().reviews;
    auto found = std::find_if(reviews.begin(), reviews.end(), [&](const EventReview& r) { return r.event_id == event->id; });
    if (found != reviews.end()) {
        const EventReview& r = *found;
        ImGui::Text(tr("review.targets"), r.targets_met, r.targets, r.met);
        ImGui::Text(tr("review.kept_by_me"), r.kept_by_me, r.promised_by_me);
        ImGui::Text(tr("review.kept_to_me"), r.kept_to_me, r.promised_to_me);
        ImGui::Text(tr("review.thanked"), r.thanked, r.met);
        ImGui::Text(tr("review.new_relationships"), r.new_relationships);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("review.rating"));
        widgets::help_marker(tr("review.rating_help"));
        for (int stars = 1; stars <= 5; ++stars) {
            ImGui::SameLine();
            ImGui::PushID(stars);
            if (ImGui::RadioButton(std::to_string(stars).c_str(), r.rating == stars)) {
                if (auto saved = set_rating(*app.database(), event->id, stars); saved.ok()) app.followups_changed();
                else app.report(saved.error());
            }
            app.probe().record("review.rating." + std::to_string(stars));
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(tr("review.compare"));
    draw_chart(app, std::max(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeight(), ImGui::GetFontSize() * 8.0f));
    ImGui::End();
}

void ReviewView::draw_chart(App& app, float height) {
    const Translator& tr = app.tr();
    const auto& reviews = app.morning_after().reviews;
    // Legend.
    const std::pair<ImVec4, const char*> kSeries[] = {
        {kMetColor, "review.series_met"}, {kKeptColor, "review.series_kept"}, {kRatingColor, "review.series_rating"}};
    for (const auto& [color, label] : kSeries) {
        ImGui::TextColored(color, "■");
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(label));
        ImGui::SameLine(0, ImGui::GetFontSize());
    }
    ImGui::NewLine();
    if (reviews.empty()) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_height = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    const float plot_height = std::max(height - label_height, ImGui::GetFontSize() * 4.0f);
    const float group = width / static_cast<float>(std::max<std::size_t>(reviews.size(), 1));
    const float bar = std::min(group / 4.0f, ImGui::GetFontSize() * 1.6f);
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->AddLine(ImVec2(origin.x, origin.y + plot_height), ImVec2(origin.x + width, origin.y + plot_height), axis);
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        const EventReview& r = reviews[i];
        const float values[] = {share(r.targets_met, r.targets), share(r.kept_by_me + r.kept_to_me, r.promised_by_me + r.promised_to_me),
                                r.rating ? static_cast<float>(*r.rating) / 5.0f : 0.0f};
        const float left = origin.x + group * static_cast<float>(i) + (group - bar * 3.0f) * 0.5f;
        for (int s = 0; s < 3; ++s) {
            const float top = origin.y + plot_height * (1.0f - values[s]);
            draw->AddRectFilled(ImVec2(left + bar * static_cast<float>(s), top),
                                ImVec2(left + bar * static_cast<float>(s + 1) - 2.0f, origin.y + plot_height),
                                ImGui::ColorConvertFloat4ToU32(kSeries[s].first));
        }
        // The event's name under its bars, cut to the room there is.
        std::string name = r.name;
        while (!name.empty() && ImGui::CalcTextSize(name.c_str()).x > group - 4.0f) {
            do name.pop_back();
            while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80);
        }
        draw->AddText(ImVec2(origin.x + group * static_cast<float>(i) + 2.0f, origin.y + plot_height + 4.0f),
                      ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
        draw->AddText(ImVec2(origin.x + group * static_cast<float>(i) + 2.0f,
                             origin.y + plot_height + 4.0f + ImGui::GetTextLineHeight()),
                      axis, r.date.c_str());
    }
    ImGui::Dummy(ImVec2(width, plot_height + label_height));
}

}  // namespace mingle::app
