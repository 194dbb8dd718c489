#!/usr/bin/python3
"""Checks an .eml file written by mingle with Python's own e-mail parser (standard library).

Usage: check_eml.py MESSAGE.eml EXPECTED.json

EXPECTED.json, every key optional:
  {"from": {"name": "...", "email": "..."},
   "to": [{"name": "...", "email": "..."}, ...],   # [] means: no To header
   "subject": "...",
   "body": "...",                                   # the text, \\n line ends
   "attachments": [{"filename": "...", "content_type": "...", "hex": "..." | "path": "..."}],
   "x_unsent": "1",
   "headers": ["Date", "From", ...]}                # exactly these top-level headers, any order

Always checked: CRLF line ends only, no line over 998 characters, header lines of ASCII, no parser
defects, Date, Message-ID and MIME-Version: 1.0 present. Exits 1 with a message on a mismatch.
"""

import email
import email.policy
import json
import re
import sys


def fail(message):
    print("check_eml: " + message, file=sys.stderr)
    sys.exit(1)


def check_equal(what, got, expected):
    if got != expected:
        fail("%s: got %r, expected %r" % (what, got, expected))


def check_raw(data):
    if b"\n" in data.replace(b"\r\n", b"") or b"\r" in data.replace(b"\r\n", b""):
        fail("a line does not end in CRLF")
    lines = data.split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if len(line) > 998:
            fail("line %d is %d characters long (at most 998)" % (number, len(line)))
    in_headers = True
    for number, line in enumerate(lines, 1):
        if line == b"":
            in_headers = False
        if in_headers and any(byte > 0x7E or (byte < 0x20 and byte != 0x09) for byte in line):
            fail("header line %d has a byte that is not printable ASCII: %r" % (number, line))


def check_defects(msg):
    for part in msg.walk():
        if part.defects:
            fail("parser defects in a %s part: %r" % (part.get_content_type(), part.defects))
        for name, value in part.items():
            if getattr(value, "defects", None):
                fail("parser defects in header %s: %r" % (name, value.defects))


def check_addresses(what, header, expected):
    if header is None:
        fail("no %s header" % what)
    # Python's address parser keeps the whitespace between two encoded-words of a display name
    # (RFC 2047 6.2 says it does not count), so a name split into encoded-words after a space gets
    # two spaces there; runs of spaces are compared as one.
    def one_space(name):
        return re.sub(r" {2,}", " ", name)
    got = [(one_space(a.display_name), a.addr_spec) for a in header.addresses]
    check_equal(what, got, [(one_space(e.get("name", "")), e["email"]) for e in expected])


def expected_bytes(attachment):
    if "hex" in attachment:
        return bytes.fromhex(attachment["hex"])
    with open(attachment["path"], "rb") as file:
        return file.read()


def main():
    if len(sys.argv) != 3:
        fail("usage: check_eml.py MESSAGE.eml EXPECTED.json")
    with open(sys.argv[1], "rb") as file:
        data = file.read()
    with open(sys.argv[2], encoding="utf-8") as file:
        expected = json.load(file)

    check_raw(data)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    check_defects(msg)

    for name in ("Date", "Message-ID"):
        if msg[name] is None:
            fail("no %s header" % name)
    if msg["Date"].datetime is None:
        fail("the Date header is not a date: %r" % str(msg["Date"]))
    check_equal("MIME-Version", str(msg["MIME-Version"]), "1.0")
    if "headers" in expected:
        check_equal("headers", sorted(msg.keys()), sorted(expected["headers"]))

    if "from" in expected:
        check_addresses("From", msg["From"], [expected["from"]])
    if "to" in expected:
        if expected["to"]:
            check_addresses("To", msg["To"], expected["to"])
        elif msg["To"] is not None:
            fail("a To header where none was expected: %r" % str(msg["To"]))
    if "subject" in expected:
        check_equal("Subject", str(msg["Subject"]), expected["subject"])
    if "x_unsent" in expected:
        check_equal("X-Unsent", str(msg["X-Unsent"]) if msg["X-Unsent"] is not None else None, expected["x_unsent"])

    if "body" in expected:
        body = msg.get_body(("plain",))
        if body is None:
            fail("no text/plain body")
        check_equal("body charset", body.get_content_charset(), "utf-8")
        text = body.get_content().replace("\r\n", "\n")
        check_equal("body", text, expected["body"])

    if "attachments" in expected:
        got = list(msg.iter_attachments())
        check_equal("number of attachments", len(got), len(expected["attachments"]))
        for index, (part, want) in enumerate(zip(got, expected["attachments"])):
            what = "attachment %d" % (index + 1)
            check_equal(what + " filename", part.get_filename(), want["filename"])
            if "content_type" in want:
                check_equal(what + " content type", part.get_content_type(), want["content_type"])
            check_equal(what + " disposition", part.get_content_disposition(), "attachment")
            check_equal(what + " transfer encoding", part["Content-Transfer-Encoding"], "base64")
            payload = part.get_payload(decode=True)
            want_bytes = expected_bytes(want)
            if payload != want_bytes:
                first = next((i for i, (a, b) in enumerate(zip(payload, want_bytes)) if a != b),
                             min(len(payload), len(want_bytes)))
                fail("%s bytes differ: %d bytes, expected %d; first difference at byte %d"
                     % (what, len(payload), len(want_bytes), first))
            raw = part.get_payload(decode=False)
            for line in raw.splitlines():
                if len(line) > 76:
                    fail("%s has a base64 line of %d characters (at most 76)" % (what, len(line)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
