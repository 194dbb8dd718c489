// vCard 2.1, 3.0 and 4.0 files (.vcf) from phones, Outlook, Google and Apple Contacts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/import/source.hpp"
#include "core/import/text_stream.hpp"
#include "core/result.hpp"

namespace mingle::import {

// The fixed columns of a vCard file, in row order; the names are ones header_mapping knows.
inline constexpr std::string_view kVCardColumns[] = {
    "First name", "Last name", "Middle name", "Full name", "Nickname", "Company",
    "Department", "Title",     "Role",        "E-mail",    "E-mail 2", "Phone",
    "Phone 2",    "URL",       "Address",     "Birthday",  "Note",     "Other"};

std::vector<std::string> vcard_columns();

// True if the text, after white space, starts with BEGIN:VCARD.
bool starts_like_vcard(std::string_view text);

// Streams one row per card, with one cell per column of kVCardColumns; the row's line is that of
// its BEGIN:VCARD. Unfolds folded lines, decodes QUOTED-PRINTABLE (with its CHARSET) and escapes.
// Properties without a column of their own go to "Other" as "NAME: value" lines; binary data
// (PHOTO, LOGO, SOUND, KEY) and bookkeeping (VERSION, PRODID, UID, REV) are left out.
Result<ReadStats> read_vcard(TextStream& text, const RowCallback& on_row, const std::string& file_name);

}  // namespace mingle::import
