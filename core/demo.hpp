// A small demo event, so a first start shows something real.
#pragma once

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

inline constexpr const char* kDemoEventName = "Grøn omstilling – netværksreception";

// Adds the demo event once: on a database with no events that has never had the demo. Imports
// the embedded assets/demo/participants.csv through the ordinary importer.
Status seed_demo_if_new(storage::Database& db);

}  // namespace mingle
