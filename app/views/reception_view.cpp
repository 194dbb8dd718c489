#include "reception_view.hpp"

#include <algorithm>
#include <cmath>

#include "app/app.hpp"
#include "app/fonts.hpp"
#include "app/views/prep_view.hpp"
#include "app/widgets.hpp"
#include "core/due_dates.hpp"
#include "core/links.hpp"
#include "core/prompts.hpp"
#include "core/reception.hpp"
#include "core/text.hpp"

namespace mingle::app {
namespace {

// GLFW's key codes, which ImGui 1.86's io.KeysDown is indexed by.
constexpr int kKeyF1 = 290, kKeyF2 = 291, kKeyF3 = 292, kKeyEqual = 61, kKeyMinus = 45, kKeyKeypadAdd = 334,
              kKeyKeypadSubtract = 333;

// High contrast for arm's length: near-black background, white text, one warm accent.
const ImVec4 kBackground{0.02f, 0.02f, 0.03f, 1.0f};
const ImVec4 kText{1.0f, 1.0f, 1.0f, 1.0f};
const ImVec4 kAccent{1.0f, 0.82f, 0.30f, 1.0f};
const ImVec4 kDim{0.72f, 0.74f, 0.78f, 1.0f};
const ImVec4 kMet{0.45f, 0.85f, 0.55f, 1.0f};

bool key_pressed(int key) { return ImGui::IsKeyPressed(key, false); }

bool plain_key(char upper_case_letter) {
    const ImGuiIO& io = ImGui::GetIO();
    return !io.KeyCtrl && !io.KeyAlt && !io.WantTextInput && key_pressed(static_cast<int>(upper_case_letter));
}

std::string minutes_seconds(double seconds) {
    int total = static_cast<int>(seconds);
    return widgets::format("%d:%02d", total / 60, total % 60);
}

}  // namespace

std::optional<double> ReceptionView::wake_in_seconds() const {
    if (!talking_to_) return std::nullopt;
    return 1.0;  // the timer shows seconds
}

void ReceptionView::start_conversation(Id person_id) {
    if (talking_to_ == person_id) return;
    talking_to_ = person_id;
    talking_since_ = ImGui::GetTime();
}

void ReceptionView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    if (text_scale_ <= 0.0f) text_scale_ = app.config().config.reception.text_scale;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kBackground);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, kBackground);
    ImGui::PushStyleColor(ImGuiCol_Text, kText);
    const bool open = widgets::begin_pane((std::string(tr("reception.title")) + "###reception").c_str(), position, size,
                                          ImGuiWindowFlags_NoTitleBar);
    ImGui::PopStyleColor(3);
    if (!open) {
        ImGui::End();
        return;
    }
    ImFont* font = large_font();
    if (font) ImGui::PushFont(font);
    ImGui::SetWindowFontScale(text_scale_ / (font ? kLargeFontFactor : 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, kText);

    const Event* event = app.current_event();
    if (!event) {
        widgets::muted_text(tr("participants.no_event"));
    } else {
        // Keep the current target valid: the first not met, central first, when none is chosen.
        const auto& targets = app.targets();
        if (current_ && !app.is_target(*current_) && !app.met().count(*current_)) current_.reset();
        if (!current_ && !targets.empty()) {
            auto unmet = std::find_if(targets.begin(), targets.end(), [&](const Target& t) { return !app.met().count(t.person.id); });
            current_ = (unmet != targets.end() ? *unmet : targets.front()).person.id;
        }
        if (current_) app.focus_person(*current_);
        handle_keys(app);

        // Header: the event, how many met, the time with the current person.
        ImGui::TextColored(kAccent, "%s", event->name.c_str());
        ImGui::SameLine();
        int met_targets = 0;
        for (const Target& target : targets) met_targets += app.met().count(target.person.id) ? 1 : 0;
        ImGui::TextColored(kDim, tr("reception.met_count"), met_targets, static_cast<int>(targets.size()));
        if (talking_to_) {
            ImGui::SameLine();
            ImGui::TextColored(kDim, "· %s", minutes_seconds(ImGui::GetTime() - talking_since_).c_str());
        }
        draw_reminder(app);

        const float list_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.34f, ImGui::GetFontSize() * 7.0f,
                                            ImGui::GetFontSize() * 16.0f);
        const float capture_height = ImGui::GetFrameHeightWithSpacing() * 3.2f;
        const float body_height = std::max(ImGui::GetContentRegionAvail().y - capture_height, ImGui::GetFontSize() * 4.0f);
        // Child windows start at scale 1: each takes the view's text size.
        const float scale = text_scale_ / (font ? kLargeFontFactor : 1.0f);
        if (ImGui::BeginChild("##list", ImVec2(list_width, body_height), false)) {
            ImGui::SetWindowFontScale(scale);
            draw_list(app);
        }
        ImGui::EndChild();
        ImGui::SameLine();
        if (ImGui::BeginChild("##card", ImVec2(0, body_height), false)) {
            ImGui::SetWindowFontScale(scale);
            draw_card(app);
        }
        ImGui::EndChild();
        draw_capture(app);
    }
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    ImGui::End();
}

