#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/import/encoding.hpp"
#include "core/import/text_stream.hpp"
#include "core/text.hpp"

using namespace mingle;
using namespace mingle::import;

namespace {

// Danish letters, Windows-1252 punctuation and a character outside the BMP (a surrogate pair in UTF-16).
const std::string kSample = "Søren Østergaard, Æble & Åse – “citat” € 😀\r\nlinje 2";

std::string to_utf16(std::string_view utf8, bool little_endian) {
    std::string out;
    auto put_unit = [&](char16_t unit) {
        char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
        if (little_endian) {
            out.push_back(low);
            out.push_back(high);
        } else {
            out.push_back(high);
            out.push_back(low);
        }
    };
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = text::next_code_point(utf8, pos);
        if (cp >= 0x10000) {
            put_unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            put_unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            put_unit(static_cast<char16_t>(cp));
        }
    }
    return out;
}

// Decodes `bytes` fed in pieces of `piece` bytes; REQUIREs success.
std::string decode_in_pieces(Encoding encoding, std::string_view bytes, std::size_t piece) {
    TextDecoder decoder(encoding);
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += piece) REQUIRE(decoder.decode(bytes.substr(i, piece), out));
    REQUIRE(decoder.finish());
    return out;
}

// Decodes `bytes` cut in two at every position.
void check_every_split(Encoding encoding, std::string_view bytes, std::string_view expected) {
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        CAPTURE(cut);
        TextDecoder decoder(encoding);
        std::string out;
        REQUIRE(decoder.decode(bytes.substr(0, cut), out));
        REQUIRE(decoder.decode(bytes.substr(cut), out));
        REQUIRE(decoder.finish());
        CHECK(out == expected);
    }
}

}  // namespace

TEST_CASE("detect_encoding goes by BOM, then NUL pattern, then UTF-8 validity", "[encoding]") {
    CHECK(detect_encoding("\xEF\xBB\xBFNavn", true) == Encoding::Utf8Bom);
    CHECK(detect_encoding("\xFF\xFEN\0a\0", true) == Encoding::Utf16LE);
    CHECK(detect_encoding("\xFE\xFF\0N\0a", true) == Encoding::Utf16BE);
    CHECK(detect_encoding(to_utf16("Navn,E-mail\nSøren,s@x.dk\n", true), true) == Encoding::Utf16LE);
    CHECK(detect_encoding(to_utf16("Navn,E-mail\nSøren,s@x.dk\n", false), true) == Encoding::Utf16BE);
    CHECK(detect_encoding("Navn;E-mail\nS\xC3\xB8ren;s@x.dk\n", true) == Encoding::Utf8);
    CHECK(detect_encoding("plain ASCII", true) == Encoding::Utf8);
    CHECK(detect_encoding("Navn;E-mail\nS\xF8ren;s@x.dk\n", true) == Encoding::Windows1252);
    CHECK(detect_encoding("Pris \x80 \x93quote\x94", true) == Encoding::Windows1252);
}

TEST_CASE("detect_encoding forgives a character cut off at the end of a sample, not of a whole file", "[encoding]") {
    std::string sample = "Navn\nS\xC3\xB8ren \xE2\x82";  // "€" cut after two of its three bytes
    CHECK(detect_encoding(sample, false) == Encoding::Utf8);
    CHECK(detect_encoding(sample, true) == Encoding::Windows1252);
    // A byte that can never start UTF-8 is not forgiven, even at the end of a sample.
    CHECK(detect_encoding("Navn\nS\xF8", false) == Encoding::Windows1252);
}

TEST_CASE("check_utf8 finds the valid prefix and tells a cut-off character from a bad one", "[encoding]") {
    CHECK(check_utf8("Søren æøå € 😀").valid_length == std::string("Søren æøå € 😀").size());

    Utf8Check cut = check_utf8("ab\xF0\x9F\x98");
    CHECK(cut.valid_length == 2);
    CHECK(cut.cut_at_end);

    Utf8Check bad = check_utf8("abc\xF8xyz");
    CHECK(bad.valid_length == 3);
    CHECK_FALSE(bad.cut_at_end);

    CHECK(check_utf8("\xC0\xAF").valid_length == 0);          // overlong
    CHECK(check_utf8("\xE0\x80\xAF").valid_length == 0);      // overlong, three bytes
    CHECK(check_utf8("\xED\xA0\x80").valid_length == 0);      // surrogate
    CHECK(check_utf8("\xF4\x90\x80\x80").valid_length == 0);  // past U+10FFFF
    CHECK_FALSE(check_utf8("a\xE2\x28").cut_at_end);          // bad continuation byte is not a cut
    // Long ASCII runs go eight bytes at a time; a bad byte after them is still found.
    std::string long_ascii(1000, 'a');
    CHECK(check_utf8(long_ascii + "\x80").valid_length == 1000);
}

