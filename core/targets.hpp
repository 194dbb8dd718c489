// Targets: whom the user wants to meet at an event, in circles, with a plan for each
// (domain.md, section 1). Every edit is committed at once.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle {

// What the board shows at a glance.
struct TargetCounts {
    int central = 0;
    int inner = 0;
    int outer = 0;
    int without_plan = 0;
    int total() const { return central + inner + outer; }
};

// The central network is the five most important people (domain.md): more is a gentle warning.
inline constexpr int kCentralNetworkSize = 5;

enum class PlanField { Ask, Offer, Nurture };

class TargetStore {
public:
    explicit TargetStore(storage::Database& db) : db_(db) {}

    // The event's targets: central first, then inner, then outer; by importance (highest first)
    // within a circle, then by name.
    std::vector<Target> list(Id event_id);
    std::optional<Target> get(Id event_id, Id person_id);
    TargetCounts counts(Id event_id);

    // Adds people as targets (in the outer circle, importance 3); ones already targets are left
    // as they are. Returns how many were added. All or nothing.
    Result<int> add(Id event_id, std::span<const Id> person_ids, Circle circle = Circle::Outer);
    Status remove(Id event_id, Id person_id);
    // Puts a removed target back as it was (undo).
    Status restore(const Target& target);

    Status set_circle(Id event_id, Id person_id, Circle circle);
    Status set_importance(Id event_id, Id person_id, int importance);  // 1-5
    Status set_role(Id event_id, Id person_id, TargetRole role);
    Status set_plan(Id event_id, Id person_id, PlanField field, std::string_view text);

private:
    Status update(Id event_id, Id person_id, const char* assignment, auto&& bind_value);

    storage::Database& db_;
};

}  // namespace mingle
