#!/usr/bin/env python3
"""Write the import test files that are awkward to write by hand.

Usage: python3 tests/data/import/make_corpus.py   (writes next to this script)

Encodings other than UTF-8 (UTF-16 with and without a BOM, Windows-1252), exact line endings
(CRLF, lone CR), wide contact exports, and broken files: empty, only a BOM, binary junk, zip/xlsx
and PDF signatures, a NUL byte, and a UTF-8 file with a Windows-1252 byte past the 64 KiB
detection sample. The output is deterministic; the files are committed, so the tests do not run
this script.
"""
import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def csv_text(rows, delimiter=",", newline="\r\n", quote_all=False):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


def danish_semicolon_cp1252():
    # Danish Excel's "CSV (semikolonsepareret)": Windows-1252, ';', CRLF, decimal commas,
    # and the 0x80-0x9F characters (€ “ ” – …) that Latin-1 lacks.
    rows = [
        ["Fornavn", "Efternavn", "E-mail", "Virksomhed", "Stilling", "Billettype", "Pris"],
        ["Søren", "Østergaard", "soren@oersted.dk", "Ørsted", "Salgschef", "Standard", "1.250,00 €"],
        ["Åse", "Bæk", "ase@baek.dk", "Bæk & Co; Rådgivning", "“Chef” – strategi", "VIP", "0,00 €"],
        ["Jørgen", "Ærtebjerg", "jorgen@example.dk", "Københavns Kommune", "Konsulent…", "Early bird", ""],
    ]
    write("danish_semicolon_cp1252.csv", csv_text(rows, delimiter=";").encode("cp1252"))


def excel_unicode_text():
    # Excel's "Unicode text": UTF-16LE with a BOM, tab-delimited, CRLF; an emoji needs a surrogate pair.
    rows = [
        ["Fornavn", "Efternavn", "E-mail", "Firma", "Note"],
        ["Mette", "Jensen", "mette@vestas.dk", "Vestas", 'Hej, "verden"'],
        ["Søren", "Østergaard", "soren@oersted.dk", "Ørsted", "Glad 😀 mand"],
    ]
    write("excel_unicode_text_utf16le.txt", b"\xff\xfe" + csv_text(rows, delimiter="\t").encode("utf-16-le"))


def utf16_variants():
    text = "Navn,E-mail,Firma\nMette Jensen,mette@vestas.dk,Vestas\nSøren Østergaard,soren@oersted.dk,Ørsted\n"
    write("utf16le_no_bom.csv", text.encode("utf-16-le"))
    write("utf16be_no_bom.csv", text.encode("utf-16-be"))
    write("utf16be_bom.csv", b"\xfe\xff" + text.encode("utf-16-be"))


