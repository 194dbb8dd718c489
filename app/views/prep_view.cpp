#include "prep_view.hpp"

#include <algorithm>
#include <array>

#include "app/app.hpp"
#include "app/widgets.hpp"
#include "core/events.hpp"
#include "core/followups.hpp"
#include "core/privacy.hpp"
#include "core/links.hpp"
#include "core/people.hpp"
#include "core/targets.hpp"
#include "core/text.hpp"

namespace mingle::app {
namespace {

constexpr Circle kCircles[] = {Circle::Central, Circle::Inner, Circle::Outer};
constexpr Relation kRelations[] = {Relation::Inner, Relation::Vip, Relation::Good, Relation::Card, Relation::None};
constexpr const char* kImportance[] = {"1/5", "2/5", "3/5", "4/5", "5/5"};
constexpr TargetRole kRoles[] = {TargetRole::None, TargetRole::Info, TargetRole::Intermediary, TargetRole::Access};

// A heading between the parts of the person's file (ImGui 1.86 has no SeparatorText).
void section_heading(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}

std::string key(const char* prefix, std::string_view name) { return std::string(prefix) + std::string(name); }

const char* circle_label(const Translator& tr, Circle circle) { return tr(key("circle.", circle_key(circle))); }
const char* relation_label(const Translator& tr, Relation relation) { return tr(key("relation.", relation_key(relation))); }
const char* role_label(const Translator& tr, TargetRole role) {
    return tr(key("role.", role == TargetRole::None ? "none" : role_key(role)));
}

}  // namespace

ImVec4 circle_color(Circle circle) {
    switch (circle) {
        case Circle::Central: return {0.98f, 0.73f, 0.30f, 1.0f};
        case Circle::Inner: return {0.45f, 0.72f, 0.98f, 1.0f};
        case Circle::Outer: return {0.66f, 0.70f, 0.78f, 1.0f};
    }
    return {1, 1, 1, 1};
}

ImVec4 relation_color(Relation relation) {
    switch (relation) {
        case Relation::Inner: return {0.96f, 0.56f, 0.42f, 1.0f};
        case Relation::Vip: return {0.78f, 0.52f, 0.96f, 1.0f};
        case Relation::Good: return {0.42f, 0.82f, 0.55f, 1.0f};
        case Relation::Card: return {0.55f, 0.68f, 0.82f, 1.0f};
        case Relation::None: return {0.58f, 0.60f, 0.64f, 1.0f};
    }
    return {1, 1, 1, 1};
}

void PrepView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    const Event* event = app.current_event();
    if (!widgets::begin_event_pane(tr("prep.title"), "prep", event, tr("participants.no_event"), position, size)) {
        ImGui::End();
        return;
    }
    draw_header(app, *event);

    // Three columns: pick, the targets, the chosen one. On a narrow window the picker sits above
    // the targets, so each list keeps a readable width.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const bool narrow = available < ImGui::GetFontSize() * 44.0f;
    const float left_width = narrow ? available * 0.46f : std::max(available * 0.28f, ImGui::GetFontSize() * 12.0f);
    const float middle_width = std::max(available * 0.28f, ImGui::GetFontSize() * 12.0f);
    const float height = ImGui::GetContentRegionAvail().y;
    if (narrow) ImGui::BeginGroup();
    if (ImGui::BeginChild("##left", ImVec2(left_width, narrow ? height * 0.55f : 0), true)) {
        if (ImGui::RadioButton(tr("prep.mode_pick"), left_mode_ == LeftMode::Pick)) left_mode_ = LeftMode::Pick;
        app.probe().record("prep.mode_pick");
        widgets::same_line_if_fits(ImGui::CalcTextSize(tr("prep.mode_pairs")).x + ImGui::GetFrameHeight() * 1.5f);
        if (ImGui::RadioButton(tr("prep.mode_pairs"), left_mode_ == LeftMode::Pairs)) left_mode_ = LeftMode::Pairs;
        app.probe().record("prep.mode_pairs");
        if (left_mode_ == LeftMode::Pick) draw_picker(app);
        else draw_pairs(app);
    }
    ImGui::EndChild();
    if (narrow) {
        if (ImGui::BeginChild("##targets", ImVec2(left_width, 0), true)) draw_targets(app);
        ImGui::EndChild();
        ImGui::EndGroup();
    } else {
        ImGui::SameLine(0, spacing);
        if (ImGui::BeginChild("##targets", ImVec2(middle_width, 0), true)) draw_targets(app);
        ImGui::EndChild();
    }
    ImGui::SameLine(0, spacing);
    if (ImGui::BeginChild("##editor", ImVec2(0, 0), true)) draw_editor(app);
    ImGui::EndChild();
    draw_draft_popup(app);
    ImGui::End();
}

