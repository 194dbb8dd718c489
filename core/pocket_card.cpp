#include "pocket_card.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <exception>
#include <unordered_map>

#include "core/door_openers.hpp"
#include "core/events.hpp"
#include "core/prompts.hpp"
#include "core/targets.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

// The card's few words; kept here rather than in the UI table, since the card is a file the user
// takes away, not a screen.
enum class Label { Goal, Central, Inner, Outer, Recognize, Ask, Offer, Questions, CanIntroduce, NoTargets, Count };
struct LabelText {
    std::string_view english;
    std::string_view danish;
};
constexpr std::array<LabelText, static_cast<std::size_t>(Label::Count)> kLabels = {{
    {"Goal", "Mål"},
    {"Central network", "Det centrale netværk"},
    {"Inner circle", "Inderkredsen"},
    {"Outer circle", "Yderkredsen"},
    {"Recognise", "Genkend"},
    {"Ask", "Spørg om"},
    {"Offer", "Tilbyd"},
    {"Questions", "Spørgsmål"},
    {"Can introduce you", "Kan introducere dig"},
    {"No targets for this event yet.", "Ingen målpersoner til dette arrangement endnu."},
}};

std::string_view label(Label which, Language language) {
    const LabelText& text = kLabels[static_cast<std::size_t>(which)];
    return language == Language::Danish ? text.danish : text.english;
}

