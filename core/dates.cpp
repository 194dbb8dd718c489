#include "dates.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <vector>

#include "core/text.hpp"

namespace mingle::dates {
namespace {

std::optional<int> parse_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

std::vector<std::string_view> split_any(std::string_view s, std::string_view separators) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

}  // namespace

std::optional<std::string> normalize(std::string_view typed) {
    typed = text::trim(typed);
    if (typed.empty()) return std::string();
    auto parts = split_any(typed, "-./");
    if (parts.size() != 3) return std::nullopt;
    auto a = parse_number(parts[0]), b = parse_number(parts[1]), c = parse_number(parts[2]);
    if (!a || !b || !c) return std::nullopt;
    int year, month, day;
    if (parts[0].size() == 4) { year = *a; month = *b; day = *c; }       // ISO order
    else if (parts[2].size() == 4) { day = *a; month = *b; year = *c; }  // Danish order
    else return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                    std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok() || year < 1900 || year > 2200) return std::nullopt;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return std::string(buffer);
}

}  // namespace mingle::dates
