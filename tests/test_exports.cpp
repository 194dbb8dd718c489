// Exports of what is owed after an event: the calendar file is read back by an independent parser
// (Debian's python3-icalendar, through tests/check_ics.py), the CSV by Python's csv module.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/exports.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;
using mingle::testing::read_file;
using mingle::testing::write_file;

namespace {

constexpr const char* kStamp = "20261124T080000Z";

// Copenhagen time for the test, and the previous time zone back afterwards.
class CopenhagenTime {
public:
    CopenhagenTime() {
        const char* saved = std::getenv("TZ");
        had_ = saved != nullptr;
        if (saved) previous_ = saved;
        ::setenv("TZ", "Europe/Copenhagen", 1);
        ::tzset();
    }
    ~CopenhagenTime() {
        if (had_) ::setenv("TZ", previous_.c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }

private:
    bool had_ = false;
    std::string previous_;
};

// Runs a command with its stderr in `log`; its exit status, or -1 if it did not exit.
int run(const std::string& command, const std::filesystem::path& log) {
    const int status = std::system((command + " 2>'" + log.string() + "'").c_str());
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void require_python_module(int exit_code, const std::string& stderr_text) {
    if (exit_code == 77 || exit_code == 127)
        FAIL("python3-icalendar (or /usr/bin/python3) is missing, so the calendar cannot be checked by an "
             "independent parser: run scripts/install-deps.sh (CI installs it).\n"
             << stderr_text);
}

// Writes the calendar and the expectations, runs tests/check_ics.py and fails with what it said.
void check_with_icalendar(const std::string& ics, const nlohmann::json& expected) {
    TempDir dir;
    write_file(dir / "owed.ics", ics);
    write_file(dir / "expected.json", expected.dump(2));
    const int code = run("/usr/bin/python3 '" MINGLE_SOURCE_DIR "/tests/check_ics.py' '" + (dir / "owed.ics").string() +
                             "' '" + (dir / "expected.json").string() + "'",
                         dir / "stderr.txt");
    const std::string said = read_file(dir / "stderr.txt");
    require_python_module(code, said);
    INFO("check_ics.py said:\n" << said << "\nfor this calendar:\n" << ics);
    CHECK(code == 0);
}

nlohmann::json todo(Id id, const std::string& summary, const nlohmann::json& description, const nlohmann::json& due,
                    const std::string& status, bool alarm) {
    return {{"uid", "promise-" + std::to_string(id) + "@mingle.invalid"},
            {"summary", summary},
            {"description", description},
            {"due", due},
            {"status", status},
            {"alarm", alarm}};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// The CSV read back by Python's csv module (BOM removed by utf-8-sig), as rows of cells.
std::vector<std::vector<std::string>> parse_csv_with_python(const std::string& csv) {
    TempDir dir;
    write_file(dir / "owed.csv", csv);
    write_file(dir / "read.py",
               "import csv, json, sys\n"
               "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
               "    rows = list(csv.reader(f, strict=True))\n"
               "with open(sys.argv[2], 'w', encoding='utf-8') as f:\n"
               "    json.dump(rows, f)\n");
    const int code = run("/usr/bin/python3 '" + (dir / "read.py").string() + "' '" + (dir / "owed.csv").string() +
                             "' '" + (dir / "rows.json").string() + "'",
                         dir / "stderr.txt");
    INFO("python said: " << read_file(dir / "stderr.txt"));
    REQUIRE(code == 0);
    return nlohmann::json::parse(read_file(dir / "rows.json")).get<std::vector<std::vector<std::string>>>();
}

std::vector<OwedItem> plain_items() {
    return {
        {1, "Mette Østergaard", "mette@example.dk", true, "Send my CV", "2026-11-25T09:00", false, "Copenhagen Tech Meetup"},
        {2, "Søren Bæk", "", false, "the report", "2026-11-27T14:30", false, "Copenhagen Tech Meetup"},
    };
}

}  // namespace

TEST_CASE("a calendar of promises reads back in icalendar with uid, summary, event, UTC due and alarm", "[exports]") {
    CopenhagenTime copenhagen;
    const std::string ics = render_ics(plain_items(), kStamp, Language::English);
    check_with_icalendar(
        ics, nlohmann::json::array(
                 {todo(1, "Send my CV to Mette Østergaard",
                       "Event: Copenhagen Tech Meetup\nMette Østergaard <mette@example.dk>", "2026-11-25T08:00:00Z",
                       "NEEDS-ACTION", true),
                  todo(2, "Remind Søren Bæk: the report", "Event: Copenhagen Tech Meetup", "2026-11-27T13:30:00Z",
                       "NEEDS-ACTION", true)}));
    CHECK(ics.find("DTSTAMP:20261124T080000Z\r\n") != std::string::npos);
    CHECK(ics.find("VERSION:2.0\r\n") != std::string::npos);
    CHECK(count(ics, "\n") == count(ics, "\r\n"));  // CRLF only

    std::vector<OwedItem> danish = plain_items();
    danish[0].text = "Send mit CV";
    danish[1].text = "rapporten";
    check_with_icalendar(
        render_ics(danish, kStamp, Language::Danish),
        nlohmann::json::array(
            {todo(1, "Send mit CV til Mette Østergaard",
                  "Arrangement: Copenhagen Tech Meetup\nMette Østergaard <mette@example.dk>", "2026-11-25T08:00:00Z",
                  "NEEDS-ACTION", true),
             todo(2, "Påmind Søren Bæk: rapporten", "Arrangement: Copenhagen Tech Meetup", "2026-11-27T13:30:00Z",
                  "NEEDS-ACTION", true)}));

    SECTION("the uid is stable, so a second import updates the same to-do") {
        CHECK(render_ics(plain_items(), kStamp, Language::English) == ics);
        CHECK(ics.find("UID:promise-1@mingle.invalid\r\n") != std::string::npos);
    }
}

TEST_CASE("hostile text stays inside its property and folds between UTF-8 characters", "[exports]") {
    CopenhagenTime copenhagen;
    std::string long_text;
    while (long_text.size() < 300) long_text += "æøå 😀 quote \"x\", semi; ";
    long_text += "end";
    const std::string injection = "ok\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:evil@example.com\nSUMMARY:pwned\rX";
    std::vector<OwedItem> items = {
        {7, "Ærlig \"Åse\", Ødegård; Jr.", "aase@example.dk", true, long_text, "2026-12-01T09:00", false,
         "Fest; \"Jul\", C:\\Users\\mette 🎄"},
        {8, "Bo", "", false, injection, "2026-12-02T10:00", false, "Line one\nLine two"},
        {9, "Bell\x07 and \xFF byte", "", true, "tab\there", "", false, ""},
    };
    const std::string ics = render_ics(items, kStamp, Language::English);

    // A line break in the text becomes "\n" inside the value; a CR alone or CRLF is one line break.
    check_with_icalendar(
        ics, nlohmann::json::array(
                 {todo(7, long_text + " to Ærlig \"Åse\", Ødegård; Jr.",
                       "Event: Fest; \"Jul\", C:\\Users\\mette 🎄\nÆrlig \"Åse\", Ødegård; Jr. <aase@example.dk>",
                       "2026-12-01T08:00:00Z", "NEEDS-ACTION", true),
                  todo(8, "Remind Bo: ok\nEND:VTODO\nBEGIN:VTODO\nUID:evil@example.com\nSUMMARY:pwned\nX",
                       "Event: Line one\nLine two", "2026-12-02T09:00:00Z", "NEEDS-ACTION", true),
                  todo(9, "tab\there to Bell  and \xEF\xBF\xBD byte", nullptr, nullptr, "NEEDS-ACTION", false)}));

    CHECK(count(ics, "\r\nEND:VTODO\r\n") == 3);
    CHECK(count(ics, "\r\nUID:") == 3);
    CHECK(count(ics, "\r\n ") > 4);  // the long summary is folded
    // Escaped as RFC 5545 says, byte for byte (icalendar 4 itself unescapes "\\n" wrongly, so a
    // backslash before n or a comma is checked here rather than through it).
    const std::string tricky = render_ics({{10, "", "", true, "a\\nb \\, c", "", false, ""}}, kStamp, Language::English);
    CHECK(tricky.find("SUMMARY:a\\\\nb \\\\\\, c\r\n") != std::string::npos);
}

TEST_CASE("due times in winter and summer become the right UTC time", "[exports]") {
    CopenhagenTime copenhagen;
    CHECK(due_to_utc("2026-01-15T09:00") == "20260115T080000Z");  // CET, UTC+1
    CHECK(due_to_utc("2026-07-01T09:00") == "20260701T070000Z");  // CEST, UTC+2
    CHECK(due_to_utc("2026-03-29T03:00") == "20260329T010000Z");  // the first hour of summer time
    CHECK(due_to_utc("2026-03-28T23:30") == "20260328T223000Z");  // the night before it
    CHECK(due_to_utc("2026-10-25T12:00") == "20261025T110000Z");  // the day summer time ends
    CHECK(due_to_utc("2026-12-31T23:30") == "20261231T223000Z");  // into the next year in local time only
    for (const char* not_a_due : {"", "2026-02-30T09:00", "2026-12-01 09:00", "2026-12-01T24:00", "fredag", "2026-1-1T9:00"}) {
        INFO(not_a_due);
        CHECK(due_to_utc(not_a_due).empty());
    }

    std::vector<OwedItem> items = {
        {20, "Anne", "", true, "winter", "2026-01-15T09:00", false, "E"},
        {21, "Anne", "", true, "summer", "2026-07-01T09:00", false, "E"},
        {22, "Anne", "", true, "no due", "next week", false, "E"},
    };
    check_with_icalendar(render_ics(items, kStamp, Language::English),
                         nlohmann::json::array({todo(20, "winter to Anne", "Event: E", "2026-01-15T08:00:00Z", "NEEDS-ACTION", true),
                                                todo(21, "summer to Anne", "Event: E", "2026-07-01T07:00:00Z", "NEEDS-ACTION", true),
                                                todo(22, "no due to Anne", "Event: E", nullptr, "NEEDS-ACTION", false)}));
}

TEST_CASE("done items are completed and remind no one", "[exports]") {
    CopenhagenTime copenhagen;
    std::vector<OwedItem> items = plain_items();
    items[0].done = true;
    const std::string ics = render_ics(items, kStamp, Language::English);
    check_with_icalendar(
        ics, nlohmann::json::array(
                 {todo(1, "Send my CV to Mette Østergaard",
                       "Event: Copenhagen Tech Meetup\nMette Østergaard <mette@example.dk>", "2026-11-25T08:00:00Z",
                       "COMPLETED", false),
                  todo(2, "Remind Søren Bæk: the report", "Event: Copenhagen Tech Meetup", "2026-11-27T13:30:00Z",
                       "NEEDS-ACTION", true)}));
    CHECK(count(ics, "BEGIN:VALARM") == 1);
    CHECK(render_ics({}, kStamp, Language::English).find("BEGIN:VTODO") == std::string::npos);
}

TEST_CASE("the CSV reads back cell for cell and no cell runs as a formula", "[exports]") {
    std::vector<OwedItem> items = {
        {1, "Mette Østergaard", "mette@example.dk", true, "Send my CV", "2026-11-25T09:00", false, "Tech; \"Meetup\""},
        {2, "=1+1", "@SUM(A1:A2)", false, "+45 12 34 56 78", "-2", true, "=HYPERLINK(\"http://x\")"},
        {3, "Ærlig \"Åse\", Ødegård", "", true, "line one\nline two, with \"quotes\"\r\nthree", "", false, "\tTab"},
    };
    const std::string csv = render_csv(items, Language::English);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("Promise,Due,Status,Event\r\n") != std::string::npos);

    const auto rows = parse_csv_with_python(csv);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"Person", "Email", "Who", "Promise", "Due", "Status", "Event"});
    CHECK(rows[1] == std::vector<std::string>{"Mette Østergaard", "mette@example.dk", "I promised", "Send my CV",
                                              "2026-11-25 09:00", "Open", "Tech; \"Meetup\""});
    CHECK(rows[2] == std::vector<std::string>{"'=1+1", "'@SUM(A1:A2)", "Promised to me", "'+45 12 34 56 78", "'-2",
                                              "Done", "'=HYPERLINK(\"http://x\")"});
    CHECK(rows[3] == std::vector<std::string>{"Ærlig \"Åse\", Ødegård", "", "I promised",
                                              "line one\nline two, with \"quotes\"\r\nthree", "", "Open", "'\tTab"});