// System fonts only (nothing to fetch), large text, dark on light, one column that fits a phone.
constexpr std::string_view kStyle = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;padding:16px;background:#fff;color:#111;
font:20px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
overflow-wrap:break-word;hyphens:auto}
main{max-width:36rem;margin:0 auto}
h1{font-size:clamp(1.2em,7.5vw,1.45em);line-height:1.2;margin:0 0 .2em}
.when{margin:0 0 .8em}
.goal{margin:0 0 1em;padding:.5em .7em;border:3px solid #111;border-radius:8px;background:#fff4c2}
.goal p{margin:0}
h2{font-size:1.1em;line-height:1.25;margin:1.3em -16px .2em;padding:.35em 16px;background:#e3e3e3;
border-top:4px solid #111;text-transform:uppercase;letter-spacing:.03em}
.goal h2{margin:0 0 .1em;padding:0;border:0;background:none;font-size:1em;text-transform:none;letter-spacing:0}
section.target{padding:.6em 0 .7em;border-bottom:2px solid #666}
h3{font-size:1.3em;line-height:1.25;margin:0}
.role{margin:.1em 0 .4em;color:#222}
p{margin:.35em 0}
b{font-weight:700}
.text{white-space:pre-line}
ol{margin:.2em 0 .3em;padding-left:1.5em}
li{margin:.25em 0}
)css";

constexpr std::string_view kMonthsEnglish[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kMonthsDanish[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                              "juli",   "august",  "september", "oktober", "november", "december"};
constexpr std::string_view kWeekdaysEnglish[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
constexpr std::string_view kWeekdaysDanish[] = {"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"};

// "2026-12-03" as people say it: "Thursday 3 December 2026", "torsdag den 3. december 2026".
std::string spoken_date(const std::string& date, Language language) {
    int year = 0;
    unsigned month = 0, day = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) return date;
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!ymd.ok()) return date;
    unsigned weekday = std::chrono::weekday{std::chrono::sys_days{ymd}}.c_encoding();
    std::string out;
    if (language == Language::Danish) {
        out.append(kWeekdaysDanish[weekday]).append(" den ").append(std::to_string(day)).append(". ");
        out.append(kMonthsDanish[month - 1]);
    } else {
        out.append(kWeekdaysEnglish[weekday]).append(" ").append(std::to_string(day)).append(" ");
        out.append(kMonthsEnglish[month - 1]);
    }
    return out.append(" ").append(std::to_string(year));
}

int circle_rank(std::string_view key) {
    auto circle = parse_circle(key).value_or(Circle::Outer);  // an unknown circle is shown last
    return static_cast<int>(circle);
}

class Page {
public:
    explicit Page(Language language) : language_(language) {}

    Page& raw(std::string_view html) {
        out_.append(html);
        return *this;
    }
    Page& text(std::string_view value) {
        out_.append(html_escape(value));
        return *this;
    }
    // "<p><b>Ask:</b> value</p>", or nothing when there is no value.
    void labelled(Label which, std::string_view value) {
        if (text::trim(value).empty()) return;
        raw("<p class=\"text\"><b>").text(label(which, language_)).raw(":</b> ").text(text::trim(value)).raw("</p>\n");
    }
    std::string take() { return std::move(out_); }

private:
    Language language_;
    std::string out_;
};

void render_target(Page& page, const PocketTarget& target, Language language) {
    page.raw("<section class=\"target\">\n<h3>").text(target.name).raw("</h3>\n");
    std::string role = std::string(text::trim(target.title));
    std::string_view company = text::trim(target.company);
    if (!role.empty() && !company.empty()) role.append(", ");
    role.append(company);
    if (!role.empty()) page.raw("<p class=\"role\">").text(role).raw("</p>\n");
    page.labelled(Label::Recognize, target.recognize);
    page.labelled(Label::Ask, target.ask);
    page.labelled(Label::Offer, target.offer);
    if (!target.prompts.empty()) {
        page.raw("<p><b>").text(label(Label::Questions, language)).raw(":</b></p>\n<ol>\n");
        for (const std::string& prompt : target.prompts) page.raw("<li>").text(prompt).raw("</li>\n");
        page.raw("</ol>\n");
    }
    std::string names;
    for (const std::string& name : target.door_openers) {
        if (text::trim(name).empty()) continue;
        if (!names.empty()) names.append(", ");
        names.append(text::trim(name));
    }
    page.labelled(Label::CanIntroduce, names);
    page.raw("</section>\n");
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = text::next_code_point(text, i);
        switch (cp) {
            case '&': out.append("&amp;"); break;
            case '<': out.append("&lt;"); break;
            case '>': out.append("&gt;"); break;
            case '"': out.append("&quot;"); break;
            case '\'': out.append("&#39;"); break;
            case '\t':
            case '\n': out.push_back(static_cast<char>(cp)); break;
            default:
                if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) out.push_back(' ');
                else text::append_utf8(out, cp);
        }
    }
    return out;
}

std::string render_pocket_card(const PocketCard& card, Language language) {
    Page page(language);
    page.raw("<!DOCTYPE html>\n<html lang=\"").raw(language_code(language)).raw("\">\n<head>\n");
    page.raw("<meta charset=\"utf-8\">\n");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Belt and braces: even if something slipped through, the page may run nothing and fetch nothing.
    page.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    page.raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
    page.raw("<meta name=\"format-detection\" content=\"telephone=no, date=no, address=no, email=no\">\n");
    page.raw("<title>").text(card.event_name).raw("</title>\n<style>").raw(kStyle).raw("</style>\n</head>\n<body>\n<main>\n");

    page.raw("<h1>").text(card.event_name).raw("</h1>\n");
    std::string when = spoken_date(std::string(text::trim(card.date)), language);
    std::string_view place = text::trim(card.place);
    if (!when.empty() && !place.empty()) when.append(" · ");
    when.append(place);
    if (!when.empty()) page.raw("<p class=\"when\">").text(when).raw("</p>\n");
    if (!text::trim(card.goal).empty())
        page.raw("<div class=\"goal\"><h2>").text(label(Label::Goal, language)).raw("</h2><p class=\"text\">")
            .text(text::trim(card.goal)).raw("</p></div>\n");

    if (card.targets.empty()) page.raw("<p>").text(label(Label::NoTargets, language)).raw("</p>\n");
    constexpr Label kCircleHeadings[] = {Label::Central, Label::Inner, Label::Outer};
    for (int rank = 0; rank < 3; ++rank) {
        bool heading_written = false;
        for (const PocketTarget& target : card.targets) {
            if (circle_rank(target.circle_key) != rank) continue;
            if (!heading_written) page.raw("<h2>").text(label(kCircleHeadings[rank], language)).raw("</h2>\n");
            heading_written = true;
            render_target(page, target, language);
        }
    }
    page.raw("</main>\n</body>\n</html>\n");
    return page.take();
}

Result<PocketCard> build_pocket_card(storage::Database& db, Id event_id, const Config& config,
                                     const std::filesystem::path& config_folder) {
    try {
        auto event = EventStore(db).get(event_id);
        if (!event) return make_error("There is no event with id " + std::to_string(event_id) + "; pick one that exists.");
        PocketCard card{event->name, event->date, event->place, event->goal, {}};

        // The same prompts as the prompt panel shows, two each, so the card and the screen agree.
        LoadedBank english = load_question_bank(Language::English, config_folder);
        LoadedBank danish = load_question_bank(Language::Danish, config_folder);
        std::vector<PromptFacts> facts = gather_event_facts(db, event_id, config);
        PromptRequest request;
        request.count = 2;
        auto prompts = generate_event_prompts(facts, english.bank, danish.bank, load_prompt_marks(db, event_id), request);

        for (const Target& target : TargetStore(db).list(event_id)) {
            PocketTarget pocket{target.person.display_name(), target.person.title, target.person.company,
                                std::string(circle_key(target.circle)), target.person.recognize, target.ask,
                                target.offer, {}, {}};
            for (const Prompt& prompt : prompts[target.person.id]) pocket.prompts.push_back(prompt.text);
            // Only those at the event: the card is for tonight.
            for (const DoorOpener& opener : find_door_openers(db, event_id, target.person.id, 5))
                if (opener.attending) pocket.door_openers.push_back(opener.person.display_name());
            card.targets.push_back(std::move(pocket));
        }
        return card;
    } catch (const std::exception& error) {
        return storage::sqlite_error(error, "reading the event for the pocket card");
    }
}

Status write_pocket_card(const std::filesystem::path& path, const std::string& html) {
    if (auto written = write_file_atomically(path, html); !written.ok()) return written;
    // A leftover temporary file may have had a wider mode; the card names people and plans.
    std::error_code error;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, error);
    if (error) return make_error("The pocket card was written, but it could not be made private (mode 0600).", path.string());
    return ok_status();
}

}  // namespace mingle