void ReceptionView::handle_keys(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && (key_pressed(kKeyEqual) || key_pressed(kKeyKeypadAdd))) text_scale_ = std::min(text_scale_ + 0.2f, 4.0f);
    if (io.KeyCtrl && (key_pressed(kKeyMinus) || key_pressed(kKeyKeypadSubtract))) text_scale_ = std::max(text_scale_ - 0.2f, 1.0f);
    if (key_pressed(kKeyF1)) capture_kind_ = CaptureKind::IPromised, focus_capture_ = true;
    if (key_pressed(kKeyF2)) capture_kind_ = CaptureKind::TheyPromised, focus_capture_ = true;
    if (key_pressed(kKeyF3)) capture_kind_ = CaptureKind::Note, focus_capture_ = true;
    if (key_pressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        if (io.WantTextInput) ImGui::SetWindowFocus(nullptr);  // first Esc leaves the field
        else app.show(ViewId::Prep);
        return;
    }
    if (io.WantTextInput) return;
    if (key_pressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) move(app, 1);
    if (key_pressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) move(app, -1);
    if (plain_key('N')) {
        // The next one not met: central first, then inner, then outer (the list's order).
        const auto& targets = app.targets();
        auto unmet = std::find_if(targets.begin(), targets.end(), [&](const Target& t) {
            return !app.met().count(t.person.id) && t.person.id != current_;
        });
        if (unmet != targets.end()) {
            current_ = unmet->person.id;
            scroll_to_current_ = true;
        }
    }
    if (plain_key('M') && current_ && app.current_event()) {
        ReceptionStore store(*app.database());
        const bool was_met = app.met().count(*current_) > 0;
        Status status = was_met ? store.unmark_met(app.current_event()->id, *current_)
                                : store.mark_met(app.current_event()->id, *current_);
        if (status.ok()) {
            app.met_changed();
            if (!was_met) start_conversation(*current_);
        } else {
            app.report(status.error());
        }
    }
    if (plain_key('S') && talking_to_) silenced_.insert(*talking_to_);
    if (plain_key('W')) focus_walk_in_ = true;
    if (plain_key('C') || key_pressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) focus_capture_ = true;
}

void ReceptionView::move(App& app, int step) {
    const auto& targets = app.targets();
    if (targets.empty()) return;
    auto at = std::find_if(targets.begin(), targets.end(), [&](const Target& t) { return t.person.id == current_; });
    std::ptrdiff_t index = at == targets.end() ? 0 : (at - targets.begin()) + step;
    index = std::clamp<std::ptrdiff_t>(index, 0, static_cast<std::ptrdiff_t>(targets.size()) - 1);
    current_ = targets[static_cast<std::size_t>(index)].person.id;
    scroll_to_current_ = true;
}

void ReceptionView::draw_list(App& app) {
    const Translator& tr = app.tr();
    const auto& targets = app.targets();
    if (targets.empty()) {
        widgets::muted_text(tr("reception.no_targets"));
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(targets.size()));
    std::optional<int> current_index;
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (targets[i].person.id == current_) current_index = static_cast<int>(i);
    if (scroll_to_current_ && current_index) clipper.ForceDisplayRangeByIndices(*current_index, *current_index + 1);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Target& target = targets[static_cast<std::size_t>(i)];
            const bool met = app.met().count(target.person.id) > 0;
            ImGui::PushID(static_cast<int>(target.person.id));
            ImGui::PushStyleColor(ImGuiCol_Text, met ? kMet : circle_color(target.circle));
            std::string label = (met ? "✓ " : "○ ") + target.person.display_name();
            if (ImGui::Selectable(label.c_str(), target.person.id == current_)) current_ = target.person.id;
            ImGui::PopStyleColor();
            if (scroll_to_current_ && target.person.id == current_) {
                ImGui::SetScrollHereY(0.5f);
                scroll_to_current_ = false;
            }
            if (app.probe().enabled()) app.probe().record("reception.target:" + target.person.display_name());
            ImGui::PopID();
        }
    }
}

