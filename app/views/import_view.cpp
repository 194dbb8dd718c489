#include "import_view.hpp"

#include <algorithm>

#include "app/app.hpp"
#include "app/widgets.hpp"
#include "core/events.hpp"
#include "core/paths.hpp"
#include "core/time_format.hpp"
#include "core/text.hpp"

namespace mingle::app {
namespace {

namespace fs = std::filesystem;
using import::Field;

const char* field_label_key(Field field) {
    switch (field) {
        case Field::Detail: return "field.detail";
        case Field::Ignore: return "field.ignore";
        case Field::FirstName: return "field.first_name";
        case Field::LastName: return "field.last_name";
        case Field::FullName: return "field.full_name";
        case Field::Email: return "field.email";
        case Field::Company: return "field.company";
        case Field::Title: return "field.title";
        case Field::Phone: return "field.phone";
        case Field::Url: return "field.url";
        case Field::TicketType: return "field.ticket_type";
    }
    return "field.detail";
}

bool importable_extension(const fs::path& path) {
    std::string extension = text::to_lower(path.extension().string());
    return extension == ".csv" || extension == ".tsv" || extension == ".txt" || extension == ".vcf" ||
           extension == ".vcard" || extension == ".tab";
}

constexpr import::Encoding kEncodings[] = {import::Encoding::Utf8, import::Encoding::Utf8Bom,
                                           import::Encoding::Utf16LE, import::Encoding::Utf16BE,
                                           import::Encoding::Windows1252};
constexpr char kDelimiters[] = {',', ';', '\t', '|'};
constexpr import::Format kFormats[] = {import::Format::Csv, import::Format::VCard, import::Format::TextList};

const char* format_label_key(import::Format format) {
    switch (format) {
        case import::Format::Csv: return "import.format_csv";
        case import::Format::VCard: return "import.format_vcard";
        case import::Format::TextList: return "import.format_text";
    }
    return "import.format_csv";
}

const char* delimiter_label_key(char delimiter) {
    switch (delimiter) {
        case ';': return "import.delimiter_semicolon";
        case '\t': return "import.delimiter_tab";
        case '|': return "import.delimiter_pipe";
        default: return "import.delimiter_comma";
    }
}

}  // namespace

void ImportView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    std::string title = std::string(tr("import.title"));
    if (const Event* event = app.current_event()) title += " — " + event->name;
    title += "###import";
    if (!widgets::begin_pane(title.c_str(), position, size)) {
        ImGui::End();
        return;
    }
    if (!app.database()) {
        widgets::muted_text(tr("import.no_database"));
        ImGui::End();
        return;
    }
    switch (step_) {
        case Step::Source: draw_source_step(app); break;
        case Step::Preview: draw_preview_step(app); break;
        case Step::Running: draw_running_step(app); break;
        case Step::Done: draw_done_step(app); break;
    }
    draw_undo_confirmation(app);
    ImGui::End();
}

void ImportView::open_file(App& app, const fs::path& path) {
    if (busy()) {
        app.report(make_error(app.tr()("import.busy")));
        return;
    }
    path_input_ = path.string();
    tab_ = SourceTab::File;
    start_preview(app, import::ImportSource::file(path));
}

// ---- source -------------------------------------------------------------------------------------

void ImportView::draw_source_step(App& app) {
    const Translator& tr = app.tr();
    if (const Event* event = app.current_event()) {
        ImGui::Text(tr("import.into_event"), event->name.c_str());
    } else {
        ImGui::TextUnformatted(tr("import.new_event_name"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
        widgets::input("##new-event", new_event_name_);
        app.probe().record("import.new_event_name");
    }
    ImGui::Spacing();
    // Two ways in, as a pair of radio buttons: reachable with the keyboard, and plain to see.
    if (ImGui::RadioButton(tr("import.tab_file"), tab_ == SourceTab::File)) tab_ = SourceTab::File;
    app.probe().record("import.tab_file");
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("import.tab_paste"), tab_ == SourceTab::Paste)) tab_ = SourceTab::Paste;
    app.probe().record("import.tab_paste");
    ImGui::Separator();
    if (tab_ == SourceTab::File) {
        draw_file_picker(app);
    } else {
        widgets::muted_text(tr("import.paste_help"));
        widgets::input_multiline("##paste", paste_text_, ImVec2(-1, ImGui::GetTextLineHeight() * 12.0f));
        app.probe().record("import.paste_text");
        ImGui::BeginDisabled(text::trim(paste_text_).empty());
        if (ImGui::Button(tr("import.preview_button"))) start_preview(app, import::ImportSource::text(paste_text_));
        app.probe().record("import.preview_paste");
        ImGui::EndDisabled();
    }
    if (!error_.empty()) {
        widgets::error_text(error_);
        app.probe().record("import.error");
    }
    draw_history(app);
}

