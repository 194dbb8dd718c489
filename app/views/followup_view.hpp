// The morning after (domain.md, section 3): everything owed, overdue first and what the user
// promised first, done with one click; everyone to thank, with a ready draft; LinkedIn connections
// to make; and, over time, who is due to be nurtured, with the give/take balance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/email_draft.hpp"
#include "core/followups.hpp"

namespace mingle::app {

class App;

class FollowupView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);

private:
    void draw_owed(App& app);
    void draw_thanks(App& app);
    void draw_linkedin(App& app);
    void draw_nurture(App& app);
    void draw_draft_popup(App& app);
    void open_draft(App& app, Id person_id);
    void open_introduction(App& app, const Followup& promise, const Person& other);

    // The open draft.
    bool open_popup_ = false;
    std::optional<Id> draft_person_;
    std::string draft_text_;
    std::optional<MailDraft> draft_mail_;
    std::string draft_error_;
    std::string saved_path_;
};

}  // namespace mingle::app