void ReceptionView::draw_card(App& app) {
    const Translator& tr = app.tr();
    const PersonFile* file = app.person_file();
    if (!file || !current_ || file->person.id != *current_) return;
    const Person& person = file->person;
    const Target* target = app.target(person.id);
    // The name larger still: it is what the eye looks for.
    ImGui::SetWindowFontScale(text_scale_ * 1.25f / (large_font() ? kLargeFontFactor : 1.0f));
    ImGui::TextColored(kAccent, "%s", person.display_name().c_str());
    ImGui::SetWindowFontScale(text_scale_ / (large_font() ? kLargeFontFactor : 1.0f));
    std::string line = person.title;
    if (!person.company.empty()) line += (line.empty() ? "" : ", ") + person.company;
    if (!line.empty()) ImGui::TextWrapped("%s", line.c_str());
    if (app.met().count(person.id)) ImGui::TextColored(kMet, "%s", tr("reception.met"));

    auto labelled = [&](const char* label_key, const std::string& value) {
        if (value.empty()) return;
        ImGui::TextColored(kDim, "%s", tr(label_key));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", value.c_str());
    };
    labelled("reception.recognize", person.recognize);
    if (target) {
        labelled("reception.ask", target->ask);
        labelled("reception.offer", target->offer);
    }
    // Two or three questions, as on the prep board.
    if (const std::vector<Prompt>* prompts = app.prompts_for(person.id)) {
        for (const Prompt& prompt : *prompts) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", prompt.text.c_str());
        }
    }
    // Who here can introduce, on the spot.
    for (const DoorOpener& opener : file->door_openers) {
        if (!opener.attending) continue;
        ImGui::TextColored(kDim, "%s", tr("reception.door_opener"));
        ImGui::SameLine();
        ImGui::TextColored(relation_color(opener.person.relation), "%s", opener.person.display_name().c_str());
        break;
    }
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, kDim);
    ImGui::TextWrapped("%s", tr("reception.keys"));
    ImGui::PopStyleColor();
}

void ReceptionView::draw_reminder(App& app) {
    if (!talking_to_ || silenced_.count(*talking_to_)) return;
    const double minutes = (ImGui::GetTime() - talking_since_) / 60.0;
    if (minutes < app.config().config.reception.mingle_minutes) return;
    const Translator& tr = app.tr();
    // A calm line: how long, a way to leave, and whom to greet next.
    const PromptFacts* facts = app.prompt_facts_for(*talking_to_);
    std::string exit_line = facts ? statement_for(*facts, app.question_bank(facts->language), PromptKind::Exit) : "";
    const Person* next = nullptr;
    for (const Target& target : app.targets())
        if (!app.met().count(target.person.id) && target.person.id != *talking_to_) {
            next = &target.person;
            break;
        }
    ImGui::PushStyleColor(ImGuiCol_Text, kAccent);
    ImGui::TextWrapped(tr("reception.reminder"), static_cast<int>(minutes));
    if (!exit_line.empty()) ImGui::TextWrapped("“%s”", exit_line.c_str());
    if (next) ImGui::TextWrapped(tr("reception.next"), next->display_name().c_str());
    ImGui::PopStyleColor();
    app.probe().record("reception.reminder");
}

