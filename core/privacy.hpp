// Personal data handled with care: everything mingle holds about one person, and erasing it, from
// every table and from the file's bytes (secure_delete, then a WAL checkpoint that truncates).
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

// Everything held about the person: their fields, the events they were at with the registration
// details, targets and plans, notes, history, links, meetings, promises, prompt marks, contacts.
Result<nlohmann::ordered_json> export_person(storage::Database& db, Id person_id);

// Removes the person and everything about them, and overwrites the freed bytes in the file.
Status erase_person(storage::Database& db, Id person_id);

}  // namespace mingle
