#include "core/import/vcard_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/import/encoding.hpp"
#include "core/text.hpp"

namespace mingle::import {
namespace {

enum Column : std::size_t {
    kFirstName, kLastName, kMiddleName, kFullName, kNickname, kCompany, kDepartment, kTitle, kRole,
    kEmail, kEmail2, kPhone, kPhone2, kUrl, kAddress, kBirthday, kNote, kOther, kColumnCount
};
static_assert(kColumnCount == std::size(kVCardColumns));

// Binary data and bookkeeping: nothing a participant list needs. X-ABLabel and X-ABUID are Apple's
// labels for grouped properties and its record id.
constexpr std::string_view kSkippedProperties[] = {"PHOTO",   "LOGO", "SOUND",   "KEY",      "VERSION",
                                                   "PRODID",  "UID",  "REV",     "X-ABUID",  "X-ABLABEL"};

// Charsets that writers use for Latin-1 text; Windows-1252 decodes all of them.
constexpr std::string_view kLatinCharsets[] = {"ISO-8859-1", "ISO-8859-15", "LATIN1", "LATIN-1",
                                               "WINDOWS-1252", "CP1252"};

std::size_t find_unquoted(std::string_view s, char wanted) {
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') quoted = !quoted;
        else if (s[i] == wanted && !quoted) return i;
    }
    return std::string_view::npos;
}

bool contains_ascii_ci(std::string_view haystack, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (text::starts_with_ascii_ci(haystack.substr(i), needle)) return true;
    return false;
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string_view strip_prefix_ci(std::string_view s, std::string_view prefix) {
    return text::starts_with_ascii_ci(s, prefix) ? s.substr(prefix.size()) : s;
}

template <std::size_t N>
bool is_one_of_ci(std::string_view word, const std::string_view (&list)[N]) {
    return std::any_of(std::begin(list), std::end(list),
                       [word](std::string_view entry) { return text::equals_ascii_ci(word, entry); });
}

// Property names are ASCII and case-insensitive; "Other" shows them as the standard writes them.
std::string upper_case(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

struct PropertyLine {
    std::string_view name;    // without its group ("item1.EMAIL" → "EMAIL")
    std::string_view params;  // after the first ';' of the name part
    std::string_view value;   // as written: still encoded and escaped
};

std::optional<PropertyLine> split_property(std::string_view line) {
    std::size_t colon = find_unquoted(line, ':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view head = line.substr(0, colon);
    PropertyLine property;
    property.value = line.substr(colon + 1);
    std::size_t semicolon = head.find(';');
    property.name = text::trim(head.substr(0, semicolon));
    if (semicolon != std::string_view::npos) property.params = head.substr(semicolon + 1);
    if (std::size_t dot = property.name.rfind('.'); dot != std::string_view::npos) property.name.remove_prefix(dot + 1);
    return property;
}

struct Params {
    bool quoted_printable = false;
    bool binary = false;
    bool preferred = false;
    std::string_view charset;
};

// Both styles: "TEL;TYPE=WORK,VOICE;PREF=1" (3.0, 4.0) and "TEL;WORK;VOICE;PREF" (2.1, bare values).
Params parse_params(std::string_view params) {
    Params result;
    while (!params.empty()) {
        std::size_t semicolon = find_unquoted(params, ';');
        std::string_view param = params.substr(0, semicolon);
        params = semicolon == std::string_view::npos ? std::string_view{} : params.substr(semicolon + 1);
        std::size_t equals = param.find('=');
        std::string_view key = text::trim(param.substr(0, equals));
        std::string_view value = equals == std::string_view::npos ? key : text::trim(param.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        const bool bare = equals == std::string_view::npos;
        if (bare || text::equals_ascii_ci(key, "ENCODING")) {
            if (text::equals_ascii_ci(value, "QUOTED-PRINTABLE")) result.quoted_printable = true;
            if (text::equals_ascii_ci(value, "BASE64") || text::equals_ascii_ci(value, "B")) result.binary = true;
        }
        if (text::equals_ascii_ci(key, "CHARSET")) result.charset = value;
        if (text::equals_ascii_ci(key, "PREF")) result.preferred = true;
        if (bare || text::equals_ascii_ci(key, "TYPE")) {
            // TYPE values are a comma list; PREF among them marks the preferred one.
            while (!value.empty()) {
                std::size_t comma = value.find(',');
                if (text::equals_ascii_ci(text::trim(value.substr(0, comma)), "PREF")) result.preferred = true;
                value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
            }
        }
    }
    return result;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Soft line breaks were joined when the lines were read; a "=" left at the very end of the value
// is one that no line followed, and is dropped. A "=" not followed by two hex digits is kept.
void append_quoted_printable(std::string& out, std::string_view encoded) {
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const bool is_escape = encoded[i] == '=' && i + 2 < encoded.size() && hex_value(encoded[i + 1]) >= 0 &&
                               hex_value(encoded[i + 2]) >= 0;
        if (is_escape) {
            out.push_back(static_cast<char>(hex_value(encoded[i + 1]) * 16 + hex_value(encoded[i + 2])));
            i += 2;
        } else if (!(encoded[i] == '=' && i + 1 == encoded.size())) {
            out.push_back(encoded[i]);
        }
    }
}

// Appends the UTF-8 form of bytes in a declared charset. Without one (or with UTF-8), bytes that
// are not valid UTF-8 are taken for Windows-1252, which old phones wrote without saying so.
void append_in_charset(std::string& out, std::string_view bytes, std::string_view charset) {
    if (!is_one_of_ci(charset, kLatinCharsets) && check_utf8(bytes).valid_length == bytes.size()) out += bytes;
    else append_windows1252(out, bytes);
}

// Appends text with the escapes \\ \, \; \: \n resolved. An unescaped comma (a list separator)
// becomes `comma_as`.
void append_unescaped(std::string& out, std::string_view s, std::string_view comma_as = ",") {
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            char next = s[++i];
            if (next == 'n' || next == 'N') out.push_back('\n');
            else if (next == '\\' || next == ',' || next == ';' || next == ':') out.push_back(next);
            else {
                out.push_back('\\');
                out.push_back(next);
            }
        } else if (c == ',') {
            out += comma_as;
        } else {
            out.push_back(c);
        }
    }
}

std::string unescaped(std::string_view s, std::string_view comma_as = ",") {
    std::string out;
    append_unescaped(out, s, comma_as);
    return std::string(text::trim(out));
}

// The components of a structured value (N, ADR, ORG), split at unescaped semicolons.
void split_components(std::string_view value, std::vector<std::string_view>& components) {
    components.clear();
    std::size_t start = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\') ++i;
        else if (value[i] == ';') {
            components.push_back(value.substr(start, i - start));
            start = i + 1;
        }
    }
    components.push_back(value.substr(start));
}

// Collects the properties of one card into the cells of a row.
class CardBuilder {
public:
    void begin(std::size_t line) {
        line_ = line;
        for (std::string& cell : cells_) cell.clear();
        emails_.clear();
        phones_.clear();
    }

    std::size_t line() const { return line_; }

    void add(const PropertyLine& property) {
        const std::string_view name = property.name;
        if (is_one_of_ci(name, kSkippedProperties)) return;
        const Params params = parse_params(property.params);
        if (params.binary) return;
        decoded_.clear();
        if (params.quoted_printable) {
            raw_.clear();
            append_quoted_printable(raw_, property.value);
            append_in_charset(decoded_, raw_, params.charset);
        } else {
            decoded_ = property.value;
        }
        const std::string_view value = decoded_;

        if (text::equals_ascii_ci(name, "N")) add_name(value);
        else if (text::equals_ascii_ci(name, "FN")) put(kFullName, name, unescaped(value));
        else if (text::equals_ascii_ci(name, "NICKNAME")) append(kNickname, unescaped(value), ", ");
        else if (text::equals_ascii_ci(name, "ORG")) add_organisation(name, value);
        else if (text::equals_ascii_ci(name, "TITLE")) put(kTitle, name, unescaped(value));
        else if (text::equals_ascii_ci(name, "ROLE")) put(kRole, name, unescaped(value));
        else if (text::equals_ascii_ci(name, "EMAIL"))
            add_ranked(emails_, unescaped(strip_prefix_ci(text::trim(value), "mailto:")), params.preferred);
        else if (text::equals_ascii_ci(name, "TEL"))
            add_ranked(phones_, unescaped(strip_prefix_ci(text::trim(value), "tel:")), params.preferred);
        else if (text::equals_ascii_ci(name, "URL")) put(kUrl, name, unescaped(value));
        else if (text::equals_ascii_ci(name, "ADR")) put(kAddress, name, formatted_address(value));
        else if (text::equals_ascii_ci(name, "BDAY")) put(kBirthday, name, unescaped(value));
        else if (text::equals_ascii_ci(name, "NOTE")) append(kNote, unescaped(value), "\n");
        else add_other(upper_case(name), unescaped(value));
    }

    // The row: views into the builder, valid until the next begin().
    std::span<const std::string_view> finish() {
        place_ranked(emails_, kEmail, kEmail2, "EMAIL");
        place_ranked(phones_, kPhone, kPhone2, "TEL");
        for (std::size_t i = 0; i < kColumnCount; ++i) views_[i] = cells_[i];
        return views_;
    }

private:
    void put(Column column, std::string_view name, std::string value) {
        if (value.empty()) return;
        if (cells_[column].empty()) cells_[column] = std::move(value);
        else add_other(upper_case(name), value);  // a second TITLE, URL, … is kept, not lost
    }

    void append(Column column, std::string_view value, std::string_view separator) {
        if (value.empty()) return;
        if (!cells_[column].empty()) cells_[column] += separator;
        cells_[column] += value;
    }

    void add_other(std::string_view name, std::string_view value) {
        if (value.empty()) return;
        std::string& other = cells_[kOther];
        if (!other.empty()) other.push_back('\n');
        other += name;
        other += ": ";
        for (char c : value) other.push_back(c == '\n' ? ' ' : c);
    }

    // N: family; given; additional; prefix; suffix. Each may be a comma list ("Mette,Marie").
    void add_name(std::string_view value) {
        if (!cells_[kFirstName].empty() || !cells_[kLastName].empty()) return;
        split_components(value, components_);
        auto component = [this](std::size_t i) {
            return i < components_.size() ? unescaped(components_[i], " ") : std::string();
        };
        cells_[kLastName] = component(0);
        cells_[kFirstName] = component(1);
        cells_[kMiddleName] = component(2);
        add_other("Name prefix", component(3));
        add_other("Name suffix", component(4));
    }

    // ORG: company; department; sub-department …
    void add_organisation(std::string_view name, std::string_view value) {
        split_components(value, components_);
        std::string company = unescaped(components_[0]);
        std::string department;
        for (std::size_t i = 1; i < components_.size(); ++i) {
            std::string unit = unescaped(components_[i]);
            if (unit.empty()) continue;
            if (!department.empty()) department += ", ";
            department += unit;
        }
        if (!cells_[kCompany].empty()) {
            add_other(upper_case(name), company + (department.empty() ? "" : ", " + department));
            return;
        }
        cells_[kCompany] = std::move(company);
        cells_[kDepartment] = std::move(department);
    }

    // ADR: post office box; extended; street; locality; region; postal code; country.
    std::string formatted_address(std::string_view value) {
        split_components(value, components_);
        auto component = [this](std::size_t i) {
            std::string part = i < components_.size() ? unescaped(components_[i]) : std::string();
            std::replace(part.begin(), part.end(), '\n', ' ');
            return part;
        };
        std::string town = component(5);
        if (std::string locality = component(3); !locality.empty()) town += (town.empty() ? "" : " ") + locality;
        std::string address;
        for (const std::string& part : {component(0), component(1), component(2), town, component(4), component(6)}) {
            if (part.empty()) continue;
            if (!address.empty()) address += ", ";
            address += part;
        }
        return address;
    }

    static void add_ranked(std::vector<std::string>& list, std::string value, bool preferred) {
        if (value.empty()) return;
        if (preferred) list.insert(list.begin(), std::move(value));
        else list.push_back(std::move(value));
    }

    void place_ranked(std::vector<std::string>& list, Column first, Column second, std::string_view name) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i == 0) cells_[first] = list[i];
            else if (i == 1) cells_[second] = list[i];
            else add_other(name, list[i]);
        }
    }

    std::size_t line_ = 0;
    std::array<std::string, kColumnCount> cells_;
    std::array<std::string_view, kColumnCount> views_;
    std::vector<std::string> emails_;
    std::vector<std::string> phones_;
    std::vector<std::string_view> components_;
    std::string raw_;
    std::string decoded_;
};

