// The morning after: what is owed, grouped; done; thank-yous; LinkedIn; the event's review.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "core/drafts.hpp"
#include "core/events.hpp"
#include "core/followups.hpp"
#include "core/links.hpp"
#include "core/reception.hpp"
#include "core/targets.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;

namespace {

const LocalDateTime kNow{2026, 12, 4, 10, 30};  // the morning after, at half past ten

struct Evening {
    std::unique_ptr<storage::Database> db;
    Id event = 0, mette = 0, soren = 0, ida = 0;
    Evening() {
        auto opened = storage::Database::open(":memory:");
        REQUIRE(opened.ok());
        db = std::move(*opened);
        event = *EventStore(*db).create({"Reception", "2026-12-03", "", ""});
        PersonMemory memory(*db);
        mette = *memory.add_person("Mette", "Østergaard", "Ørsted");
        soren = *memory.add_person("Søren", "Bæk", "Vestas");
        ida = *memory.add_person("Ida", "Holm", "");
        REQUIRE(memory.set_field(soren, "url", "https://www.linkedin.com/in/soren-baek").ok());
    }
};

std::vector<std::string> texts(const std::vector<Followup>& list) {
    std::vector<std::string> out;
    for (const auto& f : list) out.push_back(f.text);
    return out;
}

}  // namespace

TEST_CASE("what is owed is grouped overdue, today, later, with my promises first", "[followups]") {
    Evening e;
    ReceptionStore store(*e.db);
    REQUIRE(store.add_promise(e.event, e.mette, false, "Sends the report", "2026-12-04T09:00").ok());  // overdue
    REQUIRE(store.add_promise(e.event, e.mette, true, "Send my CV", "2026-12-04T09:00").ok());         // overdue
    REQUIRE(store.add_promise(e.event, e.soren, true, "Introduce Lars", "2026-12-04T16:00").ok());     // today
    REQUIRE(store.add_promise(e.event, e.ida, true, "Send the article", "2026-12-07T09:00").ok());     // later
    CHECK(group_of("2026-12-04T10:29", kNow) == DueGroup::Overdue);
    CHECK(group_of("2026-12-04T10:30", kNow) == DueGroup::Today);
    CHECK(group_of("2026-12-05T00:00", kNow) == DueGroup::Later);

    auto all = list_followups(*e.db, {e.event, false, std::nullopt}, kNow);
    CHECK(texts(all) == std::vector<std::string>{"Send my CV", "Sends the report", "Introduce Lars", "Send the article"});
    CHECK(all[0].group == DueGroup::Overdue);
    CHECK(all[2].group == DueGroup::Today);
    CHECK(all[3].group == DueGroup::Later);
    CHECK(texts(list_followups(*e.db, {e.event, false, DueGroup::Today}, kNow)) == std::vector<std::string>{"Introduce Lars"});

    REQUIRE(mark_done(*e.db, all[0].id).ok());
    auto open = list_followups(*e.db, {e.event, false, std::nullopt}, kNow);
    CHECK(open.size() == 3);
    auto with_done = list_followups(*e.db, {e.event, true, std::nullopt}, kNow);
    REQUIRE(with_done.size() == 4);
    CHECK(with_done[0].done());
    CHECK(with_done[0].done_at.size() == 20);  // when it was kept
    const std::string kept_at = with_done[0].done_at;
    REQUIRE(mark_done(*e.db, all[0].id).ok());  // again: the first time stays
    CHECK(list_followups(*e.db, {e.event, true, std::nullopt}, kNow)[0].done_at == kept_at);
    REQUIRE(mark_open(*e.db, all[0].id).ok());
    CHECK(list_followups(*e.db, {e.event, false, std::nullopt}, kNow).size() == 4);
    CHECK_FALSE(mark_done(*e.db, 999).ok());
}

TEST_CASE("thank everyone met, connect on LinkedIn with those who have a profile", "[followups]") {
    Evening e;
    ReceptionStore store(*e.db);
    for (Id person : {e.mette, e.soren}) REQUIRE(store.mark_met(e.event, person).ok());
    auto thank = to_thank(*e.db, e.event);
    REQUIRE(thank.size() == 2);
    CHECK(thank[0].person.first_name == "Mette");
    REQUIRE(mark_thanked(*e.db, e.event, e.mette).ok());
    CHECK(to_thank(*e.db, e.event).size() == 1);
    auto connect = to_connect(*e.db, e.event);
    REQUIRE(connect.size() == 1);
    CHECK(connect[0].person.first_name == "Søren");
    REQUIRE(mark_connected(*e.db, e.soren).ok());
    CHECK(to_connect(*e.db, e.event).empty());
}

