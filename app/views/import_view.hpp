// The import wizard: choose a file (by path, from the folder list, or dropped on the window) or
// paste a list; check and correct what was detected and what each column means; import off the
// main thread with a progress bar; see the summary, and undo an import as a whole.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/import/import_job.hpp"
#include "core/import/importer.hpp"

namespace mingle::app {

class App;

class ImportView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);

    // Previews a file at once (a drop on the window, or a path from the command line).
    void open_file(App& app, const std::filesystem::path& path);

    bool busy() const { return job_ != nullptr; }

private:
    enum class Step { Source, Preview, Running, Done };
    enum class SourceTab { File, Paste };

    void draw_source_step(App& app);
    void draw_file_picker(App& app);
    void draw_history(App& app);
    void draw_preview_step(App& app);
    void draw_layout_corrections(App& app);
    void draw_mapping(App& app);
    void draw_preview_rows(App& app);
    void draw_running_step(App& app);
    void draw_done_step(App& app);
    void draw_undo_confirmation(App& app);

    void start_preview(App& app, import::ImportSource source);
    void refresh_preview();
    void apply_layout(App& app, const import::SourceLayout& chosen);
    void start_import(App& app);
    void refresh_listing();
    void finish_import(App& app, Result<import::ImportSummary> result, const import::SourceLayout& layout,
                       const std::vector<import::Field>& mapping);
    const std::vector<import::ImportBatch>& history(App& app);

    Step step_ = Step::Source;
    SourceTab tab_ = SourceTab::File;

    // Source step.
    std::string path_input_;
    std::string paste_text_;
    std::string new_event_name_;
    bool show_all_files_ = false;
    std::filesystem::path listed_directory_;
    struct Entry {
        std::string name;
        bool is_directory;
    };
    std::vector<Entry> listing_;
    std::string listing_error_;

    // Preview step.
    std::optional<import::ImportSource> source_;
    import::SourceLayout layout_;
    std::vector<import::Field> mapping_;
    bool mapping_remembered_ = false;
    import::Preview preview_;
    std::string error_;  // what went wrong in this step, with file and line

    // Running and done.
    std::unique_ptr<import::ImportJob> job_;
    std::optional<import::ImportSummary> summary_;
    std::optional<Id> pending_undo_;
    // Earlier imports into the current event, read again when the event or the imports change.
    std::optional<Id> history_event_;
    std::vector<import::ImportBatch> history_;
};

}  // namespace mingle::app
