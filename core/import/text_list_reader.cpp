#include "core/import/text_list_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text.hpp"

namespace mingle::import {
namespace {

// Keyword lists, folded (lower case, no accents) as text::fold gives them.

// English titles: whole words.
constexpr std::string_view kTitleWords[] = {
    "ceo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "cso", "vp", "svp", "evp", "president", "director",
    "manager", "head", "lead", "chief", "officer", "partner", "founder", "cofounder", "owner", "consultant",
    "advisor", "adviser", "developer", "engineer", "designer", "architect", "analyst", "specialist",
    "coordinator", "assistant", "associate", "intern", "student", "professor", "lecturer", "researcher",
    "scientist", "teacher", "freelancer", "entrepreneur", "chairman", "chairwoman", "chair", "secretary",
    "editor", "journalist", "writer", "recruiter", "executive", "administrator", "representative",
    "strategist", "programmer", "doctor", "nurse", "lawyer", "attorney", "accountant", "economist",
    "principal", "ambassador", "postdoc", "phd", "ph.d", "ph.d.", "evangelist", "coach", "trainer",
    "advokat", "ejer", "stifter", "medstifter", "indehaver", "elev", "praktikant", "jurist", "revisor",
    "forsker", "underviser", "selvstaendig", "sygeplejerske", "laege",
};

// Danish titles are compounds ("Salgschef", "Projektleder", "Karriererådgiver"): word endings.
constexpr std::string_view kTitleEndings[] = {
    "direktor", "chef", "leder", "konsulent", "radgiver", "udvikler", "studerende", "lektor", "professor",
    "adjunkt", "formand", "medlem", "ansvarlig", "koordinator", "specialist", "medarbejder", "assistent",
    "sekretaer", "partner", "ingenior", "arkitekt", "designer", "analytiker", "okonom", "laerer", "paedagog",
    "programmor", "saelger", "manager", "officer", "ivaerksaetter", "freelancer", "direktrice", "redaktor",
    "journalist", "skribent", "fuldmaegtig",
};

// Words that mark a company, authority or institution.
constexpr std::string_view kCompanyWords[] = {
    "a/s", "aps", "i/s", "ivs", "p/s", "k/s", "amba", "a.m.b.a", "smba", "inc", "ltd", "llc", "llp", "gmbh",
    "ag", "ab", "as", "asa", "oy", "bv", "nv", "sa", "sas", "srl", "plc", "corp", "corporation", "co",
    "company", "group", "gruppen", "holding", "kommune", "kommunen", "region", "regionen", "universitet",
    "university", "hospital", "hospitalet", "bank", "banken", "sparekasse", "fond", "fonden", "foundation",
    "institute", "institut", "instituttet", "ministeriet", "ministry", "styrelsen", "agency", "akademi",
    "academy", "college", "skole", "school", "gymnasium", "hojskole", "forening", "foreningen",
    "association", "forbund", "forbundet", "a-kasse", "council", "consulting", "consult", "solutions",
    "technologies", "systems", "software", "labs", "studio", "partners", "&", "industri", "industries",
};

// Forms that follow a company name after a comma: "Acme, Inc."
constexpr std::string_view kCompanyForms[] = {"inc", "ltd", "llc", "llp", "gmbh", "a/s", "aps", "i/s",
                                              "ivs", "ab", "as", "plc", "corp", "co", "sa", "bv"};

// Degrees that follow a title after a comma: "Lektor, Ph.D."
constexpr std::string_view kDegrees[] = {"ph.d", "phd", "msc", "m.sc", "mba", "ma", "ba", "bsc", "b.sc",
                                         "cand.merc", "cand.polit", "cand.scient", "cand.jur", "dr.med"};

// Words of headings and column titles in a participant list, never of a name.
constexpr std::string_view kHeadingWords[] = {
    "deltagerliste", "deltagere", "deltager", "participants", "participant", "attendees", "attendee",
    "liste", "list", "side", "page", "navn", "name", "titel", "title", "virksomhed", "company", "firma",
    "email", "e-mail", "telefon", "phone", "program", "agenda", "total", "antal", "dato", "date",
    "tilmeldte", "registered", "speakers", "talere", "oversigt", "kontakt", "contact", "stilling",
};

// Labels that may stand before an e-mail or phone number.
constexpr std::string_view kLabels[] = {"e-mail", "email", "mail",  "tlf",    "tlf.", "tel",     "tel.",
                                        "telefon", "phone", "mobil", "mob", "mobile", "mob.", "kontakt", "contact"};

// Name particles, written in lower case inside a name.
constexpr std::string_view kParticles[] = {"van", "von", "der", "den", "de", "da", "di", "du", "la",
                                           "le", "af", "zu", "del", "dos", "das", "des", "ten", "ter"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

std::vector<std::string_view> split_on_spaces(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) words.push_back(s.substr(start, i - start));
    }
    return words;
}

// Folded words of a part, with surrounding punctuation (.,:;!?"') taken off.
std::vector<std::string> folded_words(std::string_view part) {
    std::vector<std::string> words;
    const std::string folded = text::fold(part);
    for (std::string_view word : split_on_spaces(folded)) {
        while (!word.empty() && std::string_view(",:;!?\"'").find(word.back()) != std::string_view::npos)
            word.remove_suffix(1);
        while (!word.empty() && std::string_view(",:;!?\"'(").find(word.front()) != std::string_view::npos)
            word.remove_prefix(1);
        if (!word.empty()) words.emplace_back(word);
    }
    return words;
}

std::string_view without_trailing_dot(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return word;
}

bool looks_like_title(std::string_view part) {
    for (const std::string& word : folded_words(part)) {
        if (is_one_of(word, kTitleWords) || is_one_of(without_trailing_dot(word), kTitleWords)) return true;
        // Hyphenated titles ("HR-chef", "Co-founder"): look at the last piece.
        std::string_view piece = word;
        if (std::size_t hyphen = piece.rfind('-'); hyphen != std::string_view::npos) {
            piece.remove_prefix(hyphen + 1);
            if (is_one_of(piece, kTitleWords)) return true;
        }
        for (std::string_view ending : kTitleEndings)
            if (piece.ends_with(ending)) return true;
    }
    return false;
}

bool is_all_caps_word(std::string_view word) {
    std::size_t letters = 0;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z') ++letters;
        else if (c != '-' && c != '&') return false;
    }
    return letters >= 2;
}