void ReceptionView::draw_capture(App& app) {
    const Translator& tr = app.tr();
    const char* kinds[] = {tr("reception.kind_me"), tr("reception.kind_them"), tr("reception.kind_note")};
    for (int k = 0; k < 3; ++k) {
        if (k > 0) ImGui::SameLine();
        if (ImGui::RadioButton(kinds[k], static_cast<int>(capture_kind_) == k)) capture_kind_ = static_cast<CaptureKind>(k);
    }
    if (!feedback_.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(feedback_is_error_ ? widgets::kErrorColor : kMet, "%s", feedback_.c_str());
    }
    if (focus_capture_) {
        ImGui::SetKeyboardFocusHere();
        focus_capture_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_with_hint("##capture", tr("reception.capture_hint"), capture_text_, ImGuiInputTextFlags_EnterReturnsTrue)) {
        capture(app);
        ImGui::SetKeyboardFocusHere(-1);  // stay in the field for the next one
    }
    app.probe().record("reception.capture");

    // Walk-ins: a name and, if known, a company.
    if (focus_walk_in_) {
        ImGui::SetKeyboardFocusHere();
        focus_walk_in_ = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    bool add = widgets::input_with_hint("##walk-in-name", tr("reception.walk_in_name"), walk_in_name_,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("reception.walk_in_name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    add |= widgets::input_with_hint("##walk-in-company", tr("reception.walk_in_company"), walk_in_company_,
                                    ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("reception.walk_in_company");
    if (add) add_walk_in(app);
}

void ReceptionView::capture(App& app) {
    const Translator& tr = app.tr();
    const Event* event = app.current_event();
    if (!event || text::trim(capture_text_).empty()) return;
    // "@Søren sends the report" is about Søren; otherwise about the current person.
    std::optional<Id> person = current_;
    std::string_view rest = text::trim(capture_text_);
    if (rest.starts_with('@')) {
        std::size_t space = rest.find(' ');
        std::string wanted = text::fold(rest.substr(1, space == std::string_view::npos ? std::string_view::npos : space - 1));
        person.reset();
        for (std::size_t i = 0; i < app.participants().total() && !person; ++i) {
            const Person& candidate = app.participants().row(static_cast<std::uint32_t>(i)).person;
            if (!wanted.empty() && text::fold(candidate.display_name()).starts_with(wanted)) person = candidate.id;
        }
        if (!person) {
            feedback_ = widgets::format(tr("reception.no_such_person"), std::string(rest.substr(1, space - 1)).c_str());
            feedback_is_error_ = true;
            return;
        }
        rest = space == std::string_view::npos ? std::string_view() : text::trim(rest.substr(space + 1));
    }
    if (!person) return;
    const int hour = app.config().config.reception.morning_hour;
    Status status = ok_status();
    std::string saved_text;
    if (capture_kind_ == CaptureKind::Note) {
        auto note = PersonMemory(*app.database()).add_note(*person, event->id, rest);
        if (!note.ok()) status = note.error();
        saved_text = tr("reception.saved_note");
    } else {
        const LocalDateTime now = local_now();
        TextAndDue split = split_trailing_due(rest, now, hour);
        const LocalDateTime due = split.due.value_or(next_morning(now, hour));
        auto promise = ReceptionStore(*app.database())
                           .add_promise(event->id, *person, capture_kind_ == CaptureKind::IPromised, split.text, format_due(due));
        if (!promise.ok()) status = promise.error();
        saved_text = widgets::format(tr("reception.saved_promise"), format_due(due).c_str());
    }
    if (!status.ok()) {
        feedback_ = status.error().message;
        feedback_is_error_ = true;
        return;
    }
    feedback_ = saved_text;
    feedback_is_error_ = false;
    capture_text_.clear();
    app.person_changed();
    // Capturing counts as meeting them.
    if (!app.met().count(*person)) {
        if (ReceptionStore(*app.database()).mark_met(event->id, *person).ok()) app.met_changed();
    }
    start_conversation(*person);
}

void ReceptionView::add_walk_in(App& app) {
    const Event* event = app.current_event();
    if (!event || text::trim(walk_in_name_).empty()) return;
    auto id = ReceptionStore(*app.database()).add_walk_in(event->id, walk_in_name_, walk_in_company_);
    if (!id.ok()) {
        feedback_ = id.error().message;
        feedback_is_error_ = true;
        return;
    }
    feedback_ = widgets::format(app.tr()("reception.walk_in_added"), text::collapse_spaces(walk_in_name_).c_str());
    feedback_is_error_ = false;
    walk_in_name_.clear();
    walk_in_company_.clear();
    current_ = *id;
    app.participants_changed();
    app.met_changed();
    start_conversation(*id);
}

}  // namespace mingle::app
