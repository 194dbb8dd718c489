#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/email_draft.hpp"
#include "tests/test_support.hpp"

using namespace mingle;
using nlohmann::json;

namespace {

constexpr std::string_view kDate = "Mon, 23 Nov 2026 21:30:00 +0100";

const std::vector<std::string> kSinglePartHeaders = {"Date",         "From",      "To",         "Subject",
                                                     "Message-ID",   "MIME-Version", "X-Unsent", "Content-Type",
                                                     "Content-Transfer-Encoding"};

MailDraft basic_draft() {
    MailDraft draft;
    draft.from = {"Mette Jensen", "mette@example.com"};
    draft.to = {{"Anne Hansen", "anne@example.org"}};
    draft.subject = "Thank you for tonight";
    draft.body = "Hi Anne,\n\nThank you for the talk about data platforms.\n\nBest regards\nMette\n";
    return draft;
}

json address(const MailAddress& a) { return json{{"name", a.name}, {"email", a.email}}; }

json expectations(const MailDraft& draft, const std::string& subject, const std::string& body) {
    json to = json::array();
    for (const MailAddress& a : draft.to) to.push_back(address(a));
    return json{{"from", address(draft.from)}, {"to", to}, {"subject", subject}, {"body", body}, {"x_unsent", "1"}};
}

// Runs tests/check_eml.py on the message; true if Python's e-mail parser agrees with `expected`.
bool python_agrees(const std::string& message, const json& expected) {
    testing::TempDir dir;
    testing::write_file(dir / "draft.eml", message);
    testing::write_file(dir / "expected.json", expected.dump());
    std::string command = "/usr/bin/python3 '" + std::string(MINGLE_SOURCE_DIR) + "/tests/check_eml.py' '" +
                          (dir / "draft.eml").string() + "' '" + (dir / "expected.json").string() + "'";
    return std::system(command.c_str()) == 0;
}

std::vector<std::string> header_lines(const std::string& message) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        std::size_t end = message.find("\r\n", start);
        if (end == std::string::npos || end == start) break;
        lines.push_back(message.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

std::string every_byte_value(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7 + i / 256) % 256);
    return bytes;
}

std::string hex_of(const std::string& bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    return out;
}

}  // namespace

TEST_CASE("A plain ASCII draft comes back as it was", "[email]") {
    MailDraft draft = basic_draft();
    auto message = render_eml(draft, kDate);
    REQUIRE(message.ok());

    CHECK(message->find("Date: Mon, 23 Nov 2026 21:30:00 +0100\r\n") != std::string::npos);
    CHECK(message->find("From: Mette Jensen <mette@example.com>\r\n") != std::string::npos);
    CHECK(message->find("To: Anne Hansen <anne@example.org>\r\n") != std::string::npos);
    CHECK(message->find("Subject: Thank you for tonight\r\n") != std::string::npos);
    CHECK(message->find("X-Unsent: 1\r\n") != std::string::npos);
    CHECK(std::regex_search(*message, std::regex("Message-ID: <[0-9]+\\.[0-9A-F]+@mingle\\.invalid>\r\n")));

    json expected = expectations(draft, draft.subject, draft.body);
    expected["headers"] = kSinglePartHeaders;
    expected["attachments"] = json::array();
    CHECK(python_agrees(*message, expected));
}

TEST_CASE("Bodies come back exactly, whatever their lines hold", "[email]") {
    MailDraft draft = basic_draft();
    draft.to.push_back({"", "bo@example.net"});
    draft.body = "From the event: a=b and =?utf-8?q?x?=\n"
                 "trailing spaces   \n"
                 "trailing tab\t\n"
                 ".\n"
                 "--=_mingle_0123\n"
                 "\n\n" +
                 std::string(300, 'x') + "\n" + std::string(100, ' ') + "end\n" + "Søren 👋 " + std::string(80, 'y') +
                 "\nno line end at the end";
    auto message = render_eml(draft, kDate, "example.com");
    REQUIRE(message.ok());
    CHECK(message->find("@example.com>\r\n") != std::string::npos);
    CHECK(message->find("To: Anne Hansen <anne@example.org>, bo@example.net\r\n") != std::string::npos);
    CHECK(python_agrees(*message, expectations(draft, draft.subject, draft.body)));

    SECTION("Windows line ends in the body become plain ones") {
        draft.body = "one\r\ntwo\r\n";
        auto windows = render_eml(draft, kDate);
        REQUIRE(windows.ok());
        CHECK(python_agrees(*windows, expectations(draft, draft.subject, "one\ntwo\n")));
    }
}

