// load_config_text over arbitrary TOML: never throws, and every value it keeps is in range.
#include <cstdint>

#include "core/config.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    mingle::LoadedConfig loaded = mingle::load_config_text(text, "fuzz.toml");
    const mingle::Config& config = loaded.config;
    fuzz::check(config.reception.morning_hour >= 0 && config.reception.morning_hour <= 23);
    fuzz::check(config.reception.mingle_minutes >= 1 && config.reception.mingle_minutes <= 120);
    fuzz::check(config.font_size >= 8.0f && config.font_size <= 72.0f);
    for (const mingle::Error& problem : loaded.problems) (void)problem.describe();
    return 0;
}
