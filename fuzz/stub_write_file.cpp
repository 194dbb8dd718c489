// fuzz_question_bank links prompts.cpp, whose writers need write_file_atomically from config.cpp.
// The harness only reads (read_bank_text) and must never write a file, so this stands in for it and
// traps if it is ever reached. It also keeps config.cpp, which clang 14 cannot compile yet, out.
#include "core/config.hpp"

namespace mingle {

Status write_file_atomically(const std::filesystem::path&, const std::string&) { __builtin_trap(); }

}  // namespace mingle
