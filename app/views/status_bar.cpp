#include "status_bar.hpp"

#include "app/app.hpp"
#include "app/widgets.hpp"

namespace mingle::app {

float StatusBar::height() { return ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.0f; }

void StatusBar::draw(App& app, const ImVec2& position, const ImVec2& size) {
    if (!widgets::begin_pane("###status", position, size,
                             ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const auto& notices = app.notices();
    if (notices.empty()) {
        ImGui::TextDisabled("%s", app.tr()("status.ready"));
    } else {
        const Notice& notice = notices.front();
        if (ImGui::SmallButton(app.tr()("common.dismiss"))) app.dismiss_notice();
        app.probe().record("status.dismiss");
        ImGui::SameLine();
        if (notices.size() > 1) {
            ImGui::TextDisabled("(%d)", static_cast<int>(notices.size()));
            ImGui::SameLine();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, notice.level == Notice::Level::Error ? widgets::kErrorColor
                                                                                   : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        // One line fits the bar; a longer notice (a list of files) is read whole in the tooltip.
        const std::size_t line_end = notice.text.find('\n');
        if (line_end == std::string::npos) {
            ImGui::TextUnformatted(notice.text.c_str());
        } else {
            const std::string first_line = notice.text.substr(0, line_end) + " …";
            ImGui::TextUnformatted(first_line.c_str());
        }
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", notice.text.c_str());
    }
    ImGui::End();
}

}  // namespace mingle::app
