// Calendar dates as the user types them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mingle::dates {

// "2026-12-03", "3-12-2026", "3.12.2026", "3/12/2026" (day first, as in Denmark) → "2026-12-03".
// Empty input gives an empty string; anything else that is not a real date gives nullopt.
std::optional<std::string> normalize(std::string_view typed);

}  // namespace mingle::dates
