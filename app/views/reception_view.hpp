// The glance view for the reception (domain.md, section 2): full window, large high-contrast text,
// no mouse needed. Whom to find next, how to recognise them, what to ask and offer, two or three
// questions, who here can introduce; "met"; a capture line for promises and notes; walk-ins; and a
// calm reminder to circulate after a while with one person.
//
// Keys (when not typing): Up/Down move between targets, N the next one not met (central first),
// M marks met, C or Enter captures (F1 I promised, F2 they promised, F3 a note), W adds a walk-in,
// S silences the reminder for this person, Ctrl+plus/minus change the text size, Esc leaves.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>

#include <imgui.h>

#include "core/model.hpp"

namespace mingle::app {

class App;

class ReceptionView {
public:
    enum class CaptureKind { IPromised, TheyPromised, Note };

    void draw(App& app, const ImVec2& position, const ImVec2& size);

    // Seconds until the view needs a redraw with no input (the conversation timer), if it does.
    std::optional<double> wake_in_seconds() const;

    std::optional<Id> current() const { return current_; }
    CaptureKind capture_kind() const { return capture_kind_; }

private:
    void handle_keys(App& app);
    void draw_list(App& app);
    void draw_card(App& app);
    void draw_capture(App& app);
    void draw_reminder(App& app);
    void capture(App& app);
    void add_walk_in(App& app);
    void move(App& app, int step);
    void start_conversation(Id person_id);

    std::optional<Id> current_;
    CaptureKind capture_kind_ = CaptureKind::IPromised;
    std::string capture_text_;
    std::string walk_in_name_, walk_in_company_;
    bool focus_capture_ = false;
    bool focus_walk_in_ = false;
    bool scroll_to_current_ = false;
    std::string feedback_;  // what the last capture saved, or why not
    bool feedback_is_error_ = false;
    float text_scale_ = 0.0f;  // 0: take the config's

    // The conversation timer: who, and since when (ImGui time, in seconds).
    std::optional<Id> talking_to_;
    double talking_since_ = 0.0;
    std::unordered_set<Id> silenced_;
};

}  // namespace mingle::app
