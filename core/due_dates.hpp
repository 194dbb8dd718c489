// Due dates as typed at a reception (domain.md, section 2): "send CV til Lars fredag", "introduce
// Anne tomorrow at 10". Danish and English, any case; æøå may be typed as ae, o, a.
//
// What counts as a due date, relative to `now` (the time is morning_hour:00 unless one is given):
//   today:      "i dag", "idag", "today": 17:00 if now is before 17:00, else the next full hour
//               (at most 23:59), so a promise due today is never already overdue;
//   tomorrow:   "i morgen", "imorgen", "tomorrow"; "i overmorgen", "overmorgen", "day after tomorrow";
//   a weekday:  "fredag", "fre", "på fredag", "friday", "fri", "on friday" (also "by", "senest"):
//               always the next such day strictly after today;
//   next week:  "næste uge", "next week": Monday of next week;
//   in n days:  "om 3 dage", "om en uge", "om 2 uger", "om en måned", "in 3 days", "in a week",
//               "in a month" (a month after 31 January is the last day of February);
//   a date:     "2026-12-01", "1.12.2026", "1/12-2026", "1.12.26", and "1.12" or "1/12": this
//               year, or next year when that day is already past; also "d. 1.12", "on 1.12";
//   a time:     "kl 10", "kl. 14:30", "kl 14.30", "klokken 10", "10:00", "at 10", "10am", "2:30pm",
//               after the date or before it; a time alone is today if still ahead, else tomorrow.
// Calendar arithmetic is std::chrono's, so month ends and leap years are right; a day that does
// not exist ("31.02.2026") is not a date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mingle {

struct LocalDateTime {  // local wall-clock time
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

std::string format_due(const LocalDateTime& due);  // "2026-12-01T09:00"

// A typed due date relative to `now`; nullopt when the text is not one.
std::optional<LocalDateTime> parse_due(std::string_view text, const LocalDateTime& now, int morning_hour);

// The next morning at morning_hour: the default due date of a promise made tonight. Until 05:00
// the night still belongs to the evening before, so at 01:30 the next morning is today's.
LocalDateTime next_morning(const LocalDateTime& now, int morning_hour);

// Splits a capture like "send CV til Lars fredag" into the text and a trailing due date, if its
// last words are one ("i morgen", "næste uge", "fredag kl 10"); otherwise the text unchanged and
// nullopt. In running text a bare weekday abbreviation ("søn", "man", "sat") is too often an
// ordinary word, so it counts only with "på"/"on" before it or a time after it.
struct TextAndDue {
    std::string text;
    std::optional<LocalDateTime> due;
};
TextAndDue split_trailing_due(std::string_view capture, const LocalDateTime& now, int morning_hour);

LocalDateTime local_now();  // from the system clock, in the local time zone

}  // namespace mingle
