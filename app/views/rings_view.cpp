#include "rings_view.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "app/app.hpp"
#include "app/views/prep_view.hpp"
#include "app/widgets.hpp"

namespace mingle::app {
namespace {

constexpr float kPi = 3.14159265358979f;

ImU32 with_alpha(const ImVec4& color, float alpha) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(color.x, color.y, color.z, alpha));
}

// The rings' radii as fractions of the largest: the central zone, then the inner and outer rings.
constexpr float kCentralEdge = 0.30f;
constexpr float kInnerEdge = 0.64f;
constexpr float kOuterEdge = 0.96f;

int circle_index(Circle circle) { return circle == Circle::Central ? 0 : circle == Circle::Inner ? 1 : 2; }

}  // namespace

void RingsView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    const Event* event = app.current_event();
    if (!widgets::begin_event_pane(tr("rings.title"), "rings", event, tr("participants.no_event"), position, size)) {
        ImGui::End();
        return;
    }
    widgets::goal_line(tr("prep.goal"), *event);
    const float side_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.32f, ImGui::GetFontSize() * 12.0f,
                                        ImGui::GetFontSize() * 22.0f);
    ImVec2 canvas_size(ImGui::GetContentRegionAvail().x - side_width - ImGui::GetStyle().ItemSpacing.x,
                       ImGui::GetContentRegionAvail().y);
    if (ImGui::BeginChild("##canvas", canvas_size, false, ImGuiWindowFlags_NoScrollbar)) {
        draw_rings(app, ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail());
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (ImGui::BeginChild("##side", ImVec2(0, 0), true)) draw_side(app);
    ImGui::EndChild();
    ImGui::End();
}