bool looks_like_company(std::string_view part) {
    std::vector<std::string> words = folded_words(part);
    for (const std::string& word : words) {
        std::string_view bare = without_trailing_dot(word);
        if (is_one_of(bare, kCompanyWords)) return true;
        // A web address: "vestas.com"
        std::size_t dot = bare.rfind('.');
        if (dot != std::string_view::npos && dot > 0 && bare.size() - dot - 1 >= 2 && bare.size() - dot - 1 <= 4 &&
            bare.find('@') == std::string_view::npos && std::all_of(bare.begin() + dot + 1, bare.end(), [](char c) {
                return c >= 'a' && c <= 'z';
            }))
            return true;
    }
    // An acronym standing alone ("LEGO", "DSV") is a company, unless it is a title ("CEO").
    std::vector<std::string_view> raw = split_on_spaces(part);
    return raw.size() == 1 && is_all_caps_word(raw[0]) && !looks_like_title(part);
}

bool is_company_form(std::string_view part) {
    std::vector<std::string> words = folded_words(part);
    return words.size() == 1 && is_one_of(without_trailing_dot(words[0]), kCompanyForms);
}

bool is_degree(std::string_view part) {
    std::vector<std::string> words = folded_words(part);
    return words.size() == 1 && is_one_of(without_trailing_dot(words[0]), kDegrees);
}

bool is_label(std::string_view part) {
    std::vector<std::string> words = folded_words(part);
    return words.size() == 1 && is_one_of(words[0], kLabels);
}

