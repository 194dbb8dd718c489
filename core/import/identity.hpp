// Who is who: a person is matched by normalised e-mail, else by name plus company, ignoring case
// and accents. Two different e-mail addresses mean two different people, even with the same name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/model.hpp"

namespace mingle::import {

// Trimmed, lower-case, without "mailto:" or angle brackets; empty if it is not an e-mail address.
std::string email_key(std::string_view email);

// text::fold("first last") + "|" + text::fold(company); empty when there is no name.
std::string name_key(std::string_view first_name, std::string_view last_name, std::string_view company);

// The identity keys of every person, in memory for the length of an import: a lookup per row
// costs a hash, not a query.
class IdentityIndex {
public:
    void load(SQLite::Database& sql);

    std::optional<Id> find(const std::string& email_key, const std::string& name_key) const;

    // Records a person's keys (a new person, or one whose keys changed because fields were filled).
    void add(Id id, const std::string& email_key, const std::string& name_key);

private:
    struct NameCandidate {
        Id id;
        bool has_email;
    };
    std::unordered_map<std::string, Id> by_email_;
    std::unordered_map<std::string, std::vector<NameCandidate>> by_name_;
};

}  // namespace mingle::import