def utf8_bom():
    text = "Navn;E-mail;Virksomhed\r\nSøren Østergaard;soren@oersted.dk;Ørsted\r\nÅse Bæk;ase@baek.dk;Bæk & Co\r\n"
    write("utf8_bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))


def line_endings():
    # CRLF between records and inside a quoted field, a blank CRLF line, then a record.
    write("crlf_quoted.csv", ("Name,Note,Company\r\n"
                              "Mette Jensen,\"line one\r\nline two\",Vestas\r\n"
                              "\r\n"
                              "Søren Hansen,plain,LEGO\r\n").encode("utf-8"))
    # Classic Mac OS: a lone CR ends each line.
    write("lone_cr.csv", "Name,Company\rMette Jensen,Vestas\rSøren Hansen,LEGO\r".encode("utf-8"))


def google_contacts():
    old_header = ["Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi",
                  "Additional Name Yomi", "Family Name Yomi", "Name Prefix", "Name Suffix", "Initials",
                  "Nickname", "Short Name", "Maiden Name", "Birthday", "Gender", "Location",
                  "Billing Information", "Directory Server", "Mileage", "Occupation", "Hobby", "Sensitivity",
                  "Priority", "Subject", "Notes", "Language", "Photo", "Group Membership", "E-mail 1 - Type",
                  "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value", "Phone 1 - Type", "Phone 1 - Value",
                  "Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Yomi Name",
                  "Organization 1 - Title", "Organization 1 - Department", "Website 1 - Type", "Website 1 - Value"]

    def old_row(values):
        row = [""] * len(old_header)
        for key, value in values.items():
            row[old_header.index(key)] = value
        return row

    rows = [old_header,
            old_row({"Name": "Mette Jensen", "Given Name": "Mette", "Family Name": "Jensen",
                     "Group Membership": "* myContacts", "E-mail 1 - Type": "* Work",
                     "E-mail 1 - Value": "mette@vestas.dk", "E-mail 2 - Type": "Home",
                     "E-mail 2 - Value": "mette@gmail.com", "Phone 1 - Type": "Mobile",
                     "Phone 1 - Value": "+45 20 30 40 50", "Organization 1 - Name": "Vestas",
                     "Organization 1 - Title": "Projektleder", "Website 1 - Value": "https://vestas.com"}),
            old_row({"Name": "Jan van der Berg", "Given Name": "Jan", "Family Name": "van der Berg",
                     "E-mail 1 - Value": "jan@example.nl", "Organization 1 - Name": "Acme, Inc.",
                     "Notes": "Mødt i Aarhus,\nvil gerne høre mere"})]
    write("google_contacts_old.csv", csv_text(rows).encode("utf-8"))

    new_header = ["First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
                  "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
                  "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
                  "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label",
                  "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Website 1 - Label",
                  "Website 1 - Value"]

    def new_row(values):
        row = [""] * len(new_header)
        for key, value in values.items():
            row[new_header.index(key)] = value
        return row

    rows = [new_header,
            new_row({"First Name": "Åse", "Middle Name": "Marie", "Last Name": "Bæk",
                     "Organization Name": "Trifork", "Organization Title": "CTO", "Labels": "* myContacts",
                     "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "ase@trifork.com",
                     "E-mail 2 - Label": "Home", "E-mail 2 - Value": "ase@baek.dk",
                     "Phone 1 - Label": "Mobile", "Phone 1 - Value": "+45 11 22 33 44"})]
    write("google_contacts_new.csv", csv_text(rows).encode("utf-8"))


def outlook_contacts():
    # Outlook quotes every value; its "Title" is Mr./Ms., the job title is "Job Title".
    header = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
              "Job Title", "Business Street", "Business City", "Business Postal Code",
              "Business Country/Region", "Business Fax", "Business Phone", "Home Phone", "Mobile Phone",
              "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "Notes", "Web Page"]
    rows = [header,
            ["Hr.", "Jørgen", "", "Kjær", "", "DSV", "Logistik", "Direktør", "Hovedgaden 1", "Hedehusene",
             "2640", "Danmark", "+45 43 20 30 01", "+45 43 20 30 00", "", "+45 20 20 20 20",
             "jorgen@dsv.com", "SMTP", "Jørgen Kjær (jorgen@dsv.com)", "jorgen@kjaer.dk", "", "https://dsv.com"]]
    write("outlook_contacts.csv", csv_text(rows, quote_all=True).encode("utf-8"))


def empty_and_blank():
    write("empty.csv", b"")
    write("only_bom.csv", b"\xef\xbb\xbf")
    write("whitespace_only.txt", b"  \r\n\t\r\n   \n")


def binary_files():
    rng = random.Random(6)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    write("binary_junk.bin", junk)
    # Control characters but no NUL: the kind of file a wrong "Save as" produces.
    controls = bytes([0x01, 0x02, 0x1b, 0x07, 0x08, 0x0e, 0x1f, 0x10])
    lines = []
    for i in range(40):
        lines.append(b"rec" + str(i).encode() + bytes([controls[i % len(controls)]]) * 3 + b"data\n")
    write("control_chars.txt", b"".join(lines))
    # Signatures only; what follows does not matter to detection.
    write("workbook.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml" + bytes(64))
    write("participants.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    # A NUL byte on line 3 of an otherwise good CSV.
    write("nul_in_text.csv", b"Name,Company\nMette Jensen,Vestas\nS\x00ren Hansen,LEGO\n")


def invalid_utf8_after_sample():
    # UTF-8 throughout the first 64 KiB, so detection says UTF-8; line 1401 then has a
    # Windows-1252 "ø" (0xF8), which reading must report with its line.
    lines = ["Navn,E-mail,Firma"]
    for i in range(2, 1401):
        lines.append(f"Søren Østergaard {i},soren{i}@oersted.dk,Ørsted A/S")
    head = ("\n".join(lines) + "\n").encode("utf-8")
    assert len(head) > 65536
    bad = "Bjørn Bæk,bjorn@baek.dk,Bæk ApS\n".encode("cp1252")
    write("invalid_utf8_mid_file.csv", head + bad + "Åse Bæk,ase@baek.dk,Trifork\n".encode("utf-8"))


def main():
    danish_semicolon_cp1252()
    excel_unicode_text()
    utf16_variants()
    utf8_bom()
    line_endings()
    google_contacts()
    outlook_contacts()
    empty_and_blank()
    binary_files()
    invalid_utf8_after_sample()


if __name__ == "__main__":
    main()