TEST_CASE("the event's review counts targets met, promises kept both ways, thanks and new relationships", "[followups]") {
    Evening e;
    std::vector<Id> targets{e.mette, e.soren};
    REQUIRE(TargetStore(*e.db).add(e.event, targets).ok());
    ReceptionStore store(*e.db);
    REQUIRE(store.mark_met(e.event, e.mette).ok());
    REQUIRE(store.mark_met(e.event, e.ida).ok());
    auto mine = store.add_promise(e.event, e.mette, true, "Send my CV", "2026-12-04T09:00");
    REQUIRE(store.add_promise(e.event, e.mette, false, "Report", "2026-12-04T09:00").ok());
    REQUIRE(mark_done(*e.db, *mine).ok());
    REQUIRE(mark_thanked(*e.db, e.event, e.mette).ok());
    REQUIRE(PersonMemory(*e.db).set_relation(e.ida, Relation::Good).ok());
    REQUIRE(set_rating(*e.db, e.event, 4).ok());
    CHECK_FALSE(set_rating(*e.db, e.event, 6).ok());

    auto review = review_event(*e.db, e.event);
    REQUIRE(review.ok());
    CHECK(review->targets == 2);
    CHECK(review->targets_met == 1);
    CHECK(review->met == 2);
    CHECK(review->promised_by_me == 1);
    CHECK(review->kept_by_me == 1);
    CHECK(review->promised_to_me == 1);
    CHECK(review->kept_to_me == 0);
    CHECK(review->thanked == 1);
    CHECK(review->new_relationships == 1);
    CHECK(review->rating == 4);
    CHECK(review_all(*e.db).size() == 1);
}

TEST_CASE("cli: followups --json, done and review --json", "[followups][cli]") {
    TempDir dir;
    using mingle::testing::run_cli;
    REQUIRE(run_cli(dir, {"event", "add", "Reception"}).status == 0);
    REQUIRE(run_cli(dir, {"walkin", "--event", "Reception", "--name", "Mette Østergaard"}).status == 0);
    REQUIRE(run_cli(dir, {"promise", "add", "--event", "Reception", "--person", "1", "--by", "me", "--due", "2026-01-01",
                          "Send my CV"}).status == 0);
    REQUIRE(run_cli(dir, {"promise", "add", "--event", "Reception", "--person", "1", "--by", "them", "--due", "2099-01-01",
                          "The report"}).status == 0);
    auto listed = run_cli(dir, {"followups", "--event", "Reception", "--json"});
    INFO(listed.err);
    REQUIRE(listed.status == 0);
    auto json = nlohmann::json::parse(listed.out);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["by"] == "me");
    CHECK(json[0]["text"] == "Send my CV");
    CHECK(json[0]["due"] == "2026-01-01T09:00");
    CHECK(json[0]["group"] == "overdue");
    CHECK(json[0]["done"] == false);
    CHECK(json[0]["person_id"] == 1);
    CHECK(json[1]["by"] == "them");
    const std::string id = std::to_string(json[0]["id"].get<long>());
    REQUIRE(run_cli(dir, {"done", id}).status == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"followups", "--json"}).out)[0]["done"] == true);
    CHECK(nlohmann::json::parse(run_cli(dir, {"followups", "--due", "overdue", "--json"}).out).empty());
    CHECK(run_cli(dir, {"followups", "--due", "soon"}).status == 2);
    CHECK(run_cli(dir, {"done", "77"}).status == 1);

    auto review = run_cli(dir, {"review", "--event", "Reception", "--rating", "5", "--json"});
    REQUIRE(review.status == 0);
    auto r = nlohmann::json::parse(review.out);
    CHECK(r["met"] == 1);
    CHECK(r["kept_by_me"] == 1);
    CHECK(r["promised_to_me"] == 1);
    CHECK(r["rating"] == 5);
    CHECK(run_cli(dir, {"review", "--event", "Reception", "--rating", "9"}).status == 2);
}

