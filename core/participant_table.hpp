// An event's participant list as the participants view shows it: filtered as the user types,
// sorted by any column, fast at 100,000 rows (filtering scans prepared folded text; sorting uses
// collation keys computed once per column).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/storage/database.hpp"

namespace mingle {

class ParticipantTable {
public:
    enum class Column { FirstName, LastName, Email, Company, Title, Ticket };
    static constexpr std::size_t kColumnCount = 6;

    // Reads the event's participants (all of them) and re-applies the current filter and order.
    void load(storage::Database& db, Id event_id);
    void clear();

    std::optional<Id> event_id() const { return event_id_; }
    std::size_t total() const { return rows_.size(); }
    std::size_t visible() const { return visible_.size(); }
    const Participant& visible_row(std::size_t index) const { return rows_[visible_[index]]; }

    // Matches name, e-mail, company, title and ticket type, ignoring case and accents.
    void set_filter(std::string_view text);
    const std::string& filter() const { return filter_; }

    // Danish collation puts æ, ø, å after z; otherwise letters sort with their base letter.
    void sort_by(Column column, bool ascending, bool danish_collation);

    static std::string_view cell(const Participant& participant, Column column);

    // A second, independent search over the same rows (the prep board's picker): the rows that
    // match `search`, in the current order, as indices for row().
    void find(std::string_view search, std::vector<std::uint32_t>& matches) const;
    const Participant& row(std::uint32_t index) const { return rows_[index]; }

private:
    void apply_filter();

    std::optional<Id> event_id_;
    std::vector<Participant> rows_;
    std::vector<std::string> haystacks_;  // folded text of each row, for the filter
    std::vector<std::uint32_t> order_;    // row indices in sort order
    std::vector<std::uint32_t> visible_;  // the rows of order_ that pass the filter
    std::string filter_;
    std::optional<Column> sort_column_;
    bool sort_ascending_ = true;
    bool danish_collation_ = false;
};

}  // namespace mingle
