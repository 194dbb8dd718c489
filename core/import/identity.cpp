#include "identity.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/text.hpp"

namespace mingle::import {

std::string email_key(std::string_view email) {
    email = text::trim(email);
    if (text::starts_with_ascii_ci(email, "mailto:")) email.remove_prefix(7);
    if (email.size() >= 2 && email.front() == '<' && email.back() == '>') email = email.substr(1, email.size() - 2);
    email = text::trim(email);
    auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= email.size() ||
        email.find('@', at + 1) != std::string_view::npos)
        return {};
    std::string key;
    key.reserve(email.size());
    for (char c : email) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') return {};
        key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
    return key;
}

std::string name_key(std::string_view first_name, std::string_view last_name, std::string_view company) {
    std::string name = text::fold(std::string(first_name) + " " + std::string(last_name));
    if (name.empty()) return {};
    return name + "|" + text::fold(company);
}

void IdentityIndex::load(SQLite::Database& sql) {
    by_email_.clear();
    by_name_.clear();
    SQLite::Statement query(sql, "SELECT id, email_key, name_key FROM person");
    while (query.executeStep())
        add(query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString());
}

std::optional<Id> IdentityIndex::find(const std::string& email_key, const std::string& name_key) const {
    if (!email_key.empty()) {
        if (auto found = by_email_.find(email_key); found != by_email_.end()) return found->second;
    }
    if (name_key.empty()) return std::nullopt;
    auto found = by_name_.find(name_key);
    if (found == by_name_.end()) return std::nullopt;
    for (const NameCandidate& candidate : found->second)
        if (email_key.empty() || !candidate.has_email) return candidate.id;
    return std::nullopt;
}

void IdentityIndex::add(Id id, const std::string& email_key, const std::string& name_key) {
    if (!email_key.empty()) by_email_.try_emplace(email_key, id);
    if (name_key.empty()) return;
    auto& candidates = by_name_[name_key];
    for (NameCandidate& candidate : candidates) {
        if (candidate.id == id) {
            candidate.has_email = candidate.has_email || !email_key.empty();
            return;
        }
    }
    candidates.push_back({id, !email_key.empty()});
}

}  // namespace mingle::import