TEST_CASE("the thank-you names the talk and the promises, the promised CV goes along as a real draft", "[followups][drafts]") {
    Evening e;
    TempDir dir;
    REQUIRE(PersonMemory(*e.db).set_field(e.mette, "email", "mette@orsted.dk").ok());
    REQUIRE(PersonMemory(*e.db).add_note(e.mette, e.event, "Havvindsprojekterne i Polen.").ok());
    ReceptionStore store(*e.db);
    REQUIRE(store.add_promise(e.event, e.mette, true, "Send mit CV", "2026-12-04T09:00").ok());
    REQUIRE(store.add_promise(e.event, e.mette, false, "en kop kaffe hos Ørsted", "2026-12-10T09:00").ok());
    REQUIRE(store.mark_met(e.event, e.soren).ok());

    Config config = default_config();
    config.me.name = "Anne \"AJ\" Jensen";
    config.me.email = "anne@example.dk";
    FollowupFacts facts = gather_followup_facts(*e.db, e.event, e.mette);
    REQUIRE(facts.promises.size() == 2);
    CHECK(promises_cv(facts.promises[0]));
    Draft draft = thank_you_draft(facts, config, {}, Language::Danish);
    INFO(draft.subject << "\n" << draft.body);
    CHECK(draft.subject == "Tak for Reception");
    CHECK(draft.body.find("Hej Mette") != std::string::npos);
    CHECK(draft.body.find("havvindsprojekterne i Polen") != std::string::npos);
    CHECK(draft.body.find("Som lovet: Send mit CV.") != std::string::npos);
    CHECK(draft.body.find("en kop kaffe hos Ørsted") != std::string::npos);
    CHECK(draft.body.find('{') == std::string::npos);
    CHECK(draft.body.find("..") == std::string::npos);

    // Promised the CV, but the config does not say where it is: a clear message.
    auto refused = thank_you_mail(facts, config, {}, Language::Danish);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("cv_path") != std::string::npos);

    std::string cv_bytes;
    for (int i = 0; i < 3000; ++i) cv_bytes.push_back(static_cast<char>(i % 256));
    mingle::testing::write_file(dir / "CV Anne.pdf", cv_bytes);
    config.me.cv_path = (dir / "CV Anne.pdf").string();
    auto written = export_drafts(*e.db, e.event, config, {}, dir / "drafts", Language::Danish);
    INFO((written.ok() ? std::string() : written.error().describe()));
    REQUIRE(written.ok());
    REQUIRE(written->size() == 2);  // Mette (promises) and Søren (met)
    const auto mette_file = dir / "drafts" / "mette-ostergaard.eml";
    REQUIRE(std::filesystem::exists(mette_file));
    mingle::testing::write_file(dir / "expected.json", nlohmann::json{
        {"from", {{"name", "Anne \"AJ\" Jensen"}, {"email", "anne@example.dk"}}},
        {"to", {{{"name", "Mette Østergaard"}, {"email", "mette@orsted.dk"}}}},
        {"subject", "Tak for Reception"},
        {"x_unsent", "1"},
        {"attachments", {{{"filename", "CV Anne.pdf"}, {"content_type", "application/pdf"},
                          {"path", (dir / "CV Anne.pdf").string()}}}}}.dump());
    const std::string command = "/usr/bin/python3 " MINGLE_SOURCE_DIR "/tests/check_eml.py '" + mette_file.string() +
                                "' '" + (dir / "expected.json").string() + "'";
    CHECK(std::system(command.c_str()) == 0);
}

