#include "core/import/text_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace mingle::import {

Result<ByteSource> ByteSource::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return make_error("This is a folder, not a file. Choose the participant file inside it.", path.string());
    ByteSource source;
    errno = 0;
    source.file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!source.file_->is_open()) {
        std::string reason = errno != 0 ? std::string(std::strerror(errno)) : std::string("unknown reason");
        return make_error("The file cannot be opened (" + reason + "). Check that it exists and that you may read it.",
                          path.string());
    }
    return source;
}

ByteSource ByteSource::from_memory(std::string_view bytes) {
    ByteSource source;
    source.memory_ = bytes;
    return source;
}

std::size_t ByteSource::read(char* out, std::size_t max) {
    if (file_) {
        file_->read(out, static_cast<std::streamsize>(max));
        return static_cast<std::size_t>(file_->gcount());
    }
    std::size_t n = std::min(max, memory_.size());
    std::memcpy(out, memory_.data(), n);
    memory_.remove_prefix(n);
    return n;
}

TextStream::TextStream(ByteSource& source, Encoding encoding, std::atomic<std::uint64_t>* bytes_done,
                       std::size_t chunk_size)
    : source_(source), decoder_(encoding), bytes_done_(bytes_done), raw_(std::max<std::size_t>(chunk_size, 1), '\0') {}

std::string_view TextStream::next() {
    text_.clear();
    // A chunk may hold nothing but the start of a character: keep reading until there is text.
    while (text_.empty() && !at_end_ && !failed_) {
        std::size_t n = source_.read(raw_.data(), raw_.size());
        if (bytes_done_ != nullptr) bytes_done_->fetch_add(n, std::memory_order_relaxed);
        if (n == 0) {
            at_end_ = true;
            failed_ = !decoder_.finish();
            break;
        }
        failed_ = !decoder_.decode(std::string_view(raw_.data(), n), text_);
    }
    return text_;
}

std::string TextStream::problem_message() const {
    return describe_decode_problem(decoder_.encoding(), decoder_.problem());
}

void LineSplitter::feed(std::string_view text) {
    if (text.empty()) return;
    if (line_start_ > 0) {
        buffer_.erase(0, line_start_);
        scan_ -= line_start_;
        line_start_ = 0;
    }
    buffer_.append(text);
    got_text_ = true;
    ended_with_break_ = text.back() == '\n' || text.back() == '\r';
}

bool LineSplitter::next(std::string_view& line, std::size_t& number) {
    const char* data = buffer_.data();
    const std::size_t end = buffer_.size();
    if (skip_lf_ && line_start_ < end) {
        skip_lf_ = false;
        if (data[line_start_] == '\n') scan_ = ++line_start_;
    }
    std::size_t p = scan_;
    while (p < end && data[p] != '\n' && data[p] != '\r') ++p;
    if (p < end) {
        line = std::string_view(data + line_start_, p - line_start_);
        number = line_++;
        skip_lf_ = data[p] == '\r';
        line_start_ = scan_ = p + 1;
        return true;
    }
    scan_ = p;
    if (finished_ && line_start_ < end) {
        line = std::string_view(data + line_start_, end - line_start_);
        number = line_;
        line_start_ = scan_ = end;
        return true;
    }
    return false;
}

std::size_t LineSplitter::lines() const {
    if (!got_text_) return 0;
    return ended_with_break_ ? line_ - 1 : line_;
}

}  // namespace mingle::import
