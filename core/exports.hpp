// What is owed after an event, out of mingle and into the tools the user already lives in
// (domain.md, section 3: follow up every time, keep every promise): a calendar file of to-dos with a
// reminder at each due time, and a spreadsheet of who was promised what.
//
// Calendar (RFC 5545): one VTODO per item with a stable UID ("promise-<id>@mingle.invalid", so a
// second import updates rather than duplicates), DUE in UTC converted from the local due time with
// the system time zone, a display alarm at the due time (absolute, so no DTSTART is needed), and
// STATUS NEEDS-ACTION or COMPLETED (a done item has no alarm). An item without a valid due time has
// neither DUE nor alarm. Text is escaped, control characters other than line breaks become spaces,
// invalid UTF-8 becomes U+FFFD, and lines are folded at 75 octets between UTF-8 characters.
//
// Spreadsheet (RFC 4180): person, email, who promised, the promise, due, status, event; a cell that
// a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading '. UTF-8
// with a BOM, so Excel shows æøå.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace mingle {

// Something owed after an event: a promise made by the user (by_me) or to the user.
struct OwedItem {
    Id id = 0;  // the promise's id
    std::string person_name;
    std::string person_email;
    bool by_me = true;
    std::string text;
    std::string due;  // local time "YYYY-MM-DDTHH:MM"; empty or malformed: no due time
    bool done = false;
    std::string event_name;
};

// A VCALENDAR of VTODOs, one per item, with CRLF line ends. dtstamp_utc is "20261124T080000Z".
std::string render_ics(const std::vector<OwedItem>& items, std::string_view dtstamp_utc, Language language);

// A CSV file with a header row in the language, CRLF line ends and a UTF-8 BOM.
std::string render_csv(const std::vector<OwedItem>& items, Language language);

// Writes an export readable by the user only (0600), atomically.
Status write_export(const std::filesystem::path& path, const std::string& contents);

// The local due time "YYYY-MM-DDTHH:MM" as UTC "YYYYMMDDTHHMMSSZ" in the system time zone; empty if
// it is not such a time.
std::string due_to_utc(std::string_view local_due);

}  // namespace mingle
