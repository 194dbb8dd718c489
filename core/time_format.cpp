#include "time_format.hpp"

#include <cstdio>
#include <ctime>

namespace mingle {

std::string local_time(std::string_view utc_iso8601) {
    std::tm utc{};
    std::string text(utc_iso8601);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                    &utc.tm_min, &utc.tm_sec) != 6)
        return text;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    std::time_t seconds = ::timegm(&utc);
    std::tm local{};
    if (seconds == -1 || !::localtime_r(&seconds, &local)) return text;
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
}

}  // namespace mingle
