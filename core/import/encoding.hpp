// Text encodings of participant files: detection from a sample, and streaming conversion to UTF-8.
//
// Real exports come as UTF-8 (with or without a BOM), as UTF-16 from Excel's "Unicode text", and
// as Windows-1252 from Danish Excel's "CSV (semikolonsepareret)". Everything is turned into UTF-8
// chunk by chunk, so a character cut in two by a chunk boundary is carried over, never mangled.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/import/source.hpp"

namespace mingle::import {

// Bytes read at a time when streaming a file; also the size of the sample detection looks at.
inline constexpr std::size_t kChunkSize = 64 * 1024;

// Chooses the encoding from the first bytes of a file: a byte order mark; else UTF-16 recognised
// by its pattern of NUL bytes; else UTF-8 if the bytes are valid UTF-8; else Windows-1252.
// `is_whole_file` is false when the sample was cut from a longer file: a character cut off at the
// end of the sample then does not count against UTF-8.
Encoding detect_encoding(std::string_view sample, bool is_whole_file);

struct Utf8Check {
    std::size_t valid_length = 0;  // bytes of complete, valid UTF-8 at the start
    bool cut_at_end = false;       // the rest is the valid start of a character that more bytes may complete
};

// Validates UTF-8 (no overlong forms, surrogates or values past U+10FFFF), eight ASCII bytes at a time.
Utf8Check check_utf8(std::string_view bytes);

// The code point of a Windows-1252 byte; 0 for the five bytes Windows-1252 leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D).
char32_t windows1252_code_point(unsigned char byte);

// Lenient conversion for vCard values declared as CHARSET=ISO-8859-1 or Windows-1252 (writers use
// the names interchangeably): undefined bytes become the Latin-1 control of the same value.
void append_windows1252(std::string& out, std::string_view bytes);

// What a decoder stopped at.
struct DecodeProblem {
    enum class Kind { None, InvalidByte, LoneSurrogate, CutOff };
    Kind kind = Kind::None;
    std::uint32_t value = 0;  // the offending byte or UTF-16 code unit
};

// A full message for the user: what is wrong with the bytes and what to do about it.
std::string describe_decode_problem(Encoding encoding, const DecodeProblem& problem);

// Converts a stream of bytes in one encoding to UTF-8, chunk by chunk. A byte order mark at the
// start is dropped. Strict: decoding stops at the first byte sequence that is not valid.
class TextDecoder {
public:
    explicit TextDecoder(Encoding encoding);

    // Appends the UTF-8 form of `bytes` to `out`. A character cut off at the end of `bytes` is kept
    // for the next call. Returns false at the first invalid sequence; everything before it has
    // been appended, and problem() says what was wrong.
    bool decode(std::string_view bytes, std::string& out);

    // Call at the end of the input: false if it ended inside a character.
    bool finish();

    const DecodeProblem& problem() const { return problem_; }
    Encoding encoding() const { return encoding_; }

private:
    bool decode_utf8(std::string_view bytes, std::string& out);
    bool decode_utf16(std::string_view bytes, std::string& out);
    bool decode_windows1252(std::string_view bytes, std::string& out);
    bool take_utf16_unit(char16_t unit, std::string& out);
    bool fail(DecodeProblem::Kind kind, std::uint32_t value);

    Encoding encoding_;
    std::string carry_;            // bytes of a character cut off at the end of the previous chunk
    char16_t pending_high_ = 0;    // UTF-16 high surrogate waiting for its low half
    bool at_start_ = true;         // nothing decoded yet: a BOM may come
    DecodeProblem problem_;
};

}  // namespace mingle::import
