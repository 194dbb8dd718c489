#include "core/import/encoding.hpp"

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <optional>

#include "core/text.hpp"

namespace mingle::import {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Windows-1252 0x80..0x9F; 0 marks the undefined bytes. 0xA0..0xFF equal Latin-1.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

bool has_high_bit(std::uint64_t word) { return (word & 0x8080808080808080ULL) != 0; }

// Length of the leading run of ASCII bytes.
std::size_t ascii_prefix(std::string_view bytes) {
    std::size_t i = 0;
    while (i + 8 <= bytes.size()) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        if (has_high_bit(word)) break;
        i += 8;
    }
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
    return i;
}

std::string hex_byte(std::uint32_t value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, value > 0xFF ? "0x%04X" : "0x%02X", static_cast<unsigned>(value));
    return buffer;
}

// UTF-16 without a BOM: plain text has a NUL in nearly every other byte (the high byte of
// ASCII letters), and almost none in the other position.
std::optional<Encoding> utf16_from_nul_pattern(std::string_view sample) {
    std::size_t pairs = sample.size() / 2;
    if (pairs == 0) return std::nullopt;
    std::size_t nul_even = 0, nul_odd = 0;
    for (std::size_t i = 0; i + 1 < sample.size(); i += 2) {
        nul_even += sample[i] == '\0';
        nul_odd += sample[i + 1] == '\0';
    }
    auto most = [pairs](std::size_t count) { return count * 10 >= pairs * 3; };  // ≥ 30 %
    auto few = [pairs](std::size_t count) { return count * 20 <= pairs; };       // ≤ 5 %
    if (most(nul_odd) && few(nul_even)) return Encoding::Utf16LE;
    if (most(nul_even) && few(nul_odd)) return Encoding::Utf16BE;
    return std::nullopt;
}

}  // namespace

Encoding detect_encoding(std::string_view sample, bool is_whole_file) {
    if (sample.starts_with(kUtf8Bom)) return Encoding::Utf8Bom;
    if (sample.starts_with("\xFF\xFE")) return Encoding::Utf16LE;
    if (sample.starts_with("\xFE\xFF")) return Encoding::Utf16BE;
    if (auto utf16 = utf16_from_nul_pattern(sample)) return *utf16;
    Utf8Check check = check_utf8(sample);
    if (check.valid_length == sample.size() || (check.cut_at_end && !is_whole_file)) return Encoding::Utf8;
    return Encoding::Windows1252;
}

Utf8Check check_utf8(std::string_view bytes) {
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        i += ascii_prefix(bytes.substr(i));
        if (i >= n) break;
        auto lead = static_cast<unsigned char>(bytes[i]);
        std::size_t length;
        unsigned char second_min = 0x80, second_max = 0xBF;  // tighter for lead bytes that could go overlong or out of range
        if (lead >= 0xC2 && lead <= 0xDF) length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) second_min = 0xA0;
            if (lead == 0xED) second_max = 0x9F;  // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) second_min = 0x90;
            if (lead == 0xF4) second_max = 0x8F;
        } else {
            return {i, false};
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= n) return {i, true};
            auto c = static_cast<unsigned char>(bytes[i + k]);
            unsigned char low = k == 1 ? second_min : 0x80, high = k == 1 ? second_max : 0xBF;
            if (c < low || c > high) return {i, false};
        }
        i += length;
    }
    return {n, false};
}

char32_t windows1252_code_point(unsigned char byte) {
    if (byte < 0x80 || byte >= 0xA0) return byte;
    return kWindows1252High[byte - 0x80];
}

void append_windows1252(std::string& out, std::string_view bytes) {
    for (char c : bytes) {
        auto byte = static_cast<unsigned char>(c);
        char32_t cp = windows1252_code_point(byte);
        text::append_utf8(out, cp != 0 ? cp : byte);
    }
}

std::string describe_decode_problem(Encoding encoding, const DecodeProblem& problem) {
    using Kind = DecodeProblem::Kind;
    switch (encoding) {
        case Encoding::Utf8:
        case Encoding::Utf8Bom:
            if (problem.kind == Kind::CutOff)
                return "The file ends in the middle of a UTF-8 character: it may be cut off, or saved in "
                       "another encoding. Choose the right encoding in the preview.";
            return "The text is not valid UTF-8 here (byte " + hex_byte(problem.value) +
                   "). The file is probably saved as Windows-1252, as Excel's 'CSV (semikolonsepareret)' "
                   "does: choose Windows-1252 as the encoding in the preview.";
        case Encoding::Utf16LE:
        case Encoding::Utf16BE:
            if (problem.kind == Kind::CutOff)
                return "The file ends in the middle of a UTF-16 character (it has an odd number of bytes): "
                       "it may be cut off. Export it again, or choose another encoding in the preview.";
            return "The text is not valid UTF-16 here (a lone surrogate " + hex_byte(problem.value) +
                   "). Export the file again, or choose another encoding in the preview.";
        case Encoding::Windows1252:
            return "Byte " + hex_byte(problem.value) +
                   " is not a character in Windows-1252, so the file is probably in another encoding. "
                   "Choose the right encoding in the preview, or save the file as 'CSV UTF-8' and import that.";
    }
    return "The file cannot be decoded.";
}

