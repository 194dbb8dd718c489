#include "due_dates.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <span>
#include <vector>

#include "core/text.hpp"

namespace mingle {
namespace {

namespace chr = std::chrono;
using Words = std::span<const std::string_view>;

// "Today" with no time: by the end of the working day, or within the hour when that has passed.
constexpr int kTodayDueHour = 17;
// Before this hour the night still belongs to the evening before (see next_morning).
constexpr int kNightEndsHour = 5;
// The most words a trailing due date can have: "på fredag kl 10", "the day after tomorrow at 10am".
constexpr std::size_t kMostTrailingWords = 6;

struct Clock {
    int hour = 0;
    int minute = 0;
};

int clamp_hour(int hour) { return std::clamp(hour, 0, 23); }

chr::sys_days day_of(const LocalDateTime& t) {
    return chr::sys_days{chr::year{t.year} / chr::month{static_cast<unsigned>(t.month)} /
                         chr::day{static_cast<unsigned>(t.day)}};
}

LocalDateTime at(chr::sys_days day, Clock clock) {
    chr::year_month_day ymd{day};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day())), clock.hour, clock.minute};
}

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> number(std::string_view digits, std::size_t max_digits) {
    if (!is_digits(digits) || digits.size() > max_digits) return std::nullopt;
    int value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

std::string_view without_trailing_dot(std::string_view word) {
    if (word.size() > 1 && word.back() == '.') word.remove_suffix(1);
    return word;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> choices) {
    return std::find(choices.begin(), choices.end(), word) != choices.end();
}

std::vector<std::string_view> split_words(std::string_view folded) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string joined(Words words) {
    std::string out;
    for (std::string_view word : words) {
        if (!out.empty()) out.push_back(' ');
        out.append(word);
    }
    return out;
}

// --- times ---

// "10", "9:05", and with `dot_allowed` "14.30" (only after "kl", where it cannot be a date).
std::optional<Clock> clock_of(std::string_view word, bool dot_allowed) {
    std::size_t separator = word.find_first_of(dot_allowed ? ":." : ":");
    std::optional<int> hour = number(word.substr(0, separator), 2);
    std::optional<int> minute = separator == std::string_view::npos ? 0 : number(word.substr(separator + 1), 2);
    bool two_digit_minutes = separator == std::string_view::npos || word.size() - separator - 1 == 2;
    if (!hour || !minute || !two_digit_minutes || *hour > 23 || *minute > 59) return std::nullopt;
    return Clock{*hour, *minute};
}

std::optional<Clock> with_meridiem(std::optional<Clock> clock, std::string_view am_pm) {
    if (!clock || clock->hour < 1 || clock->hour > 12) return std::nullopt;
    if (am_pm == "am") clock->hour %= 12;
    else if (am_pm == "pm") clock->hour = clock->hour % 12 + 12;
    else return std::nullopt;
    return clock;
}

// "10am", "2:30pm".
std::optional<Clock> meridiem_clock(std::string_view word) {
    if (word.size() < 3) return std::nullopt;
    return with_meridiem(clock_of(word.substr(0, word.size() - 2), false), word.substr(word.size() - 2));
}

bool is_time_marker(std::string_view word) { return is_one_of(word, {"kl", "kl.", "klokken", "at"}); }

// The words, all of them, as a time of day. A bare number is not one: "kl 10" and "10:00" are.
std::optional<Clock> parse_time(Words words) {
    if (words.size() == 1) {
        if (auto clock = meridiem_clock(words[0])) return clock;
        if (words[0].find(':') != std::string_view::npos) return clock_of(words[0], false);
        return std::nullopt;
    }
    if (words.size() == 2) {
        if (is_time_marker(words[0])) {
            if (auto clock = clock_of(words[1], words[0] != "at")) return clock;
            return meridiem_clock(words[1]);
        }
        return with_meridiem(clock_of(words[0], false), words[1]);  // "10 am"
    }
    if (words.size() == 3 && is_time_marker(words[0])) return with_meridiem(clock_of(words[1], false), words[2]);
    return std::nullopt;
}

// --- days ---

struct DueDay {
    chr::sys_days day;
    bool today_word = false;  // "i dag": its default time is not the morning's
};

struct WeekdayName {
    std::string_view name;  // folded
    unsigned weekday;       // 0 Sunday … 6 Saturday, as std::chrono::weekday
    bool ordinary_word;     // an abbreviation that is also a common word ("man", "søn", "sat")
};
constexpr WeekdayName kWeekdays[] = {
    {"mandag", 1, false}, {"tirsdag", 2, false}, {"onsdag", 3, false}, {"torsdag", 4, false},
    {"fredag", 5, false}, {"lordag", 6, false},  {"sondag", 0, false},
    {"man", 1, true},     {"tirs", 2, false},    {"ons", 3, false},    {"tors", 4, false},
    {"fre", 5, false},    {"lor", 6, false},     {"son", 0, true},
    {"monday", 1, false}, {"tuesday", 2, false}, {"wednesday", 3, false}, {"thursday", 4, false},
    {"friday", 5, false}, {"saturday", 6, false}, {"sunday", 0, false},
    {"mon", 1, true},     {"tue", 2, false},     {"tues", 2, false},   {"wed", 3, true},
    {"thu", 4, false},    {"thurs", 4, false},   {"fri", 5, true},     {"sat", 6, true},
    {"sun", 0, true},
};

const WeekdayName* weekday_named(std::string_view word) {
    word = without_trailing_dot(word);  // "fre."
    for (const WeekdayName& weekday : kWeekdays)
        if (weekday.name == word) return &weekday;
    return nullptr;
}

// The next such weekday strictly after `today`.
chr::sys_days next_weekday(chr::sys_days today, chr::weekday wanted) {
    auto ahead = (wanted - chr::weekday{today}).count();  // 0 … 6
    return today + chr::days{ahead == 0 ? 7 : ahead};
}

std::optional<int> count_of(std::string_view word) {
    if (auto digits = number(word, 3)) return *digits;
    constexpr std::string_view kDanish[] = {"en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"};
    constexpr std::string_view kEnglish[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    if (word == "et" || word == "a" || word == "an") return 1;
    for (int i = 0; i < 10; ++i)
        if (word == kDanish[i] || word == kEnglish[i]) return i + 1;
    return std::nullopt;
}

// A month later keeps the day, or takes the month's last one (31 January + 1 month: 28/29 February).
chr::sys_days months_after(chr::sys_days day, int months) {
    chr::year_month_day ymd{day};
    ymd += chr::months{months};
    if (!ymd.ok()) ymd = ymd.year() / ymd.month() / chr::last;
    return chr::sys_days{ymd};
}

// "om 3 dage", "in a week", "om to uger", "in 2 months".
std::optional<chr::sys_days> in_some_time(Words words, chr::sys_days today) {
    if (words.size() != 3 || !is_one_of(words[0], {"om", "in"})) return std::nullopt;
    std::optional<int> count = count_of(words[1]);
    if (!count || *count < 1) return std::nullopt;
    std::string_view unit = words[2];
    if (is_one_of(unit, {"dag", "dage", "day", "days"})) return today + chr::days{*count};
    if (is_one_of(unit, {"uge", "uger", "week", "weeks"})) return today + chr::days{7 * *count};
    if (is_one_of(unit, {"maned", "maneder", "maaned", "maaneder", "month", "months"})) return months_after(today, *count);
    return std::nullopt;
}

std::optional<chr::year_month_day> real_date(int year, int month, int day) {
    if (year < 1900 || year > 2200 || month < 1 || day < 1) return std::nullopt;
    chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)}, chr::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

// "2026-12-01"; day first as in Denmark: "1.12.2026", "1/12-2026", "1.12.26"; "1.12" or "1/12" is
// the next such day from today (this year, or next year when it has passed).
std::optional<chr::sys_days> calendar_date(std::string_view word, chr::sys_days today) {
    word = without_trailing_dot(word);  // "1.12."
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    std::string separators;
    for (std::size_t i = 0; i <= word.size(); ++i) {
        if (i < word.size() && std::string_view("./-").find(word[i]) == std::string_view::npos) continue;
        parts.push_back(word.substr(start, i - start));
        if (i < word.size()) separators.push_back(word[i]);
        start = i + 1;
    }
    if (parts.size() == 3 && parts[0].size() == 4 && separators == "--") {
        auto year = number(parts[0], 4), month = number(parts[1], 2), day = number(parts[2], 2);
        if (!year || !month || !day) return std::nullopt;
        if (auto date = real_date(*year, *month, *day)) return chr::sys_days{*date};
        return std::nullopt;
    }
    auto day = number(parts[0], 2);
    auto month = parts.size() >= 2 ? number(parts[1], 2) : std::nullopt;
    if (!day || !month) return std::nullopt;
    if (parts.size() == 3) {
        auto year = parts[2].size() == 2 || parts[2].size() == 4 ? number(parts[2], 4) : std::nullopt;
        if (!year) return std::nullopt;
        if (parts[2].size() == 2) *year += 2000;
        if (auto date = real_date(*year, *month, *day)) return chr::sys_days{*date};
        return std::nullopt;
    }
    // "1-12" is as likely a range ("10-12") as a date: only "." and "/" without a year.
    if (parts.size() != 2 || separators == "-") return std::nullopt;
    int this_year = static_cast<int>(chr::year_month_day{today}.year());
    for (int year : {this_year, this_year + 1})
        if (auto date = real_date(year, *month, *day); date && chr::sys_days{*date} >= today) return chr::sys_days{*date};
    return std::nullopt;
}

// The words, all of them, as a day.
std::optional<DueDay> parse_day(Words words, chr::sys_days today, bool in_text, bool has_time) {
    const std::string phrase = joined(words);
    if (is_one_of(phrase, {"i dag", "idag", "today"})) return DueDay{today, true};
    if (is_one_of(phrase, {"i morgen", "imorgen", "tomorrow"})) return DueDay{today + chr::days{1}};
    if (is_one_of(phrase, {"i overmorgen", "overmorgen", "day after tomorrow", "the day after tomorrow"}))
        return DueDay{today + chr::days{2}};
    if (is_one_of(phrase, {"naeste uge", "next week"})) return DueDay{next_weekday(today, chr::Monday)};
    if (auto day = in_some_time(words, today)) return DueDay{*day};

    bool prefixed = false;
    if (words.size() == 2 && is_one_of(without_trailing_dot(words[0]), {"pa", "on", "by", "senest", "d", "den"})) {
        prefixed = true;
        words = words.subspan(1);
    }
    if (words.size() != 1) return std::nullopt;
    if (const WeekdayName* weekday = weekday_named(words[0])) {
        if (weekday->ordinary_word && in_text && !prefixed && !has_time) return std::nullopt;
        return DueDay{next_weekday(today, chr::weekday{weekday->weekday})};
    }
    if (auto day = calendar_date(words[0], today)) return DueDay{*day};
    return std::nullopt;
}

LocalDateTime with_default_time(const DueDay& due, const LocalDateTime& now, int morning_hour) {
    if (!due.today_word) return at(due.day, {clamp_hour(morning_hour), 0});
    if (now.hour < kTodayDueHour) return at(due.day, {kTodayDueHour, 0});
    if (now.hour >= 23) return at(due.day, {23, 59});
    return at(due.day, {now.hour + 1, 0});
}

std::optional<LocalDateTime> parse_words(Words words, const LocalDateTime& now, int morning_hour, bool in_text) {
    if (words.empty()) return std::nullopt;
    const chr::sys_days today = day_of(now);
    if (auto day = parse_day(words, today, in_text, false)) return with_default_time(*day, now, morning_hour);
    for (std::size_t time_words = 1; time_words <= std::min<std::size_t>(3, words.size()); ++time_words) {
        const std::size_t rest = words.size() - time_words;
        // The time after the day ("fredag kl 10"), or before it ("kl 10 i morgen").
        for (bool time_last : {true, false}) {
            auto clock = parse_time(time_last ? words.last(time_words) : words.first(time_words));
            if (!clock) continue;
            if (rest == 0) {  // a time alone: today if still ahead, else tomorrow
                bool ahead = clock->hour * 60 + clock->minute > now.hour * 60 + now.minute;
                return at(ahead ? today : today + chr::days{1}, *clock);
            }
            auto day = parse_day(time_last ? words.first(rest) : words.last(rest), today, in_text, true);
            if (day) return at(day->day, *clock);
        }
    }
    return std::nullopt;
}

// Folded (any case, æøå or not), and without the full stop or comma a sentence may end with.
std::string normalized(std::string_view text) {
    std::string folded = text::fold(text::trim(text));
    while (!folded.empty() && std::string_view(".,;!?").find(folded.back()) != std::string_view::npos)
        folded.pop_back();
    return folded;
}

std::optional<LocalDateTime> parse_due_text(std::string_view text, const LocalDateTime& now, int morning_hour,
                                            bool in_text) {
    const std::string folded = normalized(text);
    const std::vector<std::string_view> words = split_words(folded);
    return parse_words(words, now, morning_hour, in_text);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string format_due(const LocalDateTime& due) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", due.year, due.month, due.day, due.hour, due.minute);
    return buffer;
}

std::optional<LocalDateTime> parse_due(std::string_view text, const LocalDateTime& now, int morning_hour) {
    return parse_due_text(text, now, morning_hour, false);
}

LocalDateTime next_morning(const LocalDateTime& now, int morning_hour) {
    morning_hour = clamp_hour(morning_hour);
    const chr::sys_days today = day_of(now);
    bool still_tonight = now.hour < kNightEndsHour && now.hour < morning_hour;
    return at(still_tonight ? today : today + chr::days{1}, {morning_hour, 0});
}

TextAndDue split_trailing_due(std::string_view capture, const LocalDateTime& now, int morning_hour) {
    std::vector<std::size_t> word_starts;
    for (std::size_t i = 0; i < capture.size(); ++i)
        if (!is_space(capture[i]) && (i == 0 || is_space(capture[i - 1]))) word_starts.push_back(i);
    // The longest trailing run of words that is a due date: "på fredag kl 10", not just "kl 10".
    const std::size_t most = std::min(kMostTrailingWords, word_starts.size());
    for (std::size_t count = most; count >= 1; --count) {
        const std::size_t start = word_starts[word_starts.size() - count];
        auto due = parse_due_text(capture.substr(start), now, morning_hour, true);
        if (!due) continue;
        std::string_view text = text::trim(capture.substr(0, start));
        // "send CV til Lars, fredag" and "ring Anne – i morgen": the separator goes with the date.
        while (!text.empty()) {
            if (text.ends_with("\xE2\x80\x93")) text.remove_suffix(3);  // en dash
            else if (std::string_view(",;:-").find(text.back()) != std::string_view::npos) text.remove_suffix(1);
            else break;
            text = text::trim(text);
        }
        return {std::string(text), due};
    }
    return {std::string(capture), std::nullopt};
}

LocalDateTime local_now() {
    std::time_t seconds = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min};
}

}  // namespace mingle
