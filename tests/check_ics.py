#!/usr/bin/python3
"""Checks a calendar file from mingle with an independent parser (Debian's python3-icalendar).

Usage: check_ics.py CALENDAR.ics EXPECTED.json

EXPECTED.json is a list with one object per VTODO, in file order:
  {"uid": "...", "summary": "...", "description": "..." or null, "due": "2026-12-01T08:00:00Z" or null,
   "status": "NEEDS-ACTION" or "COMPLETED", "alarm": true or false}
Also checked: CRLF line ends, physical lines of at most 75 octets that are each valid UTF-8 (so a
fold never splits a character), VERSION:2.0 and a PRODID, and an alarm that fires at the due time.

Exit status: 0 all as expected; 1 a mismatch (said on stderr); 2 wrong usage; 77 icalendar missing.
"""
import json
import sys

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed; run scripts/install-deps.sh", file=sys.stderr)
    sys.exit(77)

from datetime import datetime, timezone


def utc_text(value):
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError("%r is not a date-time with a time zone" % (value,))
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_lines(data, problems):
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d has a bare CR or LF: %r" % (number, line))
        if len(line) > 75:
            problems.append("line %d is %d octets long (at most 75): %r" % (number, len(line), line))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append("line %d is not valid UTF-8 on its own (a fold split a character?): %s" % (number, error))


def check_todo(index, todo, expected, problems):
    def mismatch(what, actual, wanted):
        problems.append("todo %d (%s): %s is %r, expected %r" % (index, expected.get("uid"), what, actual, wanted))

    def text(name):
        value = todo.get(name)
        return None if value is None else str(value)

    for name in ("uid", "summary", "description", "status"):
        if text(name) != expected.get(name):
            mismatch(name.upper(), text(name), expected.get(name))
    if todo.get("dtstamp") is None:
        mismatch("DTSTAMP", None, "a time stamp")

    due = todo.get("due")
    try:
        due_text = None if due is None else utc_text(due.dt)
    except ValueError as error:
        due_text = str(error)
    if due_text != expected.get("due"):
        mismatch("DUE", due_text, expected.get("due"))

    alarms = todo.walk("VALARM")
    if bool(alarms) != expected["alarm"]:
        mismatch("the number of alarms", len(alarms), 1 if expected["alarm"] else 0)
    for alarm in alarms:
        if str(alarm.get("action")) != "DISPLAY":
            mismatch("ACTION of the alarm", str(alarm.get("action")), "DISPLAY")
        if alarm.get("description") is None:
            mismatch("DESCRIPTION of the alarm", None, "some text")
        trigger = alarm.get("trigger")
        if trigger is None:
            mismatch("TRIGGER of the alarm", None, "the due time")
        elif isinstance(trigger.dt, datetime):
            try:
                at = utc_text(trigger.dt)
            except ValueError as error:
                at = str(error)
            if at != due_text:
                mismatch("TRIGGER of the alarm", at, due_text)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], "rb") as file:
        data = file.read()
    with open(argv[2], encoding="utf-8") as file:
        expected = json.load(file)

    problems = []
    check_lines(data, problems)
    try:
        calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    except Exception as error:  # the parser's own complaint is the message
        print("%s does not parse as a calendar: %s" % (argv[1], error), file=sys.stderr)
        return 1
    if str(calendar.get("version")) != "2.0":
        problems.append("VERSION is %r, expected '2.0'" % (str(calendar.get("version")),))
    if not calendar.get("prodid"):
        problems.append("there is no PRODID")

    todos = calendar.walk("VTODO")
    if len(todos) != len(expected):
        problems.append("%d VTODOs, expected %d (uids: %s)" % (len(todos), len(expected),
                                                              [str(t.get("uid")) for t in todos]))
    for index, (todo, wanted) in enumerate(zip(todos, expected), start=1):
        check_todo(index, todo, wanted, problems)

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
