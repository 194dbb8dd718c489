// A fresh in-memory database with the whole schema, for tests that need no file.
#pragma once

#include <memory>

#include <catch2/catch.hpp>

#include "core/storage/database.hpp"

namespace mingle::testing {

inline std::unique_ptr<storage::Database> memory_db() {
    auto db = storage::Database::open(":memory:");
    REQUIRE(db.ok());
    return std::move(*db);
}

}  // namespace mingle::testing
