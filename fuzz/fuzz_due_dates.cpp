// parse_due and split_trailing_due with an arbitrary "now" and morning hour.
#include <chrono>
#include <cstdint>
#include <string>
#include <tuple>

#include "core/due_dates.hpp"
#include "fuzz_common.hpp"

using mingle::LocalDateTime;

namespace {

void check_date(const LocalDateTime& due, const LocalDateTime& now, bool not_before_today) {
    namespace chr = std::chrono;
    chr::year_month_day ymd{chr::year(due.year), chr::month(static_cast<unsigned>(due.month)),
                            chr::day(static_cast<unsigned>(due.day))};
    fuzz::check(ymd.ok());
    fuzz::check(due.hour >= 0 && due.hour <= 23 && due.minute >= 0 && due.minute <= 59);
    fuzz::check(mingle::format_due(due).size() == 16);  // "2026-12-01T09:00"
    // A due date is never before today, except a full date typed with its year ("2020-01-01").
    if (not_before_today) fuzz::check(std::tie(due.year, due.month, due.day) >= std::tie(now.year, now.month, now.day));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::Input input(data, size);
    LocalDateTime now;
    now.year = 2000 + input.byte() % 100;
    now.month = 1 + input.byte() % 12;
    // Any day that exists in that month.
    namespace chr = std::chrono;
    const unsigned last_day = static_cast<unsigned>(
        chr::year_month_day_last{chr::year(now.year) / chr::month(static_cast<unsigned>(now.month)) / chr::last}.day());
    now.day = 1 + static_cast<int>(input.byte() % last_day);
    now.hour = input.byte() % 24;
    now.minute = input.byte() % 60;
    const int morning_hour = input.byte() % 24;
    const std::string_view text = input.rest();

    if (auto due = mingle::parse_due(text, now, morning_hour)) check_date(*due, now, false);
    mingle::TextAndDue split = mingle::split_trailing_due(text, now, morning_hour);
    if (split.due) {
        check_date(*split.due, now, false);
        fuzz::check(split.text.size() <= text.size());
    } else {
        fuzz::check(split.text == text);
    }
    if (mingle::text::is_valid_utf8(text)) fuzz::check(mingle::text::is_valid_utf8(split.text));
    check_date(mingle::next_morning(now, morning_hour), now, true);
    return 0;
}
