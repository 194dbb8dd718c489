// Which column means what: synonyms from real exports (Eventbrite, LinkedIn, Luma, Meetup, Google
// Contacts, Outlook, Danish sheets), matched case-, space- and punctuation-insensitively.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mingle::import {

enum class Field {
    Detail,      // kept as a participant detail under the column's name (the default: nothing is thrown away)
    Ignore,      // dropped; only when the user says so
    FirstName,
    LastName,
    FullName,    // split into first and last name when those are not given
    Email,
    Company,
    Title,
    Phone,
    Url,         // profile URL (LinkedIn "URL", Meetup "URL of Member Profile")
    TicketType,
};

inline constexpr Field kAllFields[] = {Field::Detail, Field::Ignore,  Field::FirstName,
                                       Field::LastName, Field::FullName, Field::Email,
                                       Field::Company, Field::Title,    Field::Phone,
                                       Field::Url,     Field::TicketType};

// Stable key used in JSON, the database and the CLI: "detail", "ignore", "first_name", "last_name",
// "full_name", "email", "company", "title", "phone", "url", "ticket_type".
std::string_view field_key(Field field);
std::optional<Field> field_from_key(std::string_view key);

// Header text reduced for matching: lower case, accents kept (æøå matter in Danish), spaces and
// punctuation removed. "E-mail Address" → "emailaddress", "Fulde navn" → "fuldenavn".
std::string normalize_header(std::string_view header);

// The field a header names, or Field::Detail if it names none of them.
Field guess_field(std::string_view header);

// One guess per column. When several columns name the same field, the first one gets it and the
// others stay details (Outlook has "E-mail Address" and "E-mail 2 Address").
std::vector<Field> guess_mapping(const std::vector<std::string>& columns);

// How many columns of a header are recognised (not Detail). Used to find the header row.
std::size_t recognised_columns(const std::vector<std::string>& columns);

struct NameParts {
    std::string first;
    std::string last;
};

// "Mette Marie Jensen" → {"Mette Marie", "Jensen"}; "Jensen, Mette" → {"Mette", "Jensen"};
// "Jan van der Berg" → {"Jan", "van der Berg"}; "Madonna" → {"Madonna", ""}. Trims and collapses spaces.
NameParts split_full_name(std::string_view full_name);

}  // namespace mingle::import