void ImportView::draw_file_picker(App& app) {
    const Translator& tr = app.tr();
    ImGui::TextUnformatted(tr("import.path"));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 8.0f);
    bool submit = widgets::input_with_hint("##path", tr("import.path_hint"), path_input_,
                                           ImGuiInputTextFlags_EnterReturnsTrue);
    app.probe().record("import.path");
    ImGui::SameLine();
    ImGui::BeginDisabled(text::trim(path_input_).empty());
    submit |= ImGui::Button(tr("import.preview_button"));
    app.probe().record("import.preview_file");
    ImGui::EndDisabled();
    if (submit && !text::trim(path_input_).empty())
        start_preview(app, import::ImportSource::file(std::string(text::trim(path_input_))));
    widgets::muted_text(tr("import.file_help"));

    // The folder of the typed path, to pick from with mouse or keyboard.
    refresh_listing();
    ImGui::TextDisabled("%s", listed_directory_.string().c_str());
    ImGui::SameLine();
    ImGui::Checkbox(tr("import.show_all_files"), &show_all_files_);
    if (!listing_error_.empty()) {
        widgets::error_text(listing_error_);
        return;
    }
    if (!ImGui::BeginChild("##listing", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8.0f), true)) {
        ImGui::EndChild();
        return;
    }
    if (listed_directory_.has_parent_path() && listed_directory_ != listed_directory_.root_path()) {
        if (ImGui::Selectable("..")) path_input_ = listed_directory_.parent_path().string() + "/";
    }
    for (const Entry& entry : listing_) {
        if (!entry.is_directory && !show_all_files_ && !importable_extension(entry.name)) continue;
        std::string label = (entry.is_directory ? "▸ " : "  ") + entry.name;
        ImGui::PushID(entry.name.c_str());
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            fs::path chosen = listed_directory_ / entry.name;
            if (entry.is_directory) {
                path_input_ = chosen.string() + "/";
            } else {
                path_input_ = chosen.string();
                start_preview(app, import::ImportSource::file(chosen));
            }
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void ImportView::refresh_listing() {
    fs::path typed = std::string(text::trim(path_input_));
    fs::path directory;
    std::error_code ec;
    if (typed.empty()) directory = paths::downloads_dir();
    else if (fs::is_directory(typed, ec)) directory = typed;
    else directory = typed.parent_path();
    if (directory.empty()) directory = fs::current_path(ec);
    directory = directory.lexically_normal();
    if (directory.has_filename() == false && directory != directory.root_path())
        directory = directory.parent_path();
    if (directory == listed_directory_) return;
    listed_directory_ = directory;
    listing_.clear();
    listing_error_.clear();
    fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        listing_error_ = ec.message();
        return;
    }
    for (const auto& item : it) {
        std::string name = item.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_error;
        listing_.push_back({name, item.is_directory(type_error)});
        if (listing_.size() >= 2000) break;
    }
    std::sort(listing_.begin(), listing_.end(), [](const Entry& a, const Entry& b) {
        if (a.is_directory != b.is_directory) return a.is_directory;
        return text::fold(a.name) < text::fold(b.name);
    });
}

const std::vector<import::ImportBatch>& ImportView::history(App& app) {
    const Event* event = app.current_event();
    if (!event) {
        history_.clear();
        history_event_.reset();
    } else if (history_event_ != event->id) {
        history_ = import::list_imports(*app.database(), event->id);
        history_event_ = event->id;
    }
    return history_;
}

