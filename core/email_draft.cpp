#include "email_draft.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "core/config.hpp"
#include "core/text.hpp"

namespace mingle {
namespace {

// Header lines are folded to this length where there is a space to fold at (RFC 5322 2.1.1);
// a word longer than kLongestWord is encoded instead, so no line reaches the hard limit of 998.
constexpr std::size_t kFoldAt = 78;
constexpr std::size_t kLongestWord = 900;
// Bytes of text per encoded-word: 39 bytes are 52 base64 characters, a 64-character word, so
// "Subject: " and one word fit in 78.
constexpr std::size_t kBytesPerEncodedWord = 39;
constexpr std::size_t kBase64LineLength = 76;
constexpr std::size_t kQuotedPrintableLineLength = 76;  // with the "=" of a soft line break
constexpr std::string_view kHex = "0123456789ABCDEF";

bool is_line_break_or_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// A value as it may stand in a header: line breaks and other control characters become spaces
// (CR LF together become one), so a value can never start a header line of its own.
std::string one_line(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        if (value.substr(i).starts_with("\r\n")) {
            out.push_back(' ');
            i += 2;
            continue;
        }
        std::size_t start = i;
        char32_t cp = text::next_code_point(value, i);
        if (is_line_break_or_control(cp)) out.push_back(' ');
        else out.append(value.substr(start, i - start));  // invalid bytes pass as they are
    }
    return out;
}

bool is_printable_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

bool has_long_word(std::string_view s) {
    std::size_t run = 0;
    for (char c : s) {
        run = c == ' ' ? 0 : run + 1;
        if (run > kLongestWord) return true;
    }
    return false;
}

std::string base64(std::string_view bytes, std::size_t line_length = 0) {
    constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(bytes.size() * 4 / 3 + bytes.size() / 38 + 8);
    std::size_t on_line = 0;
    auto put = [&](char c) {
        if (line_length && on_line == line_length) {
            out.append("\r\n");
            on_line = 0;
        }
        out.push_back(c);
        ++on_line;
    };
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                          static_cast<unsigned char>(bytes[i + 2]);
        put(kAlphabet[(n >> 18) & 63]);
        put(kAlphabet[(n >> 12) & 63]);
        put(kAlphabet[(n >> 6) & 63]);
        put(kAlphabet[n & 63]);
    }
    if (std::size_t rest = bytes.size() - i; rest > 0) {
        std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        put(kAlphabet[(n >> 18) & 63]);
        put(kAlphabet[(n >> 12) & 63]);
        put(rest == 2 ? kAlphabet[(n >> 6) & 63] : '=');
        put('=');
    }
    return out;
}

// The whole text as UTF-8 B encoded-words of whole characters, separated by single spaces.
std::string encoded_words(std::string_view s) {
    std::string out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = start;
        while (end < s.size()) {
            std::size_t next = end;
            text::next_code_point(s, next);
            if (next - start > kBytesPerEncodedWord && end > start) break;
            end = next;
        }
        if (!out.empty()) out.push_back(' ');
        out.append("=?UTF-8?B?").append(base64(s.substr(start, end - start))).append("?=");
        start = end;
    }
    return out;
}

bool needs_encoding(std::string_view s) {
    return !is_printable_ascii(s) || s.find("=?") != std::string_view::npos;
}

// "Name: value" with CRLF, folded before a space when the line would pass 78 characters. Folding
// adds only CRLF, so unfolding gives back the value as it was.
std::string header(std::string_view name, std::string_view value) {
    std::string out;
    std::string line(name);
    line.push_back(':');
    bool line_has_word = false;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find(' ', start);
        if (end == std::string_view::npos) end = value.size();
        std::string_view word = value.substr(start, end - start);
        if (word.empty()) {
            if (end < value.size()) line.push_back(' ');  // a run of spaces stays as it is
        } else {
            if (line_has_word && line.size() + 1 + word.size() > kFoldAt) {
                out.append(line).append("\r\n");
                line.clear();
            }
            line.push_back(' ');
            line.append(word);
            line_has_word = true;
        }
        start = end + 1;
    }
    out.append(line).append("\r\n");
    return out;
}

