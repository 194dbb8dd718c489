#include "app.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/widgets.hpp"
#include "core/demo.hpp"
#include "core/events.hpp"

namespace mingle::app {

std::optional<ViewId> parse_view(std::string_view name) {
    if (name == "events") return ViewId::Events;
    if (name == "import") return ViewId::Import;
    if (name == "participants") return ViewId::Participants;
    return std::nullopt;
}

App::App(AppOptions options)
    : options_(std::move(options)),
      config_(load_config(options_.config_path)),
      translator_(config_.config.language) {
    for (const Error& problem : config_.problems) push_notice({Notice::Level::Error, problem.describe()});

    auto db = storage::Database::open(options_.database_path);
    if (!db.ok()) {
        report(db.error());
        return;
    }
    db_ = std::move(*db);
    try {
        if (options_.seed_demo) {
            if (auto seeded = seed_demo_if_new(*db_); !seeded.ok()) report(seeded.error());
        }
        reload_if_changed();
        if (!options_.event.empty()) {
            if (auto found = EventStore(*db_).find(options_.event)) select_event(found->id);
            else report(make_error("There is no event called \"" + options_.event + "\"."));
        }
    } catch (const std::exception& error) {
        report(storage::sqlite_error(error, "reading the database"));
    }
    if (!options_.view.empty()) {
        if (auto view = parse_view(options_.view)) {
            active_view_ = *view == ViewId::Events ? ViewId::Participants : *view;
        } else {
            report(make_error("Unknown view \"" + options_.view + "\"; the views are events, import and participants."));
        }
    }
}

App::~App() = default;

const Event* App::current_event() const {
    if (!current_event_id_) return nullptr;
    for (const Event& event : events_)
        if (event.id == *current_event_id_) return &event;
    return nullptr;
}

void App::select_event(std::optional<Id> id) {
    if (current_event_id_ == id) return;
    current_event_id_ = id;
    participants_changed();
}

void App::reload_if_changed() {
    if (!db_) return;
    if (events_dirty_) {
        events_dirty_ = false;  // first: a failing read is reported once, not every frame
        events_ = EventStore(*db_).list();
        // Always have an event chosen while there are any: the views are about one event.
        if (!current_event() && !events_.empty()) {
            current_event_id_ = events_.front().id;
            participants_dirty_ = true;
        }
    }
    if (participants_dirty_) {
        participants_dirty_ = false;
        if (current_event_id_) participants_.load(*db_, *current_event_id_);
        else participants_.clear();
    }
}

void App::open_file(const std::filesystem::path& path) {
    show(ViewId::Import);
    import_view_.open_file(*this, path);
}

void App::set_language(Language language) {
    translator_ = Translator(language);
    config_.config.language = language;
    if (auto saved = save_language(options_.config_path, language); !saved.ok()) report(saved.error());
}

void App::push_notice(Notice notice) {
    constexpr std::size_t kMaxNotices = 20;
    notices_.push_back(std::move(notice));
    while (notices_.size() > kMaxNotices) notices_.pop_front();
}

void App::frame() {
    // Core reports expected failures as values; an exception here means the database itself
    // failed (disk, damage). The frame is abandoned, ImGui's window stack put back in order, and
    // the user told, so the app keeps running and nothing typed so far is lost.
    try {
        draw_frame();
    } catch (const std::exception& error) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        report(storage::sqlite_error(error, "showing the data"));
    }
}

void App::draw_frame() {
    queue_.run_pending();
    reload_if_changed();
    probe_.begin_frame();

    if (widgets::ctrl_shortcut('Q')) request_quit();
    if (widgets::ctrl_shortcut('I')) show(ViewId::Import);
    if (widgets::ctrl_shortcut('F')) {
        show(ViewId::Participants);
        participants_view_.focus_search();
    }

    float menu_height = main_menu_.draw(*this);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float status_height = StatusBar::height();
    ImVec2 origin(viewport->Pos.x, viewport->Pos.y + menu_height);
    ImVec2 area(viewport->Size.x, viewport->Size.y - menu_height - status_height);
    status_bar_.draw(*this, ImVec2(origin.x, origin.y + area.y), ImVec2(area.x, status_height));

    if (!db_) {
        if (widgets::begin_pane("###no-database", origin, area, ImGuiWindowFlags_NoDecoration)) {
            ImGui::TextUnformatted(tr()("app.no_database"));
            ImGui::TextDisabled("%s", options_.database_path.c_str());
            if (!notices_.empty()) widgets::error_text(notices_.front().text);
        }
        ImGui::End();
        return;
    }

    // Events on the left; the participants or the import wizard fill the rest.
    float events_width = std::clamp(area.x * 0.28f, ImGui::GetFontSize() * 14.0f, ImGui::GetFontSize() * 24.0f);
    events_width = std::min(events_width, area.x * 0.5f);
    events_view_.draw(*this, origin, ImVec2(events_width, area.y));
    ImVec2 main_origin(origin.x + events_width, origin.y);
    ImVec2 main_size(area.x - events_width, area.y);
    if (active_view_ == ViewId::Import) import_view_.draw(*this, main_origin, main_size);
    else participants_view_.draw(*this, main_origin, main_size);
}

}  // namespace mingle::app
