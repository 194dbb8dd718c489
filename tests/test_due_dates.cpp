// Due dates typed at a reception, in Danish and English, against a fixed "now".
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "core/due_dates.hpp"

using namespace mingle;

namespace {

constexpr int kMorning = 9;
// Monday 23 November 2026, half past nine in the evening: a reception.
constexpr LocalDateTime kMondayEvening{2026, 11, 23, 21, 30};

std::string due(std::string_view typed, const LocalDateTime& now = kMondayEvening) {
    auto parsed = parse_due(typed, now, kMorning);
    return parsed ? format_due(*parsed) : "not a date";
}

}  // namespace

TEST_CASE("format_due writes local ISO time to the minute", "[due_dates]") {
    CHECK(format_due({2026, 12, 1, 9, 0}) == "2026-12-01T09:00");
    CHECK(format_due({2027, 1, 9, 23, 59}) == "2027-01-09T23:59");
}

TEST_CASE("today, tomorrow and the day after, in Danish and English, any case", "[due_dates]") {
    for (auto typed : {"i dag", "idag", "today", "I DAG", "Today"}) CHECK(due(typed) == "2026-11-23T22:00");
    // Today before five: by the end of the working day; late at night: before midnight.
    CHECK(due("i dag", {2026, 11, 23, 10, 15}) == "2026-11-23T17:00");
    CHECK(due("today", {2026, 11, 23, 17, 0}) == "2026-11-23T18:00");
    CHECK(due("idag", {2026, 11, 23, 23, 40}) == "2026-11-23T23:59");
    for (auto typed : {"i morgen", "imorgen", "tomorrow", "I Morgen", "TOMORROW"}) CHECK(due(typed) == "2026-11-24T09:00");
    for (auto typed : {"i overmorgen", "overmorgen", "day after tomorrow", "the day after tomorrow"})
        CHECK(due(typed) == "2026-11-25T09:00");
    CHECK(due("  i   morgen.  ") == "2026-11-24T09:00");
}

