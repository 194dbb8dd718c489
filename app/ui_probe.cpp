#include "ui_probe.hpp"

#include <algorithm>
#include <vector>

#include <imgui.h>

namespace mingle::app {

void UiProbe::record(std::string_view id) {
    if (!enabled_) return;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    rects_[std::string(id)] = ProbeRect{min.x, min.y, max.x, max.y};
}

void UiProbe::record_rect(std::string_view id, float min_x, float min_y, float max_x, float max_y) {
    if (!enabled_) return;
    rects_[std::string(id)] = ProbeRect{min_x, min_y, max_x, max_y};
}

std::optional<ProbeRect> UiProbe::find(std::string_view id) const {
    auto found = rects_.find(std::string(id));
    if (found == rects_.end()) return std::nullopt;
    return found->second;
}

std::string UiProbe::recorded_ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, rect] : rects_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    std::string joined;
    for (const auto& id : ids) joined += (joined.empty() ? "" : ", ") + id;
    return joined;
}

}  // namespace mingle::app