// "+45 12 34 56 78", "Tlf.: 12345678": digits and phone punctuation only, 6 to 15 digits.
std::optional<std::string_view> as_phone(std::string_view part) {
    std::vector<std::string_view> words = split_on_spaces(part);
    if (!words.empty()) {
        std::string label = text::fold(words[0]);
        while (!label.empty() && label.back() == ':') label.pop_back();
        if (is_one_of(label, kLabels)) {
            part = text::trim(part.substr(words[0].size()));
            while (!part.empty() && part.front() == ':') part = text::trim(part.substr(1));
        }
    }
    std::size_t digits = 0;
    for (char c : part) {
        if (c >= '0' && c <= '9') ++digits;
        else if (std::string_view(" +-()./").find(c) == std::string_view::npos) return std::nullopt;
    }
    if (digits < 6 || digits > 15) return std::nullopt;
    return part;
}

// The first code point is a lower-case letter (ASCII, Latin-1 or Latin Extended-A).
bool starts_lower_case(std::string_view word) {
    std::size_t pos = 0;
    char32_t cp = text::next_code_point(word, pos);
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) return text::to_lower(word.substr(0, pos)) == word.substr(0, pos);
    return false;  // other scripts: no case to go by
}

// Letters, with the hyphens, apostrophes and dots of names ("Ana-María", "O'Brien", "J.").
bool is_name_word(std::string_view word) {
    bool has_letter = false;
    for (std::size_t i = 0; i < word.size();) {
        auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) has_letter = true;
            else if (c != '-' && c != '\'' && c != '.') return false;
            ++i;
            continue;
        }
        char32_t cp = text::next_code_point(word, i);
        if (cp == 0x2019) continue;  // ’ as in O’Brien
        if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF)) return false;
        has_letter = true;
    }
    return has_letter;
}

enum class NameStrength { None, Weak, Full };

// Full: two to six name words, at least two capitalised, no heading words. Weak: one to six name
// words (enough beside an e-mail).
NameStrength name_strength(std::string_view part) {
    std::vector<std::string_view> words = split_on_spaces(part);
    if (words.empty() || words.size() > 6) return NameStrength::None;
    std::size_t capitalised = 0;
    for (std::string_view word : words) {
        if (!is_name_word(word)) return NameStrength::None;
        std::string folded = text::fold(word);
        if (is_one_of(std::string_view(folded), kHeadingWords)) return NameStrength::None;
        if (!starts_lower_case(word)) ++capitalised;
        else if (!is_one_of(std::string_view(folded), kParticles)) return NameStrength::None;
    }
    return capitalised >= 2 ? NameStrength::Full : capitalised >= 1 ? NameStrength::Weak : NameStrength::None;
}

bool is_email_local_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("._%+-'").find(c) != std::string_view::npos;
}

bool is_email_domain_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// Takes the e-mail addresses out of `line` (with their <>, "mailto:" and labels) and returns them.
std::vector<std::string> take_emails(std::string& line) {
    std::vector<std::string> emails;
    std::size_t search = 0;
    for (std::size_t at; (at = line.find('@', search)) != std::string::npos;) {
        std::size_t begin = at, end = at + 1;
        while (begin > 0 && is_email_local_char(line[begin - 1])) --begin;
        while (end < line.size() && is_email_domain_char(line[end])) ++end;
        while (end > at + 1 && line[end - 1] == '.') --end;  // the full stop of a sentence
        std::string_view domain = std::string_view(line).substr(at + 1, end - at - 1);
        std::size_t dot = domain.rfind('.');
        if (begin == at || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size()) {
            search = at + 1;
            continue;
        }
        emails.push_back(line.substr(begin, end - begin));
        if (begin >= 7 && text::equals_ascii_ci(std::string_view(line).substr(begin - 7, 7), "mailto:")) begin -= 7;
        if (begin > 0 && end < line.size() && line[begin - 1] == '<' && line[end] == '>') {
            --begin;
            ++end;
        }
        line.replace(begin, end - begin, " | ");
        search = begin + 3;
    }
    return emails;
}

