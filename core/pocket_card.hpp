// The pocket card: one self-contained HTML file to read on a phone at the bar table (domain.md,
// section 2): the goal on top, then each target in circle order with how to recognise them, the
// ask and the offer, two questions, and who at the event can introduce the user.
//
// The file works offline and shows nothing it was not given: no script, no network (a Content
// Security Policy forbids both), no external font or image; inline CSS, system fonts, dark text on
// a light background, one column at phone width. Every value is HTML-escaped.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

// & < > " ' as entities, so text can stand in an element or an attribute. Control characters
// other than tab and line break become spaces, and invalid UTF-8 becomes U+FFFD.
std::string html_escape(std::string_view text);

struct PocketTarget {
    std::string name, title, company;
    std::string circle_key;  // "central", "inner" or "outer" (circle_key in model.hpp)
    std::string recognize, ask, offer;
    std::vector<std::string> prompts;       // questions to ask them
    std::vector<std::string> door_openers;  // names of people at the event who can introduce the user
};

struct PocketCard {
    std::string event_name;
    std::string date;  // YYYY-MM-DD is shown as a weekday and date in the language; other text as is
    std::string place, goal;
    std::vector<PocketTarget> targets;
};

// The whole HTML page, in the interface language; targets grouped central, inner, outer.
std::string render_pocket_card(const PocketCard& card, Language language);

// The card of an event from the database: its targets (central first), two prompts each in the
// language to talk to them in, and their door-openers who attend the event (up to five).
Result<PocketCard> build_pocket_card(storage::Database& db, Id event_id, const Config& config,
                                     const std::filesystem::path& config_folder);

// Writes the file atomically, readable by the user only (mode 0600): it names people and plans.
Status write_pocket_card(const std::filesystem::path& path, const std::string& html);

}  // namespace mingle
