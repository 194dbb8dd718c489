// The participants of the chosen event: search as you type, sort by any column, details of the
// selected person. Smooth at 100,000 rows: only visible rows are drawn (ImGuiListClipper).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "core/model.hpp"

namespace mingle::app {

class App;

class ParticipantsView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);
    void focus_search() { focus_search_ = true; }

private:
    void draw_table(App& app, float height);
    void draw_details(App& app);

    std::string search_;
    bool focus_search_ = false;
    std::optional<Id> selected_person_;
    // Details of the selected person, parsed once when the selection changes.
    std::optional<Id> details_for_;
    std::vector<std::pair<std::string, std::string>> details_;
};

}  // namespace mingle::app