TEST_CASE("a weekday is the next such day strictly after today", "[due_dates]") {
    const char* const kDanish[] = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    const char* const kDanishShort[] = {"man", "tirs", "ons", "tors", "fre", "lør", "søn"};
    const char* const kEnglish[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    const char* const kEnglishShort[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const char* const kExpected[] = {"2026-11-30T09:00", "2026-11-24T09:00", "2026-11-25T09:00", "2026-11-26T09:00",
                                     "2026-11-27T09:00", "2026-11-28T09:00", "2026-11-29T09:00"};
    for (int i = 0; i < 7; ++i) {
        INFO(kDanish[i]);
        CHECK(due(kDanish[i]) == kExpected[i]);  // today is Monday: "mandag" is next week's
        CHECK(due(kDanishShort[i]) == kExpected[i]);
        CHECK(due(kEnglish[i]) == kExpected[i]);
        CHECK(due(kEnglishShort[i]) == kExpected[i]);
    }
    for (auto typed : {"på fredag", "PÅ FREDAG", "Fredag", "fre.", "on friday", "On Friday", "by friday", "pa fredag"})
        CHECK(due(typed) == "2026-11-27T09:00");
    CHECK(due("LØRDAG") == "2026-11-28T09:00");
    CHECK(due("lordag") == "2026-11-28T09:00");  // typed without ø
    // On a Friday, "fredag" is a week later; across a month end.
    CHECK(due("fredag", {2026, 11, 27, 20, 0}) == "2026-12-04T09:00");
    CHECK(due("friday", {2026, 11, 27, 8, 0}) == "2026-12-04T09:00");
    CHECK(due("tirsdag", {2026, 12, 30, 20, 0}) == "2027-01-05T09:00");
}

TEST_CASE("next week and in a number of days, weeks or months", "[due_dates]") {
    for (auto typed : {"næste uge", "Næste Uge", "naeste uge", "next week"}) CHECK(due(typed) == "2026-11-30T09:00");
    CHECK(due("næste uge", {2026, 11, 29, 20, 0}) == "2026-11-30T09:00");  // Sunday: next week begins tomorrow
    for (auto typed : {"om 3 dage", "in 3 days", "om tre dage", "in three days"}) CHECK(due(typed) == "2026-11-26T09:00");
    for (auto typed : {"om en uge", "in a week", "om 1 uge", "in one week"}) CHECK(due(typed) == "2026-11-30T09:00");
    CHECK(due("om 2 uger") == "2026-12-07T09:00");
    CHECK(due("in 2 weeks") == "2026-12-07T09:00");
    CHECK(due("om en dag") == "2026-11-24T09:00");
    CHECK(due("om 14 dage") == "2026-12-07T09:00");
    CHECK(due("om en måned") == "2026-12-23T09:00");
    CHECK(due("in a month") == "2026-12-23T09:00");
    // A month after the 31st is the month's last day, leap years included.
    CHECK(due("in a month", {2027, 1, 31, 20, 0}) == "2027-02-28T09:00");
    CHECK(due("om en måned", {2028, 1, 31, 20, 0}) == "2028-02-29T09:00");
    CHECK(due("om 0 dage") == "not a date");
    CHECK(due("om dage") == "not a date");
}

TEST_CASE("calendar dates: ISO and Danish day first, with or without the year", "[due_dates]") {
    for (auto typed : {"2026-12-01", "1.12.2026", "01.12.2026", "1/12-2026", "1/12/2026", "1-12-2026", "1.12.26", "1.12",
                       "1/12", "1.12.", "d. 1.12", "den 1.12"})
        CHECK(due(typed) == "2026-12-01T09:00");
    CHECK(due("23.11") == "2026-11-23T09:00");  // today is not past
    CHECK(due("22.11") == "2027-11-22T09:00");  // yesterday's date: next year
    CHECK(due("1.1") == "2027-01-01T09:00");
    CHECK(due("29.2.2028") == "2028-02-29T09:00");
    CHECK(due("29.2") == "not a date");  // neither 2026 nor 2027 has one
    CHECK(due("29.2", {2027, 3, 1, 12, 0}) == "2028-02-29T09:00");
    for (auto typed : {"31.02.2026", "29.2.2027", "2026-02-29", "2026-13-01", "32.1", "0.1", "31.4", "1.12.226",
                       "10-12", "2.0", "1.12.2026.5", "2026-12"})
        CHECK(due(typed) == "not a date");
}

TEST_CASE("a time of day after or before the day", "[due_dates]") {
    CHECK(due("fredag kl 10") == "2026-11-27T10:00");
    CHECK(due("fredag kl. 14:30") == "2026-11-27T14:30");
    CHECK(due("fredag kl 14.30") == "2026-11-27T14:30");
    CHECK(due("fredag klokken 8") == "2026-11-27T08:00");
    CHECK(due("friday at 10") == "2026-11-27T10:00");
    CHECK(due("on friday at 10:15") == "2026-11-27T10:15");
    CHECK(due("i morgen 10:00") == "2026-11-24T10:00");
    CHECK(due("kl 10 i morgen") == "2026-11-24T10:00");
    CHECK(due("tomorrow 10am") == "2026-11-24T10:00");
    CHECK(due("tomorrow at 2pm") == "2026-11-24T14:00");
    CHECK(due("tomorrow 2:30pm") == "2026-11-24T14:30");
    CHECK(due("tomorrow at 2 pm") == "2026-11-24T14:00");
    CHECK(due("tomorrow 12am") == "2026-11-24T00:00");
    CHECK(due("tomorrow 12pm") == "2026-11-24T12:00");
    CHECK(due("i dag kl 23") == "2026-11-23T23:00");
    CHECK(due("2026-12-01 kl 10") == "2026-12-01T10:00");
    CHECK(due("1.12 kl. 9:45") == "2026-12-01T09:45");
    // A time alone: today while it is ahead, else tomorrow.
    CHECK(due("kl 22") == "2026-11-23T22:00");
    CHECK(due("kl 10") == "2026-11-24T10:00");
    CHECK(due("at 9pm") == "2026-11-24T21:00");
    for (auto typed : {"fredag kl 25", "fredag 25:00", "fredag 10:7", "fredag 10", "fredag 13pm", "fredag kl", "i morgen at"})
        CHECK(due(typed) == "not a date");
}

TEST_CASE("what is not a due date", "[due_dates]") {
    for (auto typed : {"", "   ", "i", "morgen", "dag", "næste", "uge", "10", "hello", "fredagsbar", "introduce Lars",
                       "om fredagsbar", "i fredags", "next", "on", "på", "the day after", "mandag tirsdag"})
        CHECK(due(typed) == "not a date");
}

TEST_CASE("months and years roll over", "[due_dates]") {
    CHECK(due("i morgen", {2026, 11, 30, 21, 0}) == "2026-12-01T09:00");
    CHECK(due("i overmorgen", {2026, 12, 31, 21, 0}) == "2027-01-02T09:00");
    CHECK(due("om 3 dage", {2026, 12, 30, 21, 0}) == "2027-01-02T09:00");
    CHECK(due("tomorrow", {2028, 2, 28, 21, 0}) == "2028-02-29T09:00");
    CHECK(due("tomorrow", {2027, 2, 28, 21, 0}) == "2027-03-01T09:00");
    CHECK(due("næste uge", {2026, 12, 31, 21, 0}) == "2027-01-04T09:00");
}

TEST_CASE("the next morning after a reception", "[due_dates]") {
    CHECK(format_due(next_morning(kMondayEvening, 9)) == "2026-11-24T09:00");
    CHECK(format_due(next_morning(kMondayEvening, 8)) == "2026-11-24T08:00");
    // After midnight the night still belongs to the evening: the next morning is today's.
    CHECK(format_due(next_morning({2026, 11, 24, 1, 30}, 9)) == "2026-11-24T09:00");
    CHECK(format_due(next_morning({2026, 11, 24, 10, 0}, 9)) == "2026-11-25T09:00");
    CHECK(format_due(next_morning({2026, 12, 31, 22, 0}, 9)) == "2027-01-01T09:00");
    CHECK(format_due(next_morning({2028, 2, 28, 22, 0}, 9)) == "2028-02-29T09:00");
}

TEST_CASE("a trailing due date is split off a capture", "[due_dates]") {
    auto split = [](std::string_view capture) { return split_trailing_due(capture, kMondayEvening, kMorning); };
    struct Case {
        const char* capture;
        const char* text;
        const char* due;
    };
    const Case kCases[] = {
        {"send CV til Lars fredag", "send CV til Lars", "2026-11-27T09:00"},
        {"send CV til Lars i morgen", "send CV til Lars", "2026-11-24T09:00"},
        {"Introducér Anne for Søren næste uge", "Introducér Anne for Søren", "2026-11-30T09:00"},
        {"ring Mette på fredag kl 10", "ring Mette", "2026-11-27T10:00"},
        {"send the deck by friday at 2pm", "send the deck", "2026-11-27T14:00"},
        {"introduce Anne to Søren next week", "introduce Anne to Søren", "2026-11-30T09:00"},
        {"send artiklen om 3 dage", "send artiklen", "2026-11-26T09:00"},
        {"send the report the day after tomorrow", "send the report", "2026-11-25T09:00"},
        {"send slides 1.12", "send slides", "2026-12-01T09:00"},
        {"send CV til Lars, fredag", "send CV til Lars", "2026-11-27T09:00"},
        {"ring Anne – i morgen kl. 9:30", "ring Anne", "2026-11-24T09:30"},
        {"send CV fre", "send CV", "2026-11-27T09:00"},
        {"ring til min søn på søn", "ring til min søn", "2026-11-29T09:00"},
        {"call the man on mon at 10", "call the man", "2026-11-30T10:00"},
        {"i morgen", "", "2026-11-24T09:00"},
        {"  fredag kl 10 ", "", "2026-11-27T10:00"},
        {"Tomorrow", "", "2026-11-24T09:00"},
    };
    for (const Case& c : kCases) {
        INFO(c.capture);
        TextAndDue result = split(c.capture);
        CHECK(result.text == c.text);
        REQUIRE(result.due);
        CHECK(format_due(*result.due) == c.due);
    }
}

TEST_CASE("a capture without a trailing due date keeps its text", "[due_dates]") {
    for (auto capture : {"introduce Lars", "send rapport om fredagsbar", "ring til min søn", "call the man", "enjoy the sun",
                         "tag fri", "read chapter 10", "send version 2.0", "møde 10-12", "i morgen skal jeg ringe til Lars",
                         "send  CV  til Lars ", ""}) {
        INFO(capture);
        TextAndDue result = split_trailing_due(capture, kMondayEvening, kMorning);
        CHECK(result.text == capture);
        CHECK_FALSE(result.due);
    }
}

TEST_CASE("local_now reads a plausible local time", "[due_dates]") {
    LocalDateTime now = local_now();
    CHECK(now.year >= 2024);
    CHECK(now.month >= 1);
    CHECK(now.month <= 12);
    CHECK(now.day >= 1);
    CHECK(now.day <= 31);
    CHECK(now.hour >= 0);
    CHECK(now.hour <= 23);
    CHECK(now.minute >= 0);
    CHECK(now.minute <= 59);
    CHECK(parse_due("i morgen", now, kMorning));
}
