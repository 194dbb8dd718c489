#include "identity.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include <SQLiteCpp/Statement.h>

#include "core/text.hpp"

namespace mingle::import {

std::string email_key(std::string_view email) {
    std::string key;
    email_key_into(key, email);
    return key;
}

void email_key_into(std::string& key, std::string_view email) {
    key.clear();
    email = text::trim(email);
    if (text::starts_with_ascii_ci(email, "mailto:")) email.remove_prefix(7);
    if (email.size() >= 2 && email.front() == '<' && email.back() == '>') email = email.substr(1, email.size() - 2);
    email = text::trim(email);
    auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= email.size() ||
        email.find('@', at + 1) != std::string_view::npos)
        return;
    for (char c : email) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') {
            key.clear();
            return;
        }
        key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
}

std::string name_key(std::string_view first_name, std::string_view last_name, std::string_view company) {
    std::string key;
    name_key_into(key, first_name, last_name, company);
    return key;
}

void name_key_into(std::string& key, std::string_view first_name, std::string_view last_name,
                   std::string_view company) {
    key.clear();
    text::fold_append(key, first_name);
    if (!key.empty() && !text::trim(last_name).empty()) key.push_back(' ');
    text::fold_append(key, last_name);
    if (key.empty()) return;
    key.push_back('|');
    text::fold_append(key, company);
}

// ---- KeyMap ---------------------------------------------------------------------------------------

std::size_t KeyMap::slot_of(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.id == 0 || (slot.hash == hash && slot.key == key)) return i;
    }
}

std::optional<Id> KeyMap::find(std::string_view key) const {
    if (slots_.empty()) return std::nullopt;
    const Slot& slot = slots_[slot_of(key, std::hash<std::string_view>{}(key))];
    if (slot.id == 0 || slot.removed) return std::nullopt;
    return slot.id;
}

void KeyMap::insert_if_absent(std::string_view key, Id id) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();  // keep the table at most 3/4 full
    std::uint64_t hash = std::hash<std::string_view>{}(key);
    Slot& slot = slots_[slot_of(key, hash)];
    if (slot.id != 0) {
        if (slot.removed) {
            slot.id = id;
            slot.removed = false;
            ++live_;
        }
        return;
    }
    slot = Slot{hash, store(key), id, false};
    ++used_;
    ++live_;
}

void KeyMap::erase_if_maps_to(std::string_view key, Id id) {
    if (slots_.empty()) return;
    Slot& slot = slots_[slot_of(key, std::hash<std::string_view>{}(key))];
    if (slot.id == id && !slot.removed) {
        slot.removed = true;  // the key stays as a marker so probing goes on past it
        --live_;
    }
}

void KeyMap::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& slot : old)
        if (slot.id != 0) slots_[slot_of(slot.key, slot.hash)] = slot;
}

std::string_view KeyMap::store(std::string_view key) {
    constexpr std::size_t kBlockSize = 256 * 1024;
    if (key.size() > block_free_) {
        std::size_t size = std::max(kBlockSize, key.size());
        blocks_.push_back(std::make_unique<char[]>(size));
        block_cursor_ = blocks_.back().get();
        block_free_ = size;
    }
    if (!key.empty()) std::memcpy(block_cursor_, key.data(), key.size());
    std::string_view stored(block_cursor_, key.size());
    block_cursor_ += key.size();
    block_free_ -= key.size();
    return stored;
}

// ---- IdentityIndex --------------------------------------------------------------------------------

std::uint32_t company_hash(std::string_view company_key) {
    if (company_key.empty()) return 0;
    auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(company_key));
    return hash == 0 ? 1 : hash;
}

void IdentityIndex::load(SQLite::Database& sql, std::vector<std::uint8_t>* field_masks,
                         std::vector<std::uint32_t>* company_hashes) {
    *this = IdentityIndex();
    SQLite::Statement query(sql, "SELECT id, email, first_name, last_name, company, "
                                 "(first_name <> '') | (last_name <> '') << 1 | (email <> '') << 2 | "
                                 "(company <> '') << 3 | (title <> '') << 4 | (phone <> '') << 5 | (url <> '') << 6, "
                                 "company_key FROM person ORDER BY id");
    std::string email, name;
    while (query.executeStep()) {
        Id id = query.getColumn(0).getInt64();
        email_key_into(email, query.getColumn(1).getText());
        name_key_into(name, query.getColumn(2).getText(), query.getColumn(3).getText(), query.getColumn(4).getText());
        add(id, email, name);
        if (field_masks && id > 0) {
            if (static_cast<std::size_t>(id) >= field_masks->size()) field_masks->resize(static_cast<std::size_t>(id) + 1);
            (*field_masks)[static_cast<std::size_t>(id)] = static_cast<std::uint8_t>(query.getColumn(5).getInt());
        }
        if (company_hashes && id > 0) {
            if (static_cast<std::size_t>(id) >= company_hashes->size())
                company_hashes->resize(static_cast<std::size_t>(id) + 1);
            (*company_hashes)[static_cast<std::size_t>(id)] = company_hash(query.getColumn(6).getText());
        }
    }
}

std::optional<Id> IdentityIndex::find(std::string_view email_key, std::string_view name_key) const {
    if (!email_key.empty()) {
        if (auto found = by_email_.find(email_key)) return found;
    }
    if (name_key.empty()) return std::nullopt;
    // A row with an e-mail may only join someone who has none: a different address is a different person.
    return email_key.empty() ? by_name_.find(name_key) : by_name_without_email_.find(name_key);
}

void IdentityIndex::add(Id id, std::string_view email_key, std::string_view name_key) {
    if (!email_key.empty()) by_email_.insert_if_absent(email_key, id);
    if (name_key.empty()) return;
    by_name_.insert_if_absent(name_key, id);
    if (email_key.empty()) by_name_without_email_.insert_if_absent(name_key, id);
    else by_name_without_email_.erase_if_maps_to(name_key, id);
}

}  // namespace mingle::import
