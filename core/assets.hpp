// Files from assets/, embedded at build time (see scripts/embed_assets.cmake).
#pragma once

#include <optional>
#include <string_view>

namespace mingle::assets {

// The bytes of an embedded asset, by its path below assets/ ("demo/participants.csv").
std::optional<std::string_view> find(std::string_view name);

}  // namespace mingle::assets
