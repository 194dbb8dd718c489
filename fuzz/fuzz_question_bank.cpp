// read_bank_text over arbitrary TOML, into a bank with and without prompts already in it.
#include <cstdint>

#include "core/prompts.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    mingle::LoadedBank loaded;
    mingle::read_bank_text("[[prompt]]\nkind = \"opener\"\ntext = \"Hi {first_name}\"\n", "shipped.toml", false, loaded);
    fuzz::check(loaded.problems.empty() && loaded.bank.prompts.size() == 1);
    mingle::read_bank_text(text, "fuzz.toml", true, loaded);
    for (const mingle::BankPrompt& prompt : loaded.bank.prompts) {
        fuzz::check(!prompt.text.empty());
        fuzz::check(!prompt.id.empty());
        if (prompt.from_user) fuzz::check(mingle::text::is_valid_utf8(prompt.text));
    }
    for (const mingle::Error& problem : loaded.problems) (void)problem.describe();
    return 0;
}