void PrepView::draw_header(App& app, const Event& event) {
    const Translator& tr = app.tr();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("prep.goal"));
    ImGui::SameLine();
    widgets::sync_buffer("##goal", goal_, event.goal);
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_with_hint("##goal", tr("prep.goal_hint"), goal_)) {
        if (auto saved = EventStore(*app.database()).set_goal(event.id, goal_); saved.ok()) app.events_changed();
        else app.report(saved.error());
    }
    app.probe().record("prep.goal");

    const TargetCounts& counts = app.target_counts();
    const std::pair<Circle, int> kCounts[] = {
        {Circle::Central, counts.central}, {Circle::Inner, counts.inner}, {Circle::Outer, counts.outer}};
    for (const auto& [circle, count] : kCounts) {
        ImGui::TextColored(circle_color(circle), "%s: %d", circle_label(tr, circle), count);
        ImGui::SameLine(0, ImGui::GetFontSize());
    }
    if (counts.without_plan > 0) ImGui::TextColored(widgets::kMutedColor, tr("prep.without_plan"), counts.without_plan);
    else if (counts.total() > 0) ImGui::TextColored(widgets::kOkColor, "%s", tr("prep.all_planned"));
    else ImGui::TextColored(widgets::kMutedColor, "%s", tr("prep.no_targets_yet"));
    if (counts.central > kCentralNetworkSize)
        widgets::muted_text(widgets::format(tr("prep.central_warning"), counts.central));
    ImGui::Spacing();
}

