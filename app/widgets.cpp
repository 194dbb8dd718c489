#include "widgets.hpp"

#include <cstdarg>
#include <cstdio>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace mingle::app::widgets {

bool begin_pane(const char* title, const ImVec2& position, const ImVec2& size, ImGuiWindowFlags extra_flags) {
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus;
    return ImGui::Begin(title, nullptr, kFlags | extra_flags);
}

bool begin_event_pane(const char* title, const char* stable_id, const Event* event, const char* no_event_text,
                      const ImVec2& position, const ImVec2& size) {
    std::string full_title = title;
    if (event) full_title += " — " + event->name;
    full_title += "###";
    full_title += stable_id;
    if (!begin_pane(full_title.c_str(), position, size)) return false;
    if (!event) muted_text(no_event_text);
    return event != nullptr;
}

void goal_line(const char* label, const Event& event) {
    if (event.goal.empty()) return;
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", event.goal.c_str());
}

bool input(const char* label, std::string& value, ImGuiInputTextFlags flags) {
    return ImGui::InputText(label, &value, flags);
}

bool input_with_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags) {
    return ImGui::InputTextWithHint(label, hint, &value, flags);
}

bool input_multiline(const char* label, std::string& value, const ImVec2& size, ImGuiInputTextFlags flags) {
    return ImGui::InputTextMultiline(label, &value, size, flags);
}

void sync_buffer(const char* label, std::string& buffer, const std::string& stored) {
    if (buffer != stored && ImGui::GetActiveID() != ImGui::GetID(label)) buffer = stored;
}

void error_text(const std::string& message) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

void muted_text(const std::string& message) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMutedColor);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

std::string format(const char* format_string, ...) {
    va_list args;
    va_start(args, format_string);
    va_list copy;
    va_copy(copy, args);
    int length = std::vsnprintf(nullptr, 0, format_string, copy);
    va_end(copy);
    std::string out(length > 0 ? static_cast<std::size_t>(length) : 0, '\0');
    if (length > 0) std::vsnprintf(out.data(), out.size() + 1, format_string, args);
    va_end(args);
    return out;
}

void same_line_if_fits(float width) {
    const float spacing = ImGui::GetFontSize();
    float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_edge) ImGui::SameLine(0.0f, spacing);
}

bool ctrl_shortcut(char upper_case_letter) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(static_cast<int>(upper_case_letter), false);
}

}  // namespace mingle::app::widgets
