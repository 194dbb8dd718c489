// UTF-8 helpers shared by parsers, identity matching and search.
#pragma once

#include <string>
#include <string_view>

namespace mingle::text {

// Trims ASCII white space and no-break spaces (U+00A0) at both ends.
std::string_view trim(std::string_view s);

// Trims, and turns every run of white space inside into one ASCII space.
std::string collapse_spaces(std::string_view s);
// The same into `out` (replacing its contents), reusing its buffer: for loops over many rows.
void collapse_spaces_into(std::string& out, std::string_view s);

bool is_valid_utf8(std::string_view s);

void append_utf8(std::string& out, char32_t code_point);

// Decodes the code point at `pos` and advances it; invalid bytes give U+FFFD and advance by one.
char32_t next_code_point(std::string_view s, std::size_t& pos);

// Lower case for ASCII, Latin-1 and Latin Extended-A (æøå, é, ł, ř …); other letters pass through.
std::string to_lower(std::string_view s);

// The key for "same text, ignoring case and accents": lower case, letters reduced to their base
// (é→e, ø→o, å→a, æ→ae, ß→ss, ł→l), white space collapsed. Used for identity and search.
std::string fold(std::string_view s);
// Appends fold(s) to `out` (no separator added): for building keys without temporaries.
void fold_append(std::string& out, std::string_view s);

// The key companies are matched by: folded, punctuation as spaces, and a legal form at the end
// left out, so "Novo Nordisk A/S", "NOVO NORDISK" and "Novo Nordisk, Inc." are one company.
std::string company_key(std::string_view company);
void company_key_into(std::string& out, std::string_view company);  // replaces out

// True if `needle_folded` occurs in `haystack_folded` (both already folded).
inline bool contains(std::string_view haystack_folded, std::string_view needle_folded) {
    return haystack_folded.find(needle_folded) != std::string_view::npos;
}

inline bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

inline bool equals_ascii_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_ascii_ci(a, b);
}

}  // namespace mingle::text