void ImportView::draw_history(App& app) {
    const Translator& tr = app.tr();
    const auto& batches = history(app);
    if (batches.empty()) return;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(tr("import.history"));
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##history", 4, kFlags)) return;
    for (const auto& batch : batches) {
        ImGui::PushID(static_cast<int>(batch.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(local_time(batch.imported_at).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(batch.source_name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text(tr("import.history_counts"), static_cast<long long>(batch.created),
                    static_cast<long long>(batch.merged));
        ImGui::TableNextColumn();
        if (!batch.undone_at.empty()) {
            ImGui::TextDisabled("%s", tr("import.undone"));
        } else {
            if (ImGui::SmallButton(tr("common.undo"))) pending_undo_ = batch.id;
            app.probe().record("import.history_undo:" + std::to_string(batch.id));
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// ---- preview ------------------------------------------------------------------------------------

void ImportView::start_preview(App& app, import::ImportSource source) {
    error_.clear();
    auto layout = import::detect(source);
    if (!layout.ok()) {
        error_ = layout.error().describe();
        step_ = Step::Source;
        return;
    }
    source_ = std::move(source);
    layout_ = *layout;
    mapping_ = import::initial_mapping(*app.database(), layout_, &mapping_remembered_);
    refresh_preview();
    step_ = Step::Preview;
}

void ImportView::refresh_preview() {
    auto preview = import::make_preview(*source_, layout_, mapping_);
    if (!preview.ok()) {
        error_ = preview.error().describe();
        preview_ = {};
        return;
    }
    error_.clear();
    preview_ = std::move(*preview);
}

void ImportView::apply_layout(App& app, const import::SourceLayout& chosen) {
    auto layout = import::relayout(*source_, chosen);
    if (!layout.ok()) {
        error_ = layout.error().describe();
        return;
    }
    layout_ = *layout;
    mapping_ = import::initial_mapping(*app.database(), layout_, &mapping_remembered_);
    refresh_preview();
}

void ImportView::draw_preview_step(App& app) {
    const Translator& tr = app.tr();
    ImGui::Text(tr("import.previewing"), source_->display_name().c_str());
    draw_layout_corrections(app);
    if (!error_.empty()) {
        widgets::error_text(error_);
        app.probe().record("import.error");
    }
    ImGui::Spacing();
    draw_mapping(app);
    ImGui::Spacing();
    draw_preview_rows(app);

    ImGui::Spacing();
    bool can_import = error_.empty();
    const Event* event = app.current_event();
    if (!event) {
        ImGui::TextUnformatted(tr("import.new_event_name"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
        widgets::input("##new-event-preview", new_event_name_);
        app.probe().record("import.new_event_name");
        can_import = can_import && !text::trim(new_event_name_).empty();
    }
    ImGui::BeginDisabled(!can_import);
    std::string label = event ? widgets::format(tr("import.import_into"), event->name.c_str())
                              : std::string(tr("import.import_button"));
    if (ImGui::Button(label.c_str())) start_import(app);
    app.probe().record("import.start");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("import.back"))) {
        step_ = Step::Source;
        error_.clear();
    }
    app.probe().record("import.back");
}

void ImportView::draw_layout_corrections(App& app) {
    const Translator& tr = app.tr();
    import::SourceLayout chosen = layout_;
    bool changed = false;
    // Each label before its box, as a form reads.
    auto label = [](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    };
    label(tr("import.format"));
    if (ImGui::BeginCombo("##format", tr(format_label_key(layout_.format)))) {
        for (import::Format format : kFormats) {
            if (ImGui::Selectable(tr(format_label_key(format)), format == layout_.format)) {
                chosen.format = format;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    app.probe().record("import.format");
    const float group_width = ImGui::GetFontSize() * 15.0f;  // a label and its box
    widgets::same_line_if_fits(group_width);
    label(tr("import.encoding"));
    std::string encoding(import::encoding_name(layout_.encoding));
    if (ImGui::BeginCombo("##encoding", encoding.c_str())) {
        for (import::Encoding option : kEncodings) {
            std::string name(import::encoding_name(option));
            if (ImGui::Selectable(name.c_str(), option == layout_.encoding)) {
                chosen.encoding = option;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    app.probe().record("import.encoding");
    if (layout_.format == import::Format::Csv) {
        widgets::same_line_if_fits(group_width);
        label(tr("import.delimiter"));
        if (ImGui::BeginCombo("##delimiter", tr(delimiter_label_key(layout_.delimiter)))) {
            for (char delimiter : kDelimiters) {
                if (ImGui::Selectable(tr(delimiter_label_key(delimiter)), delimiter == layout_.delimiter)) {
                    chosen.delimiter = delimiter;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        app.probe().record("import.delimiter");
        widgets::same_line_if_fits(group_width);
        ImGui::AlignTextToFramePadding();
        ImGui::Text(tr("import.header_line"), layout_.header_line);
        ImGui::SameLine();
        if (ImGui::ArrowButton("##header-up", ImGuiDir_Up) && layout_.header_record > 0) {
            chosen.header_record = layout_.header_record - 1;
            changed = true;
        }
        app.probe().record("import.header_up");
        ImGui::SameLine();
        if (ImGui::ArrowButton("##header-down", ImGuiDir_Down)) {
            chosen.header_record = layout_.header_record + 1;
            changed = true;
        }
        app.probe().record("import.header_down");
    }
    if (changed) apply_layout(app, chosen);
}

void ImportView::draw_mapping(App& app) {
    const Translator& tr = app.tr();
    ImGui::TextUnformatted(tr("import.columns"));
    widgets::help_marker(tr("import.columns_help"));
    if (mapping_remembered_) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("import.mapping_remembered"));
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    float height = std::min(ImGui::GetTextLineHeightWithSpacing() * 1.25f * static_cast<float>(mapping_.size() + 1),
                            ImGui::GetContentRegionAvail().y * 0.4f);
    if (!ImGui::BeginTable("##mapping", 3, kFlags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("import.column"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("import.means"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("import.examples"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    bool changed = false;
    for (std::size_t i = 0; i < mapping_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string& name = layout_.columns[i];
        if (name.empty()) ImGui::TextDisabled(tr("import.unnamed_column"), i + 1);
        else ImGui::TextUnformatted(name.c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##field", tr(field_label_key(mapping_[i])))) {
            for (Field field : import::kAllFields) {
                if (ImGui::Selectable(tr(field_label_key(field)), field == mapping_[i])) {
                    mapping_[i] = field;
                    changed = true;
                }
                app.probe().record("import.field_option:" + std::string(import::field_key(field)));
            }
            ImGui::EndCombo();
        }
        app.probe().record("import.field:" + std::to_string(i));
        ImGui::TableNextColumn();
        std::string examples;
        if (i < preview_.samples.size())
            for (const auto& sample : preview_.samples[i])
                examples += (examples.empty() ? "" : " · ") + sample.substr(0, 40);
        ImGui::TextDisabled("%s", examples.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (changed) {
        mapping_remembered_ = false;
        refresh_preview();
    }
}

void ImportView::draw_preview_rows(App& app) {
    const Translator& tr = app.tr();
    std::size_t problems = static_cast<std::size_t>(
        std::count_if(preview_.rows.begin(), preview_.rows.end(), [](const auto& row) { return !row.problem.empty(); }));
    ImGui::Text(tr("import.preview_heading"), preview_.rows.size());
    if (problems > 0) {
        ImGui::SameLine();
        ImGui::TextColored(widgets::kErrorColor, tr("import.preview_problems"), problems);
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    float height = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.5f;
    if (!ImGui::BeginTable("##preview", 7, kFlags, ImVec2(0, std::max(height, ImGui::GetFontSize() * 6.0f)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("import.line"), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr("participants.first_name"));
    ImGui::TableSetupColumn(tr("participants.last_name"));
    ImGui::TableSetupColumn(tr("participants.email"));
    ImGui::TableSetupColumn(tr("participants.company"));
    ImGui::TableSetupColumn(tr("participants.title_column"));
    ImGui::TableSetupColumn(tr("participants.ticket"));
    ImGui::TableHeadersRow();
    for (const auto& row : preview_.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", row.line);
        if (!row.problem.empty()) {
            ImGui::TableNextColumn();
            std::string message = widgets::format(tr("import.row_skipped"), row.problem.c_str());
            ImGui::TextColored(widgets::kErrorColor, "%s", message.c_str());
            continue;
        }
        for (const std::string* value : {&row.person.first_name, &row.person.last_name, &row.person.email,
                                         &row.person.company, &row.person.title, &row.person.ticket_type}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value->c_str());
        }
    }
    ImGui::EndTable();
}

// ---- import -------------------------------------------------------------------------------------

void ImportView::start_import(App& app) {
    if (auto checked = import::check_mapping(layout_, mapping_, source_->location()); !checked.ok()) {
        error_ = checked.error().describe();
        return;
    }
    Id event_id = 0;
    if (const Event* event = app.current_event()) {
        event_id = event->id;
    } else {
        auto created = EventStore(*app.database()).find_or_create(new_event_name_);
        if (!created.ok()) {
            error_ = created.error().message;
            return;
        }
        event_id = *created;
        app.events_changed();
        app.select_event(event_id);
    }
    import::ImportRequest request{*source_, layout_, mapping_, event_id, false};
    auto layout = layout_;
    auto mapping = mapping_;
    summary_.reset();
    error_.clear();
    if (app.database_path() == ":memory:") {
        // An in-memory database cannot be shared with a worker's connection: import right here.
        finish_import(app, import::run_import(*app.database(), request), layout, mapping);
        return;
    }
    step_ = Step::Running;
    job_ = std::make_unique<import::ImportJob>(
        app.database_path(), std::move(request), app.main_thread_queue(),
        [this, &app, layout, mapping](Result<import::ImportSummary> result) {
            finish_import(app, std::move(result), layout, mapping);
        });
}

void ImportView::finish_import(App& app, Result<import::ImportSummary> result, const import::SourceLayout& layout,
                               const std::vector<import::Field>& mapping) {
    job_.reset();
    history_event_.reset();
    if (!result.ok()) {
        error_ = result.error().describe();
        step_ = Step::Preview;
        return;
    }
    import::remember_mapping(*app.database(), layout, mapping);
    summary_ = std::move(*result);
    step_ = Step::Done;
    app.participants_changed();
    app.events_changed();
}

void ImportView::draw_running_step(App& app) {
    const Translator& tr = app.tr();
    if (!job_) {
        step_ = Step::Source;
        return;
    }
    ImGui::Text(tr("import.running"), source_->display_name().c_str());
    ImGui::ProgressBar(job_->fraction(), ImVec2(-1, 0));
    ImGui::Text(tr("import.rows_read"), static_cast<unsigned long long>(job_->rows()));
    if (ImGui::Button(tr("common.cancel"))) job_->cancel();
    app.probe().record("import.cancel");
}

void ImportView::draw_done_step(App& app) {
    const Translator& tr = app.tr();
    const import::ImportSummary& s = *summary_;
    ImGui::TextColored(widgets::kOkColor, tr("import.done_heading"), s.source_name.c_str());
    ImGui::Text(tr("import.done_counts"), s.rows, s.created, s.matched);
    ImGui::Text(tr("import.done_more"), s.already_listed, s.duplicates, s.fields_filled);
    if (s.links_derived > 0) ImGui::Text(tr("import.done_links"), s.links_derived);
    if (s.other_companies > 0) ImGui::Text(tr("import.done_other_companies"), s.other_companies);
    if (s.skipped > 0) {
        ImGui::TextColored(widgets::kErrorColor, tr("import.done_skipped"), s.skipped);
        if (ImGui::BeginChild("##skipped", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8.0f), true)) {
            for (const auto& row : s.skipped_rows) ImGui::Text(tr("import.skipped_line"), row.line, row.reason.c_str());
            if (s.skipped > s.skipped_rows.size())
                ImGui::TextDisabled(tr("import.skipped_more"), s.skipped - s.skipped_rows.size());
        }
        ImGui::EndChild();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr("import.show_participants"))) {
        app.show(ViewId::Participants);
        step_ = Step::Source;
    }
    app.probe().record("import.show_participants");
    ImGui::SameLine();
    if (s.batch_id != 0) {
        if (ImGui::Button(tr("import.undo_this"))) pending_undo_ = s.batch_id;
        app.probe().record("import.undo");
        ImGui::SameLine();
    }
    if (ImGui::Button(tr("import.another"))) {
        step_ = Step::Source;
        summary_.reset();
    }
    app.probe().record("import.another");
}

void ImportView::draw_undo_confirmation(App& app) {
    const Translator& tr = app.tr();
    const char* popup = "###undo-import";
    if (pending_undo_ && !ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
    std::string title = std::string(tr("import.undo_title")) + popup;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    auto batch = pending_undo_ ? import::get_import(*app.database(), *pending_undo_) : std::nullopt;
    if (!batch) {
        pending_undo_.reset();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::Text(tr("import.undo_question"), batch->source_name.c_str(), local_time(batch->imported_at).c_str());
    ImGui::Text(tr("import.undo_consequence"), static_cast<long long>(batch->created),
                static_cast<long long>(batch->merged));
    if (ImGui::Button(tr("common.undo"))) {
        auto undone = import::undo_import(*app.database(), batch->id);
        if (undone.ok()) {
            app.notify(widgets::format(tr("import.undone_notice"), batch->source_name.c_str()));
            if (summary_ && summary_->batch_id == batch->id) {
                summary_.reset();
                step_ = Step::Source;
            }
        } else {
            app.report(undone.error());
        }
        history_event_.reset();
        app.participants_changed();
        app.events_changed();
        pending_undo_.reset();
        ImGui::CloseCurrentPopup();
    }
    app.probe().record("import.undo_confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        pending_undo_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace mingle::app