void RingsView::draw_rings(App& app, const ImVec2& origin, const ImVec2& size) {
    const Translator& tr = app.tr();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const ImVec2 center(origin.x + size.x * 0.5f, origin.y + size.y * 0.5f);
    // Room outside the outer ring for door-openers who are not targets themselves.
    const float radius = std::max(10.0f, std::min(size.x, size.y) * 0.5f - font * 2.2f);

    // The click area first, so the dots can be tested against the mouse.
    ImGui::InvisibleButton("##rings-canvas", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const bool hovered = ImGui::IsItemHovered();

    const Circle kOrder[] = {Circle::Outer, Circle::Inner, Circle::Central};
    const float kEdges[] = {kCentralEdge, kInnerEdge, kOuterEdge};
    for (Circle circle : kOrder) {
        float edge = kEdges[circle_index(circle)] * radius;
        draw->AddCircleFilled(center, edge, with_alpha(circle_color(circle), 0.10f), 96);
        draw->AddCircle(center, edge, with_alpha(circle_color(circle), 0.55f), 96, 1.5f);
        // The ring's name at its top edge.
        const char* name = tr(std::string("circle.") + std::string(circle_key(circle)));
        ImVec2 text_size = ImGui::CalcTextSize(name);
        ImVec2 at(center.x - text_size.x * 0.5f, center.y - edge + font * 0.15f);
        // The central zone's dots sit around its middle: its name goes at the bottom edge.
        if (circle == Circle::Central) at.y = center.y + edge - text_size.y - font * 0.25f;
        draw->AddText(at, with_alpha(circle_color(circle), 0.9f), name);
    }

    // Dots, by circle, spread around the ring; the most important start at the top.
    const auto& targets = app.targets();
    dots_.clear();
    std::vector<const Target*> by_circle[3];
    for (const Target& target : targets) by_circle[circle_index(target.circle)].push_back(&target);
    const float inner_edges[] = {0.0f, kCentralEdge, kInnerEdge};
    std::unordered_map<Id, std::size_t> dot_of;
    for (int c = 0; c < 3; ++c) {
        const auto& group = by_circle[c];
        if (group.empty()) continue;
        const float band_inner = inner_edges[c] * radius, band_outer = kEdges[c] * radius;
        // Several lanes when a ring is crowded, so dots do not sit on each other.
        const float spacing = font * 1.3f;
        float middle = c == 0 ? band_outer * 0.55f : (band_inner + band_outer) * 0.5f;
        int lanes = std::max(1, static_cast<int>(std::ceil(group.size() * spacing / (2 * kPi * std::max(middle, 1.0f)))));
        lanes = std::min(lanes, 4);
        for (std::size_t i = 0; i < group.size(); ++i) {
            const Target& target = *group[i];
            float angle = -kPi / 2 + 2 * kPi * static_cast<float>(i) / static_cast<float>(group.size()) + c * 0.35f;
            float lane_radius = middle;
            if (group.size() == 1 && c == 0) lane_radius = 0;
            if (lanes > 1) {
                float lane = static_cast<float>(i % static_cast<std::size_t>(lanes));
                lane_radius = band_inner + (band_outer - band_inner) * (lane + 0.5f) / static_cast<float>(lanes);
            }
            ImVec2 at(center.x + std::cos(angle) * lane_radius, center.y + std::sin(angle) * lane_radius);
            float dot_radius = font * (0.22f + 0.07f * static_cast<float>(std::clamp(target.importance, 1, 5)));
            dot_of[target.person.id] = dots_.size();
            dots_.push_back({target.person.id, at, dot_radius});
        }
    }

    // Lines to the best door-opener: to their dot when they are a target, else to a marker
    // just outside the outer ring.
    const auto& openers = app.best_door_openers();
    for (const Dot& dot : dots_) {
        auto found = openers.find(dot.person_id);
        if (found == openers.end()) continue;
        const DoorOpener& opener = found->second;
        ImU32 color = with_alpha(relation_color(opener.person.relation), 0.75f);
        if (auto other = dot_of.find(opener.person.id); other != dot_of.end()) {
            draw->AddLine(dot.center, dots_[other->second].center, color, 1.5f);
            continue;
        }
        ImVec2 direction(dot.center.x - center.x, dot.center.y - center.y);
        float length = std::sqrt(direction.x * direction.x + direction.y * direction.y);
        if (length < 1.0f) direction = ImVec2(0, -1), length = 1.0f;
        float outside = radius * kOuterEdge + font * 1.0f;
        ImVec2 marker(center.x + direction.x / length * outside, center.y + direction.y / length * outside);
        draw->AddLine(dot.center, marker, color, 1.2f);
        draw->AddCircle(marker, font * 0.28f, color, 12, 1.5f);
        if (targets.size() <= 40) {
            std::string name = opener.person.first_name.empty() ? opener.person.display_name() : opener.person.first_name;
            ImVec2 text_size = ImGui::CalcTextSize(name.c_str());
            ImVec2 text_at(marker.x + (direction.x >= 0 ? font * 0.4f : -font * 0.4f - text_size.x), marker.y - text_size.y * 0.5f);
            // Kept inside the canvas on a narrow window.
            text_at.x = std::clamp(text_at.x, origin.x, std::max(origin.x, origin.x + size.x - text_size.x));
            draw->AddText(text_at, with_alpha(relation_color(opener.person.relation), 0.9f), name.c_str());
        }
    }

    // The dots on top, then their names when there is room for them.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::optional<std::size_t> under_mouse;
    for (std::size_t i = 0; i < dots_.size(); ++i) {
        const Dot& dot = dots_[i];
        const Target* target = app.target(dot.person_id);
        if (!target) continue;
        draw->AddCircleFilled(dot.center, dot.radius, with_alpha(relation_color(target->person.relation), 1.0f), 20);
        if (!target->has_plan()) draw->AddCircle(dot.center, dot.radius + 2.0f, with_alpha(widgets::kErrorColor, 0.8f), 20, 1.2f);
        if (app.focused_person() == dot.person_id)
            draw->AddCircle(dot.center, dot.radius + 4.0f, IM_COL32(255, 255, 255, 230), 24, 2.0f);
        float dx = mouse.x - dot.center.x, dy = mouse.y - dot.center.y;
        if (hovered && dx * dx + dy * dy <= (dot.radius + 5.0f) * (dot.radius + 5.0f)) under_mouse = i;
        if (app.probe().enabled())
            app.probe().record_rect("rings.dot:" + target->person.display_name(), dot.center.x - dot.radius,
                                    dot.center.y - dot.radius, dot.center.x + dot.radius, dot.center.y + dot.radius);
        if (dots_.size() <= 60) {
            const std::string& name = target->person.first_name.empty() ? target->person.last_name : target->person.first_name;
            draw->AddText(ImVec2(dot.center.x + dot.radius + 3.0f, dot.center.y - font * 0.5f),
                          ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
        }
    }
    if (under_mouse) {
        const Target* target = app.target(dots_[*under_mouse].person_id);
        if (target) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(target->person.display_name().c_str());
            if (!target->person.company.empty()) ImGui::TextDisabled("%s", target->person.company.c_str());
            if (!target->ask.empty()) ImGui::Text("%s %s", tr("prep.ask"), target->ask.c_str());
            ImGui::EndTooltip();
        }
        if (clicked) app.focus_person(dots_[*under_mouse].person_id);
    }
    if (targets.empty()) {
        const char* empty = tr("rings.empty");
        ImVec2 text_size = ImGui::CalcTextSize(empty);
        draw->AddText(ImVec2(center.x - text_size.x * 0.5f, center.y + radius * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled), empty);
    }
}

void RingsView::draw_side(App& app) {
    const Translator& tr = app.tr();
    const TargetCounts& counts = app.target_counts();
    const std::pair<Circle, int> kCounts[] = {
        {Circle::Central, counts.central}, {Circle::Inner, counts.inner}, {Circle::Outer, counts.outer}};
    for (const auto& [circle, count] : kCounts)
        ImGui::TextColored(circle_color(circle), "%s: %d", tr(std::string("circle.") + std::string(circle_key(circle))), count);
    if (counts.central > kCentralNetworkSize) widgets::muted_text(widgets::format(tr("prep.central_warning"), counts.central));
    if (counts.without_plan > 0) ImGui::TextColored(widgets::kErrorColor, tr("prep.without_plan"), counts.without_plan);

    // Legend: what the colours mean.
    ImGui::Spacing();
    widgets::muted_text(tr("rings.legend"));
    for (Relation relation : {Relation::Inner, Relation::Vip, Relation::Good, Relation::Card, Relation::None}) {
        ImGui::TextColored(relation_color(relation), "●");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", tr(std::string("relation.") + std::string(relation_key(relation))));
    }
    ImGui::TextColored(widgets::kErrorColor, "○");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", tr("rings.legend_no_plan"));
    ImGui::TextDisabled("—");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", tr("rings.legend_line"));
    ImGui::Separator();

    const Target* target = app.focused_person() ? app.target(*app.focused_person()) : nullptr;
    if (!target) {
        widgets::muted_text(tr("rings.click_a_dot"));
        return;
    }
    ImGui::TextUnformatted(target->person.display_name().c_str());
    std::string line = target->person.title;
    if (!target->person.company.empty()) line += (line.empty() ? "" : ", ") + target->person.company;
    if (!line.empty()) widgets::muted_text(line);
    ImGui::TextColored(circle_color(target->circle), "%s", tr(std::string("circle.") + std::string(circle_key(target->circle))));
    ImGui::SameLine();
    ImGui::Text("· %d/5", target->importance);
    const std::pair<const char*, const std::string*> kPlan[] = {
        {"prep.ask", &target->ask}, {"prep.offer", &target->offer}, {"prep.nurture", &target->nurture}};
    for (const auto& [label, value] : kPlan) {
        if (value->empty()) continue;
        ImGui::TextDisabled("%s", tr(label));
        ImGui::TextWrapped("%s", value->c_str());
    }
    const auto& openers = app.best_door_openers();
    if (auto found = openers.find(target->person.id); found != openers.end()) {
        ImGui::TextDisabled("%s", tr("rings.best_door_opener"));
        ImGui::TextWrapped("%s", found->second.person.display_name().c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::kMutedColor);
        for (const std::string& reason : describe_reasons(found->second, target->person, tr.language()))
            ImGui::TextWrapped("%s", reason.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr("rings.open_in_prep"))) app.show(ViewId::Prep);
    app.probe().record("rings.open_in_prep");
}

}  // namespace mingle::app
