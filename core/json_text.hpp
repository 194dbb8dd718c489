// Writing JSON by hand where it is on a hot path (participant details during a big import).
#pragma once

#include <string>
#include <string_view>

namespace mingle {

// Appends `value` as a JSON string literal, quotes included. Expects UTF-8.
void append_json_string(std::string& out, std::string_view value);

}  // namespace mingle
