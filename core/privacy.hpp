// Personal data handled with care: everything mingle holds about one person, and erasing it, from
// every table and from the file's bytes (secure_delete, then a WAL checkpoint that truncates).
#pragma once

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

// Everything held about the person: their fields, the events they were at with the registration
// details, targets and plans, notes, history, links, meetings, promises, prompt marks, contacts.
Result<nlohmann::ordered_json> export_person(storage::Database& db, Id person_id);

// What erasing cannot reach: files mingle wrote earlier that still mention the person by name or
// e-mail: the copy set aside before an upgrade, and the exports/ and drafts/ folders next to the
// database. mingle does not delete them (an export may be the copy the person asked for); it names
// them so the user can. Files written elsewhere through the command line are not known to it.
struct ErasedPerson {
    std::vector<std::filesystem::path> still_mentioned_in;
};

// Removes the person and everything about them, and overwrites the freed bytes in the file.
Result<ErasedPerson> erase_person(storage::Database& db, Id person_id);

// The files beside `database_path` (see ErasedPerson) that contain any of `needles`, read in
// chunks. Empty needles are ignored; so is an in-memory database.
std::vector<std::filesystem::path> files_mentioning(const std::string& database_path,
                                                    const std::vector<std::string>& needles);

}  // namespace mingle