// Turns physical lines into logical ones (unfolding, QUOTED-PRINTABLE soft line breaks) and
// logical lines into cards.
class VCardParser {
public:
    VCardParser(const RowCallback& on_row, const std::string& file_name) : on_row_(on_row), file_name_(file_name) {}

    // False when the callback asked to stop; an error for a broken file.
    Result<bool> take_line(std::string_view line, std::size_t number) {
        if (line.find('\0') != std::string_view::npos)
            return make_error("This line contains a NUL byte: the file looks like a binary file, not a vCard file. "
                              "Export the contacts again as vCard (.vcf).",
                              file_name_, number);
        if (has_pending_) {
            if (soft_line_break_) {  // QUOTED-PRINTABLE "=" at the end: the value goes on
                pending_.pop_back();
                pending_ += line;
                soft_line_break_ = ends_in_soft_line_break();
                return true;
            }
            if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
                // A folded line. vCard 2.1 folds at white space and keeps it; 3.0 and 4.0 insert it.
                pending_ += version_21_ ? line : line.substr(1);
                soft_line_break_ = ends_in_soft_line_break();
                return true;
            }
            Result<bool> processed = flush();
            if (!processed || !processed.value()) return processed;
        }
        pending_.assign(line);
        pending_line_ = number;
        has_pending_ = true;
        soft_line_break_ = ends_in_soft_line_break();
        return true;
    }

    // At the end of the text.
    Result<bool> finish() {
        if (has_pending_) {
            Result<bool> processed = flush();
            if (!processed || !processed.value()) return processed;
        }
        if (in_card_) return missing_end();
        return true;
    }

    std::size_t rows() const { return rows_; }