// Unstructured text (Subject): as it is when it is plain ASCII that folds, else encoded.
std::string header_text(std::string_view s) {
    return needs_encoding(s) || has_long_word(s) ? encoded_words(s) : std::string(s);
}

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// A name with non-ASCII as a phrase: words of atext stay as they are (as mail programs write it),
// runs of other words become encoded-words. A run too long for one encoded-word is split after a
// space, kept inside the earlier word: whitespace between two encoded-words does not count
// (RFC 2047 6.2). Only a single word longer than an encoded-word is split inside.
std::string encoded_phrase(std::string_view clean) {
    std::vector<std::string> tokens;
    std::vector<std::string_view> run;
    auto flush = [&] {
        std::string chunk;
        for (std::size_t i = 0; i < run.size(); ++i) {
            std::string word(run[i]);
            if (i + 1 < run.size()) word.push_back(' ');
            if (!chunk.empty() && chunk.size() + word.size() > kBytesPerEncodedWord) {
                tokens.push_back(encoded_words(chunk));
                chunk.clear();
            }
            chunk.append(word);
        }
        if (!chunk.empty()) tokens.push_back(encoded_words(chunk));
        run.clear();
    };
    std::size_t start = 0;
    while (start < clean.size()) {
        std::size_t end = std::min(clean.find(' ', start), clean.size());
        std::string_view word = clean.substr(start, end - start);
        bool atom = word.size() <= kLongestWord && word.find("=?") == std::string_view::npos &&
                    std::all_of(word.begin(), word.end(), is_atext);
        if (atom) {
            flush();
            tokens.emplace_back(word);
        } else {
            run.push_back(word);
        }
        start = end + 1;
    }
    flush();
    std::string out;
    for (const std::string& token : tokens) out.append(out.empty() ? "" : " ").append(token);
    return out;
}

// A display name as an RFC 5322 phrase: atoms as they are, else a quoted string, else encoded-words.
std::string display_name(std::string_view name) {
    std::string clean = text::collapse_spaces(one_line(name));
    if (clean.empty()) return {};
    if (needs_encoding(clean) || has_long_word(clean)) return encoded_phrase(clean);
    bool atoms = true;
    for (char c : clean) atoms = atoms && (c == ' ' || is_atext(c));
    if (atoms) return clean;
    std::string quoted = "\"";
    for (char c : clean) {
        if (c == '"' || c == '\\') quoted.push_back('\\');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

// The address trimmed if it can stand in a header and a mail program can send to it, else an Error.
Result<std::string> checked_address(std::string_view raw, std::string_view role) {
    std::string_view email = text::trim(raw);
    std::string shown = text::collapse_spaces(one_line(raw));
    if (email.empty())
        return make_error("The " + std::string(role) + " address is missing; add an e-mail address to make the draft.");
    std::size_t at = email.find('@');
    bool valid = at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
                 email.find('@', at + 1) == std::string_view::npos;
    for (unsigned char c : email)
        if (c <= 0x20 || c >= 0x7F || std::string_view("<>\"(),;:\\[]").find(static_cast<char>(c)) != std::string_view::npos)
            valid = false;
    if (valid) {
        std::string_view domain = email.substr(at + 1);
        valid = !domain.starts_with('.') && !domain.ends_with('.') && domain.find("..") == std::string_view::npos;
    }
    if (!valid)
        return make_error("\"" + shown + "\" is not an e-mail address mingle can put in a mail (" + std::string(role) +
                          "). Write it as name@example.com, without spaces, quotes, commas, < or >.");
    return std::string(email);
}

Result<std::string> mailbox(const MailAddress& address, std::string_view role) {
    auto email = checked_address(address.email, role);
    if (!email) return email.error();
    std::string phrase = display_name(address.name);
    if (phrase.empty()) return std::move(*email);
    return phrase + " <" + *email + ">";
}

std::string random_hex(int digits) {
    static thread_local std::mt19937_64 generator{[] {
        std::random_device device;
        std::uint64_t seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
        return seed ^ static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }()};
    std::string out;
    while (static_cast<int>(out.size()) < digits) {
        std::uint64_t n = generator();
        for (int i = 0; i < 16 && static_cast<int>(out.size()) < digits; ++i, n >>= 4) out.push_back(kHex[n & 15]);
    }
    return out;
}

std::string message_id(std::string_view domain) {
    bool usable = !domain.empty() && !domain.starts_with('.') && !domain.ends_with('.');
    for (char c : domain)
        usable = usable && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-');
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    std::string id = "<";
    id.append(std::to_string(seconds.count())).append(".").append(random_hex(20)).append("@");
    id.append(usable ? domain : std::string_view("mingle.invalid")).append(">");
    return id;
}

void append_escape(std::string& out, unsigned char c, char prefix) {
    out.push_back(prefix);
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
}

// The body's lines, whatever their line ends (\n, \r\n or a lone \r).
std::vector<std::string_view> lines_of(std::string_view body) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\n' && body[i] != '\r') continue;
        lines.push_back(body.substr(start, i - start));
        if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ++i;
        start = i + 1;
    }
    lines.push_back(body.substr(start));
    return lines;
}

