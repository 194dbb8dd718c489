#include "participant_table.hpp"

#include <algorithm>
#include <numeric>

#include "core/people.hpp"
#include "core/text.hpp"

namespace mingle {

std::string_view ParticipantTable::cell(const Participant& participant, Column column) {
    switch (column) {
        case Column::FirstName: return participant.person.first_name;
        case Column::LastName: return participant.person.last_name;
        case Column::Email: return participant.person.email;
        case Column::Company: return participant.person.company;
        case Column::Title: return participant.person.title;
        case Column::Ticket: return participant.ticket_type;
    }
    return {};
}

void ParticipantTable::load(storage::Database& db, Id event_id) {
    event_id_ = event_id;
    rows_ = PersonStore(db).participants(event_id);
    haystacks_.clear();
    haystacks_.reserve(rows_.size());
    std::string joined;
    for (const auto& row : rows_) {
        joined.clear();
        for (std::size_t c = 0; c < kColumnCount; ++c) {
            joined += cell(row, static_cast<Column>(c));
            joined.push_back('\n');  // keeps a match from spanning two cells
        }
        haystacks_.push_back(text::fold(joined));
    }
    order_.resize(rows_.size());
    std::iota(order_.begin(), order_.end(), 0u);
    if (sort_column_) sort_by(*sort_column_, sort_ascending_, danish_collation_);
    else apply_filter();
}

void ParticipantTable::clear() {
    event_id_.reset();
    rows_.clear();
    haystacks_.clear();
    order_.clear();
    visible_.clear();
}

void ParticipantTable::set_filter(std::string_view filter_text) {
    filter_ = std::string(filter_text);
    apply_filter();
}

void ParticipantTable::apply_filter() {
    std::string needle = text::fold(filter_);
    visible_.clear();
    visible_.reserve(order_.size());
    for (std::uint32_t index : order_)
        if (needle.empty() || text::contains(haystacks_[index], needle)) visible_.push_back(index);
}

void ParticipantTable::find(std::string_view search, std::vector<std::uint32_t>& matches) const {
    std::string needle = text::fold(search);
    matches.clear();
    for (std::uint32_t index : order_)
        if (needle.empty() || text::contains(haystacks_[index], needle)) matches.push_back(index);
}

namespace {

// A key that sorts as the user expects: case and accents ignored; with Danish collation æ/ä, ø/ö
// and å come after z, in that order.
std::string collation_key(std::string_view value, bool danish) {
    if (!danish) return text::fold(text::trim(value));
    std::string lower = text::to_lower(text::trim(value));
    std::string key;
    key.reserve(lower.size());
    for (std::size_t i = 0; i < lower.size();) {
        std::size_t start = i;
        char32_t cp = text::next_code_point(lower, i);
        switch (cp) {
            case U'æ': case U'ä': key.push_back('{'); break;
            case U'ø': case U'ö': key.push_back('|'); break;
            case U'å': key.push_back('}'); break;
            default: key += text::fold(lower.substr(start, i - start));
        }
    }
    return key;
}

}  // namespace

void ParticipantTable::sort_by(Column column, bool ascending, bool danish_collation) {
    sort_column_ = column;
    sort_ascending_ = ascending;
    danish_collation_ = danish_collation;
    std::vector<std::string> keys;
    keys.reserve(rows_.size());
    for (const auto& row : rows_) keys.push_back(collation_key(cell(row, column), danish_collation));
    std::iota(order_.begin(), order_.end(), 0u);
    // Empty cells last whichever the direction: a blank is never what the user is looking for.
    std::stable_sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        const std::string& ka = keys[a];
        const std::string& kb = keys[b];
        if (ka.empty() != kb.empty()) return kb.empty();
        return ascending ? ka < kb : kb < ka;
    });
    apply_filter();
}

}  // namespace mingle