    const auto danish = parse_csv_with_python(render_csv(items, Language::Danish));
    REQUIRE(danish.size() == 4);
    CHECK(danish[0] == std::vector<std::string>{"Person", "E-mail", "Hvem", "Løfte", "Frist", "Status", "Arrangement"});
    CHECK(danish[1][2] == "Jeg lovede");
    CHECK(danish[2][2] == "Lovet mig");
    CHECK(danish[2][5] == "Klaret");
    CHECK(danish[1][5] == "Åben");
}

TEST_CASE("an export is written privately and replaces the old one", "[exports]") {
    TempDir dir;
    const auto path = dir / "exports" / "owed.ics";
    std::filesystem::create_directories(path.parent_path());
    write_file(path, "old");
    ::chmod(path.c_str(), 0644);
    write_file(path.string() + ".tmp", "stale");
    ::chmod((path.string() + ".tmp").c_str(), 0644);

    const Status written = write_export(path, "BEGIN:VCALENDAR\r\n");
    INFO((written ? std::string() : written.error().describe()));
    REQUIRE(written.ok());
    CHECK(read_file(path) == "BEGIN:VCALENDAR\r\n");
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));


    write_file(dir / "a-file", "");
    const Status nowhere = write_export(dir / "a-file" / "owed.ics", "x");
    REQUIRE_FALSE(nowhere.ok());
    CHECK(nowhere.error().file == (dir / "a-file" / "owed.ics").string());
}
