// Small ImGui helpers shared by the views.
#pragma once

#include <string>

#include <imgui.h>

#include "core/model.hpp"

namespace mingle::app::widgets {

inline const ImVec4 kErrorColor{0.93f, 0.35f, 0.33f, 1.0f};
inline const ImVec4 kMutedColor{0.62f, 0.64f, 0.68f, 1.0f};
inline const ImVec4 kOkColor{0.45f, 0.80f, 0.52f, 1.0f};

// Begins a window laid out by the app (placed and sized each frame, not movable by the user).
// As with ImGui::Begin, call ImGui::End() whatever it returns.
bool begin_pane(const char* title, const ImVec2& position, const ImVec2& size, ImGuiWindowFlags extra_flags = 0);

// Begins a pane about the chosen event, titled "Title — Event" (stable_id keeps it one window
// when the event changes). True when there is an event to show; without one it says
// `no_event_text` and returns false. Call ImGui::End() whatever it returns.
bool begin_event_pane(const char* title, const char* stable_id, const Event* event, const char* no_event_text,
                      const ImVec2& position, const ImVec2& size);

// "Goal: ..." in one wrapped line, when the event has a goal.
void goal_line(const char* label, const Event& event);

// A text input bound to a std::string; true when the text changed this frame.
bool input(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);
bool input_with_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0);
bool input_multiline(const char* label, std::string& value, const ImVec2& size, ImGuiInputTextFlags flags = 0);

// Before drawing the input `label`: takes the stored value into the edit buffer unless the user is
// typing in it, so a value edited elsewhere (another view) shows here too.
void sync_buffer(const char* label, std::string& buffer, const std::string& stored);

void error_text(const std::string& message);  // wrapped, in the error colour
void muted_text(const std::string& message);  // wrapped, dimmed
void help_marker(const char* text);           // "(?)" with a tooltip

// Continues on the same line if `width` more pixels fit there, else starts a new line: rows of
// controls that wrap on a narrow window instead of running off its edge.
void same_line_if_fits(float width);

// printf-style formatting into a std::string (for translated strings with numbers in them).
std::string format(const char* format_string, ...) IM_FMTARGS(1);

// Ctrl + a letter, pressed this frame (GLFW's key codes for letters are their ASCII capitals).
bool ctrl_shortcut(char upper_case_letter);

}  // namespace mingle::app::widgets