TEST_CASE("Hostile names and subjects stay inside their own headers", "[email]") {
    MailDraft draft = basic_draft();
    draft.from.name = "Anne \"Annie\" Hansen";
    draft.to = {{"Hansen, Anne", "anne@example.org"},
                {"Evil\r\nBcc: x@y.z", "evil@example.org"},
                {"Back\\slash (and) <angles> ; : @", "b@example.org"}};
    draft.subject = "Evil\r\nBcc: x@y.z";

    auto message = render_eml(draft, kDate);
    REQUIRE(message.ok());
    for (const std::string& line : header_lines(*message)) {
        INFO(line);
        CHECK_FALSE(line.starts_with("Bcc"));
    }

    json expected = expectations(draft, "Evil Bcc: x@y.z", draft.body);
    expected["to"][1]["name"] = "Evil Bcc: x@y.z";
    expected["headers"] = kSinglePartHeaders;
    CHECK(python_agrees(*message, expected));

    SECTION("a lone CR or LF is a space too") {
        draft.subject = "one\rtwo\nthree";
        auto lone = render_eml(draft, kDate);
        REQUIRE(lone.ok());
        json lone_expected = expectations(draft, "one two three", draft.body);
        lone_expected["to"][1]["name"] = "Evil Bcc: x@y.z";
        CHECK(python_agrees(*lone, lone_expected));
    }
}

TEST_CASE("Names and subjects beyond ASCII are encoded", "[email]") {
    CHECK(encode_header_text("Thank you") == "Thank you");
    CHECK(encode_header_text("Søren") == "=?UTF-8?B?U8O4cmVu?=");
    CHECK(encode_header_text("a =?x?q?y?= b").starts_with("=?UTF-8?B?"));
    CHECK(encode_header_text("a\r\nBcc: x").find('\n') == std::string::npos);

    MailDraft draft = basic_draft();
    draft.from.name = "Søren Ærø Ødegård";
    draft.to = {{"Åse 🎉 Bøgh, Ph.D.", "aase@example.dk"}, {"李小龍", "lee@example.cn"}};
    draft.subject = "Tak for i aften 🙏 – æøå ÆØÅ";
    draft.body = "Kære Åse,\n\ntak for snakken om grøn omstilling 🌱.\n";

    auto message = render_eml(draft, kDate);
    REQUIRE(message.ok());
    for (const std::string& line : header_lines(*message)) {
        INFO(line);
        CHECK(line.size() <= 78);
    }
    CHECK(python_agrees(*message, expectations(draft, draft.subject, draft.body)));
}

TEST_CASE("Long subjects are folded or encoded correctly", "[email]") {
    MailDraft draft = basic_draft();
    std::string ascii;
    for (int i = 0; i < 40; ++i) ascii += "word" + std::to_string(i) + " ";
    ascii += "end";
    std::string danish;
    for (int i = 0; i < 30; ++i) danish += "æbleskiver på Ørestad 🍎 ";
    danish += "slut";

    for (const std::string& subject : {ascii, danish, std::string("Double  spaces   stay ") + ascii}) {
        INFO(subject);
        draft.subject = subject;
        draft.to[0].name = "Anne-Marie Christiansen-Østergaard Hansen of the Very Long Names Society 🎓";
        auto message = render_eml(draft, kDate);
        REQUIRE(message.ok());
        for (const std::string& line : header_lines(*message)) {
            INFO(line);
            CHECK(line.size() <= 78);
        }
        CHECK(python_agrees(*message, expectations(draft, subject, draft.body)));
    }

    SECTION("a word too long to fold is encoded, and comes back whole") {
        draft.subject = "Link: https://example.com/" + std::string(1200, 'a');
        auto message = render_eml(draft, kDate);
        REQUIRE(message.ok());
        for (const std::string& line : header_lines(*message)) CHECK(line.size() <= 78);
        CHECK(python_agrees(*message, expectations(draft, draft.subject, draft.body)));
    }
}

