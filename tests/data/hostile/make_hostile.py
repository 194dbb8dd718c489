#!/usr/bin/env python3
"""Writes the hostile and broken participant files next to this script (run it to regenerate).

Each is something a real file can be: cut off, in the wrong encoding, binary, absurdly wide or
long, or with names built to break SQL, HTML, spreadsheets or the terminal. tests/test_hostile.cpp
imports every one: a clear message and nothing changed, or the text stored exactly as written.
"""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


HEADER = "First Name,Last Name,Email,Company\r\n"
write("truncated_in_quote.csv", HEADER + 'Mette,Jensen,mette@x.dk,"Vestas A/S\r\nSøren,Bæk,soren@y.dk,"Ørs')
write("truncated_in_utf8.csv", (HEADER + "Mette,Jensen,mette@x.dk,Ørsted\r\nSøren,B").encode("utf-8") + "æ".encode("utf-8")[:1])
write("cp1252_with_utf8_bom.csv", b"\xef\xbb\xbf" + (HEADER + "S\xf8ren,B\xe6k,soren@y.dk,\xd8rsted\r\n").encode("latin-1"))
write("nul_bytes.csv", (HEADER + "Mette,Jen\x00sen,mette@x.dk,Vestas\r\n").encode("utf-8") + b"\x00" * 64)
write("one_megabyte_field.csv", HEADER + "Mette,Jensen,mette@x.dk," + "A" * 1024 * 1024 + "\r\n")
write("hundred_thousand_columns.csv", ",".join(["First Name", "Last Name"] + ["c%d" % i for i in range(100000)]) + "\r\nMette,Jensen\r\n")
write("only_a_header.csv", HEADER)
write("utf16le_without_bom.csv", (HEADER + "Mette,Jensen,mette@x.dk,Vestas\r\n").encode("utf-16-le"))
write("vcard_without_end.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mette Jensen\r\nEMAIL:mette@x.dk\r\n")
write("vcard_begin_only.vcf", "BEGIN:VCARD\r\n")
write("vcard_folded_forever.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mette" + "\r\n x" * 10000 + "\r\nEND:VCARD\r\n")
write("vcard_broken_quoted_printable.vcf",
      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:S=C3=B8ren=ZZ=\r\nEND:VCARD\r\n")
write("sql_looking_names.csv", HEADER + "Robert'); DROP TABLE person;--,Tables,bobby@x.dk,\"'; DELETE FROM event; --\"\r\n"
      "\"x\"\" OR 1=1 --\",Smith,smith@x.dk,Acme\r\n")
write("html_in_names.csv", HEADER + "<script>alert(1)</script>,Jensen,html@x.dk,\"<img src=x onerror=alert(1)>\"\r\n"
      "\"<b>Søren</b>\",&amp;Bæk,amp@x.dk,&lt;Ørsted&gt;\r\n")
write("formula_names.csv", HEADER + "=HYPERLINK(\"http://evil\"),+45 1234,@SUM(A1),-2+3\r\n")
write("bidi_and_zero_width.csv", HEADER + "\u202emoc.live\u202c,\u200b\u200d,bidi@x.dk,Ve\u00adstas\r\n")
write("emoji_names.csv", HEADER + "🦄 Mette,Jensen 🇩🇰,emoji@x.dk,☕ Café\r\n")
write("json_instead_of_csv.csv", '{"attendees": [{"name": "Mette"}]}\n')
write("xml_instead_of_csv.csv", '<?xml version="1.0"?><attendees><a name="Mette"/></attendees>\n')
write("gzip_bytes.csv", gzip.compress((HEADER + "Mette,Jensen,mette@x.dk,Vestas\r\n").encode("utf-8")))
write("one_long_line_without_newline.txt", "Mette Jensen, Vestas; " * 100000)
write("hundred_thousand_blank_lines.csv", HEADER + "\r\n" * 100000 + "Mette,Jensen,mette@x.dk,Vestas\r\n")
write("only_separators.csv", ",,,,\r\n,,,,\r\n;;;;\r\n")
write("duplicate_headers.csv", "Email,Email,Name,Name\r\na@x.dk,b@x.dk,Mette Jensen,Søren Bæk\r\n")
write("deeply_doubled_quotes.csv", HEADER + '"' + '""' * 50000 + '",Jensen,q@x.dk,Vestas\r\n')
write("ten_thousand_char_email.csv", HEADER + "Mette,Jensen," + "m" * 10000 + "@x.dk,Vestas\r\n")
write("bom_then_binary.csv", b"\xef\xbb\xbf" + bytes(range(256)) * 8)
write("mixed_line_ends.csv", HEADER + "Mette,Jensen,mette@x.dk,Vestas\rSøren,Bæk,soren@y.dk,Ørsted\nIda,Holm,ida@z.dk,DTU\r\n")
write("unbalanced_quote_in_header.csv", 'First Name,"Last Name,Email\r\nMette,Jensen,mette@x.dk\r\n')
write("text_list_punctuation_only.txt", "---\r\n***\r\n• • •\r\n…\r\n")
write("control_characters_in_names.csv", HEADER + "Me\x07tte,Jen\x1bsen[31m,ctl@x.dk,Ves\x08tas\r\n")
