// Ordered schema migrations. Entry i takes the schema from version i to i + 1. Never edit a
// migration that has shipped: add a new one.
#pragma once

#include <span>
#include <string_view>

namespace mingle::storage {

std::span<const std::string_view> migrations();

// The index on people's companies (version 2), for a big import to build again after its rows.
inline constexpr std::string_view kPersonCompanyIndex =
    "CREATE INDEX IF NOT EXISTS person_company ON person(company_key) WHERE company_key <> ''";

}  // namespace mingle::storage
