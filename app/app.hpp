// The application: owns the data and the views. The window (platform.cpp) and the headless tests
// call the same frame().
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/ui_probe.hpp"
#include "app/views/bank_view.hpp"
#include "app/views/events_view.hpp"
#include "app/views/followup_view.hpp"
#include "app/views/review_view.hpp"
#include "app/views/import_view.hpp"
#include "app/views/main_menu.hpp"
#include "app/views/participants_view.hpp"
#include "app/views/prep_view.hpp"
#include "app/views/reception_view.hpp"
#include "app/views/rings_view.hpp"
#include "app/views/status_bar.hpp"
#include "core/config.hpp"
#include "core/door_openers.hpp"
#include "core/introductions.hpp"
#include "core/links.hpp"
#include "core/i18n.hpp"
#include "core/main_thread_queue.hpp"
#include "core/prompts.hpp"
#include "core/model.hpp"
#include "core/participant_table.hpp"
#include "core/storage/database.hpp"
#include "core/targets.hpp"

namespace mingle::app {

enum class ViewId { Events, Import, Participants, Prep, Rings, Bank, Reception, Followup, Review };
std::optional<ViewId> parse_view(std::string_view name);

struct Notice {
    enum class Level { Info, Error };
    Level level = Level::Info;
    std::string text;
};

// Everything mingle remembers about one person, read when the prep board focuses on them.
struct PersonFile {
    Person person;
    std::vector<Note> notes;
    std::vector<HistoryEntry> history;
    std::vector<Attendance> events;
    std::vector<Link> links;
    std::vector<DoorOpener> door_openers;  // at the current event
    TrustBalance balance;                  // given and received, both ways
};

struct AppOptions {
    std::string database_path;
    std::string config_path;
    std::string view;   // view to show first (events, import, participants)
    std::string event;  // event to select first, by name
    bool seed_demo = true;
    bool open_externally = true;  // hand files to the desktop (xdg-open); tests turn it off
};

class App {
public:
    explicit App(AppOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // One frame of the whole UI, between ImGui::NewFrame() and ImGui::Render().
    void frame();

    // --- for the views ---
    storage::Database* database() { return db_.get(); }
    const std::string& database_path() const { return options_.database_path; }
    const Translator& tr() const { return translator_; }
    const LoadedConfig& config() const { return config_; }

    const std::vector<Event>& events() const { return events_; }
    const Event* current_event() const;
    void select_event(std::optional<Id> id);
    // Mark data as changed; it is read again at the start of the next frame, so nothing a view
    // holds a reference to changes under it mid-frame.
    void events_changed() { events_dirty_ = true; }
    void participants_changed() { participants_dirty_ = true; }
    ParticipantTable& participants() { return participants_; }
    // Changes each time the participant list is read again (views that keep row indices check it).
    std::uint64_t participants_generation() const { return participants_generation_; }

    // The current event's targets (central first) and their counts.
    const std::vector<Target>& targets() const { return targets_; }
    const TargetCounts& target_counts() const { return target_counts_; }
    bool is_target(Id person_id) const { return target_ids_.count(person_id) > 0; }
    const Target* target(Id person_id) const;
    void targets_changed() { targets_dirty_ = true; }
    // Someone's relationship, recognition hint, notes, history or links changed.
    void person_changed();
    // The best door-opener per target, computed when first asked for after a change.
    const std::unordered_map<Id, DoorOpener>& best_door_openers();
    // Pairs of attendees the user could introduce to each other, computed when first asked for.
    const std::vector<PairSuggestion>& pair_suggestions();

    // Who was met at the current event (the reception).
    const std::unordered_set<Id>& met() const { return met_; }
    void met_changed() { targets_dirty_ = true; }

    // The morning after, for the current event: read when first asked for after a change.
    struct MorningAfter {
        std::vector<Followup> owed;           // open, overdue first
        std::vector<Acquaintance> to_thank;
        std::vector<Acquaintance> to_connect;
        std::vector<NurtureItem> nurture;     // across all events
        std::vector<EventReview> reviews;     // every event, oldest first
        std::unordered_map<Id, Person> introductions;  // promise id -> the person to introduce
    };
    const MorningAfter& morning_after();
    void followups_changed() { morning_after_dirty_ = true; }

    // Hands a file or link to the desktop's default program (the mail program for an .eml).
    void open_externally(const std::string& path_or_url);
    const std::string& last_opened() const { return last_opened_; }
    // Where drafts to send are written: "drafts" next to the database.
    std::filesystem::path drafts_folder() const;

    // When the window, idle, must still redraw (the reception's conversation timer).
    std::optional<double> wake_in_seconds() const;

    // Conversation prompts for a person at the current event (a target, or the focused person),
    // generated for the whole event when first asked for after a change.
    const std::vector<Prompt>* prompts_for(Id person_id);
    const PromptFacts* prompt_facts_for(Id person_id);
    void new_prompt_set(Id person_id);
    // Marks or banks changed: generated again at the start of the next frame.
    void prompts_changed() { prompts_dirty_ = true; }
    const QuestionBank& question_bank(Language language) const {
        return language == Language::Danish ? danish_bank_ : english_bank_;
    }
    // The user's own prompts (prompts.<lang>.toml), as read with the banks.
    const UserBank& user_bank(Language language) const {
        return language == Language::Danish ? danish_user_bank_ : english_user_bank_;
    }
    std::filesystem::path config_folder() const;
    // Reads the question banks again (after the user's own prompts changed).
    void reload_question_banks();

    // The person the prep board and the rings are about; their file is read when first asked for.
    std::optional<Id> focused_person() const { return focused_person_; }
    void focus_person(std::optional<Id> person_id);
    const PersonFile* person_file();

    void notify(std::string text) { push_notice({Notice::Level::Info, std::move(text)}); }
    void report(const Error& error) { push_notice({Notice::Level::Error, error.describe()}); }
    const std::deque<Notice>& notices() const { return notices_; }
    void dismiss_notice() { if (!notices_.empty()) notices_.pop_front(); }

    ViewId active_view() const { return active_view_; }
    void show(ViewId view) { active_view_ = view; }

    // A file dropped on the window, or named on the command line: preview it for import.
    void open_file(const std::filesystem::path& path);

    void set_language(Language language);

    MainThreadQueue& main_thread_queue() { return queue_; }
    bool busy() const { return import_view_.busy(); }  // long work under way: keep redrawing

    void request_quit() { quit_requested_ = true; }
    bool quit_requested() const { return quit_requested_; }

    UiProbe& probe() { return probe_; }

private:
    void push_notice(Notice notice);
    void draw_frame();
    void reload_if_changed();

    AppOptions options_;
    LoadedConfig config_;
    Translator translator_;
    std::unique_ptr<storage::Database> db_;
    MainThreadQueue queue_;
    UiProbe probe_;

    std::vector<Event> events_;
    std::optional<Id> current_event_id_;
    ParticipantTable participants_;
    bool events_dirty_ = true;
    bool participants_dirty_ = true;
    std::uint64_t participants_generation_ = 0;
    std::vector<Target> targets_;
    TargetCounts target_counts_;
    std::unordered_set<Id> target_ids_;
    std::unordered_set<Id> met_;
    bool targets_dirty_ = true;
    std::optional<std::unordered_map<Id, DoorOpener>> best_door_openers_;
    std::optional<std::vector<PairSuggestion>> pair_suggestions_;
    QuestionBank english_bank_, danish_bank_;
    UserBank english_user_bank_, danish_user_bank_;
    struct EventPrompts {
        std::vector<PromptFacts> facts;
        std::unordered_map<Id, std::vector<Prompt>> prompts;
        std::optional<Id> extra;  // the focused person, when not a target
    };
    std::optional<EventPrompts> prompts_;
    std::unordered_map<Id, int> prompt_sets_;  // "new set" presses per person, this session
    bool prompts_dirty_ = false;
    std::optional<MorningAfter> morning_after_;
    bool morning_after_dirty_ = false;
    std::string last_opened_;
    void ensure_prompts();
    std::optional<Id> focused_person_;
    // Read on demand; a file replaced mid-frame stays alive (retired) until the next frame starts,
    // since a view may still be drawing from it.
    std::shared_ptr<const PersonFile> person_file_;
    std::vector<std::shared_ptr<const PersonFile>> retired_person_files_;
    void retire_person_file();
    std::deque<Notice> notices_;
    ViewId active_view_ = ViewId::Participants;
    bool quit_requested_ = false;

    MainMenu main_menu_;
    EventsView events_view_;
    ImportView import_view_;
    ParticipantsView participants_view_;
    PrepView prep_view_;
    RingsView rings_view_;
    BankView bank_view_;
    ReceptionView reception_view_;
    FollowupView followup_view_;
    ReviewView review_view_;
    StatusBar status_bar_;
};

}  // namespace mingle::app
