#include "text.hpp"

#include <cstdint>

namespace mingle::text {
namespace {

bool is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of the white space sequence starting at s[i] (ASCII space or U+00A0), 0 if none.
std::size_t space_at(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (is_ascii_space(c)) return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    return 0;
}

char32_t lower_code_point(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
    if (cp < 0x100 || cp > 0x17F) return cp;
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    bool even = (cp % 2) == 0;
    if (cp <= 0x137 && even) return cp + 1;
    if (cp >= 0x139 && cp <= 0x148 && !even) return cp + 1;
    if (cp >= 0x14A && cp <= 0x177 && even) return cp + 1;
    if (cp >= 0x179 && cp <= 0x17E && !even) return cp + 1;
    return cp;
}

// Base letters of U+0100..U+017F, one per code point; '*' marks the two-letter ones.
constexpr char kLatinExtABase[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "**" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "**" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
    "zzzzzz" "s";
static_assert(sizeof(kLatinExtABase) == 128 + 1);

// Base letters of lower-case U+00E0..U+00FF; '*' marks the two-letter ones, '.' keeps the sign.
constexpr char kLatin1LowerBase[] = "aaaaaa*ceeeeiiiidnooooo.ouuuuy*y";
static_assert(sizeof(kLatin1LowerBase) == 32 + 1);

// Appends the folded form of a lower-cased code point.
void append_folded(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
        return;
    }
    if (cp == 0xDF) { out += "ss"; return; }
    if (cp >= 0xE0 && cp <= 0xFF) {
        char base = kLatin1LowerBase[cp - 0xE0];
        if (base == '.') append_utf8(out, cp);
        else if (base == '*') out += (cp == 0xE6) ? "ae" : "th";
        else out.push_back(base);
        return;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        char base = kLatinExtABase[cp - 0x100];
        if (base == '*') out += (cp <= 0x133) ? "ij" : "oe";
        else out.push_back(base);
        return;
    }
    append_utf8(out, cp);
}

}  // namespace

std::string_view trim(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size()) {
        std::size_t n = space_at(s, begin);
        if (n == 0) break;
        begin += n;
    }
    std::size_t end = s.size();
    while (end > begin) {
        auto c = static_cast<unsigned char>(s[end - 1]);
        if (is_ascii_space(c)) { --end; continue; }
        if (c == 0xA0 && end - 1 > begin && static_cast<unsigned char>(s[end - 2]) == 0xC2) {
            end -= 2;
            continue;
        }
        break;
    }
    return s.substr(begin, end - begin);
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    collapse_spaces_into(out, s);
    return out;
}

void collapse_spaces_into(std::string& out, std::string_view s) {
    s = trim(s);
    out.clear();
    bool in_space = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = space_at(s, i);
        if (n > 0) {
            in_space = true;
            i += n;
            continue;
        }
        if (in_space) out.push_back(' ');
        in_space = false;
        out.push_back(s[i++]);
    }
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        char32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return false;
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += len;
    }
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp <= 0x10FFFF) {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        append_utf8(out, 0xFFFD);
    }
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    std::size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else { ++pos; return 0xFFFD; }
    if (pos + len > s.size()) { ++pos; return 0xFFFD; }
    for (std::size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(s[pos + k]);
        if ((cc & 0xC0) != 0x80) { ++pos; return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    pos += len;
    return cp;
}

std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
            ++i;
            continue;
        }
        append_utf8(out, lower_code_point(next_code_point(s, i)));
    }
    return out;
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    fold_append(out, s);
    return out;
}

void fold_append(std::string& out, std::string_view s) {
    const std::size_t start = out.size();
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = space_at(s, i);
        if (n > 0) {
            pending_space = out.size() > start;
            i += n;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
            ++i;
            continue;
        }
        append_folded(out, lower_code_point(next_code_point(s, i)));
    }
}

namespace {

// Legal forms left out at the end of a company's folded name (Danish, English, German, Nordic).
constexpr std::string_view kLegalForms[] = {
    "a/s", "aps", "i/s", "p/s", "k/s", "amba", "a.m.b.a.", "smba", "s.m.b.a.", "as", "ab", "oy", "asa",
    "inc", "inc.", "ltd", "ltd.", "limited", "llc", "plc", "corp", "corp.", "co", "co.", "gmbh", "ag", "se",
    "bv", "b.v.", "nv", "n.v.", "sa", "s.a.",
};

bool is_key_character(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;  // letters fold keeps as UTF-8
}

}  // namespace

std::string company_key(std::string_view company) {
    std::string key;
    company_key_into(key, company);
    return key;
}

void company_key_into(std::string& out, std::string_view company) {
    out.clear();
    fold_append(out, company);
    // Drop legal forms from the end, one word at a time ("Smith & Søn ApS", "Acme, Inc.").
    for (bool dropped = true; dropped;) {
        dropped = false;
        std::size_t space = out.find_last_of(" ,");
        if (space == std::string::npos) break;
        std::string_view last = std::string_view(out).substr(space + 1);
        for (std::string_view form : kLegalForms) {
            if (last == form) {
                out.resize(space);
                while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
                dropped = true;
                break;
            }
        }
    }
    // Punctuation becomes single spaces: "DI - Dansk Industri" is "di dansk industri".
    std::size_t write = 0;
    bool pending_space = false;
    for (unsigned char c : out) {
        if (!is_key_character(c)) {
            pending_space = write > 0;
            continue;
        }
        if (pending_space) out[write++] = ' ';
        pending_space = false;
        out[write++] = static_cast<char>(c);
    }
    out.resize(write);
}

}  // namespace mingle::text
