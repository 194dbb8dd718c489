#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include "core/events.hpp"
#include "core/links.hpp"
#include "core/storage/database.hpp"
#include "core/targets.hpp"

using namespace mingle;

namespace {

struct Board {
    std::unique_ptr<storage::Database> db;
    Id event = 0;

    Board() {
        auto opened = storage::Database::open(":memory:");
        REQUIRE(opened.ok());
        db = std::move(*opened);
        auto created = EventStore(*db).create({"Reception", "2026-12-03", "", "Find a project manager job"});
        REQUIRE(created.ok());
        event = *created;
    }

    Id person(const std::string& first, const std::string& last) {
        auto id = PersonMemory(*db).add_person(first, last, "");
        REQUIRE(id.ok());
        return *id;
    }
};

std::vector<std::string> first_names(const std::vector<Target>& targets) {
    std::vector<std::string> names;
    for (const auto& target : targets) names.push_back(target.person.first_name);
    return names;
}

}  // namespace

TEST_CASE("targets are added once, in the outer circle, and listed central first by importance", "[targets]") {
    Board board;
    Id mette = board.person("Mette", "Østergaard"), soren = board.person("Søren", "Bæk"),
       ase = board.person("Åse", "Kjær"), anne = board.person("Anne", "Møller");
    TargetStore targets(*board.db);
    std::vector<Id> picked{mette, soren, ase, anne};
    auto added = targets.add(board.event, picked);
    REQUIRE(added.ok());
    CHECK(*added == 4);
    std::vector<Id> again{mette, soren};
    CHECK(*targets.add(board.event, again) == 0);  // already targets: left as they are

    auto fresh = targets.get(board.event, mette);
    REQUIRE(fresh);
    CHECK(fresh->circle == Circle::Outer);
    CHECK(fresh->importance == 3);
    CHECK(fresh->role == TargetRole::None);
    CHECK_FALSE(fresh->has_plan());

    REQUIRE(targets.set_circle(board.event, ase, Circle::Central).ok());
    REQUIRE(targets.set_circle(board.event, soren, Circle::Central).ok());
    REQUIRE(targets.set_importance(board.event, soren, 5).ok());
    REQUIRE(targets.set_circle(board.event, anne, Circle::Inner).ok());
    CHECK(first_names(targets.list(board.event)) == std::vector<std::string>{"Søren", "Åse", "Anne", "Mette"});

    TargetCounts counts = targets.counts(board.event);
    CHECK(counts.central == 2);
    CHECK(counts.inner == 1);
    CHECK(counts.outer == 1);
    CHECK(counts.without_plan == 4);
    CHECK(counts.total() == 4);
}

TEST_CASE("a target's role, importance and plan are saved field by field", "[targets]") {
    Board board;
    Id mette = board.person("Mette", "Østergaard");
    TargetStore targets(*board.db);
    std::vector<Id> picked{mette};
    REQUIRE(targets.add(board.event, picked, Circle::Central).ok());
    REQUIRE(targets.set_role(board.event, mette, TargetRole::Intermediary).ok());
    REQUIRE(targets.set_plan(board.event, mette, PlanField::Ask, "Hvem leder projekterne hos Ørsted?").ok());
    REQUIRE(targets.set_plan(board.event, mette, PlanField::Offer, "Min erfaring med havvind").ok());
    REQUIRE(targets.set_plan(board.event, mette, PlanField::Nurture, "Send artiklen om skalering").ok());

    auto target = targets.get(board.event, mette);
    REQUIRE(target);
    CHECK(target->circle == Circle::Central);
    CHECK(target->role == TargetRole::Intermediary);
    CHECK(target->ask == "Hvem leder projekterne hos Ørsted?");
    CHECK(target->offer == "Min erfaring med havvind");
    CHECK(target->nurture == "Send artiklen om skalering");
    CHECK(target->has_plan());
    CHECK(targets.counts(board.event).without_plan == 0);

    SECTION("importance outside 1-5 is refused and changes nothing") {
        auto refused = targets.set_importance(board.event, mette, 6);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("1") != std::string::npos);
        CHECK(targets.get(board.event, mette)->importance == 3);
    }
    SECTION("editing someone who is not a target says so") {
        Id other = board.person("Ida", "Holm");
        auto refused = targets.set_plan(board.event, other, PlanField::Ask, "x");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("no longer a target") != std::string::npos);
    }
    SECTION("removing a target keeps the person") {
        REQUIRE(targets.remove(board.event, mette).ok());
        CHECK(targets.list(board.event).empty());
        CHECK(PersonMemory(*board.db).get(mette));
    }
    SECTION("deleting the event removes its targets") {
        REQUIRE(EventStore(*board.db).remove(board.event).ok());
        SQLite::Statement count(board.db->sql(), "SELECT count(*) FROM target");
        count.executeStep();
        CHECK(count.getColumn(0).getInt() == 0);
    }
}

TEST_CASE("the same person is a target per event, with a separate plan for each goal", "[targets]") {
    Board board;
    auto other = EventStore(*board.db).create({"Energy Forum", "2026-05-01", "", "Learn about Power-to-X"});
    REQUIRE(other.ok());
    Id mette = board.person("Mette", "Østergaard");
    TargetStore targets(*board.db);
    std::vector<Id> picked{mette};
    REQUIRE(targets.add(board.event, picked, Circle::Central).ok());
    REQUIRE(targets.add(*other, picked).ok());
    REQUIRE(targets.set_plan(board.event, mette, PlanField::Ask, "job").ok());
    CHECK(targets.get(*other, mette)->ask.empty());
    CHECK(targets.get(*other, mette)->circle == Circle::Outer);
    CHECK(targets.get(board.event, mette)->circle == Circle::Central);
}

TEST_CASE("keys for circles, roles and relations read back what they write", "[targets]") {
    for (Circle circle : {Circle::Central, Circle::Inner, Circle::Outer})
        CHECK(parse_circle(circle_key(circle)) == circle);
    for (TargetRole role : {TargetRole::None, TargetRole::Info, TargetRole::Intermediary, TargetRole::Access})
        CHECK(parse_role(role_key(role)) == role);
    for (Relation relation : {Relation::Inner, Relation::Vip, Relation::Good, Relation::Card, Relation::None})
        CHECK(parse_relation(relation_key(relation)) == relation);
    CHECK_FALSE(parse_circle("middle"));
    CHECK_FALSE(parse_relation("friend"));
    CHECK(parse_role("none") == TargetRole::None);
    CHECK(relation_strength(Relation::Inner) > relation_strength(Relation::Vip));
    CHECK(relation_strength(Relation::Vip) > relation_strength(Relation::Good));
    CHECK(relation_strength(Relation::Good) > relation_strength(Relation::Card));
    CHECK(relation_strength(Relation::Card) > relation_strength(Relation::None));
}
