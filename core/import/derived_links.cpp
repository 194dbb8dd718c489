#include "derived_links.hpp"

#include <algorithm>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace mingle::import {
namespace {

// Folded column names (or their beginnings) that name someone the participant knows.
constexpr std::string_view kAcquaintanceColumns[] = {
    "invited by", "referred by", "referral", "guest of", "introduced by", "recommended by", "colleague of",
    "plus one of", "inviteret af", "henvist af", "gaest af", "anbefalet af", "introduceret af", "kollega af",
    "kollega til", "gaest hos",
};

// Splits "Søren Bæk og Mette Østergaard; anne@andel.dk" into the folded names it holds.
std::vector<std::string> split_names(std::string_view cell) {
    std::vector<std::string> names;
    std::string current;
    auto finish = [&] {
        if (!current.empty()) names.push_back(std::move(current));
        current.clear();
    };
    std::string folded = text::fold(cell);
    std::string_view rest = folded;
    while (!rest.empty()) {
        std::size_t end = rest.find_first_of(" \t,;/\n");
        std::string_view word = rest.substr(0, end);
        if (word == "og" || word == "and" || word == "&") finish();
        else if (!word.empty()) {
            if (!current.empty()) current.push_back(' ');
            current.append(word);
        }
        if (end == std::string_view::npos) break;
        if (rest[end] != ' ' && rest[end] != '\t') finish();
        rest.remove_prefix(end + 1);
    }
    finish();
    return names;
}

}  // namespace

bool is_acquaintance_column(std::string_view column_name) {
    std::string folded = text::collapse_spaces(text::fold(column_name));
    return std::any_of(std::begin(kAcquaintanceColumns), std::end(kAcquaintanceColumns),
                       [&](std::string_view prefix) { return std::string_view(folded).starts_with(prefix); });
}

std::size_t derive_links(storage::Database& db, Id event_id, Id batch_id, const std::vector<std::string>& columns) {
    std::vector<std::size_t> wanted;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (is_acquaintance_column(columns[i])) wanted.push_back(i);
    if (wanted.empty()) return 0;

    // Everyone at the event, by e-mail and by folded full name: the cells name other participants.
    std::unordered_map<std::string, Id> by_key;
    SQLite::Statement people(db.sql(),
                             "SELECT p.id, p.email, p.first_name, p.last_name FROM participant pa "
                             "JOIN person p ON p.id = pa.person_id WHERE pa.event_id = ?");
    people.bind(1, event_id);
    while (people.executeStep()) {
        Id id = people.getColumn(0).getInt64();
        std::string email = people.getColumn(1).getString();
        if (!email.empty()) by_key.emplace(email, id);
        std::string name = text::collapse_spaces(
            text::fold(people.getColumn(2).getString() + " " + people.getColumn(3).getString()));
        if (!name.empty()) by_key.emplace(std::move(name), id);
    }

    SQLite::Statement listed(db.sql(), "SELECT person_id, details FROM participant WHERE batch_id = ?");
    listed.bind(1, batch_id);
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO link(person_a, person_b, how, batch_id) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT DO NOTHING");
    std::size_t added = 0;
    while (listed.executeStep()) {
        Id person = listed.getColumn(0).getInt64();
        auto details = nlohmann::json::parse(listed.getColumn(1).getString(), nullptr, false);
        if (!details.is_array()) continue;
        for (std::size_t column : wanted) {
            if (column >= details.size() || !details[column].is_string()) continue;
            std::string cell = details[column].get<std::string>();
            for (const std::string& name : split_names(cell)) {
                auto found = by_key.find(name);
                if (found == by_key.end() || found->second == person) continue;
                insert.bind(1, std::min(person, found->second));
                insert.bind(2, std::max(person, found->second));
                insert.bind(3, columns[column] + ": " + text::collapse_spaces(cell));
                insert.bind(4, batch_id);
                added += static_cast<std::size_t>(insert.exec());
                insert.reset();
            }
        }
    }
    return added;
}

}  // namespace mingle::import
