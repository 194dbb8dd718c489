#include "core/import/header_mapping.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace mingle::import {
namespace {

struct Synonym {
    std::string_view normalized;  // as normalize_header gives it
    Field field;
    bool weak = false;  // yields to a plain synonym of the same field in another column
};

// Headers of real exports, normalized. Sources: Eventbrite attendee report, LinkedIn
// Connections.csv, Luma guest export (snake_case), Meetup attendee export, Google Contacts (old
// and new), Outlook contacts, Danish spreadsheets, and the fixed columns of the vCard and
// text-list readers. Deliberately absent: Eventbrite's "Attendee #" and "Order #" (numbers, not
// names), "Buyer …" columns (the buyer need not be the attendee), fax numbers, and "Role".
constexpr Synonym kSynonyms[] = {
    // first name
    {"firstname", Field::FirstName}, {"first", Field::FirstName}, {"givenname", Field::FirstName},
    {"given", Field::FirstName}, {"forename", Field::FirstName}, {"fname", Field::FirstName},
    {"fornavn", Field::FirstName}, {"fornavne", Field::FirstName}, {"attendeefirstname", Field::FirstName},
    {"participantfirstname", Field::FirstName}, {"contactfirstname", Field::FirstName},
    // last name
    {"lastname", Field::LastName}, {"last", Field::LastName}, {"surname", Field::LastName},
    {"familyname", Field::LastName}, {"family", Field::LastName}, {"lname", Field::LastName},
    {"efternavn", Field::LastName}, {"efternavne", Field::LastName}, {"attendeelastname", Field::LastName},
    {"participantlastname", Field::LastName}, {"contactlastname", Field::LastName},
    // full name
    {"name", Field::FullName}, {"fullname", Field::FullName}, {"navn", Field::FullName},
    {"fuldenavn", Field::FullName}, {"fuldtnavn", Field::FullName}, {"fuldnavn", Field::FullName},
    {"deltager", Field::FullName}, {"deltagernavn", Field::FullName}, {"deltagerensnavn", Field::FullName},
    {"attendeename", Field::FullName}, {"participant", Field::FullName}, {"participantname", Field::FullName},
    {"displayname", Field::FullName}, {"contactname", Field::FullName}, {"guestname", Field::FullName},
    {"membername", Field::FullName},
    // e-mail
    {"email", Field::Email}, {"emailaddress", Field::Email}, {"emailadresse", Field::Email},
    {"emailadr", Field::Email}, {"mail", Field::Email}, {"mailadresse", Field::Email},
    {"mailaddress", Field::Email}, {"email1", Field::Email}, {"email1value", Field::Email},
    {"primaryemail", Field::Email}, {"attendeeemail", Field::Email}, {"participantemail", Field::Email},
    {"contactemail", Field::Email}, {"epost", Field::Email}, {"epostadresse", Field::Email},
    // company
    {"company", Field::Company}, {"companyname", Field::Company}, {"organization", Field::Company},
    {"organisation", Field::Company}, {"organizationname", Field::Company}, {"organisationname", Field::Company},
    {"organization1name", Field::Company}, {"org", Field::Company}, {"employer", Field::Company},
    {"workplace", Field::Company}, {"affiliation", Field::Company}, {"institution", Field::Company},
    {"virksomhed", Field::Company}, {"virksomhedsnavn", Field::Company}, {"firma", Field::Company},
    {"firmanavn", Field::Company}, {"arbejdsplads", Field::Company}, {"arbejdsgiver", Field::Company},
    {"attendeecompany", Field::Company},
    // job title; a bare "Title" is weak because Outlook's "Title" is Mr./Ms. next to "Job Title"
    {"title", Field::Title, true}, {"titel", Field::Title, true}, {"jobtitle", Field::Title},
    {"jobtitel", Field::Title}, {"position", Field::Title}, {"jobposition", Field::Title},
    {"stilling", Field::Title}, {"stillingsbetegnelse", Field::Title}, {"stillingstitel", Field::Title},
    {"organizationtitle", Field::Title}, {"organization1title", Field::Title}, {"occupation", Field::Title},
    {"attendeejobtitle", Field::Title},
    // phone
    {"phone", Field::Phone}, {"phonenumber", Field::Phone}, {"phone1", Field::Phone},
    {"phone1value", Field::Phone}, {"telephone", Field::Phone}, {"telephonenumber", Field::Phone},
    {"tel", Field::Phone}, {"telefon", Field::Phone}, {"telefonnummer", Field::Phone},
    {"telefonnr", Field::Phone}, {"tlf", Field::Phone}, {"tlfnr", Field::Phone}, {"mobil", Field::Phone},
    {"mobilnummer", Field::Phone}, {"mobilnr", Field::Phone}, {"mobiltelefon", Field::Phone},
    {"mobile", Field::Phone}, {"mobilephone", Field::Phone}, {"mobilenumber", Field::Phone},
    {"cell", Field::Phone}, {"cellphone", Field::Phone}, {"businessphone", Field::Phone},
    {"workphone", Field::Phone}, {"homephone", Field::Phone}, {"primaryphone", Field::Phone},
    // profile URL
    {"url", Field::Url}, {"urlofmemberprofile", Field::Url}, {"profileurl", Field::Url},
    {"memberprofile", Field::Url}, {"profile", Field::Url}, {"profil", Field::Url},
    {"linkedin", Field::Url}, {"linkedinurl", Field::Url}, {"linkedinprofile", Field::Url},
    {"linkedinprofileurl", Field::Url}, {"website", Field::Url}, {"website1value", Field::Url},
    {"webpage", Field::Url}, {"web", Field::Url}, {"homepage", Field::Url}, {"hjemmeside", Field::Url},
    // ticket type
    {"tickettype", Field::TicketType}, {"ticket", Field::TicketType}, {"ticketname", Field::TicketType},
    {"tickettypename", Field::TicketType}, {"ticketclass", Field::TicketType},
    {"ticketcategory", Field::TicketType}, {"registrationtype", Field::TicketType},
    {"billettype", Field::TicketType}, {"billet", Field::TicketType}, {"billetnavn", Field::TicketType},
    {"billetkategori", Field::TicketType},
};

const Synonym* find_synonym(std::string_view header) {
    std::string normalized = normalize_header(header);
    for (const Synonym& synonym : kSynonyms)
        if (synonym.normalized == normalized) return &synonym;
    return nullptr;
}

// Spaces, punctuation and symbols that carry no meaning in a header: Latin-1 signs
// (no-break space, soft hyphen, « », ·), general punctuation (dashes, curly quotes, zero-width
// spaces) and the BOM.
bool is_non_ascii_punctuation(char32_t cp) {
    return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
           cp == 0x3000 || cp == 0xFEFF;
}

constexpr std::string_view kNameParticles[] = {"van", "von", "der", "den", "de",  "da",  "di",   "du",
                                               "la",  "le",  "af",  "zu",  "del", "dos", "das", "des",
                                               "ten", "ter", "vom", "zur", "della"};

constexpr std::string_view kNameSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "msc", "esq"};

