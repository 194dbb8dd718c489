// The mails of the morning after (domain.md, section 3): a thank-you or follow-up that names what
// was talked about and what was promised, with the CV attached when it was promised; and the
// three-way introduction the user promised. Templates: assets/templates/thank_you.<lang>.txt,
// which the user can override with thank_you.<lang>.txt in the config folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/email_draft.hpp"
#include "core/followups.hpp"
#include "core/introductions.hpp"
#include "core/model.hpp"
#include "core/storage/database.hpp"

namespace mingle {

// What a thank-you to one person from one event is built from.
struct FollowupFacts {
    Person person;
    Event event;
    std::vector<std::string> topics;   // from the notes written at the event
    std::vector<Followup> promises;    // to and from this person at the event
};
FollowupFacts gather_followup_facts(storage::Database& db, Id event_id, Id person_id);

// True when a promise the user made is to send the CV ("send my CV", "sende mit CV").
bool promises_cv(const Followup& promise);

Draft thank_you_draft(const FollowupFacts& facts, const Config& config, const std::filesystem::path& config_folder,
                      Language language);

// The thank-you as a mail to send: to the person, from [me], with the CV attached when the user
// promised it and [me] cv_path names a readable file (else an Error saying so).
Result<MailDraft> thank_you_mail(const FollowupFacts& facts, const Config& config,
                                 const std::filesystem::path& config_folder, Language language);

// A promise to introduce someone ("introduce Lars", "præsentere hende for Lars"): the person
// named, found among the event's participants and the people the user knows by first name.
std::optional<Person> promised_introduction(storage::Database& db, const Followup& promise);

// One .eml per person met at the event or owed something, into `folder` (created, files 0600).
// Returns the paths written.
Result<std::vector<std::filesystem::path>> export_drafts(storage::Database& db, Id event_id, const Config& config,
                                                         const std::filesystem::path& config_folder,
                                                         const std::filesystem::path& folder, Language language);

}  // namespace mingle
