// The prep board: the evening before an event. The goal on top; on the left, the participants to
// pick targets from (or pairs the user could introduce); in the middle, the targets in circles;
// on the right, the plan for the chosen target (ask, offer, nurture), their door-openers, and
// what mingle remembers about them. Every edit is saved as it is typed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <imgui.h>

#include "core/introductions.hpp"
#include "core/model.hpp"

namespace mingle::app {

class App;
struct PersonFile;

// Colours shared by the board and the rings: by circle, and by the user's relationship.
ImVec4 circle_color(Circle circle);
ImVec4 relation_color(Relation relation);

class PrepView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);
    void focus_search() { focus_search_ = true; }

private:
    enum class LeftMode { Pick, Pairs };

    void draw_header(App& app, const Event& event);
    void draw_picker(App& app);
    void draw_pairs(App& app);
    void draw_targets(App& app);
    void draw_editor(App& app);
    void draw_plan(App& app, const Target& target);
    void draw_prompts(App& app, const Person& person);
    void draw_door_openers(App& app, const PersonFile& file);
    void draw_memory(App& app, const PersonFile& file);
    void draw_draft_popup(App& app);
    void add_picked(App& app);
    void show_draft(const Draft& draft);

    // picker
    LeftMode left_mode_ = LeftMode::Pick;
    std::string search_;
    bool focus_search_ = false;
    std::vector<std::uint32_t> matches_;  // participant table rows matching search_
    std::uint64_t matches_generation_ = ~0ull;
    std::string matches_for_;
    std::unordered_set<Id> picked_;
    std::optional<std::size_t> pick_anchor_;  // index into matches_ for shift-click ranges
    int add_circle_ = static_cast<int>(Circle::Outer);

    // editor buffers, for the focused person
    std::optional<Id> buffers_for_;
    std::string goal_, ask_, offer_, nurture_, recognize_;
    std::string note_, former_company_, former_title_, link_search_, link_how_;
    std::vector<Person> link_matches_;
    std::string error_;
    float memory_height_ = -1.0f;  // of the person's memory section when last drawn
    std::optional<Target> removed_;  // the last target removed, for Undo

    // the draft shown in the popup
    bool open_draft_ = false;
    std::string draft_text_;
};

}  // namespace mingle::app
