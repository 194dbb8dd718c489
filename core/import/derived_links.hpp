// "A knows B" where a participant list says so: a column such as "Invited by", "Referred by",
// "Guest of" or "Inviteret af" whose cell names another participant of the same event, by
// e-mail or by full name. Run inside the import's transaction; undo removes what it added.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/storage/database.hpp"

namespace mingle::import {

// True if a column with this name says whom the participant knows.
bool is_acquaintance_column(std::string_view column_name);

// Adds links for the participants the batch listed. `columns` are the batch's column names (the
// participants' details are aligned with them). Returns how many links were added.
std::size_t derive_links(storage::Database& db, Id event_id, Id batch_id, const std::vector<std::string>& columns);

}  // namespace mingle::import