TEST_CASE("keep in touch: due by the relationship's cadence, restarted by a contact, the balance both ways", "[followups]") {
    Evening e;
    PersonMemory memory(*e.db);
    REQUIRE(memory.set_relation(e.mette, Relation::Vip).ok());
    REQUIRE(memory.set_relation(e.soren, Relation::Good).ok());
    REQUIRE(memory.set_relation(e.ida, Relation::Card).ok());
    KeepInTouch cadence;  // inner 14, VIP 28, good 91, card never
    // Never in touch: both due (the card-only one never is).
    auto due = due_to_nurture(*e.db, cadence);
    REQUIRE(due.size() == 2);
    // Mette was in touch 40 days ago, Søren 30: Mette is due (VIP, 28), Søren not (good, 91).
    e.db->sql().exec("INSERT INTO contact_log(person_id, kind, at) VALUES (" + std::to_string(e.mette) +
                     ", 'contact', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-40 days')), (" + std::to_string(e.soren) +
                     ", 'contact', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-30 days'))");
    due = due_to_nurture(*e.db, cadence);
    REQUIRE(due.size() == 1);
    CHECK(due[0].person.first_name == "Mette");
    CHECK(due[0].days_since == 40);
    CHECK(due[0].cadence_days == 28);
    CHECK(due[0].gave == 0);
    // A promise kept counts in the balance the list carries, without restarting the cadence.
    auto earlier = ReceptionStore(*e.db).add_promise(e.event, e.mette, true, "Article", "2026-12-01T09:00");
    REQUIRE(mark_done(*e.db, *earlier).ok());
    due = due_to_nurture(*e.db, cadence);
    REQUIRE(due.size() == 1);
    CHECK(due[0].gave == 1);
    CHECK(due[0].received == 0);
    // Something given today restarts it.
    REQUIRE(log_contact(*e.db, e.mette, ContactKind::Gave, "Link til artiklen").ok());
    CHECK(due_to_nurture(*e.db, cadence).empty());
    REQUIRE(log_contact(*e.db, e.mette, ContactKind::Received, "Et tip").ok());
    auto kept = ReceptionStore(*e.db).add_promise(e.event, e.mette, true, "CV", "2026-12-04T09:00");
    REQUIRE(mark_done(*e.db, *kept).ok());
    TrustBalance balance = trust_balance(*e.db, e.mette);
    CHECK(balance.gave == 3);  // the link, and the two promises kept
    CHECK(balance.received == 1);
    CHECK(balance.entries.size() == 3);
    CHECK_FALSE(log_contact(*e.db, 999, ContactKind::Contact, "").ok());

    TempDir dir;
    using mingle::testing::run_cli;
    REQUIRE(run_cli(dir, {"event", "add", "X"}).status == 0);
    REQUIRE(run_cli(dir, {"walkin", "--event", "X", "--name", "Karen Blix"}).status == 0);
    REQUIRE(run_cli(dir, {"person", "set", "1", "--relation", "vip"}).status == 0);
    // Met tonight counts as contact: not due.
    CHECK(nlohmann::json::parse(run_cli(dir, {"nurture", "--json"}).out).empty());
    CHECK(run_cli(dir, {"contact", "add", "--person", "1", "--kind", "gave", "An introduction"}).status == 0);
    CHECK(run_cli(dir, {"contact", "add", "--person", "1", "--kind", "bribe"}).status == 2);
}

TEST_CASE("a promised introduction finds the person named, at the event first", "[followups][drafts]") {
    Evening e;
    Id lars = *PersonMemory(*e.db).add_person("Lars", "Holm", "Ørsted");
    Id other_lars = *PersonMemory(*e.db).add_person("Lars", "Berg", "");
    e.db->sql().exec("INSERT INTO participant(event_id, person_id) VALUES (" + std::to_string(e.event) + ", " +
                     std::to_string(other_lars) + ")");
    ReceptionStore store(*e.db);
    auto promise_of = [&](const std::string& text, bool by_me) {
        auto id = store.add_promise(e.event, e.mette, by_me, text, "2026-12-04T09:00");
        REQUIRE(id.ok());
        for (const Followup& f : list_followups(*e.db, {e.event, true, std::nullopt}, kNow))
            if (f.id == *id) return f;
        FAIL("no promise");
        return Followup{};
    };
    auto introduce = promised_introduction(*e.db, promise_of("Introducere Mette for Lars", true));
    REQUIRE(introduce);
    CHECK(introduce->id == other_lars);  // the Lars at the event
    CHECK(promised_introduction(*e.db, promise_of("I'll connect you with Søren.", true))->first_name == "Søren");
    CHECK_FALSE(promised_introduction(*e.db, promise_of("Send my CV to Lars", true)));      // not an introduction
    CHECK_FALSE(promised_introduction(*e.db, promise_of("Introduce me to Lars", false)));   // theirs, not the user's
    CHECK_FALSE(promised_introduction(*e.db, promise_of("Introducere hende for Bodil", true)));  // no Bodil known
    (void)lars;
}
