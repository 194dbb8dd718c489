// Following up (domain.md, section 3): a thank-you or the promised CV as a mail draft the user's
// own mail program opens, ready to send: an .eml file (RFC 5322 + MIME, "X-Unsent: 1"), or a
// mailto: link for programs that prefer it. Nothing here sends mail.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace mingle {

struct MailAddress {
    std::string name;   // display name, may be empty; any text (quotes, commas, æøå, emoji)
    std::string email;  // addr-spec: local@domain, ASCII
};

struct Attachment {
    std::string filename;      // shown to the recipient; no folders
    std::string content_type;  // "application/pdf"; anything not type/subtype becomes application/octet-stream
    std::string bytes;
};

struct MailDraft {
    MailAddress from;
    std::vector<MailAddress> to;  // may be empty: the user fills it in
    std::string subject;
    std::string body;  // UTF-8 text, \n line ends
    std::vector<Attachment> attachments;
};

// RFC 2047 encoded-words (UTF-8, B) for a header value with non-ASCII or control characters, or
// with "=?" in it; each word whole characters and at most 64 characters long, words separated by
// one space (where a header may be folded). Printable ASCII stays as it is.
std::string encode_header_text(std::string_view text);

// A draft as an RFC 5322 message that mail programs open as a draft to send: CRLF line ends,
// headers folded at 78 where they have room to, Date (as given; now if empty), Message-ID,
// MIME-Version, X-Unsent: 1, From/To with display names (quoted or encoded as needed), Subject;
// text/plain; charset=utf-8 in quoted-printable (the body comes back exactly, \n line ends); with
// attachments, multipart/mixed with them in base64 (lines of 76), file names RFC 2231-encoded when
// not plain ASCII.
// A line break or other control character inside a name or subject never starts a header line: it
// becomes a space (CR LF together become one). An empty or malformed address (spaces, <, >, ", (, ),
// comma, ;, :, \, [, ], control or non-ASCII characters, not exactly one @) is refused with an
// Error, as is a draft without the sender's address.
Result<std::string> render_eml(const MailDraft& draft, std::string_view date_rfc5322,
                               std::string_view message_id_domain = "mingle.invalid");

// The current local time as an RFC 5322 date, e.g. "Mon, 23 Nov 2026 21:30:00 +0100" (English
// names whatever the locale).
std::string rfc5322_date_now();

// mailto:addr,addr?subject=...&body=... (RFC 6068): percent-encoded UTF-8, line ends as %0D%0A.
// Only the addresses go in (no names), and no attachments: a mailto: link cannot carry them.
std::string mailto_link(const MailDraft& draft);

// Reads a file to attach (the CV), named by its file name; the content type from the extension
// (pdf, doc, docx, odt, rtf, txt, md; else application/octet-stream). A missing or unreadable
// file, or a folder, is an Error naming it.
Result<Attachment> read_attachment(const std::filesystem::path& path);

// Writes the .eml readable by the user only (0600), replacing any file there in one step.
Status write_eml(const std::filesystem::path& path, const std::string& message);

}  // namespace mingle
