// The plumbing every reader shares: bytes from a file or memory, decoded to UTF-8 a chunk at a
// time, and split into lines. Internal to the readers.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "core/import/encoding.hpp"
#include "core/result.hpp"

namespace mingle::import {

// Where the bytes come from: a file read in chunks, or bytes already in memory.
class ByteSource {
public:
    static Result<ByteSource> open(const std::filesystem::path& path);
    static ByteSource from_memory(std::string_view bytes);

    // Copies up to `max` bytes to `out`; 0 at the end.
    std::size_t read(char* out, std::size_t max);

private:
    ByteSource() = default;
    std::unique_ptr<std::ifstream> file_;
    std::string_view memory_;
};

// The decoded UTF-8 text of a source, a chunk at a time.
class TextStream {
public:
    TextStream(ByteSource& source, Encoding encoding, std::atomic<std::uint64_t>* bytes_done = nullptr,
               std::size_t chunk_size = kChunkSize);

    // The next piece of text, valid until the next call. Empty at the end of the input, and at the
    // first bytes that are not valid in the encoding: failed() then says so.
    std::string_view next();

    bool failed() const { return failed_; }
    // The message for the user when failed().
    std::string problem_message() const;

private:
    ByteSource& source_;
    TextDecoder decoder_;
    std::atomic<std::uint64_t>* bytes_done_;
    std::string raw_;
    std::string text_;
    bool at_end_ = false;
    bool failed_ = false;
};

// Splits text fed in pieces into lines. LF, CRLF and a lone CR all end a line; a CRLF cut in two
// by a chunk boundary still counts once.
class LineSplitter {
public:
    // Adds text. Lines handed out before are no longer valid.
    void feed(std::string_view text);
    // No more text comes: a last line without a line break is handed out too.
    void finish() { finished_ = true; }

    // The next complete line without its line break, and its 1-based number; false when more text
    // is needed (or, after finish(), at the end).
    bool next(std::string_view& line, std::size_t& number);

    // The number of the line being read: where a problem found in the unread text is.
    std::size_t current_line() const { return line_; }
    // Lines seen so far, counting a last line without a line break.
    std::size_t lines() const;

private:
    std::string buffer_;
    std::size_t line_start_ = 0;  // where the line being read starts
    std::size_t scan_ = 0;        // where to look for its end
    std::size_t line_ = 1;
    bool skip_lf_ = false;        // the last line ended with CR: a following LF belongs to it
    bool finished_ = false;
    bool ended_with_break_ = true;
    bool got_text_ = false;
};

// Hands every line of `text` to `take(line, number)`, which returns a Result<bool>: false stops
// early. The result is true when all lines were taken, false when `take` stopped; an error from
// `take`, or for bytes that are not valid in the encoding (with the line they are on).
template <typename Take>
Result<bool> for_each_line(TextStream& text, LineSplitter& lines, const std::string& file_name, Take&& take) {
    auto drain = [&]() -> Result<bool> {
        std::string_view line;
        std::size_t number = 0;
        while (lines.next(line, number)) {
            Result<bool> taken = take(line, number);
            if (!taken.ok() || !taken.value()) return taken;
        }
        return true;
    };
    for (std::string_view piece = text.next(); !piece.empty(); piece = text.next()) {
        lines.feed(piece);
        Result<bool> drained = drain();
        if (!drained.ok() || !drained.value()) return drained;
    }
    if (text.failed()) return make_error(text.problem_message(), file_name, lines.current_line());
    lines.finish();
    return drain();
}

}  // namespace mingle::import