TEST_CASE("A 200 KB CV with every byte value comes back byte for byte", "[email]") {
    testing::TempDir dir;
    const std::string cv_bytes = every_byte_value(200 * 1024 + 1);
    testing::write_file(dir / "cv.pdf", cv_bytes);
    testing::write_file(dir / "Anbefaling fra Åse \"Bøgh\".DOCX", "PK\x03\x04 small");

    auto cv = read_attachment(dir / "cv.pdf");
    REQUIRE(cv.ok());
    CHECK(cv->filename == "cv.pdf");
    CHECK(cv->content_type == "application/pdf");
    CHECK(cv->bytes == cv_bytes);
    auto letter = read_attachment(dir / "Anbefaling fra Åse \"Bøgh\".DOCX");
    REQUIRE(letter.ok());
    CHECK(letter->content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    MailDraft draft = basic_draft();
    draft.subject = "My CV, as promised";
    draft.attachments = {*cv, *letter, Attachment{"evil\r\nname.txt", "text/plain\r\nBcc: x@y.z", ""}};
    auto message = render_eml(draft, kDate);
    REQUIRE(message.ok());
    CHECK(message->find("Content-Type: multipart/mixed;") != std::string::npos);

    json expected = expectations(draft, draft.subject, draft.body);
    expected["attachments"] = json::array({
        json{{"filename", "cv.pdf"}, {"content_type", "application/pdf"}, {"path", (dir / "cv.pdf").string()}},
        json{{"filename", "Anbefaling fra Åse \"Bøgh\".DOCX"}, {"hex", hex_of(letter->bytes)}},
        json{{"filename", "evil name.txt"}, {"content_type", "application/octet-stream"}, {"hex", ""}},
    });
    expected["headers"] = {"Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "X-Unsent", "Content-Type"};
    CHECK(python_agrees(*message, expected));
}

TEST_CASE("An empty body is still a message", "[email]") {
    MailDraft draft = basic_draft();
    draft.body.clear();
    draft.subject.clear();
    draft.to.clear();

    auto message = render_eml(draft, "");  // no date given: now
    REQUIRE(message.ok());
    json expected = expectations(draft, "", "");
    CHECK(python_agrees(*message, expected));

    SECTION("with an attachment") {
        draft.attachments = {Attachment{"notes.txt", "text/plain", "hello"}};
        auto with_attachment = render_eml(draft, kDate);
        REQUIRE(with_attachment.ok());
        expected["attachments"] = json::array({json{{"filename", "notes.txt"}, {"hex", hex_of("hello")}}});
        CHECK(python_agrees(*with_attachment, expected));
    }
}

TEST_CASE("Bad addresses are refused", "[email]") {
    for (std::string bad : {"", "   ", "anne hansen@example.org", "<anne@example.org>", "an\"ne@example.org",
                            "anne@example.org\r\nBcc: x@y.z", "anne@example.org, bo@example.org", "anne.example.org",
                            "anne@@example.org", "@example.org", "anne@", "anne@example..org", "ånne@example.org"}) {
        INFO(bad);
        MailDraft to_bad = basic_draft();
        to_bad.to.push_back({"Someone", bad});
        auto refused = render_eml(to_bad, kDate);
        REQUIRE_FALSE(refused.ok());
        CHECK_FALSE(refused.error().message.empty());
        CHECK(refused.error().message.find('\n') == std::string::npos);

        MailDraft from_bad = basic_draft();
        from_bad.from.email = bad;
        CHECK_FALSE(render_eml(from_bad, kDate).ok());
    }
    MailDraft no_sender = basic_draft();
    no_sender.from.email.clear();
    auto refused = render_eml(no_sender, kDate);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("[me]") != std::string::npos);

    MailDraft padded = basic_draft();
    padded.to[0].email = "  anne@example.org ";
    CHECK(render_eml(padded, kDate).ok());
}

TEST_CASE("mailto links are percent-encoded", "[email]") {
    MailDraft draft;
    draft.to = {{"Åse", "aase@example.dk"}, {"Bo", "bo+events@example.dk"}};
    draft.subject = "Tak for i aften, Åse";
    draft.body = "Fisk & chips?\nVi ses=snart 100%";
    CHECK(mailto_link(draft) ==
          "mailto:aase@example.dk,bo%2Bevents@example.dk?subject=Tak%20for%20i%20aften%2C%20%C3%85se"
          "&body=Fisk%20%26%20chips%3F%0D%0AVi%20ses%3Dsnart%20100%25");

    draft.subject = "line\r\nBcc: x@y.z";
    draft.body.clear();
    CHECK(mailto_link(draft) == "mailto:aase@example.dk,bo%2Bevents@example.dk?subject=line%20Bcc%3A%20x%40y.z");

    CHECK(mailto_link(MailDraft{}) == "mailto:");
}

TEST_CASE("Drafts are written for the user's eyes only", "[email]") {
    testing::TempDir dir;
    auto message = render_eml(basic_draft(), kDate);
    REQUIRE(message.ok());
    const auto path = dir / "thank-you.eml";
    REQUIRE(write_eml(path, *message).ok());
    CHECK(testing::read_file(path) == *message);
    auto perms = std::filesystem::status(path).permissions();
    CHECK((perms & std::filesystem::perms::all) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

    testing::write_file(dir / "a-file", "x");
    auto unwritable = write_eml(dir / "a-file" / "x.eml", *message);
    REQUIRE_FALSE(unwritable.ok());
    CHECK(unwritable.error().file == (dir / "a-file" / "x.eml").string());
}

TEST_CASE("Attachments that cannot be read are errors naming the file", "[email]") {
    testing::TempDir dir;
    auto missing = read_attachment(dir / "no-such-cv.pdf");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == (dir / "no-such-cv.pdf").string());
    CHECK_FALSE(missing.error().message.empty());

    auto folder = read_attachment(dir.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().file == dir.path().string());

    testing::write_file(dir / "notes.md", "# CV");
    testing::write_file(dir / "cv.odt", "x");
    testing::write_file(dir / "photo.jpeg", "x");
    CHECK(read_attachment(dir / "notes.md")->content_type == "text/markdown");
    CHECK(read_attachment(dir / "cv.odt")->content_type == "application/vnd.oasis.opendocument.text");
    CHECK(read_attachment(dir / "photo.jpeg")->content_type == "application/octet-stream");

    testing::write_file(dir / "secret.pdf", "x");
    std::filesystem::permissions(dir / "secret.pdf", std::filesystem::perms::none);
    auto unreadable = testing::run_unprivileged([&] { return !read_attachment(dir / "secret.pdf").ok(); });
    if (unreadable) CHECK(*unreadable);
}

TEST_CASE("The date now is in RFC 5322 form", "[email]") {
    std::string now = rfc5322_date_now();
    CHECK(std::regex_match(now, std::regex("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
                                           "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
                                           "[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}")));
}
