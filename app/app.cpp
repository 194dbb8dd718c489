#include "app.hpp"

#include <algorithm>

#include <sys/wait.h>
#include <unistd.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/widgets.hpp"
#include "core/demo.hpp"
#include "core/events.hpp"
#include "core/drafts.hpp"
#include "core/followups.hpp"
#include "core/reception.hpp"

namespace mingle::app {

std::optional<ViewId> parse_view(std::string_view name) {
    if (name == "events") return ViewId::Events;
    if (name == "import") return ViewId::Import;
    if (name == "participants") return ViewId::Participants;
    if (name == "prep") return ViewId::Prep;
    if (name == "rings") return ViewId::Rings;
    if (name == "bank") return ViewId::Bank;
    if (name == "reception") return ViewId::Reception;
    if (name == "followup") return ViewId::Followup;
    if (name == "review") return ViewId::Review;
    return std::nullopt;
}

App::App(AppOptions options)
    : options_(std::move(options)),
      config_(load_config(options_.config_path)),
      translator_(config_.config.language) {
    for (const Error& problem : config_.problems) push_notice({Notice::Level::Error, problem.describe()});

    reload_question_banks();
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
            report(make_error("Unknown view \"" + options_.view +
                                    "\"; the views are events, import, participants, prep, rings, bank, reception, followup and review."));
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
    targets_changed();
    focused_person_.reset();
    retire_person_file();
}

const Target* App::target(Id person_id) const {
    if (!is_target(person_id)) return nullptr;
    for (const Target& target : targets_)
        if (target.person.id == person_id) return &target;
    return nullptr;
}

void App::retire_person_file() {
    if (person_file_) retired_person_files_.push_back(std::move(person_file_));
    person_file_.reset();
}

void App::person_changed() {
    // The participant list shows none of what the prep board edits (relationship, notes, links,
    // history), so it is not read again: at 100,000 participants that would cost every keystroke.
    retire_person_file();
    targets_changed();  // the targets carry the relationship (the rings' colours), and the caches go
}

void App::focus_person(std::optional<Id> person_id) {
    if (focused_person_ == person_id) return;
    focused_person_ = person_id;
    retire_person_file();
}

const PersonFile* App::person_file() {
    if (!db_ || !focused_person_) return nullptr;
    if (person_file_ && person_file_->person.id == *focused_person_) return person_file_.get();
    retire_person_file();
    PersonMemory memory(*db_);
    auto person = memory.get(*focused_person_);
    if (!person) {
        focused_person_.reset();
        return nullptr;
    }
    PersonFile file;
    file.person = std::move(*person);
    file.notes = memory.notes(file.person.id);
    file.history = memory.history(file.person.id);
    file.events = memory.events_of(file.person.id);
    file.links = LinkStore(*db_).links_of(file.person.id);
    if (current_event_id_) file.door_openers = find_door_openers(*db_, *current_event_id_, file.person.id);
    file.balance = trust_balance(*db_, file.person.id);
    person_file_ = std::make_shared<const PersonFile>(std::move(file));
    return person_file_.get();
}

const App::MorningAfter& App::morning_after() {
    if (!morning_after_) {
        morning_after_.emplace();
        if (db_ && current_event_id_) {
            morning_after_->owed = list_followups(*db_, {current_event_id_, false, std::nullopt}, local_now());
            for (const Followup& promise : morning_after_->owed)
                if (auto other = promised_introduction(*db_, promise)) morning_after_->introductions[promise.id] = *other;
            morning_after_->to_thank = to_thank(*db_, *current_event_id_);
            morning_after_->to_connect = to_connect(*db_, *current_event_id_);
        }
        if (db_) {
            morning_after_->nurture = due_to_nurture(*db_, config_.config.keep_in_touch);
            morning_after_->reviews = review_all(*db_);
        }
    }
    return *morning_after_;
}

void App::open_externally(const std::string& path_or_url) {
    last_opened_ = path_or_url;
    if (!options_.open_externally) return;
    // Twice forked, so the program outlives nothing of ours and leaves no zombie; no shell.
    pid_t child = ::fork();
    if (child == 0) {
        if (::fork() == 0) {
            ::execlp("xdg-open", "xdg-open", path_or_url.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::_exit(0);
    }
    if (child > 0) ::waitpid(child, nullptr, 0);
}

std::filesystem::path App::drafts_folder() const {
    return std::filesystem::path(options_.database_path).parent_path() / "drafts";
}

std::optional<double> App::wake_in_seconds() const {
    if (active_view_ != ViewId::Reception) return std::nullopt;
    return reception_view_.wake_in_seconds();
}

std::filesystem::path App::config_folder() const { return std::filesystem::path(options_.config_path).parent_path(); }

void App::reload_question_banks() {
    for (Language language : {Language::English, Language::Danish}) {
        LoadedBank loaded = load_question_bank(language, config_folder());
        for (const Error& problem : loaded.problems) report(problem);
        (language == Language::Danish ? danish_bank_ : english_bank_) = std::move(loaded.bank);
        auto user = read_user_bank(config_folder(), language);
        (language == Language::Danish ? danish_user_bank_ : english_user_bank_) = user.ok() ? *user : UserBank{};
    }
    prompts_changed();
}

void App::ensure_prompts() {
    if (!db_ || !current_event_id_) return;
    std::optional<Id> extra;
    if (focused_person_ && !is_target(*focused_person_)) extra = focused_person_;
    if (prompts_ && prompts_->extra == extra) return;
    EventPrompts generated;
    generated.extra = extra;
    generated.facts = gather_event_facts(*db_, *current_event_id_, config_.config, extra);
    PromptRequest request;
    request.set_number = prompt_sets_;
    generated.prompts = generate_event_prompts(generated.facts, english_bank_, danish_bank_,
                                               load_prompt_marks(*db_, *current_event_id_), request);
    prompts_ = std::move(generated);
}

const std::vector<Prompt>* App::prompts_for(Id person_id) {
    ensure_prompts();
    if (!prompts_) return nullptr;
    auto found = prompts_->prompts.find(person_id);
    return found == prompts_->prompts.end() ? nullptr : &found->second;
}

const PromptFacts* App::prompt_facts_for(Id person_id) {
    ensure_prompts();
    if (!prompts_) return nullptr;
    for (const PromptFacts& facts : prompts_->facts)
        if (facts.person_id == person_id) return &facts;
    return nullptr;
}

void App::new_prompt_set(Id person_id) {
    ++prompt_sets_[person_id];
    prompts_changed();
}

const std::unordered_map<Id, DoorOpener>& App::best_door_openers() {
    if (!best_door_openers_) {
        best_door_openers_.emplace();
        if (db_ && current_event_id_) {
            std::vector<Id> ids;
            ids.reserve(targets_.size());
            for (const Target& target : targets_) ids.push_back(target.person.id);
            *best_door_openers_ = mingle::best_door_openers(*db_, *current_event_id_, ids);
        }
    }
    return *best_door_openers_;
}

const std::vector<PairSuggestion>& App::pair_suggestions() {
    if (!pair_suggestions_) {
        pair_suggestions_.emplace();
        if (db_ && current_event_id_) *pair_suggestions_ = suggest_pairs(*db_, *current_event_id_, tr().language());
    }
    return *pair_suggestions_;
}

void App::reload_if_changed() {
    retired_person_files_.clear();  // no view holds one across frames
    if (prompts_dirty_) {
        prompts_dirty_ = false;
        prompts_.reset();
    }
    if (morning_after_dirty_) {
        morning_after_dirty_ = false;
        morning_after_.reset();
    }
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
        ++participants_generation_;
        pair_suggestions_.reset();
    }
    if (targets_dirty_) {
        targets_dirty_ = false;
        targets_.clear();
        target_counts_ = {};
        target_ids_.clear();
        met_.clear();
        if (current_event_id_) {
            TargetStore store(*db_);
            targets_ = store.list(*current_event_id_);
            target_counts_ = store.counts(*current_event_id_);
            for (const Target& target : targets_) target_ids_.insert(target.person.id);
            met_ = ReceptionStore(*db_).met(*current_event_id_);
        }
        // The board opens on someone: the most important target, when nobody is chosen yet.
        if (!focused_person_ && !targets_.empty()) focused_person_ = targets_.front().person.id;
        best_door_openers_.reset();
        pair_suggestions_.reset();
        prompts_.reset();
        morning_after_.reset();
        retire_person_file();  // door-openers depend on targets' people too
    }
}

void App::open_file(const std::filesystem::path& path) {
    show(ViewId::Import);
    import_view_.open_file(*this, path);
}

void App::set_language(Language language) {
    translator_ = Translator(language);
    pair_suggestions_.reset();  // their reasons are sentences in the language
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
    if (widgets::ctrl_shortcut('P')) {
        show(ViewId::Prep);
        prep_view_.focus_search();
    }
    if (widgets::ctrl_shortcut('R')) show(ViewId::Rings);
    if (widgets::ctrl_shortcut('G')) show(ViewId::Reception);
    if (widgets::ctrl_shortcut('M')) show(ViewId::Followup);

    // The reception's glance view takes the whole window: nothing else to read at arm's length.
    if (active_view_ == ViewId::Reception && db_) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        reception_view_.draw(*this, viewport->Pos, viewport->Size);
        return;
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
    // The prep board and the rings need the room more than the events list does.
    const bool wide_view = active_view_ == ViewId::Prep || active_view_ == ViewId::Rings;
    float events_width = wide_view ? std::clamp(area.x * 0.2f, ImGui::GetFontSize() * 11.0f, ImGui::GetFontSize() * 18.0f)
                                   : std::clamp(area.x * 0.28f, ImGui::GetFontSize() * 14.0f, ImGui::GetFontSize() * 24.0f);
    events_width = std::min(events_width, area.x * 0.5f);
    events_view_.draw(*this, origin, ImVec2(events_width, area.y));
    ImVec2 main_origin(origin.x + events_width, origin.y);
    ImVec2 main_size(area.x - events_width, area.y);
    switch (active_view_) {
        case ViewId::Import: import_view_.draw(*this, main_origin, main_size); break;
        case ViewId::Prep: prep_view_.draw(*this, main_origin, main_size); break;
        case ViewId::Rings: rings_view_.draw(*this, main_origin, main_size); break;
        case ViewId::Bank: bank_view_.draw(*this, main_origin, main_size); break;
        case ViewId::Followup: followup_view_.draw(*this, main_origin, main_size); break;
        case ViewId::Review: review_view_.draw(*this, main_origin, main_size); break;
        default: participants_view_.draw(*this, main_origin, main_size); break;
    }
}

}  // namespace mingle::app