TEST_CASE("Windows-1252 maps 0x80-0x9F to the characters Excel writes, and leaves five undefined", "[encoding]") {
    const char32_t expected[32] = {U'€', 0,      U'‚', U'ƒ', U'„', U'…', U'†', U'‡', U'ˆ', U'‰', U'Š',
                                   U'‹', U'Œ', 0,      U'Ž', 0,      0,      U'‘', U'’', U'“', U'”', U'•',
                                   U'–', U'—', U'˜', U'™', U'š', U'›', U'œ', 0,      U'ž', U'Ÿ'};
    for (int byte = 0x80; byte <= 0x9F; ++byte) {
        CAPTURE(byte);
        CHECK(windows1252_code_point(static_cast<unsigned char>(byte)) == expected[byte - 0x80]);
    }
    for (int byte = 0xA0; byte <= 0xFF; ++byte) CHECK(windows1252_code_point(static_cast<unsigned char>(byte)) == char32_t(byte));
    CHECK(windows1252_code_point('A') == U'A');

    std::string out;
    append_windows1252(out, "S\xF8ren \x80 \x81");  // lenient: 0x81 becomes U+0081
    CHECK(out == "Søren € \xC2\x81");
}

TEST_CASE("TextDecoder converts every encoding to UTF-8 whatever the chunk boundaries", "[encoding]") {
    const std::string utf16le = to_utf16(kSample, true);
    const std::string utf16be = to_utf16(kSample, false);
    const std::string cp1252 = "S\xF8ren \xD8stergaard, \xC6" "ble & \xC5se \x96 \x93" "citat\x94 \x80";
    const std::string cp1252_expected = "Søren Østergaard, Æble & Åse – “citat” €";

    for (std::size_t piece : {1, 2, 3, 5, 7, 64}) {
        CAPTURE(piece);
        CHECK(decode_in_pieces(Encoding::Utf8, kSample, piece) == kSample);
        CHECK(decode_in_pieces(Encoding::Utf16LE, utf16le, piece) == kSample);
        CHECK(decode_in_pieces(Encoding::Utf16BE, utf16be, piece) == kSample);
        CHECK(decode_in_pieces(Encoding::Windows1252, cp1252, piece) == cp1252_expected);
    }
    check_every_split(Encoding::Utf8, kSample, kSample);
    check_every_split(Encoding::Utf16LE, utf16le, kSample);
    check_every_split(Encoding::Utf16BE, utf16be, kSample);
}

TEST_CASE("TextDecoder drops the byte order mark, even when it arrives a byte at a time", "[encoding]") {
    CHECK(decode_in_pieces(Encoding::Utf8Bom, "\xEF\xBB\xBFNavn", 1) == "Navn");
    CHECK(decode_in_pieces(Encoding::Utf8, "\xEF\xBB\xBFNavn", 2) == "Navn");
    CHECK(decode_in_pieces(Encoding::Utf16LE, "\xFF\xFE" + to_utf16("Navn", true), 1) == "Navn");
    CHECK(decode_in_pieces(Encoding::Utf16BE, "\xFE\xFF" + to_utf16("Navn", false), 3) == "Navn");
    // Only at the start: a U+FEFF later on is text.
    CHECK(decode_in_pieces(Encoding::Utf8, "a\xEF\xBB\xBF", 4) == "a\xEF\xBB\xBF");
}