bool is_name_particle(std::string_view word) {
    std::string lower = text::to_lower(word);
    return std::find(std::begin(kNameParticles), std::end(kNameParticles), lower) != std::end(kNameParticles);
}

bool is_name_suffix(std::string_view word) {
    std::string letters;
    for (char c : text::to_lower(word))
        if (c != '.' && c != ' ') letters.push_back(c);
    return std::find(std::begin(kNameSuffixes), std::end(kNameSuffixes), letters) != std::end(kNameSuffixes);
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    while (!s.empty()) {
        std::size_t space = s.find(' ');
        words.push_back(s.substr(0, space));
        if (space == std::string_view::npos) break;
        s.remove_prefix(space + 1);
    }
    return words;
}

std::string join_words(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (!out.empty()) out.push_back(' ');
        out += words[i];
    }
    return out;
}

// "First Middle Last", with particles before the last word joining the last name.
NameParts split_in_order(std::string_view name) {
    std::vector<std::string_view> words = split_words(name);
    if (words.empty()) return {};
    if (words.size() == 1) return {std::string(words[0]), {}};
    std::size_t last_start = words.size() - 1;
    while (last_start > 1 && is_name_particle(words[last_start - 1])) --last_start;
    return {join_words(words, 0, last_start), join_words(words, last_start, words.size())};
}

}  // namespace