// Leading bullets and numbering: "•", "-", "*", "1.", "12)".
std::string_view strip_bullet(std::string_view line) {
    static constexpr std::string_view kBullets[] = {"•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "►", "➢", "–", "—"};
    for (std::string_view bullet : kBullets)
        if (line.starts_with(bullet)) return text::trim(line.substr(bullet.size()));
    if (line.size() >= 2 && std::string_view("-*+>").find(line[0]) != std::string_view::npos && line[1] == ' ')
        return text::trim(line.substr(2));
    std::size_t digits = 0;
    while (digits < line.size() && digits < 4 && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ')
        return text::trim(line.substr(digits + 2));
    return line;
}

// Splits at , ; | ( ) [ ], at en and em dashes, and at a hyphen with spaces around it.
std::vector<std::string_view> split_parts(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    auto cut = [&](std::size_t end, std::size_t next) {
        std::string_view part = text::trim(line.substr(start, end - start));
        if (!part.empty()) parts.push_back(part);
        start = next;
    };
    for (std::size_t i = 0; i < line.size();) {
        char c = line[i];
        if (std::string_view(",;|()[]").find(c) != std::string_view::npos) {
            cut(i, i + 1);
            ++i;
        } else if (line.substr(i).starts_with(" - ")) {
            cut(i, i + 3);
            i += 3;
        } else if (line.substr(i).starts_with("–") || line.substr(i).starts_with("—")) {
            cut(i, i + 3);
            i += 3;
        } else {
            ++i;
        }
    }
    cut(line.size(), line.size());
    return parts;
}

// The span of `line` from the start of `first` to the end of `last`.
std::string_view span(std::string_view first, std::string_view last) {
    return {first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data())};
}

void append_other(std::string& other, std::string_view part) {
    if (!other.empty()) other += ", ";
    other += part;
}

// "Projektleder hos Vestas", "Head of Sales at Acme": title and company in one part.
std::optional<std::pair<std::string_view, std::string_view>> split_title_at_company(std::string_view part) {
    for (std::string_view word : {" hos ", " at ", " @ "}) {
        std::size_t at = part.find(word);
        if (at != std::string_view::npos && at > 0 && at + word.size() < part.size())
            return std::pair{text::trim(part.substr(0, at)), text::trim(part.substr(at + word.size()))};
    }
    return std::nullopt;
}

// Fills title and company from the parts after the name; what fits neither goes to `other`.
void classify_trailing_parts(std::vector<std::string_view> parts, PersonLine& person) {
    for (auto it = parts.begin(); it != parts.end(); ++it) {
        if (auto pair = split_title_at_company(*it)) {
            person.title = pair->first;
            person.company = pair->second;
            parts.erase(it);
            break;
        }
    }
    if (parts.empty()) return;
    if (!person.title.empty() || !person.company.empty()) {
        for (std::string_view part : parts) append_other(person.other, part);
        return;
    }
    if (parts.size() == 1) {
        if (looks_like_title(parts[0]) && !looks_like_company(parts[0])) person.title = parts[0];
        else person.company = parts[0];
        return;
    }
    // Which part is the title: one that reads as a title and not as a company; else one that
    // reads as a title; else the first that is no company. "Name, Title, Company" is the usual order.
    std::optional<std::size_t> title;
    for (std::size_t i = 0; i < parts.size() && !title; ++i)
        if (looks_like_title(parts[i]) && !looks_like_company(parts[i])) title = i;
    for (std::size_t i = 0; i < parts.size() && !title; ++i)
        if (looks_like_title(parts[i])) title = i;
    for (std::size_t i = 0; i < parts.size() && !title; ++i)
        if (!looks_like_company(parts[i])) title = i;
    std::size_t t = title.value_or(0);
    person.title = parts[t];
    // The company is the run of parts on one side of the title ("DI - Dansk Industri" stays whole);
    // parts on the other side, if any, go to `other`.
    if (t > 0) {
        person.company = span(parts[0], parts[t - 1]);
        if (t + 1 < parts.size()) person.other = span(parts[t + 1], parts.back());
    } else {
        person.company = span(parts[1], parts.back());
    }
}

// "Jensen, Mette": a name needs two words, so a single word before the comma cannot be a whole
// name; when one or two capitalised name words follow and neither side reads as a title or
// company, the line is last name first. ("Mette, Vestas" would be misread too, but is rare.)
bool is_last_comma_first(std::string_view line, const std::vector<std::string_view>& parts) {
    if (parts.size() != 2 || std::count(line.begin(), line.end(), ',') != 1) return false;
    std::vector<std::string_view> last = split_on_spaces(parts[0]), first = split_on_spaces(parts[1]);
    if (last.size() != 1 || first.empty() || first.size() > 2) return false;
    if (name_strength(parts[0]) == NameStrength::None || name_strength(parts[1]) == NameStrength::None) return false;
    for (std::string_view word : first)
        if (starts_lower_case(word)) return false;
    for (std::string_view part : parts)
        if (looks_like_title(part) || looks_like_company(part)) return false;
    return true;
}

}  // namespace