TEST_CASE("TextDecoder is strict: it stops at the first invalid sequence and says what it was", "[encoding]") {
    SECTION("a Windows-1252 byte in UTF-8") {
        TextDecoder decoder(Encoding::Utf8);
        std::string out;
        CHECK_FALSE(decoder.decode("Navn\nS\xF8ren", out));
        CHECK(out == "Navn\nS");
        CHECK(decoder.problem().kind == DecodeProblem::Kind::InvalidByte);
        CHECK(decoder.problem().value == 0xF8);
        std::string message = describe_decode_problem(Encoding::Utf8, decoder.problem());
        CHECK_THAT(message, Catch::Contains("0xF8") && Catch::Contains("choose Windows-1252"));
    }
    SECTION("UTF-8 cut off at the end of the input") {
        TextDecoder decoder(Encoding::Utf8);
        std::string out;
        CHECK(decoder.decode("ab\xE2\x82", out));
        CHECK_FALSE(decoder.finish());
        CHECK(decoder.problem().kind == DecodeProblem::Kind::CutOff);
    }
    SECTION("a bad continuation byte in the next chunk") {
        TextDecoder decoder(Encoding::Utf8);
        std::string out;
        CHECK(decoder.decode("ab\xC3", out));
        CHECK_FALSE(decoder.decode("(", out));
        CHECK(out == "ab");
    }
    SECTION("a lone low surrogate in UTF-16") {
        TextDecoder decoder(Encoding::Utf16LE);
        std::string out;
        CHECK_FALSE(decoder.decode(std::string("a\0\x00\xDC", 4), out));
        CHECK(out == "a");
        CHECK(decoder.problem().kind == DecodeProblem::Kind::LoneSurrogate);
        CHECK(decoder.problem().value == 0xDC00);
    }
    SECTION("a high surrogate followed by a letter") {
        TextDecoder decoder(Encoding::Utf16BE);
        std::string out;
        CHECK_FALSE(decoder.decode(std::string("\xD8\x3D\0a", 4), out));
        CHECK(decoder.problem().value == 0xD83D);
    }
    SECTION("an odd number of UTF-16 bytes") {
        TextDecoder decoder(Encoding::Utf16LE);
        std::string out;
        CHECK(decoder.decode(std::string("a\0b", 3), out));
        CHECK_FALSE(decoder.finish());
        CHECK(decoder.problem().kind == DecodeProblem::Kind::CutOff);
        CHECK_THAT(describe_decode_problem(Encoding::Utf16LE, decoder.problem()), Catch::Contains("odd number"));
    }
    SECTION("a byte Windows-1252 leaves undefined") {
        TextDecoder decoder(Encoding::Windows1252);
        std::string out;
        CHECK_FALSE(decoder.decode("ab\x81", out));
        CHECK(out == "ab");
        CHECK(decoder.problem().value == 0x81);
        CHECK_THAT(describe_decode_problem(Encoding::Windows1252, decoder.problem()), Catch::Contains("0x81"));
    }
}

TEST_CASE("TextStream hands out decoded text chunk by chunk and reports bad bytes after the good ones", "[encoding]") {
    const std::string bytes = to_utf16("Navn\nSøren 😀\n", true);
    for (std::size_t chunk : {1, 2, 3, 4096}) {
        CAPTURE(chunk);
        ByteSource source = ByteSource::from_memory(bytes);
        std::atomic<std::uint64_t> done{0};
        TextStream stream(source, Encoding::Utf16LE, &done, chunk);
        std::string text;
        for (std::string_view piece = stream.next(); !piece.empty(); piece = stream.next()) text += piece;
        CHECK_FALSE(stream.failed());
        CHECK(text == "Navn\nSøren 😀\n");
        CHECK(done.load() == bytes.size());
    }

    ByteSource source = ByteSource::from_memory("ok\nS\xF8ren");
    TextStream stream(source, Encoding::Utf8, nullptr, 3);
    std::string text;
    for (std::string_view piece = stream.next(); !piece.empty(); piece = stream.next()) text += piece;
    CHECK(stream.failed());
    CHECK(text == "ok\nS");
    CHECK_THAT(stream.problem_message(), Catch::Contains("not valid UTF-8"));
}

TEST_CASE("LineSplitter ends lines at LF, CRLF and lone CR, also across chunk boundaries", "[encoding]") {
    const std::string text = "one\r\ntwo\nthree\rfour\r\n\r\nsix";
    for (std::size_t piece : {1, 2, 3, 100}) {
        CAPTURE(piece);
        LineSplitter splitter;
        std::vector<std::pair<std::size_t, std::string>> lines;
        std::string_view line;
        std::size_t number = 0;
        for (std::size_t i = 0; i < text.size(); i += piece) {
            splitter.feed(std::string_view(text).substr(i, piece));
            while (splitter.next(line, number)) lines.emplace_back(number, line);
        }
        splitter.finish();
        while (splitter.next(line, number)) lines.emplace_back(number, line);
        std::vector<std::pair<std::size_t, std::string>> expected = {
            {1, "one"}, {2, "two"}, {3, "three"}, {4, "four"}, {5, ""}, {6, "six"}};
        CHECK(lines == expected);
        CHECK(splitter.lines() == 6);
    }
}
