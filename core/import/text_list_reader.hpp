// Pasted participant lists: one person per line, as copied from a web page or a PDF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/import/source.hpp"
#include "core/import/text_stream.hpp"
#include "core/result.hpp"

namespace mingle::import {

// The fixed columns of a text list, in row order.
inline constexpr std::string_view kTextListColumns[] = {"Name", "Title", "Company", "E-mail", "Phone", "Other"};

std::vector<std::string> text_list_columns();

struct PersonLine {
    std::string name;
    std::string title;
    std::string company;
    std::string email;
    std::string phone;
    std::string other;  // parts that fit nowhere; for a line that is no person, the whole line
};

// Reads one line such as "Mette Jensen, Projektleder, Vestas", "1. Mette Jensen – CEO – Vestas A/S",
// "Mette Jensen (Vestas)", "Mette Jensen, Projektleder hos Vestas", "Mette Jensen <mette@vestas.dk>"
// or "Jensen, Mette". A line that is not a person ("Deltagerliste", "Side 2 af 5") gets an empty
// name and the line in `other`. A name needs two name-like words, unless there is an e-mail.
PersonLine parse_person_line(std::string_view line);

// Streams one row per non-blank line, with one cell per column of kTextListColumns.
Result<ReadStats> read_text_list(TextStream& text, const RowCallback& on_row, const std::string& file_name);

}  // namespace mingle::import