std::vector<std::string> text_list_columns() {
    return {std::begin(kTextListColumns), std::end(kTextListColumns)};
}

PersonLine parse_person_line(std::string_view raw_line) {
    PersonLine person;
    std::string original = text::collapse_spaces(raw_line);
    if (original.empty()) return person;

    // Tabs separate like " | " (a row copied from a web table); collapse_spaces would lose them.
    std::string line;
    for (char c : text::trim(raw_line)) {
        if (c == '\t') line += " | ";
        else line.push_back(c);
    }
    line = text::collapse_spaces(strip_bullet(text::collapse_spaces(line)));

    std::vector<std::string> emails = take_emails(line);
    std::vector<std::string_view> parts = split_parts(line);
    // Drop labels left behind by the e-mail ("E-mail: …").
    std::erase_if(parts, [](std::string_view part) { return is_label(part); });
    // Glue "Inc." and "Ph.D." back on to the part they belong to (never the name).
    for (std::size_t i = 2; i < parts.size();) {
        if (is_company_form(parts[i]) || is_degree(parts[i])) {
            parts[i - 1] = span(parts[i - 1], parts[i]);
            parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
    if (!emails.empty()) person.email = emails[0];

    std::string name;
    std::size_t first_trailing = 1;
    if (is_last_comma_first(line, parts)) {
        name = std::string(parts[1]) + " " + std::string(parts[0]);
        first_trailing = 2;
    } else if (!parts.empty()) {
        NameStrength strength = name_strength(parts[0]);
        if (strength == NameStrength::Full || (strength == NameStrength::Weak && !emails.empty())) name = parts[0];
        else if (!emails.empty()) first_trailing = 0;  // no name, but the e-mail makes it a person
    }
    if (name.empty() && emails.empty()) {
        person = {};
        person.other = original;
        return person;
    }
    person.name = name;

    std::vector<std::string_view> trailing;
    for (std::size_t i = first_trailing; i < parts.size(); ++i) {
        if (auto phone = as_phone(parts[i]); phone && person.phone.empty()) person.phone = *phone;
        else trailing.push_back(parts[i]);
    }
    classify_trailing_parts(trailing, person);
    for (std::size_t i = 1; i < emails.size(); ++i) append_other(person.other, emails[i]);
    return person;
}

Result<ReadStats> read_text_list(TextStream& text, const RowCallback& on_row, const std::string& file_name) {
    LineSplitter lines;
    ReadStats stats;
    std::array<std::string_view, std::size(kTextListColumns)> cells;
    // One row per line; an error for a NUL byte.
    Result<bool> all_taken =
        for_each_line(text, lines, file_name, [&](std::string_view line, std::size_t number) -> Result<bool> {
            if (line.find('\0') != std::string_view::npos)
                return make_error("This line contains a NUL byte: the file looks like a binary file, not a text "
                                  "file. Copy the participant list and paste it as text instead.",
                                  file_name, number);
            if (text::trim(line).empty()) return true;
            PersonLine person = parse_person_line(line);
            cells = {person.name, person.title, person.company, person.email, person.phone, person.other};
            ++stats.rows;
            return on_row(RowView{number, cells});
        });
    if (!all_taken.ok()) return all_taken.error();
    stats.lines = lines.lines();
    return stats;
}

}  // namespace mingle::import
