// A check before handing text to toml++: TOML allows letters beyond ASCII only inside strings and
// comments, and Debian's toml++ 3.3.0 meets some of them elsewhere with undefined behaviour (found
// by fuzzing: "x = 1" followed by U+031C). Such text is invalid TOML anyway; this says so, with
// the line and column, without parsing it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace mingle {

std::optional<Error> non_ascii_outside_strings(std::string_view toml_text, const std::string& shown_as);

}  // namespace mingle