void PrepView::draw_picker(App& app) {
    const Translator& tr = app.tr();
    ParticipantTable& table = app.participants();
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    widgets::input_with_hint("##pick-search", tr("prep.search_hint"), search_);
    app.probe().record("prep.search");
    const bool search_focused = ImGui::IsItemFocused();
    if (matches_generation_ != app.participants_generation() || matches_for_ != search_) {
        table.find(search_, matches_);
        matches_generation_ = app.participants_generation();
        matches_for_ = search_;
        pick_anchor_.reset();
    }

    // Add the picked ones: button, Enter in the search box, or double-click on a row.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    const char* circle_preview = circle_label(tr, static_cast<Circle>(add_circle_));
    if (ImGui::BeginCombo("##add-circle", circle_preview)) {
        for (Circle circle : kCircles) {
            if (ImGui::Selectable(circle_label(tr, circle), add_circle_ == static_cast<int>(circle)))
                add_circle_ = static_cast<int>(circle);
            app.probe().record(key("prep.add_circle.", circle_key(circle)));
        }
        ImGui::EndCombo();
    }
    app.probe().record("prep.add_circle");
    ImGui::SameLine();
    ImGui::BeginDisabled(picked_.empty());
    bool add = ImGui::Button(widgets::format(tr("prep.add_targets"), static_cast<int>(picked_.size())).c_str());
    ImGui::EndDisabled();
    app.probe().record("prep.add");
    if (search_focused && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        // Enter with nothing picked takes the first match: type a name, press Enter.
        if (picked_.empty() && !matches_.empty()) picked_.insert(table.row(matches_.front()).person.id);
        add = true;
    }
    if (table.total() == 0) {
        widgets::muted_text(tr("participants.empty"));
        return;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", matches_.size());
    widgets::help_marker(widgets::format(tr("prep.pick_help"), matches_.size()).c_str());

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter;
    if (ImGui::BeginTable("##pick", 2, kFlags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("prep.name"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("participants.company"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(matches_.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Person& person = table.row(matches_[static_cast<std::size_t>(i)]).person;
                const bool already = app.is_target(person.id);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(person.id));
                std::string label = person.display_name();
                if (already) label = "✓ " + label;
                bool selected = picked_.count(person.id) > 0 || app.focused_person() == person.id;
                if (already) ImGui::PushStyleColor(ImGuiCol_Text, widgets::kMutedColor);
                if (ImGui::Selectable(label.c_str(), selected,
                                      ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                    const ImGuiIO& io = ImGui::GetIO();
                    auto index = static_cast<std::size_t>(i);
                    if (io.KeyShift && pick_anchor_) {
                        auto [from, to] = std::minmax(*pick_anchor_, index);
                        for (std::size_t k = from; k <= to && k < matches_.size(); ++k) {
                            Id id = table.row(matches_[k]).person.id;
                            if (!app.is_target(id)) picked_.insert(id);
                        }
                    } else if (io.KeyCtrl) {
                        if (!already && !picked_.erase(person.id)) picked_.insert(person.id);
                        pick_anchor_ = index;
                    } else {
                        picked_.clear();
                        if (!already) picked_.insert(person.id);
                        pick_anchor_ = index;
                    }
                    app.focus_person(person.id);
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !already) add = true;
                }
                if (already) ImGui::PopStyleColor();
                if (app.probe().enabled()) app.probe().record("prep.pick:" + person.display_name());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(person.company.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    if (add) add_picked(app);
}

void PrepView::add_picked(App& app) {
    const Event* event = app.current_event();
    if (!event || picked_.empty()) return;
    std::vector<Id> ids(picked_.begin(), picked_.end());
    std::sort(ids.begin(), ids.end());
    auto added = TargetStore(*app.database()).add(event->id, ids, static_cast<Circle>(add_circle_));
    if (!added.ok()) {
        app.report(added.error());
        return;
    }
    app.focus_person(ids.front());
    picked_.clear();
    app.targets_changed();
    app.notify(widgets::format(app.tr()("prep.added"), *added));
}

void PrepView::draw_pairs(App& app) {
    const Translator& tr = app.tr();
    widgets::muted_text(tr("prep.pairs_help"));
    const auto& pairs = app.pair_suggestions();
    if (pairs.empty()) {
        ImGui::Spacing();
        widgets::muted_text(tr("prep.pairs_none"));
        return;
    }
    const Event* event = app.current_event();
    int index = 0;
    for (const PairSuggestion& pair : pairs) {
        ImGui::PushID(index++);
        ImGui::Separator();
        ImGui::TextWrapped("%s + %s", pair.first.display_name().c_str(), pair.second.display_name().c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::kMutedColor);
        ImGui::TextWrapped("%s", pair.reason.c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton(tr("prep.draft_introduction")) && event)
            show_draft(draft_pair_introduction(pair, *event, app.config().config.me.name, tr.language()));
        app.probe().record("prep.pair_draft:" + std::to_string(index - 1));
        ImGui::PopID();
    }
}

void PrepView::draw_targets(App& app) {
    const Translator& tr = app.tr();
    const auto& targets = app.targets();
    ImGui::TextUnformatted(tr("prep.targets"));
    widgets::help_marker(tr("prep.targets_help"));
    // A removed target's plan is one click from coming back.
    if (removed_ && removed_->event_id == (app.current_event() ? app.current_event()->id : 0)) {
        widgets::muted_text(widgets::format(tr("prep.removed"), removed_->person.display_name().c_str()));
        if (ImGui::SmallButton(tr("common.undo"))) {
            if (auto restored = TargetStore(*app.database()).restore(*removed_); restored.ok()) {
                app.focus_person(removed_->person.id);
                app.targets_changed();
                removed_.reset();
            } else {
                app.report(restored.error());
            }
        }
        app.probe().record("prep.undo_remove");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("common.dismiss"))) removed_.reset();
    }
    if (targets.empty()) {
        widgets::muted_text(tr("prep.targets_empty"));
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##target-table", 4, kFlags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("prep.circle"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.6f);
    ImGui::TableSetupColumn(tr("prep.name"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("prep.importance_short"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.4f);
    ImGui::TableSetupColumn(tr("prep.plan"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.0f);
    ImGui::TableHeadersRow();
    // Looked up once per frame, not per row: the rows are the hot part of the board.
    const char* circle_labels[3];
    ImU32 circle_colors[3];
    for (Circle circle : kCircles) {
        circle_labels[static_cast<int>(circle)] = tr(key("circle_short.", circle_key(circle)));
        circle_colors[static_cast<int>(circle)] = ImGui::ColorConvertFloat4ToU32(circle_color(circle));
    }
    const ImU32 planned_color = ImGui::ColorConvertFloat4ToU32(widgets::kOkColor);
    const ImU32 unplanned_color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::optional<Id> focused = app.focused_person();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(targets.size()));
    std::string label;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Target& target = targets[static_cast<std::size_t>(i)];
            const int circle = static_cast<int>(target.circle);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(target.person.id));
            ImGui::PushStyleColor(ImGuiCol_Text, circle_colors[circle]);
            ImGui::TextUnformatted(circle_labels[circle]);
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            label = target.person.display_name();
            if (ImGui::Selectable(label.c_str(), focused == target.person.id, ImGuiSelectableFlags_SpanAllColumns))
                app.focus_person(target.person.id);
            if (app.probe().enabled()) app.probe().record("prep.target:" + label);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kImportance[std::clamp(target.importance, 1, 5) - 1]);
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, target.has_plan() ? planned_color : unplanned_color);
            ImGui::TextUnformatted(target.has_plan() ? "✓" : "–");
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void PrepView::draw_editor(App& app) {
    const Translator& tr = app.tr();
    const PersonFile* file = app.person_file();
    if (!file) {
        widgets::muted_text(tr("prep.editor_empty"));
        return;
    }
    const Person& person = file->person;
    if (buffers_for_ != person.id) {
        buffers_for_ = person.id;
        note_.clear();
        former_company_.clear();
        former_title_.clear();
        link_search_.clear();
        link_how_.clear();
        link_matches_.clear();
        error_.clear();
        memory_height_ = -1.0f;
    }
    ImGui::TextUnformatted(person.display_name().c_str());
    std::string line = person.title;
    if (!person.company.empty()) line += (line.empty() ? "" : ", ") + person.company;
    if (!line.empty()) widgets::muted_text(line);

    const Target* target = app.target(person.id);
    if (target) {
        draw_plan(app, *target);
    } else {
        if (ImGui::Button(tr("prep.make_target"))) {
            picked_ = {person.id};
            add_picked(app);
        }
        app.probe().record("prep.make_target");
    }
    if (!error_.empty()) widgets::error_text(error_);
    ImGui::Spacing();
    draw_prompts(app, person);
    draw_door_openers(app, *file);
    // The person's memory is often below the fold: there, only its height is kept (as a list
    // clipper would), so the scrollbar stays right and the frame does not lay out what is unseen.
    const float visible_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (memory_height_ > 0 && ImGui::GetCursorScreenPos().y > visible_bottom) {
        ImGui::Dummy(ImVec2(1.0f, memory_height_));
    } else {
        const float start = ImGui::GetCursorPosY();
        draw_memory(app, *file);
        memory_height_ = ImGui::GetCursorPosY() - start;
    }
}

void PrepView::draw_plan(App& app, const Target& target) {
    const Translator& tr = app.tr();
    const Id event_id = target.event_id, person_id = target.person.id;
    TargetStore store(*app.database());
    auto saved = [&](const Status& status) {
        if (status.ok()) {
            error_.clear();
            app.targets_changed();
        } else {
            error_ = status.error().message;
        }
    };

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("prep.circle"));
    for (Circle circle : kCircles) {
        widgets::same_line_if_fits(ImGui::CalcTextSize(tr(key("circle_short.", circle_key(circle)))).x +
                                   ImGui::GetFrameHeight() * 1.5f);
        ImGui::PushStyleColor(ImGuiCol_Text, circle_color(circle));
        if (ImGui::RadioButton(tr(key("circle_short.", circle_key(circle))), target.circle == circle)) saved(store.set_circle(event_id, person_id, circle));
        ImGui::PopStyleColor();
        app.probe().record(key("prep.circle.", circle_key(circle)));
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("prep.importance"));
    for (int level = 1; level <= 5; ++level) {
        widgets::same_line_if_fits(ImGui::GetFrameHeight() * 2.2f);
        ImGui::PushID(level);
        if (ImGui::RadioButton(std::to_string(level).c_str(), target.importance == level))
            saved(store.set_importance(event_id, person_id, level));
        app.probe().record("prep.importance." + std::to_string(level));
        ImGui::PopID();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("prep.role"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##role", role_label(tr, target.role))) {
        for (TargetRole role : kRoles) {
            if (ImGui::Selectable(role_label(tr, role), target.role == role)) saved(store.set_role(event_id, person_id, role));
            app.probe().record(key("prep.role.", role == TargetRole::None ? "none" : role_key(role)));
        }
        ImGui::EndCombo();
    }
    app.probe().record("prep.role");

    // The three questions for each target (domain.md, section 1).
    const struct {
        PlanField field;
        const char* label_key;
        const char* hint_key;
        const char* id;
        std::string* buffer;
        const std::string* stored;
    } kPlan[] = {
        {PlanField::Ask, "prep.ask", "prep.ask_hint", "##ask", &ask_, &target.ask},
        {PlanField::Offer, "prep.offer", "prep.offer_hint", "##offer", &offer_, &target.offer},
        {PlanField::Nurture, "prep.nurture", "prep.nurture_hint", "##nurture", &nurture_, &target.nurture},
    };
    for (const auto& plan : kPlan) {
        ImGui::TextUnformatted(tr(plan.label_key));
        widgets::sync_buffer(plan.id, *plan.buffer, *plan.stored);
        ImGui::SetNextItemWidth(-1);
        if (widgets::input_with_hint(plan.id, tr(plan.hint_key), *plan.buffer))
            saved(store.set_plan(event_id, person_id, plan.field, *plan.buffer));
        app.probe().record(std::string("prep.") + (plan.id + 2));
    }
    if (ImGui::SmallButton(tr("prep.remove_target"))) {
        Target copy = target;  // the reference goes with the next reload
        if (auto removed = store.remove(event_id, person_id); removed.ok()) {
            removed_ = std::move(copy);
            app.targets_changed();
        } else {
            app.report(removed.error());
        }
    }
    app.probe().record("prep.remove_target");
}

void PrepView::draw_prompts(App& app, const Person& person) {
    const Translator& tr = app.tr();
    if (!ImGui::CollapsingHeader(tr("prompts.title"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const Event* event = app.current_event();
    const std::vector<Prompt>* prompts = app.prompts_for(person.id);
    const PromptFacts* facts = app.prompt_facts_for(person.id);
    if (!event || !prompts || !facts) return;

    // The language to talk to them in: the user's own unless switched (an international guest).
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr("prompts.language"));
    for (Language language : {Language::Danish, Language::English}) {
        const char* label = language == Language::Danish ? "Dansk" : "English";
        widgets::same_line_if_fits(ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight() * 1.5f);
        if (ImGui::RadioButton(label, facts->language == language)) {
            const bool own = language == app.config().config.language;
            auto saved = PersonMemory(*app.database()).set_field(person.id, "language", own ? "" : language_code(language));
            if (saved.ok()) app.person_changed();
            else error_ = saved.error().message;
        }
        app.probe().record(std::string("prep.lang.") + std::string(language_code(language)));
    }

    int index = 0;
    for (const Prompt& prompt : *prompts) {
        ImGui::PushID(index);
        const std::string id = std::to_string(index++);
        ImGui::PushStyleColor(ImGuiCol_Text, prompt.used ? widgets::kMutedColor : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", prompt.text.c_str());
        ImGui::PopStyleColor();
        app.probe().record("prep.prompt:" + id);
        ImGui::Indent();
        auto mark = [&](bool used, bool pinned) {
            auto saved = set_prompt_mark(*app.database(), event->id, person.id, prompt.id, used, pinned);
            if (saved.ok()) app.prompts_changed();
            else error_ = saved.error().message;
        };
        if (ImGui::SmallButton(prompt.pinned ? tr("prompts.unpin") : tr("prompts.pin"))) mark(prompt.used, !prompt.pinned);
        app.probe().record("prep.prompt_pin:" + id);
        ImGui::SameLine();
        if (ImGui::SmallButton(prompt.used ? tr("prompts.used") : tr("prompts.mark_used"))) mark(!prompt.used, prompt.pinned);
        app.probe().record("prep.prompt_used:" + id);
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (prompts->empty()) widgets::muted_text(tr("prompts.none"));
    if (ImGui::SmallButton(tr("prompts.new_set"))) app.new_prompt_set(person.id);
    app.probe().record("prep.new_set");
    widgets::help_marker(tr("prompts.help"));

    // Rehearse: the user's own introduction, and a polite way to move on.
    const QuestionBank& bank = app.question_bank(facts->language);
    const std::string intro = statement_for(*facts, bank, PromptKind::SelfIntro);
    if (!intro.empty()) {
        ImGui::TextDisabled("%s", tr("prompts.self_intro"));
        widgets::muted_text(intro);
    }
    const std::string exit_line = statement_for(*facts, bank, PromptKind::Exit);
    if (!exit_line.empty()) {
        ImGui::TextDisabled("%s", tr("prompts.exit"));
        widgets::muted_text(exit_line);
    }
}

void PrepView::draw_door_openers(App& app, const PersonFile& file) {
    const Translator& tr = app.tr();
    if (!ImGui::CollapsingHeader(tr("prep.door_openers"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    app.probe().record("prep.door_openers");
    if (file.door_openers.empty()) {
        widgets::muted_text(tr("prep.no_door_openers"));
        return;
    }
    const Event* event = app.current_event();
    int shown = 0;
    for (const DoorOpener& opener : file.door_openers) {
        if (shown++ == 3) break;  // the best few; the rest are weaker by construction
        ImGui::PushID(static_cast<int>(opener.person.id));
        ImGui::TextColored(relation_color(opener.person.relation), "●");
        ImGui::SameLine();
        ImGui::TextUnformatted(opener.person.display_name().c_str());
        if (opener.attending) {
            ImGui::SameLine();
            ImGui::TextColored(widgets::kOkColor, "%s", tr("prep.attending"));
        }
        widgets::same_line_if_fits(ImGui::CalcTextSize(tr("prep.ask_for_introduction")).x + ImGui::GetFontSize());
        if (ImGui::SmallButton(tr("prep.ask_for_introduction")) && event)
            show_draft(draft_introduction_request(opener.person, file.person, *event, app.config().config.me.name,
                                                  tr.language()));
        app.probe().record("prep.intro_draft:" + opener.person.display_name());
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::kMutedColor);
        auto reasons = describe_reasons(opener, file.person, tr.language());
        // The first reason of one who attends says so; the green "here" already does.
        for (std::size_t r = opener.attending ? 1 : 0; r < reasons.size(); ++r) ImGui::TextWrapped("%s", reasons[r].c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
        ImGui::PopID();
    }
}

void PrepView::draw_memory(App& app, const PersonFile& file) {
    const Translator& tr = app.tr();
    const Person& person = file.person;
    PersonMemory memory(*app.database());
    auto saved = [&](const Status& status) {
        if (status.ok()) {
            error_.clear();
            app.person_changed();
            return true;
        }
        error_ = status.error().message;
        return false;
    };

    if (!ImGui::CollapsingHeader(tr("prep.memory"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("prep.relation"));
    widgets::help_marker(tr("prep.relation_help"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##relation", relation_label(tr, person.relation))) {
        for (Relation relation : kRelations) {
            if (ImGui::Selectable(relation_label(tr, relation), person.relation == relation))
                saved(memory.set_relation(person.id, relation));
            app.probe().record(key("prep.relation.", relation_key(relation)));
        }
        ImGui::EndCombo();
    }
    app.probe().record("prep.relation");

    ImGui::TextUnformatted(tr("prep.recognize"));
    widgets::sync_buffer("##recognize", recognize_, person.recognize);
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_with_hint("##recognize", tr("prep.recognize_hint"), recognize_)) {
        // Typed straight into the file: the person file is read again next frame.
        saved(memory.set_recognize(person.id, recognize_));
    }
    app.probe().record("prep.recognize");

    // Keeping in touch: the balance both ways, and a contact or something given or received.
    ImGui::TextDisabled(tr("followup.balance"), file.balance.gave, file.balance.received);
    const std::pair<ContactKind, const char*> kLogs[] = {{ContactKind::Contact, "followup.log_contact"},
                                                         {ContactKind::Gave, "followup.log_gave"},
                                                         {ContactKind::Received, "prep.log_received"}};
    for (const auto& [kind, label] : kLogs) {
        widgets::same_line_if_fits(ImGui::CalcTextSize(tr(label)).x + ImGui::GetFontSize());
        if (ImGui::SmallButton(tr(label))) {
            auto logged = log_contact(*app.database(), person.id, kind, "");
            if (saved(logged.ok() ? ok_status() : Status(logged.error()))) app.followups_changed();
        }
        app.probe().record(std::string("prep.log_") + std::string(contact_kind_key(kind)));
    }

    // Notes, newest first, with a field to add one.
    section_heading(tr("prep.notes"));
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.0f);
    bool add_note = widgets::input_with_hint("##note", tr("prep.note_hint"), note_, ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("prep.note");
    ImGui::SameLine();
    add_note |= ImGui::Button(tr("prep.add_note"));
    app.probe().record("prep.add_note");
    if (add_note && !note_.empty()) {
        const Event* event = app.current_event();
        auto added = memory.add_note(person.id, event ? std::optional<Id>(event->id) : std::nullopt, note_);
        if (added.ok()) note_.clear();
        saved(added.ok() ? ok_status() : Status(added.error()));
    }
    for (const Note& note : file.notes) {
        ImGui::TextDisabled("%s", note.created_at.substr(0, 10).c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", note.text.c_str());
    }

    // Former companies and titles.
    section_heading(tr("prep.history"));
    for (const HistoryEntry& entry : file.history) {
        std::string text = entry.title;
        if (!entry.company.empty()) text += (text.empty() ? "" : ", ") + entry.company;
        if (entry.from_import) text += std::string(" (") + tr("prep.from_list") + ")";
        ImGui::BulletText("%s", text.c_str());
    }
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4.0f) * 0.5f;
    ImGui::SetNextItemWidth(half);
    widgets::input_with_hint("##former-company", tr("prep.former_company"), former_company_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    widgets::input_with_hint("##former-title", tr("prep.former_title"), former_title_);
    ImGui::SameLine();
    if (ImGui::Button(tr("prep.add_history")) && saved(memory.add_history(person.id, former_company_, former_title_))) {
        former_company_.clear();
        former_title_.clear();
    }
    app.probe().record("prep.add_history");

    // Events where both were present.
    section_heading(tr("prep.events"));
    for (const Attendance& attendance : file.events)
        ImGui::BulletText("%s %s", attendance.date.c_str(), attendance.event_name.c_str());

    // Whom they know.
    section_heading(tr("prep.knows"));
    for (const Link& link : file.links) {
        ImGui::PushID(static_cast<int>(link.other.id));
        ImGui::BulletText("%s%s%s", link.other.display_name().c_str(), link.how.empty() ? "" : " — ", link.how.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("✕") && saved(LinkStore(*app.database()).remove(person.id, link.other.id))) {
        }
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(half);
    if (widgets::input_with_hint("##link-search", tr("prep.link_search"), link_search_)) {
        link_matches_.clear();
        if (text::trim(link_search_).size() >= 2) {
            auto people = PersonStore(*app.database()).list({std::nullopt, link_search_});
            for (Person& other : people) {
                if (other.id == person.id) continue;
                link_matches_.push_back(std::move(other));
                if (link_matches_.size() == 8) break;
            }
        }
    }
    app.probe().record("prep.link_search");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    widgets::input_with_hint("##link-how", tr("prep.link_how"), link_how_);
    for (const Person& other : link_matches_) {
        ImGui::PushID(static_cast<int>(other.id));
        std::string label = widgets::format(tr("prep.link_add"), other.display_name().c_str());
        if (!other.company.empty()) label += " (" + other.company + ")";
        if (ImGui::Selectable(label.c_str()) && saved(LinkStore(*app.database()).add(person.id, other.id, link_how_))) {
            link_search_.clear();
            link_how_.clear();
            link_matches_.clear();
            ImGui::PopID();
            break;
        }
        app.probe().record("prep.link_add:" + other.display_name());
        ImGui::PopID();
    }

    // Their data is theirs: all of it as a file, or erased for good (asked first).
    section_heading(tr("prep.their_data"));
    if (ImGui::SmallButton(tr("prep.export_person"))) {
        auto everything = export_person(*app.database(), person.id);
        const std::filesystem::path path = app.drafts_folder().parent_path() / "exports" /
                                           ("person-" + std::to_string(person.id) + ".json");
        Status written = everything.ok() ? write_file_atomically(path, everything->dump(2) + "\n") : Status(everything.error());
        if (written.ok()) app.notify(widgets::format(tr("prep.exported_to"), path.string().c_str()));
        else app.report(written.error());
    }
    app.probe().record("prep.export_person");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("prep.erase_person"))) ImGui::OpenPopup("###erase-person");
    app.probe().record("prep.erase_person");
    if (ImGui::BeginPopupModal((std::string(tr("prep.erase_title")) + "###erase-person").c_str(), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(widgets::format(tr("prep.erase_question"), person.display_name().c_str()).c_str());
        widgets::muted_text(tr("prep.erase_help"));
        if (ImGui::Button(tr("prep.erase_confirm"))) {
            const std::string name = person.display_name();
            if (auto erased = erase_person(*app.database(), person.id); erased.ok()) {
                app.focus_person(std::nullopt);
                app.person_changed();
                app.participants_changed();
                app.followups_changed();
                std::string message = widgets::format(tr("prep.erased"), name.c_str());
                if (!erased->still_mentioned_in.empty()) {
                    message.append(" ").append(tr("prep.erased_still_in"));
                    for (const auto& path : erased->still_mentioned_in) message.append("\n").append(path.string());
                }
                app.notify(message);
            } else {
                app.report(erased.error());
            }
            ImGui::CloseCurrentPopup();
        }
        app.probe().record("prep.erase_confirm");
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void PrepView::show_draft(const Draft& draft) {
    draft_text_ = draft.subject.empty() ? draft.body : draft.subject + "\n\n" + draft.body;
    open_draft_ = true;
}

void PrepView::draw_draft_popup(App& app) {
    const Translator& tr = app.tr();
    if (open_draft_) {
        ImGui::OpenPopup("###draft");
        open_draft_ = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(viewport->Size.x * 0.9f, ImGui::GetFontSize() * 36.0f), 0));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::string title = std::string(tr("prep.draft_title")) + "###draft";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    widgets::muted_text(tr("prep.draft_help"));
    // Editable, so the user can adjust it before copying; nothing here is stored.
    widgets::input_multiline("##draft-text", draft_text_,
                             ImVec2(ImGui::GetFontSize() * 34.0f, ImGui::GetTextLineHeightWithSpacing() * 12.0f));
    if (ImGui::Button(tr("prep.copy"))) {
        ImGui::SetClipboardText(draft_text_.c_str());
        app.notify(tr("prep.copied"));
        ImGui::CloseCurrentPopup();
    }
    app.probe().record("prep.copy");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    app.probe().record("prep.close_draft");
    ImGui::EndPopup();
}

}  // namespace mingle::app
