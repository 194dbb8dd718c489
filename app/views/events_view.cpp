#include "events_view.hpp"

#include "app/app.hpp"
#include "app/widgets.hpp"
#include "core/dates.hpp"
#include "core/events.hpp"

namespace mingle::app {

void EventsView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    std::string title = std::string(tr("events.title")) + "###events";
    if (!widgets::begin_pane(title.c_str(), position, size)) {
        ImGui::End();
        return;
    }
    if (widgets::ctrl_shortcut('N')) start_new_event();

    if (!creating_) {
        if (ImGui::Button(tr("events.new"))) start_new_event();
        app.probe().record("events.new");
        ImGui::SameLine();
        ImGui::TextDisabled("Ctrl+N");
    } else {
        draw_new_event_form(app);
    }
    ImGui::Separator();

    // A copy: editing reloads the event list, which would pull the ground from under a reference.
    std::optional<Event> current;
    if (const Event* selected = app.current_event()) current = *selected;
    float list_height = current ? ImGui::GetContentRegionAvail().y * 0.42f : ImGui::GetContentRegionAvail().y;
    draw_list(app, list_height);
    if (current) {
        ImGui::Separator();
        draw_details(app, *current);
    }
    ImGui::End();
}

void EventsView::draw_new_event_form(App& app) {
    const Translator& tr = app.tr();
    ImGui::TextUnformatted(tr("events.new_heading"));
    if (focus_new_name_) {
        ImGui::SetKeyboardFocusHere();
        focus_new_name_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    bool submit = widgets::input_with_hint("##new-name", tr("events.name_hint"), new_name_,
                                           ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("events.new_name");
    ImGui::SetNextItemWidth(-1);
    submit |= widgets::input_with_hint("##new-date", tr("events.date_hint"), new_date_,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("events.new_date");
    ImGui::SetNextItemWidth(-1);
    submit |= widgets::input_with_hint("##new-place", tr("events.place_hint"), new_place_,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("events.new_place");
    ImGui::SetNextItemWidth(-1);
    submit |= widgets::input_with_hint("##new-goal", tr("events.goal_hint"), new_goal_,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("events.new_goal");
    submit |= ImGui::Button(tr("events.create"));
    app.probe().record("events.create");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) &&
                                               ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))) {
        creating_ = false;
        new_error_.clear();
    }
    if (!new_error_.empty()) widgets::error_text(new_error_);
    if (!submit || !app.database()) return;
    auto id = EventStore(*app.database()).create(EventDraft{new_name_, new_date_, new_place_, new_goal_});
    if (!id.ok()) {
        new_error_ = id.error().message;
        return;
    }
    creating_ = false;
    new_name_.clear();
    new_date_.clear();
    new_place_.clear();
    new_goal_.clear();
    new_error_.clear();
    app.events_changed();
    app.select_event(*id);
}

void EventsView::draw_list(App& app, float height) {
    const Translator& tr = app.tr();
    if (app.events().empty()) {
        widgets::muted_text(tr("events.none"));
        return;
    }
    if (!ImGui::BeginChild("##event-list", ImVec2(0, height))) {
        ImGui::EndChild();
        return;
    }
    const Event* current = app.current_event();
    for (const Event& event : app.events()) {
        ImGui::PushID(static_cast<int>(event.id));
        bool selected = current && current->id == event.id;
        std::string date = event.date.empty() ? std::string(tr("events.no_date")) : event.date;
        std::string label = event.name + "\n" + date + " · " + std::to_string(event.participant_count) + " " +
                            tr("events.participants");
        if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, ImGui::GetTextLineHeight() * 2.0f)))
            app.select_event(event.id);
        app.probe().record("events.item:" + event.name);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void EventsView::load_buffers(const Event& event) {
    editing_id_ = event.id;
    name_ = event.name;
    date_ = event.date;
    place_ = event.place;
    goal_ = event.goal;
    name_error_.clear();
    date_error_.clear();
}

void EventsView::draw_details(App& app, const Event& event) {
    const Translator& tr = app.tr();
    if (editing_id_ != event.id) load_buffers(event);
    if (!app.database()) return;
    EventStore store(*app.database());

    ImGui::TextUnformatted(tr("events.details"));
    ImGui::TextDisabled("%s", tr("events.saved_as_you_type"));

    ImGui::TextUnformatted(tr("events.name"));
    ImGui::SetNextItemWidth(-1);
    if (widgets::input("##name", name_)) {
        auto saved = store.rename(event.id, name_);
        name_error_ = saved.ok() ? std::string() : saved.error().message;
        if (saved.ok()) app.events_changed();
    }
    app.probe().record("events.name");
    if (ImGui::IsItemDeactivated() && !name_error_.empty()) {
        name_ = event.name;  // leaving the field with a name that cannot be used: back to the saved one
        name_error_.clear();
    }
    if (!name_error_.empty()) widgets::error_text(name_error_);

    ImGui::TextUnformatted(tr("events.date"));
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_with_hint("##date", tr("events.date_hint"), date_)) {
        if (dates::normalize(date_)) {
            auto saved = store.set_date(event.id, date_);
            date_error_ = saved.ok() ? std::string() : saved.error().message;
            if (saved.ok()) app.events_changed();
        } else {
            date_error_ = tr("events.date_invalid");
        }
    }
    app.probe().record("events.date");
    if (ImGui::IsItemDeactivated()) {
        date_ = event.date;  // show the date as saved (normalised), or the last good one
        date_error_.clear();
    }
    if (!date_error_.empty()) widgets::error_text(date_error_);

    ImGui::TextUnformatted(tr("events.place"));
    ImGui::SetNextItemWidth(-1);
    if (widgets::input("##place", place_)) {
        auto saved = store.set_place(event.id, place_);
        if (saved.ok()) app.events_changed();
        else app.report(saved.error());
    }
    app.probe().record("events.place");

    ImGui::TextUnformatted(tr("events.goal"));
    widgets::help_marker(tr("events.goal_help"));
    widgets::sync_buffer("##goal", goal_, event.goal);
    if (widgets::input_multiline("##goal", goal_, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f))) {
        auto saved = store.set_goal(event.id, goal_);
        if (saved.ok()) app.events_changed();
        else app.report(saved.error());
    }
    app.probe().record("events.goal");

    ImGui::Spacing();
    if (ImGui::Button(tr("events.delete"))) ImGui::OpenPopup("###delete-event");
    app.probe().record("events.delete");
    draw_delete_confirmation(app, event);
}

void EventsView::draw_delete_confirmation(App& app, const Event& event) {
    const Translator& tr = app.tr();
    std::string title = std::string(tr("events.delete_title")) + "###delete-event";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text(tr("events.delete_question"), event.name.c_str());
    ImGui::Text(tr("events.delete_consequence"), static_cast<long long>(event.participant_count));
    if (ImGui::Button(tr("common.delete"))) {
        auto removed = EventStore(*app.database()).remove(event.id);
        if (!removed.ok()) app.report(removed.error());
        app.select_event(std::nullopt);
        app.events_changed();
        ImGui::CloseCurrentPopup();
    }
    app.probe().record("events.delete_confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace mingle::app
