#include "participants_view.hpp"

#include "app/app.hpp"
#include "app/widgets.hpp"
#include "core/people.hpp"

namespace mingle::app {
namespace {

using Column = ParticipantTable::Column;

struct ColumnSpec {
    const char* label_key;
    Column column;
    float weight;
};
constexpr ColumnSpec kColumns[] = {
    {"participants.first_name", Column::FirstName, 1.0f}, {"participants.last_name", Column::LastName, 1.1f},
    {"participants.email", Column::Email, 1.8f},          {"participants.company", Column::Company, 1.4f},
    {"participants.title_column", Column::Title, 1.4f},   {"participants.ticket", Column::Ticket, 0.8f},
};

}  // namespace

void ParticipantsView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    const Event* event = app.current_event();
    if (!widgets::begin_event_pane(tr("participants.title"), "participants", event, tr("participants.no_event"), position, size)) {
        ImGui::End();
        return;
    }
    widgets::goal_line(tr("participants.goal"), *event);

    ParticipantTable& table = app.participants();
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    if (widgets::input_with_hint("##search", tr("participants.search_hint"), search_)) table.set_filter(search_);
    app.probe().record("participants.search");
    ImGui::SameLine();
    ImGui::Text(tr("participants.showing"), table.visible(), table.total());
    ImGui::SameLine();
    if (ImGui::Button(tr("participants.import"))) app.show(ViewId::Import);
    app.probe().record("participants.import");

    if (table.total() == 0) {
        ImGui::Spacing();
        widgets::muted_text(tr("participants.empty"));
        ImGui::End();
        return;
    }
    float details_height = selected_person_ ? ImGui::GetTextLineHeightWithSpacing() * 9.0f : 0.0f;
    draw_table(app, ImGui::GetContentRegionAvail().y - details_height);
    if (selected_person_) draw_details(app);
    ImGui::End();
}

void ParticipantsView::draw_table(App& app, float height) {
    const Translator& tr = app.tr();
    ParticipantTable& table = app.participants();
    constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY |
                                            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                            ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable |
                                            ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable;
    if (!ImGui::BeginTable("##participants", static_cast<int>(std::size(kColumns)), kTableFlags, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const ColumnSpec& spec : kColumns) {
        ImGuiTableColumnFlags flags = ImGuiTableColumnFlags_WidthStretch;
        if (spec.column == Column::LastName) flags |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(tr(spec.label_key), flags, spec.weight, static_cast<ImGuiID>(spec.column));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty) {
        if (sort->SpecsCount > 0)
            table.sort_by(static_cast<Column>(sort->Specs[0].ColumnUserID),
                          sort->Specs[0].SortDirection == ImGuiSortDirection_Ascending,
                          tr.language() == Language::Danish);
        sort->SpecsDirty = false;
    }

    const bool probing = app.probe().enabled();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(table.visible()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Participant& participant = table.visible_row(static_cast<std::size_t>(row));
            const Person& person = participant.person;
            ImGui::PushID(static_cast<int>(person.id));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            bool selected = selected_person_ == person.id;
            if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns |
                                                         ImGuiSelectableFlags_AllowItemOverlap))
                selected_person_ = selected ? std::nullopt : std::optional<Id>(person.id);
            // Keyboard: moving the focus through the rows moves the selection with it.
            if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) selected_person_ = person.id;
            if (probing) app.probe().record("participants.row:" + std::to_string(row));
            // The name is drawn as text over the row (a label could carry ImGui's "##" markers).
            ImGui::SameLine(0.0f, 0.0f);
            ImGui::TextUnformatted(person.first_name.c_str());
            for (std::size_t c = 1; c < std::size(kColumns); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                std::string_view value = ParticipantTable::cell(participant, kColumns[c].column);
                ImGui::TextUnformatted(value.data(), value.data() + value.size());
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void ParticipantsView::draw_details(App& app) {
    const Translator& tr = app.tr();
    const ParticipantTable& table = app.participants();
    const Participant* participant = nullptr;
    for (std::size_t i = 0; i < table.visible() && !participant; ++i)
        if (table.visible_row(i).person.id == *selected_person_) participant = &table.visible_row(i);
    if (!participant) {
        selected_person_.reset();
        return;
    }
    if (details_for_ != participant->person.id) {
        details_ = participant_details(*participant);
        details_for_ = participant->person.id;
    }
    const Person& person = participant->person;
    ImGui::Separator();
    if (!ImGui::BeginChild("##details")) {
        ImGui::EndChild();
        return;
    }
    ImGui::TextUnformatted(person.display_name().c_str());
    app.probe().record("participants.details");
    if (!person.title.empty() || !person.company.empty()) {
        ImGui::SameLine();
        std::string role = person.title + (person.title.empty() || person.company.empty() ? "" : ", ") + person.company;
        ImGui::TextDisabled("%s", role.c_str());
    }
    auto line = [&](const char* label_key, const std::string& value) {
        if (value.empty()) return;
        ImGui::TextDisabled("%s", tr(label_key));
        ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
        ImGui::TextUnformatted(value.c_str());
    };
    line("participants.email", person.email);
    line("participants.phone", person.phone);
    line("participants.url", person.url);
    line("participants.ticket", participant->ticket_type);
    for (const auto& [key, value] : details_) {
        ImGui::TextDisabled("%s", key.c_str());
        ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
        ImGui::TextWrapped("%s", value.c_str());
    }
    ImGui::EndChild();
}

}  // namespace mingle::app
