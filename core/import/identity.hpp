// Who is who: a person is matched by normalised e-mail, else by name plus company, ignoring case
// and accents. Two different e-mail addresses mean two different people, even with the same name.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/model.hpp"

namespace mingle::import {

// Trimmed, lower-case, without "mailto:" or angle brackets; empty if it is not an e-mail address.
std::string email_key(std::string_view email);
void email_key_into(std::string& out, std::string_view email);

// text::fold("first last") + "|" + text::fold(company); empty when there is no name.
std::string name_key(std::string_view first_name, std::string_view last_name, std::string_view company);
void name_key_into(std::string& out, std::string_view first_name, std::string_view last_name,
                   std::string_view company);

// A hash map from string keys to ids with open addressing, its keys copied into large shared
// blocks. A big import adds hundreds of thousands of keys; a node and a string allocation for
// each would cost more than the lookups.
class KeyMap {
public:
    std::optional<Id> find(std::string_view key) const;
    void insert_if_absent(std::string_view key, Id id);
    void erase_if_maps_to(std::string_view key, Id id);
    std::size_t size() const { return live_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::string_view key;
        Id id = 0;           // 0: never used
        bool removed = false;
    };
    std::size_t slot_of(std::string_view key, std::uint64_t hash) const;  // where the key is, or would go
    void grow();
    std::string_view store(std::string_view key);

    std::vector<Slot> slots_;
    std::size_t used_ = 0;  // slots with a key (live or removed)
    std::size_t live_ = 0;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_free_ = 0;
    char* block_cursor_ = nullptr;
};

// A 32-bit digest of a company key, to tell in memory whether a row names another company than
// the one a known person has (0 for no company).
std::uint32_t company_hash(std::string_view company_key);

// The identity keys of every person, in memory for the length of an import: a lookup per row
// costs a hash, not a query.
class IdentityIndex {
public:
    // Loads every person's keys. With `field_masks`, also records per person id which of the
    // fields first_name, last_name, email, company, title, phone, url (bit 0 to 6) are filled;
    // with `company_hashes`, company_hash() of each person's company key (0 when none).
    void load(SQLite::Database& sql, std::vector<std::uint8_t>* field_masks = nullptr,
              std::vector<std::uint32_t>* company_hashes = nullptr);

    std::optional<Id> find(std::string_view email_key, std::string_view name_key) const;

    // Records a person's keys (a new person, or one whose keys changed because fields were filled).
    void add(Id id, std::string_view email_key, std::string_view name_key);

private:
    KeyMap by_email_;
    KeyMap by_name_;                // the first person known under a name key
    KeyMap by_name_without_email_;  // the first such person who has no e-mail
};

}  // namespace mingle::import