// Quoted-printable (RFC 2045 6.7) with CRLF line ends and soft breaks before 76 characters; a
// body ending in a line break ends in CRLF, else in its last character.
std::string quoted_printable(std::string_view body) {
    if (body.empty()) return {};
    std::string out;
    out.reserve(body.size() + body.size() / 8);
    std::vector<std::string_view> lines = lines_of(body);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = lines[n];
        if (n > 0) out.append("\r\n");
        std::size_t on_line = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(line[i]);
            bool last = i + 1 == line.size();
            bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
            if (i == 0 && line.starts_with("From ")) literal = false;  // mbox tools would mangle it
            std::size_t width = literal ? 1 : 3;
            if (on_line + width > kQuotedPrintableLineLength - 1) {
                out.append("=\r\n");
                on_line = 0;
            }
            if (literal) out.push_back(static_cast<char>(c));
            else append_escape(out, c, '=');
            on_line += width;
        }
    }
    return out;
}

bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$&^_.+-").find(c) != std::string_view::npos;
}

// "type/subtype" in lower case, or application/octet-stream for anything else.
std::string checked_content_type(std::string_view type) {
    type = text::trim(type);
    std::size_t slash = type.find('/');
    bool valid = slash != std::string_view::npos && slash > 0 && slash + 1 < type.size();
    for (std::size_t i = 0; valid && i < type.size(); ++i) valid = i == slash || is_token_char(type[i]);
    return valid ? text::to_lower(type) : std::string("application/octet-stream");
}

// The last component of the file name, on one line, or "attachment".
std::string clean_filename(std::string_view filename) {
    std::string name = text::collapse_spaces(one_line(filename));
    if (std::size_t slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
    name = std::string(text::trim(name));
    return name.empty() || name == "." || name == ".." ? std::string("attachment") : name;
}

bool is_unreserved(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

// `parameter="value"`, or RFC 2231 `parameter*0*=utf-8''...; parameter*1*=...` for a value that is
// not plain ASCII that quotes simply.
std::string mime_parameter(std::string_view parameter, std::string_view value) {
    constexpr std::size_t kPlainUpTo = 60;
    bool plain = is_printable_ascii(value) && value.size() <= kPlainUpTo &&
                 value.find_first_of("\"\\") == std::string_view::npos && value.find("=?") == std::string_view::npos;
    if (plain) return std::string(parameter) + "=\"" + std::string(value) + "\"";
    std::vector<std::string> pieces(1);
    for (unsigned char c : value) {
        if (pieces.back().size() >= kPlainUpTo) pieces.emplace_back();
        if (is_unreserved(c)) pieces.back().push_back(static_cast<char>(c));
        else append_escape(pieces.back(), c, '%');
    }
    std::string out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (i > 0) out.append("; ");
        out.append(parameter);
        if (pieces.size() > 1) out.append("*").append(std::to_string(i));
        out.append("*=").append(i == 0 ? "utf-8''" : "").append(pieces[i]);
    }
    return out;
}

std::string percent_encoded(std::string_view s, std::string_view keep = {}) {
    std::string out;
    for (unsigned char c : s) {
        if (is_unreserved(c) || keep.find(static_cast<char>(c)) != std::string_view::npos) out.push_back(static_cast<char>(c));
        else append_escape(out, c, '%');
    }
    return out;
}

}  // namespace

std::string encode_header_text(std::string_view text) {
    return needs_encoding(text) ? encoded_words(text) : std::string(text);
}