TextDecoder::TextDecoder(Encoding encoding) : encoding_(encoding) {}

bool TextDecoder::fail(DecodeProblem::Kind kind, std::uint32_t value) {
    problem_ = {kind, value};
    return false;
}

bool TextDecoder::decode(std::string_view bytes, std::string& out) {
    if (problem_.kind != DecodeProblem::Kind::None) return false;
    const std::size_t out_start = out.size();
    bool ok = false;
    switch (encoding_) {
        case Encoding::Utf8:
        case Encoding::Utf8Bom: ok = decode_utf8(bytes, out); break;
        case Encoding::Utf16LE:
        case Encoding::Utf16BE: ok = decode_utf16(bytes, out); break;
        case Encoding::Windows1252: ok = decode_windows1252(bytes, out); break;
    }
    // The BOM comes out of every decoder as U+FEFF; it marks the encoding and is not text.
    if (at_start_ && out.size() > out_start) {
        if (std::string_view(out).substr(out_start).starts_with(kUtf8Bom)) out.erase(out_start, kUtf8Bom.size());
        at_start_ = false;
    }
    return ok;
}

bool TextDecoder::finish() {
    if (problem_.kind != DecodeProblem::Kind::None) return false;
    if (pending_high_ != 0) return fail(DecodeProblem::Kind::LoneSurrogate, pending_high_);
    if (!carry_.empty()) return fail(DecodeProblem::Kind::CutOff, static_cast<unsigned char>(carry_[0]));
    return true;
}

bool TextDecoder::decode_utf8(std::string_view bytes, std::string& out) {
    if (!carry_.empty()) {
        // Complete the character cut off at the end of the previous chunk.
        auto lead = static_cast<unsigned char>(carry_[0]);
        std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        std::size_t take = std::min(length - carry_.size(), bytes.size());
        carry_.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
        Utf8Check check = check_utf8(carry_);
        if (check.cut_at_end) return true;  // still incomplete: `bytes` was used up
        if (check.valid_length != carry_.size()) return fail(DecodeProblem::Kind::InvalidByte, lead);
        out += carry_;
        carry_.clear();
    }
    Utf8Check check = check_utf8(bytes);
    out.append(bytes.data(), check.valid_length);
    if (check.valid_length == bytes.size()) return true;
    if (check.cut_at_end) {
        carry_.assign(bytes.substr(check.valid_length));
        return true;
    }
    return fail(DecodeProblem::Kind::InvalidByte, static_cast<unsigned char>(bytes[check.valid_length]));
}

bool TextDecoder::take_utf16_unit(char16_t unit, std::string& out) {
    const bool high = unit >= 0xD800 && unit <= 0xDBFF;
    const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (pending_high_ != 0) {
        if (!low) return fail(DecodeProblem::Kind::LoneSurrogate, pending_high_);
        char32_t cp = 0x10000 + ((static_cast<char32_t>(pending_high_) - 0xD800) << 10) + (unit - 0xDC00);
        pending_high_ = 0;
        text::append_utf8(out, cp);
        return true;
    }
    if (high) {
        pending_high_ = unit;
        return true;
    }
    if (low) return fail(DecodeProblem::Kind::LoneSurrogate, unit);
    text::append_utf8(out, unit);
    return true;
}

bool TextDecoder::decode_utf16(std::string_view bytes, std::string& out) {
    const bool little_endian = encoding_ == Encoding::Utf16LE;
    auto unit_of = [little_endian](unsigned char first, unsigned char second) {
        return static_cast<char16_t>(little_endian ? (second << 8) | first : (first << 8) | second);
    };
    std::size_t i = 0;
    if (!carry_.empty() && !bytes.empty()) {
        char16_t unit = unit_of(static_cast<unsigned char>(carry_[0]), static_cast<unsigned char>(bytes[0]));
        carry_.clear();
        i = 1;
        if (!take_utf16_unit(unit, out)) return false;
    }
    out.reserve(out.size() + bytes.size() / 2);
    for (; i + 1 < bytes.size(); i += 2) {
        char16_t unit = unit_of(static_cast<unsigned char>(bytes[i]), static_cast<unsigned char>(bytes[i + 1]));
        if (unit < 0x80 && pending_high_ == 0) {
            out.push_back(static_cast<char>(unit));
            continue;
        }
        if (!take_utf16_unit(unit, out)) return false;
    }
    if (i < bytes.size()) carry_.assign(1, bytes[i]);
    return true;
}

bool TextDecoder::decode_windows1252(std::string_view bytes, std::string& out) {
    out.reserve(out.size() + bytes.size());
    while (!bytes.empty()) {
        std::size_t ascii = ascii_prefix(bytes);
        out.append(bytes.data(), ascii);
        bytes.remove_prefix(ascii);
        if (bytes.empty()) break;
        auto byte = static_cast<unsigned char>(bytes[0]);
        char32_t cp = windows1252_code_point(byte);
        if (cp == 0) return fail(DecodeProblem::Kind::InvalidByte, byte);
        text::append_utf8(out, cp);
        bytes.remove_prefix(1);
    }
    return true;
}

}  // namespace mingle::import