std::string_view field_key(Field field) {
    switch (field) {
        case Field::Detail: return "detail";
        case Field::Ignore: return "ignore";
        case Field::FirstName: return "first_name";
        case Field::LastName: return "last_name";
        case Field::FullName: return "full_name";
        case Field::Email: return "email";
        case Field::Company: return "company";
        case Field::Title: return "title";
        case Field::Phone: return "phone";
        case Field::Url: return "url";
        case Field::TicketType: return "ticket_type";
    }
    return "detail";
}

std::optional<Field> field_from_key(std::string_view key) {
    for (Field field : kAllFields)
        if (field_key(field) == key) return field;
    return std::nullopt;
}

std::string normalize_header(std::string_view header) {
    std::string lower = text::to_lower(header);
    std::string out;
    out.reserve(lower.size());
    for (std::size_t i = 0; i < lower.size();) {
        auto c = static_cast<unsigned char>(lower[i]);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        std::size_t start = i;
        char32_t cp = text::next_code_point(lower, i);
        if (!is_non_ascii_punctuation(cp)) out.append(lower, start, i - start);
    }
    return out;
}

Field guess_field(std::string_view header) {
    const Synonym* synonym = find_synonym(header);
    return synonym != nullptr ? synonym->field : Field::Detail;
}

std::vector<Field> guess_mapping(const std::vector<std::string>& columns) {
    std::vector<const Synonym*> synonyms;
    synonyms.reserve(columns.size());
    for (const std::string& column : columns) synonyms.push_back(find_synonym(column));

    std::vector<Field> mapping(columns.size(), Field::Detail);
    for (Field field : kAllFields) {
        // The first column naming the field gets it, unless a weak synonym ("Title") meets a
        // plain one ("Job Title") later on.
        std::optional<std::size_t> chosen;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Synonym* synonym = synonyms[i];
            if (synonym == nullptr || synonym->field != field) continue;
            if (!chosen || (synonyms[*chosen]->weak && !synonym->weak)) chosen = i;
            if (!synonym->weak) break;
        }
        if (chosen) mapping[*chosen] = field;
    }
    return mapping;
}

std::size_t recognised_columns(const std::vector<std::string>& columns) {
    std::vector<Field> mapping = guess_mapping(columns);
    return static_cast<std::size_t>(std::count_if(mapping.begin(), mapping.end(),
                                                  [](Field field) { return field != Field::Detail; }));
}

NameParts split_full_name(std::string_view full_name) {
    std::string name = text::collapse_spaces(full_name);
    std::size_t comma = name.find(',');
    if (comma == std::string::npos) return split_in_order(name);

    std::string_view before = text::trim(std::string_view(name).substr(0, comma));
    std::string_view after = text::trim(std::string_view(name).substr(comma + 1));
    if (after.empty()) return split_in_order(before);
    if (before.empty()) return split_in_order(after);
    if (is_name_suffix(after)) {  // "Mette Jensen, Ph.D.": the suffix stays with the last name
        NameParts parts = split_in_order(before);
        if (parts.last.empty()) return {std::string(before) + ", " + std::string(after), {}};
        parts.last += ", ";
        parts.last += after;
        return parts;
    }
    // "Jensen, Mette Marie": last name first.
    return {std::string(after), std::string(before)};
}

}  // namespace mingle::import
