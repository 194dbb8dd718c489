#include "exports.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/config.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

struct Labels {
    std::string_view to, remind, follow_up, event;                       // calendar
    std::string_view person, email, who, promise, due, status, event_h;  // spreadsheet header
    std::string_view by_me, to_me, open, done;
};
constexpr Labels kEnglish{" to ",   "Remind",     "Follow up",  "Event: ", "Person",     "Email",
                          "Who",    "Promise",    "Due",        "Status",  "Event",      "I promised",
                          "Promised to me", "Open", "Done"};
constexpr Labels kDanish{" til ",  "Påmind",   "Følg op", "Arrangement: ", "Person",   "E-mail",
                         "Hvem",   "Løfte",    "Frist",   "Status",        "Arrangement", "Jeg lovede",
                         "Lovet mig", "Åben", "Klaret"};
const Labels& labels(Language language) { return language == Language::Danish ? kDanish : kEnglish; }

// "YYYY-MM-DDTHH:MM" with a day that exists; nothing else.
bool parse_local_due(std::string_view s, std::tm& out) {
    if (s.size() != 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':') return false;
    auto number = [&](std::size_t from, std::size_t length, int& value) {
        value = 0;
        for (std::size_t i = from; i < from + length; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day) || !number(11, 2, hour) ||
        !number(14, 2, minute))
        return false;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok() || hour > 23 || minute > 59) return false;
    out = std::tm{};
    out.tm_year = year - 1900;
    out.tm_mon = month - 1;
    out.tm_mday = day;
    out.tm_hour = hour;
    out.tm_min = minute;
    out.tm_isdst = -1;  // the time zone's rules say whether summer time applies
    return true;
}

// Valid UTF-8 (invalid bytes as U+FFFD) with line breaks kept as "\n" and other control
// characters as spaces.
std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = text::next_code_point(s, pos);
        if (c == U'\r') {
            if (pos < s.size() && s[pos] == '\n') ++pos;
            out += '\n';
        } else if (c == U'\n' || c == U'\t') {
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7F) {
            out += ' ';
        } else {
            text::append_utf8(out, c);
        }
    }
    return out;
}

// An RFC 5545 TEXT value (section 3.3.11).
std::string ics_text(std::string_view s) {
    std::string out;
    for (char c : clean_text(s)) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            default: out += c;
        }
    }
    return out;
}

// One content line, folded at 75 octets (section 3.1) between UTF-8 characters, with CRLF.
void append_line(std::string& out, std::string_view line) {
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // the leading space counts
    }
    out.append(line);
    out += "\r\n";
}

std::string summary(const OwedItem& item, const Labels& l) {
    const std::string person{text::trim(item.person_name)};
    std::string promise{text::trim(item.text)};
    if (item.by_me) {
        if (promise.empty()) promise = l.follow_up;
        return person.empty() ? promise : promise + std::string(l.to) + person;
    }
    std::string result{l.remind};
    if (!person.empty()) result += " " + person;
    return promise.empty() ? result : result + ": " + promise;
}

std::string description(const OwedItem& item, const Labels& l) {
    std::string result;
    if (!text::trim(item.event_name).empty()) result = std::string(l.event) + std::string(text::trim(item.event_name));
    if (!text::trim(item.person_email).empty()) {
        if (!result.empty()) result += '\n';
        if (!text::trim(item.person_name).empty()) result += std::string(text::trim(item.person_name)) + " ";
        result += "<" + std::string(text::trim(item.person_email)) + ">";
    }
    return result;
}

// A CSV cell (RFC 4180) that no spreadsheet runs as a formula.
std::string csv_cell(std::string_view value) {
    std::string cell;
    for (std::size_t pos = 0; pos < value.size();) text::append_utf8(cell, text::next_code_point(value, pos));
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) cell.insert(0, 1, '\'');
    if (cell.find_first_of(",;\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void append_row(std::string& out, std::initializer_list<std::string_view> cells) {
    bool first = true;
    for (std::string_view cell : cells) {
        if (!first) out += ',';
        first = false;
        out += csv_cell(cell);
    }
    out += "\r\n";
}

}  // namespace

std::string due_to_utc(std::string_view local_due) {
    std::tm local{};
    if (!parse_local_due(local_due, local)) return {};
    const std::time_t moment = std::mktime(&local);
    std::tm utc{};
    if (moment == static_cast<std::time_t>(-1) || !::gmtime_r(&moment, &utc)) return {};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                  utc.tm_hour, utc.tm_min, utc.tm_sec);
    return buffer;
}

std::string render_ics(const std::vector<OwedItem>& items, std::string_view dtstamp_utc, Language language) {
    const Labels& l = labels(language);
    std::string stamp;  // a DATE-TIME value only, so nothing can break out of the line
    for (char c : dtstamp_utc)
        if ((c >= '0' && c <= '9') || c == 'T' || c == 'Z') stamp += c;

    std::string out;
    append_line(out, "BEGIN:VCALENDAR");
    append_line(out, "VERSION:2.0");
    append_line(out, "PRODID:-//mingle//mingle follow-ups//" + std::string(language == Language::Danish ? "DA" : "EN"));
    append_line(out, "CALSCALE:GREGORIAN");
    for (const OwedItem& item : items) {
        const std::string title = ics_text(summary(item, l));
        const std::string about = description(item, l);
        const std::string due = due_to_utc(item.due);
        append_line(out, "BEGIN:VTODO");
        append_line(out, "UID:promise-" + std::to_string(item.id) + "@mingle.invalid");
        append_line(out, "DTSTAMP:" + stamp);
        append_line(out, "SUMMARY:" + title);
        if (!about.empty()) append_line(out, "DESCRIPTION:" + ics_text(about));
        if (!due.empty()) append_line(out, "DUE:" + due);
        append_line(out, item.done ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION");
        if (item.done) append_line(out, "PERCENT-COMPLETE:100");
        if (!due.empty() && !item.done) {
            append_line(out, "BEGIN:VALARM");
            append_line(out, "ACTION:DISPLAY");
            append_line(out, "TRIGGER;VALUE=DATE-TIME:" + due);
            append_line(out, "DESCRIPTION:" + title);
            append_line(out, "END:VALARM");
        }
        append_line(out, "END:VTODO");
    }
    append_line(out, "END:VCALENDAR");
    return out;
}

std::string render_csv(const std::vector<OwedItem>& items, Language language) {
    const Labels& l = labels(language);
    std::string out = "\xEF\xBB\xBF";
    append_row(out, {l.person, l.email, l.who, l.promise, l.due, l.status, l.event_h});
    for (const OwedItem& item : items) {
        std::string due = item.due;
        std::tm ignored{};
        if (parse_local_due(due, ignored)) due[10] = ' ';  // "2026-12-01 09:00": a date to a spreadsheet
        append_row(out, {item.person_name, item.person_email, item.by_me ? l.by_me : l.to_me, item.text, due,
                         item.done ? l.done : l.open, item.event_name});
    }
    return out;
}

Status write_export(const std::filesystem::path& path, const std::string& contents) {
    std::error_code ec;
    // A temporary file left by a crash keeps its mode when reopened; start afresh so it is 0600.
    std::filesystem::remove(path.string() + ".tmp", ec);
    Status written = write_file_atomically(path, contents);
    if (!written) return written;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    if (ec) return make_error("The export was written but could not be made private to you.", path.string());
    return ok_status();
}

}  // namespace mingle
