// Times as the user reads them.
#pragma once

#include <string>
#include <string_view>

namespace mingle {

// "2026-11-23T04:04:54Z" (UTC, as stored) → "2026-11-23 05:04" in the local time zone.
// Text that is not such a time comes back unchanged.
std::string local_time(std::string_view utc_iso8601);

}  // namespace mingle
