#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/import/header_mapping.hpp"
#include "core/import/text_list_reader.hpp"
#include "core/import/vcard_reader.hpp"

using namespace mingle::import;

TEST_CASE("normalize_header drops case, spaces and punctuation but keeps Danish letters", "[header_mapping]") {
    CHECK(normalize_header("E-mail Address") == "emailaddress");
    CHECK(normalize_header("Fulde navn") == "fuldenavn");
    CHECK(normalize_header("first_name") == "firstname");
    CHECK(normalize_header("  Order # ") == "order");
    CHECK(normalize_header("E-mail 1 - Value") == "email1value");
    CHECK(normalize_header("Business Country/Region") == "businesscountryregion");
    CHECK(normalize_header("(Tlf.)") == "tlf");
    CHECK(normalize_header("Løbenummer: Æ/Ø/Å") == "løbenummeræøå");
    CHECK(normalize_header("E\xE2\x80\x93mail\xC2\xA0" "adresse") == "emailadresse");  // en dash, no-break space
    CHECK(normalize_header("\xEF\xBB\xBFName") == "name");                           // a stray BOM
}

TEST_CASE("field keys round-trip", "[header_mapping]") {
    for (Field field : kAllFields) CHECK(field_from_key(field_key(field)) == field);
    CHECK(field_key(Field::TicketType) == "ticket_type");
    CHECK_FALSE(field_from_key("nonsense").has_value());
}

TEST_CASE("guess_field knows the headers of real exports", "[header_mapping]") {
    struct Case {
        const char* header;
        Field field;
    };
    const Case cases[] = {
        // Eventbrite attendee report
        {"First Name", Field::FirstName}, {"Last Name", Field::LastName}, {"Email", Field::Email},
        {"Company", Field::Company}, {"Job Title", Field::Title}, {"Ticket Type", Field::TicketType},
        {"Order #", Field::Detail}, {"Attendee #", Field::Detail}, {"Attendee Status", Field::Detail},
        {"Buyer Email", Field::Detail},
        // LinkedIn Connections.csv
        {"URL", Field::Url}, {"Email Address", Field::Email}, {"Position", Field::Title},
        {"Connected On", Field::Detail},
        // Luma
        {"name", Field::FullName}, {"first_name", Field::FirstName}, {"last_name", Field::LastName},
        {"email", Field::Email}, {"phone_number", Field::Phone}, {"ticket_name", Field::TicketType},
        {"api_id", Field::Detail}, {"ticket_type_id", Field::Detail},
        // Meetup
        {"Name", Field::FullName}, {"Title", Field::Title}, {"URL of Member Profile", Field::Url},
        {"User ID", Field::Detail},
        // Google Contacts, old and new
        {"Given Name", Field::FirstName}, {"Family Name", Field::LastName}, {"E-mail 1 - Value", Field::Email},
        {"E-mail 1 - Type", Field::Detail}, {"Organization 1 - Name", Field::Company},
        {"Organization 1 - Title", Field::Title}, {"Phone 1 - Value", Field::Phone},
        {"Organization Name", Field::Company}, {"Organization Title", Field::Title},
        {"Middle Name", Field::Detail}, {"Website 1 - Value", Field::Url},
        // Outlook
        {"E-mail Address", Field::Email}, {"E-mail 2 Address", Field::Detail}, {"Business Phone", Field::Phone},
        {"Mobile Phone", Field::Phone}, {"Business Fax", Field::Detail}, {"Web Page", Field::Url},
        // Danish sheets
        {"Fornavn", Field::FirstName}, {"Efternavn", Field::LastName}, {"Navn", Field::FullName},
        {"Fulde navn", Field::FullName}, {"Fuldt navn", Field::FullName}, {"Deltager", Field::FullName},
        {"E-mail", Field::Email}, {"Mail", Field::Email}, {"E-mailadresse", Field::Email},
        {"Mailadresse", Field::Email}, {"Virksomhed", Field::Company}, {"Firma", Field::Company},
        {"Organisation", Field::Company}, {"Arbejdsplads", Field::Company}, {"Stilling", Field::Title},
        {"Titel", Field::Title}, {"Jobtitel", Field::Title}, {"Telefon", Field::Phone}, {"Mobil", Field::Phone},
        {"Tlf.", Field::Phone}, {"Billettype", Field::TicketType}, {"Billet", Field::TicketType},
        {"Bemærkninger", Field::Detail},
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        CHECK(guess_field(c.header) == c.field);
    }
}

TEST_CASE("the fixed columns of vCard and text-list rows map to their fields", "[header_mapping]") {
    std::vector<Field> vcard = guess_mapping(vcard_columns());
    std::vector<Field> expected = {Field::FirstName, Field::LastName, Field::Detail, Field::FullName, Field::Detail,
                                   Field::Company,   Field::Detail,   Field::Title,  Field::Detail,   Field::Email,
                                   Field::Detail,    Field::Phone,    Field::Detail, Field::Url,      Field::Detail,
                                   Field::Detail,    Field::Detail,   Field::Detail};
    CHECK(vcard == expected);
    std::vector<Field> text_list = guess_mapping(text_list_columns());
    CHECK(text_list == std::vector<Field>{Field::FullName, Field::Title, Field::Company, Field::Email, Field::Phone,
                                          Field::Detail});
}

TEST_CASE("guess_mapping gives a field to its first column only", "[header_mapping]") {
    std::vector<Field> mapping = guess_mapping({"E-mail Address", "E-mail 2 Address", "Email", "Phone", "Mobile"});
    CHECK(mapping == std::vector<Field>{Field::Email, Field::Detail, Field::Detail, Field::Phone, Field::Detail});
}

TEST_CASE("guess_mapping: Outlook's Title (Mr./Ms.) yields to Job Title", "[header_mapping]") {
    std::vector<Field> outlook = guess_mapping({"Title", "First Name", "Last Name", "Company", "Job Title"});
    CHECK(outlook == std::vector<Field>{Field::Detail, Field::FirstName, Field::LastName, Field::Company, Field::Title});
    // Alone, "Title" is the job title (Meetup).
    CHECK(guess_mapping({"Name", "Title"}) == std::vector<Field>{Field::FullName, Field::Title});
}

TEST_CASE("recognised_columns counts the columns with a field", "[header_mapping]") {
    CHECK(recognised_columns({"First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                              "Connected On"}) == 6);
    CHECK(recognised_columns({"Foo", "Bar", "Baz"}) == 0);
    CHECK(recognised_columns({"Notes:"}) == 0);
    CHECK(recognised_columns({}) == 0);
}

TEST_CASE("split_full_name", "[header_mapping]") {
    auto check = [](std::string_view full, std::string_view first, std::string_view last) {
        CAPTURE(full);
        NameParts parts = split_full_name(full);
        CHECK(parts.first == first);
        CHECK(parts.last == last);
    };
    check("Mette Marie Jensen", "Mette Marie", "Jensen");
    check("Jensen, Mette", "Mette", "Jensen");
    check("Jensen, Mette Marie", "Mette Marie", "Jensen");
    check("Jan van der Berg", "Jan", "van der Berg");
    check("Ludwig von Beethoven", "Ludwig", "von Beethoven");
    check("Anna af Rosenborg", "Anna", "af Rosenborg");
    check("Madonna", "Madonna", "");
    check("  Søren   Østergaard ", "Søren", "Østergaard");
    check("Dr. Mette Jensen", "Dr. Mette", "Jensen");
    check("Mette Jensen, Ph.D.", "Mette", "Jensen, Ph.D.");
    check("", "", "");
}
