#include "ui_probe.hpp"

#include <imgui.h>

namespace mingle::app {

void UiProbe::record(std::string_view id) {
    if (!enabled_) return;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    rects_[std::string(id)] = ProbeRect{min.x, min.y, max.x, max.y};
}

std::optional<ProbeRect> UiProbe::find(std::string_view id) const {
    auto found = rects_.find(std::string(id));
    if (found == rects_.end()) return std::nullopt;
    return found->second;
}

}  // namespace mingle::app
