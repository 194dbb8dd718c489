// Shared by the libFuzzer harnesses: a tiny cursor over the fuzzer's bytes and the invariants.
// Harnesses never print or write files; a broken invariant is __builtin_trap().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/text.hpp"

namespace fuzz {

// Takes selector bytes off the front of the input; what is left is the text under test.
class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint8_t byte() {
        if (size_ == 0) return 0;
        --size_;
        return *data_++;
    }
    std::string_view rest() const { return {reinterpret_cast<const char*>(data_), size_}; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
};

inline void check(bool condition) {
    if (!condition) __builtin_trap();
}

inline void check_cells_utf8(std::span<const std::string_view> cells) {
    for (std::string_view cell : cells) check(mingle::text::is_valid_utf8(cell));
}

// Chunk sizes for TextStream: tiny ones put chunk boundaries inside code points, CRLFs and quotes.
inline std::size_t chunk_size(std::uint8_t selector) {
    constexpr std::size_t kSizes[] = {1, 2, 3, 4, 5, 7, 16, 64 * 1024};
    return kSizes[selector % 8];
}

}  // namespace fuzz
