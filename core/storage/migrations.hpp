// Ordered schema migrations. Entry i takes the schema from version i to i + 1. Never edit a
// migration that has shipped: add a new one.
#pragma once

#include <span>
#include <string_view>

namespace mingle::storage {

std::span<const std::string_view> migrations();

}  // namespace mingle::storage