private:
    bool ends_in_soft_line_break() const {
        if (pending_.empty() || pending_.back() != '=') return false;
        std::size_t colon = find_unquoted(pending_, ':');
        return colon != std::string::npos &&
               contains_ascii_ci(std::string_view(pending_).substr(0, colon), "QUOTED-PRINTABLE");
    }

    Error missing_end() const {
        return make_error("The vCard that begins on this line has no END:VCARD, so the file is probably cut off. "
                          "Export the contacts again.",
                          file_name_, card_builder_.line());
    }

    Result<bool> flush() {
        has_pending_ = false;
        const std::string_view line = trim_right(pending_);
        const std::size_t number = pending_line_;
        const bool is_begin = text::equals_ascii_ci(text::trim(line), "BEGIN:VCARD");
        if (!in_card_) {
            if (is_begin) {
                in_card_ = true;
                version_21_ = false;
                card_builder_.begin(number);
            }
            return true;  // anything else between cards is ignored
        }
        if (is_begin) return missing_end();
        if (text::equals_ascii_ci(text::trim(line), "END:VCARD")) {
            in_card_ = false;
            std::span<const std::string_view> cells = card_builder_.finish();
            bool empty = std::all_of(cells.begin(), cells.end(), [](std::string_view cell) { return cell.empty(); });
            if (empty) return true;
            ++rows_;
            return on_row_(RowView{card_builder_.line(), cells});
        }
        std::optional<PropertyLine> property = split_property(line);
        if (!property) return true;  // not a property: a stray line
        if (text::equals_ascii_ci(property->name, "VERSION")) version_21_ = text::trim(property->value) == "2.1";
        card_builder_.add(*property);
        return true;
    }

    const RowCallback& on_row_;
    const std::string& file_name_;
    CardBuilder card_builder_;
    std::string pending_;  // the logical line being put together
    std::size_t pending_line_ = 0;
    bool has_pending_ = false;
    bool soft_line_break_ = false;
    bool in_card_ = false;
    bool version_21_ = false;
    std::size_t rows_ = 0;
};

}  // namespace

std::vector<std::string> vcard_columns() {
    return {std::begin(kVCardColumns), std::end(kVCardColumns)};
}

bool starts_like_vcard(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n'))
        ++start;
    return text::starts_with_ascii_ci(text.substr(start), "BEGIN:VCARD");
}

Result<ReadStats> read_vcard(TextStream& text, const RowCallback& on_row, const std::string& file_name) {
    LineSplitter lines;
    VCardParser parser(on_row, file_name);
    Result<bool> all_taken = for_each_line(text, lines, file_name, [&](std::string_view line, std::size_t number) {
        return parser.take_line(line, number);
    });
    if (!all_taken.ok()) return all_taken.error();
    if (all_taken.value()) {
        Result<bool> finished = parser.finish();
        if (!finished.ok()) return finished.error();
    }
    ReadStats stats;
    stats.rows = parser.rows();
    stats.lines = lines.lines();
    return stats;
}

}  // namespace mingle::import