Result<std::string> render_eml(const MailDraft& draft, std::string_view date_rfc5322, std::string_view message_id_domain) {
    auto from = mailbox(draft.from, "sender's");
    if (!from) {
        if (text::trim(draft.from.email).empty())
            return make_error("Your own e-mail address is missing; set it as email under [me] in the config to make drafts.");
        return from.error();
    }
    std::string to;
    for (const MailAddress& recipient : draft.to) {
        auto address = mailbox(recipient, "recipient's");
        if (!address) return address.error();
        if (!to.empty()) to.append(", ");
        to.append(*address);
    }
    std::string date = text::collapse_spaces(one_line(date_rfc5322));
    if (date.empty()) date = rfc5322_date_now();
    std::string subject(text::trim(one_line(draft.subject)));

    std::string message;
    message.append(header("Date", date));
    message.append(header("From", *from));
    if (!to.empty()) message.append(header("To", to));
    message.append(header("Subject", header_text(subject)));
    message.append(header("Message-ID", message_id(message_id_domain)));
    message.append("MIME-Version: 1.0\r\n");
    message.append("X-Unsent: 1\r\n");

    constexpr std::string_view kTextHeaders =
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n";
    std::string body = quoted_printable(draft.body);
    if (draft.attachments.empty()) {
        message.append(kTextHeaders).append("\r\n").append(body);
        if (!body.empty() && !body.ends_with("\r\n")) message.append("=\r\n");  // a soft break: no line end added
        return message;
    }
    // "=_" never occurs in quoted-printable or base64, and a header line never starts with "--".
    const std::string boundary = "=_mingle_" + random_hex(24);
    message.append(header("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\""));
    message.append("\r\n");
    message.append("--").append(boundary).append("\r\n");
    message.append(kTextHeaders).append("\r\n").append(body);
    for (const Attachment& attachment : draft.attachments) {
        std::string filename = clean_filename(attachment.filename);
        message.append("\r\n--").append(boundary).append("\r\n");
        message.append(header("Content-Type", checked_content_type(attachment.content_type) + "; " +
                                                  mime_parameter("name", filename)));
        message.append(header("Content-Disposition", "attachment; " + mime_parameter("filename", filename)));
        message.append("Content-Transfer-Encoding: base64\r\n\r\n");
        message.append(base64(attachment.bytes, kBase64LineLength));
    }
    message.append("\r\n--").append(boundary).append("--\r\n");
    return message;
}

std::string rfc5322_date_now() {
    static constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    long offset_minutes = local.tm_gmtoff / 60;
    char sign = offset_minutes < 0 ? '-' : '+';
    if (offset_minutes < 0) offset_minutes = -offset_minutes;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", kDays[local.tm_wday % 7].data(),
                  local.tm_mday, kMonths[local.tm_mon % 12].data(), local.tm_year + 1900, local.tm_hour, local.tm_min,
                  local.tm_sec, sign, offset_minutes / 60, offset_minutes % 60);
    return buffer;
}

std::string mailto_link(const MailDraft& draft) {
    std::string link = "mailto:";
    for (std::size_t i = 0; i < draft.to.size(); ++i) {
        if (i > 0) link.push_back(',');
        link.append(percent_encoded(text::trim(draft.to[i].email), "@"));
    }
    char separator = '?';
    std::string subject(text::trim(one_line(draft.subject)));
    if (!subject.empty()) {
        link.push_back(separator);
        link.append("subject=").append(percent_encoded(subject));
        separator = '&';
    }
    if (!draft.body.empty()) {
        std::string body;
        std::vector<std::string_view> lines = lines_of(draft.body);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) body.append("%0D%0A");
            body.append(percent_encoded(lines[i]));
        }
        link.push_back(separator);
        link.append("body=").append(body);
    }
    return link;
}

Result<Attachment> read_attachment(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return make_error("This is a folder, not a file to attach; choose the file itself.", path.string());
    std::ifstream file(path, std::ios::binary);
    if (!file) return make_error("Cannot read this file to attach it; check that it exists and that you may read it.", path.string());
    std::ostringstream contents;
    contents << file.rdbuf();
    if (file.bad()) return make_error("Reading this file to attach it failed part way; try again.", path.string());

    static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
        {".pdf", "application/pdf"},
        {".doc", "application/msword"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".odt", "application/vnd.oasis.opendocument.text"},
        {".rtf", "application/rtf"},
        {".txt", "text/plain"},
        {".md", "text/markdown"},
    };
    std::string extension = text::to_lower(path.extension().string());
    std::string type = "application/octet-stream";
    for (const auto& [ext, content_type] : kTypes)
        if (extension == ext) type = content_type;
    return Attachment{path.filename().string(), std::move(type), contents.str()};
}

Status write_eml(const std::filesystem::path& path, const std::string& message) {
    return write_file_atomically(path, message);
}

}  // namespace mingle
