#include "model.hpp"

#include <utility>

namespace mingle {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_key(const std::pair<Enum, std::string_view> (&table)[N], std::string_view key) {
    for (const auto& [value, name] : table)
        if (name == key) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view key_of(const std::pair<Enum, std::string_view> (&table)[N], Enum value) {
    for (const auto& [candidate, name] : table)
        if (candidate == value) return name;
    return {};
}

constexpr std::pair<Relation, std::string_view> kRelations[] = {
    {Relation::Inner, "inner"}, {Relation::Vip, "vip"}, {Relation::Good, "good"},
    {Relation::Card, "card"},   {Relation::None, "none"},
};
constexpr std::pair<Circle, std::string_view> kCircles[] = {
    {Circle::Central, "central"}, {Circle::Inner, "inner"}, {Circle::Outer, "outer"}};
constexpr std::pair<TargetRole, std::string_view> kRoles[] = {
    {TargetRole::None, ""}, {TargetRole::Info, "info"}, {TargetRole::Intermediary, "intermediary"},
    {TargetRole::Access, "access"}};

}  // namespace

std::string_view relation_key(Relation relation) { return key_of(kRelations, relation); }
std::optional<Relation> parse_relation(std::string_view key) { return parse_key(kRelations, key); }
int relation_strength(Relation relation) {
    switch (relation) {
        case Relation::Inner: return 4;
        case Relation::Vip: return 3;
        case Relation::Good: return 2;
        case Relation::Card: return 1;
        case Relation::None: return 0;
    }
    return 0;
}

std::string_view circle_key(Circle circle) { return key_of(kCircles, circle); }
std::optional<Circle> parse_circle(std::string_view key) { return parse_key(kCircles, key); }

std::string_view role_key(TargetRole role) { return key_of(kRoles, role); }
std::optional<TargetRole> parse_role(std::string_view key) {
    if (key == "none") return TargetRole::None;
    return parse_key(kRoles, key);
}

std::string Person::display_name() const {
    if (first_name.empty()) return last_name.empty() ? email : last_name;
    if (last_name.empty()) return first_name;
    return first_name + " " + last_name;
}

}  // namespace mingle
