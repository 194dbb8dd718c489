// Events: the list to choose from, a form to create one, and the chosen event's name, date, place
// and goal, saved as they are typed.
#pragma once

#include <optional>
#include <string>

#include <imgui.h>

#include "core/model.hpp"

namespace mingle::app {

class App;

class EventsView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);
    void start_new_event() { creating_ = true; focus_new_name_ = true; }

private:
    void draw_new_event_form(App& app);
    void draw_list(App& app, float height);
    void draw_details(App& app, const Event& event);
    void draw_delete_confirmation(App& app, const Event& event);
    void load_buffers(const Event& event);

    // New-event form.
    bool creating_ = false;
    bool focus_new_name_ = false;
    std::string new_name_, new_date_, new_place_, new_goal_;
    std::string new_error_;

    // Edit buffers for the selected event; reloaded when another event is selected.
    std::optional<Id> editing_id_;
    std::string name_, date_, place_, goal_;
    std::string name_error_, date_error_;
};

}  // namespace mingle::app
