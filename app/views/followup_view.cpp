#include "followup_view.hpp"

#include "app/app.hpp"
#include "app/views/prep_view.hpp"
#include "app/widgets.hpp"
#include "core/drafts.hpp"
#include "core/introductions.hpp"
#include "core/links.hpp"

namespace mingle::app {
namespace {

const char* group_label(const Translator& tr, DueGroup group) {
    return tr(std::string("followup.group.") + std::string(due_group_key(group)));
}

}  // namespace

void FollowupView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    const Event* event = app.current_event();
    if (!widgets::begin_event_pane(tr("followup.title"), "followup", event, tr("participants.no_event"), position, size)) {
        ImGui::End();
        return;
    }
    draw_owed(app);
    draw_thanks(app);
    draw_linkedin(app);
    draw_nurture(app);
    draw_draft_popup(app);
    ImGui::End();
}

void FollowupView::draw_owed(App& app) {
    const Translator& tr = app.tr();
    if (!ImGui::CollapsingHeader(tr("followup.owed"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto& owed = app.morning_after().owed;
    if (owed.empty()) widgets::muted_text(tr("followup.nothing_owed"));
    std::optional<DueGroup> shown_group;
    for (const Followup& item : owed) {
        if (shown_group != item.group) {
            shown_group = item.group;
            ImGui::Spacing();
            ImGui::TextColored(item.group == DueGroup::Overdue ? widgets::kErrorColor : widgets::kMutedColor, "%s",
                               group_label(app.tr(), item.group));
        }
        ImGui::PushID(static_cast<int>(item.id));
        bool done = false;
        if (ImGui::Checkbox("##done", &done)) {
            if (auto saved = mark_done(*app.database(), item.id); saved.ok()) {
                app.followups_changed();
                app.notify(widgets::format(tr("followup.kept"), item.text.c_str()));
            } else {
                app.report(saved.error());
            }
        }
        app.probe().record("followup.done:" + item.text);
        ImGui::SameLine();
        std::string line = item.by_me ? widgets::format(tr("followup.i_promised"), item.person_name.c_str(), item.text.c_str())
                                      : widgets::format(tr("followup.they_promised"), item.person_name.c_str(), item.text.c_str());
        ImGui::TextWrapped("%s", line.c_str());
        const std::string date = item.due.substr(0, 10);
        widgets::same_line_if_fits(ImGui::CalcTextSize(date.c_str()).x);
        ImGui::TextDisabled("%s", date.c_str());
        if (item.by_me) {
            widgets::same_line_if_fits(ImGui::CalcTextSize(tr("followup.draft")).x + ImGui::GetFontSize());
            if (ImGui::SmallButton(tr("followup.draft"))) open_draft(app, item.person_id);
            app.probe().record("followup.draft:" + item.text);
            // A promised introduction: a short three-way mail to both.
            const auto& introductions = app.morning_after().introductions;
            if (auto other = introductions.find(item.id); other != introductions.end()) {
                widgets::same_line_if_fits(ImGui::CalcTextSize(tr("followup.draft_introduction")).x + ImGui::GetFontSize());
                if (ImGui::SmallButton(tr("followup.draft_introduction"))) open_introduction(app, item, other->second);
                app.probe().record("followup.introduce:" + item.text);
            }
        }
        ImGui::PopID();
    }
}

void FollowupView::draw_thanks(App& app) {
    const Translator& tr = app.tr();
    if (!ImGui::CollapsingHeader(tr("followup.thanks"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto& people = app.morning_after().to_thank;
    if (people.empty()) widgets::muted_text(tr("followup.all_thanked"));
    for (const Acquaintance& a : people) {
        ImGui::PushID(static_cast<int>(a.person.id));
        ImGui::BulletText("%s", a.person.display_name().c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("followup.draft_thanks"))) open_draft(app, a.person.id);
        app.probe().record("followup.draft_thanks:" + a.person.display_name());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("followup.mark_thanked"))) {
            if (auto saved = mark_thanked(*app.database(), app.current_event()->id, a.person.id); saved.ok())
                app.followups_changed();
            else
                app.report(saved.error());
        }
        app.probe().record("followup.thanked:" + a.person.display_name());
        ImGui::PopID();
    }
}

void FollowupView::draw_linkedin(App& app) {
    const Translator& tr = app.tr();
    if (!ImGui::CollapsingHeader(tr("followup.linkedin"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto& people = app.morning_after().to_connect;
    if (people.empty()) widgets::muted_text(tr("followup.no_linkedin"));
    for (const Acquaintance& a : people) {
        ImGui::PushID(static_cast<int>(a.person.id));
        ImGui::BulletText("%s", a.person.display_name().c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", a.person.url.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("followup.open_profile"))) app.open_externally(a.person.url);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("followup.connected"))) {
            if (auto saved = mark_connected(*app.database(), a.person.id); saved.ok()) app.followups_changed();
            else app.report(saved.error());
        }
        app.probe().record("followup.connected:" + a.person.display_name());
        ImGui::PopID();
    }
}

void FollowupView::draw_nurture(App& app) {
    const Translator& tr = app.tr();
    if (!ImGui::CollapsingHeader(tr("followup.nurture"))) return;
    widgets::muted_text(tr("followup.nurture_help"));
    const auto& due = app.morning_after().nurture;
    if (due.empty()) widgets::muted_text(tr("followup.nurture_none"));
    for (const NurtureItem& item : due) {
        ImGui::PushID(static_cast<int>(item.person.id));
        ImGui::TextColored(relation_color(item.person.relation), "●");
        ImGui::SameLine();
        std::string line = item.last_contact.empty()
                               ? widgets::format(tr("followup.never"), item.person.display_name().c_str())
                               : widgets::format(tr("followup.days_since"), item.person.display_name().c_str(), item.days_since);
        ImGui::TextUnformatted(line.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(tr("followup.balance"), item.gave, item.received);
        const std::pair<ContactKind, const char*> kActions[] = {{ContactKind::Contact, "followup.log_contact"},
                                                                {ContactKind::Gave, "followup.log_gave"}};
        for (const auto& [kind, label] : kActions) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(label))) {
                if (auto logged = log_contact(*app.database(), item.person.id, kind, ""); logged.ok()) app.followups_changed();
                else app.report(logged.error());
            }
        }
        ImGui::PopID();
    }
}

void FollowupView::open_draft(App& app, Id person_id) {
    const Event* event = app.current_event();
    if (!event) return;
    FollowupFacts facts = gather_followup_facts(*app.database(), event->id, person_id);
    const Language language = parse_language(facts.person.language).value_or(app.tr().language());
    Draft draft = thank_you_draft(facts, app.config().config, app.config_folder(), language);
    draft_text_ = draft.subject + "\n\n" + draft.body;
    auto mail = thank_you_mail(facts, app.config().config, app.config_folder(), language);
    draft_mail_.reset();
    draft_error_.clear();
    saved_path_.clear();
    if (mail.ok()) draft_mail_ = std::move(*mail);
    else draft_error_ = mail.error().message;
    draft_person_ = person_id;
    open_popup_ = true;
}

void FollowupView::open_introduction(App& app, const Followup& promise, const Person& other) {
    const Event* event = app.current_event();
    auto person = PersonMemory(*app.database()).get(promise.person_id);
    if (!event || !person) return;
    PairSuggestion pair;
    pair.first = *person;
    pair.second = other;
    Draft draft = draft_pair_introduction(pair, *event, app.config().config.me.name, app.tr().language());
    draft_text_ = draft.subject + "\n\n" + draft.body;
    MailDraft mail;
    mail.from = {app.config().config.me.name, app.config().config.me.email};
    for (const Person* to : {static_cast<const Person*>(&*person), &other})
        if (!to->email.empty()) mail.to.push_back({to->display_name(), to->email});
    mail.subject = draft.subject;
    mail.body = draft.body;
    draft_mail_ = std::move(mail);
    draft_error_.clear();
    saved_path_.clear();
    draft_person_ = promise.person_id;
    open_popup_ = true;
}

void FollowupView::draw_draft_popup(App& app) {
    const Translator& tr = app.tr();
    if (open_popup_) {
        ImGui::OpenPopup("###followup-draft");
        open_popup_ = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal((std::string(tr("prep.draft_title")) + "###followup-draft").c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize))
        return;
    widgets::input_multiline("##text", draft_text_,
                             ImVec2(ImGui::GetFontSize() * 34.0f, ImGui::GetTextLineHeightWithSpacing() * 12.0f));
    if (!draft_error_.empty()) widgets::error_text(draft_error_);
    if (draft_mail_ && !draft_mail_->attachments.empty())
        ImGui::TextDisabled(tr("followup.attached"), draft_mail_->attachments.front().filename.c_str());
    if (ImGui::Button(tr("prep.copy"))) {
        ImGui::SetClipboardText(draft_text_.c_str());
        app.notify(tr("prep.copied"));
    }
    app.probe().record("followup.copy");
    if (draft_mail_) {
        ImGui::SameLine();
        // A real draft for the mail program: the text as edited here, the CV attached if promised.
        if (ImGui::Button(tr("followup.save_eml"))) {
            MailDraft mail = *draft_mail_;
            auto split = draft_text_.find("\n\n");
            mail.subject = draft_text_.substr(0, split);
            mail.body = split == std::string::npos ? std::string() : draft_text_.substr(split + 2);
            auto message = render_eml(mail, rfc5322_date_now());
            const std::filesystem::path path =
                app.drafts_folder() / ("draft-" + std::to_string(*draft_person_) + ".eml");
            Status saved = message.ok() ? write_eml(path, *message) : Status(message.error());
            if (saved.ok()) {
                saved_path_ = path.string();
                app.open_externally(saved_path_);
            } else {
                draft_error_ = saved.error().describe();
            }
        }
        app.probe().record("followup.save_eml");
        ImGui::SameLine();
        if (ImGui::Button(tr("followup.mailto"))) ImGui::SetClipboardText(mailto_link(*draft_mail_).c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("common.close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    app.probe().record("followup.close");
    if (!saved_path_.empty()) widgets::muted_text(widgets::format(tr("followup.saved_to"), saved_path_.c_str()));
    ImGui::EndPopup();
}

}  // namespace mingle::app
