// The command line for preparing an event: the contract scripts and checks rely on.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "core/cli/cli.hpp"
#include "cli_runner.hpp"
#include "test_support.hpp"

using namespace mingle;
using mingle::testing::TempDir;
using Json = nlohmann::json;

namespace {

using Run = mingle::testing::CliRun;

Run mingle_cli(const TempDir& dir, std::vector<std::string> arguments) {
    return mingle::testing::run_cli(dir, std::move(arguments));
}

Json json_of(const Run& run) {
    INFO(run.err);
    REQUIRE(run.status == 0);
    return Json::parse(run.out);
}

// Two events: a past forum and tonight's reception, with people who overlap.
struct Network {
    TempDir dir;
    std::map<std::string, std::string> id;  // first name -> id

    Network() {
        mingle::testing::write_file(dir / "forum.csv",
                                    "First Name,Last Name,Email,Company\n"
                                    "Mette,Østergaard,mette@orsted.dk,Ørsted\n"
                                    "Lars,Holm,lars@orsted.dk,Ørsted\n"
                                    "Karen,Blix,karen@novo.dk,Novo Nordisk\n");
        mingle::testing::write_file(dir / "reception.csv",
                                    "First Name,Last Name,Email,Company\n"
                                    "Mette,Østergaard,mette@orsted.dk,Ørsted\n"
                                    "Søren,Bæk,soren@vestas.com,Vestas\n"
                                    "Camilla,Waldstrøm,camilla@ditlev.dk,Ditlev Consulting\n"
                                    "Karen,Blix,karen@novo.dk,Novo Nordisk\n");
        REQUIRE(mingle_cli(dir, {"event", "add", "Forum", "--date", "2025-10-01"}).status == 0);
        REQUIRE(mingle_cli(dir, {"event", "add", "Reception", "--date", "2026-12-03", "--goal", "Find a job"}).status == 0);
        REQUIRE(mingle_cli(dir, {"import", "--event", "Forum", (dir / "forum.csv").string()}).status == 0);
        REQUIRE(mingle_cli(dir, {"import", "--event", "Reception", (dir / "reception.csv").string()}).status == 0);
        for (const auto& person : json_of(mingle_cli(dir, {"people", "--json"})))
            id[person["first_name"].get<std::string>()] = std::to_string(person["id"].get<long>());
    }

    Run run(std::vector<std::string> arguments) { return mingle_cli(dir, std::move(arguments)); }
};

}  // namespace

TEST_CASE("cli: target set makes a target with a plan, and targets --json lists it", "[cli][prepare]") {
    Network net;
    auto set = net.run({"target", "set", "--event", "Reception", "--person", net.id["Mette"], "--circle", "central",
                        "--importance", "5", "--role", "access", "--ask", "Hvem ansætter?", "--offer", "Et tip",
                        "--nurture", "Send artiklen", "--recognize", "Rødt tørklæde"});
    INFO(set.err);
    REQUIRE(set.status == 0);
    REQUIRE(net.run({"target", "set", "--event", "Reception", "--person", net.id["Søren"]}).status == 0);

    Json targets = json_of(net.run({"targets", "--event", "Reception", "--json"}));
    REQUIRE(targets.size() == 2);
    const Json& mette = targets[0];
    CHECK(mette["id"] == std::stol(net.id["Mette"]));
    CHECK(mette["first_name"] == "Mette");
    CHECK(mette["circle"] == "central");
    CHECK(mette["importance"] == 5);
    CHECK(mette["role"] == "access");
    CHECK(mette["ask"] == "Hvem ansætter?");
    CHECK(mette["offer"] == "Et tip");
    CHECK(mette["nurture"] == "Send artiklen");
    CHECK(mette["recognize"] == "Rødt tørklæde");
    CHECK(mette["has_plan"] == true);
    CHECK(targets[1]["circle"] == "outer");
    CHECK(targets[1]["importance"] == 3);
    CHECK(targets[1]["has_plan"] == false);

    auto text = net.run({"targets", "--event", "Reception"});
    CHECK(text.out.find("Goal: Find a job") != std::string::npos);
    CHECK(text.out.find("1 central, 0 inner circle, 1 outer circle; 1 without a plan") != std::string::npos);

    // Editing one field leaves the others.
    REQUIRE(net.run({"target", "set", "--event", "Reception", "--person", net.id["Mette"], "--circle", "inner"}).status == 0);
    Json again = json_of(net.run({"targets", "--event", "Reception", "--json"}));
    CHECK(again[0]["circle"] == "inner");
    CHECK(again[0]["ask"] == "Hvem ansætter?");

    REQUIRE(net.run({"target", "remove", "--event", "Reception", "--person", net.id["Søren"]}).status == 0);
    CHECK(json_of(net.run({"targets", "--event", "Reception", "--json"})).size() == 1);
}

TEST_CASE("cli: a wrong value in target set says what to write and changes nothing", "[cli][prepare]") {
    Network net;
    const std::vector<std::pair<std::vector<std::string>, std::string>> wrong = {
        {{"--circle", "middle"}, "central, inner or outer"},
        {{"--importance", "9"}, "from 1 to 5"},
        {{"--importance", "high"}, "from 1 to 5"},
        {{"--role", "boss"}, "info, intermediary, access"},
    };
    for (const auto& [extra, expected] : wrong) {
        std::vector<std::string> arguments{"target", "set", "--event", "Reception", "--person", net.id["Mette"], "--ask", "x"};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        auto run = net.run(arguments);
        INFO(extra[0] << " " << extra[1]);
        CHECK(run.status == 2);
        CHECK(run.err.find(expected) != std::string::npos);
    }
    CHECK(json_of(net.run({"targets", "--event", "Reception", "--json"})).empty());

    auto unknown = net.run({"target", "set", "--event", "Reception", "--person", "9999"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("9999") != std::string::npos);
    auto no_event = net.run({"target", "set", "--event", "Nowhere", "--person", net.id["Mette"]});
    CHECK(no_event.status == 1);
    CHECK(no_event.err.find("Nowhere") != std::string::npos);
    CHECK(net.run({"targets", "--event", "Reception", "--json"}).out == "[]\n");
}

TEST_CASE("cli: person set, link add and note add build the memory person show reports", "[cli][prepare]") {
    Network net;
    REQUIRE(net.run({"person", "set", net.id["Camilla"], "--relation", "vip", "--former-company", "Vestas"}).status == 0);
    REQUIRE(net.run({"link", "add", net.id["Camilla"], net.id["Søren"], "--how", "tidligere kolleger"}).status == 0);
    auto note = net.run({"note", "add", "--person", net.id["Camilla"], "--event", "Reception", "Talte om karriereskift"});
    INFO(note.err);
    REQUIRE(note.status == 0);

    Json camilla = json_of(net.run({"person", "show", net.id["Camilla"], "--json"}));
    CHECK(camilla["relation"] == "vip");
    REQUIRE(camilla["history"].size() == 1);
    CHECK(camilla["history"][0]["company"] == "Vestas");
    REQUIRE(camilla["links"].size() == 1);
    CHECK(camilla["links"][0]["name"] == "Søren Bæk");
    CHECK(camilla["links"][0]["how"] == "tidligere kolleger");
    REQUIRE(camilla["notes"].size() == 1);
    CHECK(camilla["notes"][0]["text"] == "Talte om karriereskift");
    CHECK(camilla["notes"][0]["event"] == "Reception");
    CHECK(camilla["events"].size() == 1);

    Json links = json_of(net.run({"links", net.id["Søren"], "--json"}));
    REQUIRE(links.size() == 1);
    CHECK(links[0]["first_name"] == "Camilla");

    auto wrong = net.run({"person", "set", net.id["Camilla"], "--relation", "friend"});
    CHECK(wrong.status == 2);
    CHECK(wrong.err.find("inner, vip, good, card or none") != std::string::npos);
    CHECK(json_of(net.run({"person", "show", net.id["Camilla"], "--json"}))["relation"] == "vip");
    CHECK(net.run({"link", "add", net.id["Camilla"], net.id["Camilla"]}).status == 1);
    CHECK(net.run({"note", "add", "--person", net.id["Camilla"], "   "}).status == 1);
}

TEST_CASE("cli: introducers --json ranks door-openers with reasons, attending first", "[cli][prepare]") {
    Network net;
    REQUIRE(net.run({"person", "set", net.id["Camilla"], "--relation", "vip"}).status == 0);
    REQUIRE(net.run({"link", "add", net.id["Camilla"], net.id["Søren"], "--how", "tidligere kolleger"}).status == 0);
    REQUIRE(net.run({"link", "add", net.id["Lars"], net.id["Søren"], "--how", "roklubben"}).status == 0);
    REQUIRE(net.run({"person", "set", net.id["Lars"], "--relation", "inner"}).status == 0);

    Json openers = json_of(net.run({"introducers", "--event", "Reception", "--person", net.id["Søren"], "--json"}));
    REQUIRE(openers.size() == 2);
    // Camilla is at the reception; Lars, though closer to the user, is not: Camilla first.
    CHECK(openers[0]["first_name"] == "Camilla");
    CHECK(openers[0]["last_name"] == "Waldstrøm");
    CHECK(openers[0]["id"] == std::stol(net.id["Camilla"]));
    CHECK(openers[0]["attending"] == true);
    CHECK(openers[1]["first_name"] == "Lars");
    CHECK(openers[1]["attending"] == false);
    for (const auto& opener : openers) REQUIRE(opener["reasons"].is_array());
    std::string reasons = openers[0]["reasons"].dump();
    CHECK(reasons.find("tidligere kolleger") != std::string::npos);

    // Mette is reached through Lars: same company, and the forum they were both at.
    Json to_mette = json_of(net.run({"introducers", "--event", "Reception", "--person", net.id["Mette"], "--json"}));
    REQUIRE_FALSE(to_mette.empty());
    bool lars_found = false;
    for (const auto& opener : to_mette)
        if (opener["first_name"] == "Lars") {
            lars_found = true;
            CHECK(opener["reasons"].dump().find("Ørsted") != std::string::npos);
            CHECK(opener["reasons"].dump().find("Forum") != std::string::npos);
        }
    CHECK(lars_found);

    auto draft = net.run({"intro-draft", "--event", "Reception", "--person", net.id["Søren"], "--via", net.id["Camilla"],
                          "--lang", "da"});
    INFO(draft.err);
    REQUIRE(draft.status == 0);
    CHECK(draft.out.rfind("Subject: ", 0) == 0);
    CHECK(draft.out.find("Camilla") != std::string::npos);
    CHECK(draft.out.find("Søren") != std::string::npos);
    CHECK(draft.out.find('{') == std::string::npos);
    CHECK(net.run({"intro-draft", "--event", "Reception", "--person", net.id["Søren"], "--via", net.id["Camilla"],
                   "--lang", "fr"}).status == 2);
}

TEST_CASE("cli: pairs suggests people the user knows who should meet, with a draft", "[cli][prepare]") {
    Network net;
    CHECK(net.run({"pairs", "--event", "Reception"}).out.find("No pairs") != std::string::npos);
    mingle::testing::write_file(net.dir / "answers.csv",
                                "First Name,Last Name,Email,Job Title,What would you like to talk about?\n"
                                "Ida,Holm,ida@cph.dk,Studerende,Praktik og rekruttering i energisektoren\n"
                                "Åse,Kjær,ase@energinet.dk,HR-chef,Rekruttering af nyuddannede\n");
    REQUIRE(net.run({"import", "--event", "Reception", (net.dir / "answers.csv").string()}).status == 0);
    auto people = json_of(net.run({"people", "--event", "Reception", "--json"}));
    for (const auto& person : people) {
        std::string first = person["first_name"];
        if (first == "Ida" || first == "Åse")
            REQUIRE(net.run({"person", "set", std::to_string(person["id"].get<long>()), "--relation", "good"}).status == 0);
    }
    Json pairs = json_of(net.run({"pairs", "--event", "Reception", "--json"}));
    REQUIRE(pairs.size() == 1);
    std::string names = pairs[0]["first"]["first_name"].get<std::string>() + "+" + pairs[0]["second"]["first_name"].get<std::string>();
    CHECK((names == "Ida+Åse" || names == "Åse+Ida"));
    CHECK_FALSE(pairs[0]["reason"].get<std::string>().empty());
    CHECK(pairs[0]["draft"]["body"].get<std::string>().find("Ida") != std::string::npos);
}

TEST_CASE("cli: prompts --json gives open questions with text and kind, and prompt mark remembers", "[cli][prompts]") {
    Network net;
    REQUIRE(net.run({"person", "set", net.id["Mette"], "--title", "Projektleder"}).status == 0);
    REQUIRE(net.run({"note", "add", "--person", net.id["Mette"], "Talte om elnettet i 2030. Sender rapport."}).status == 0);
    REQUIRE(net.run({"target", "set", "--event", "Reception", "--person", net.id["Mette"]}).status == 0);
    Json prompts = json_of(net.run({"prompts", "--event", "Reception", "--person", net.id["Mette"], "--lang", "da",
                                    "--count", "3", "--json"}));
    REQUIRE(prompts.size() == 3);
    bool continues = false;
    for (const auto& prompt : prompts) {
        std::string text = prompt["text"];
        CHECK(text.rfind("Hv", 0) == 0);
        CHECK(text.find('{') == std::string::npos);
        CHECK_FALSE(prompt["kind"].get<std::string>().empty());
        continues |= text.find("elnettet i 2030") != std::string::npos;
    }
    CHECK(continues);  // the last conversation goes on
    Json english = json_of(net.run({"prompts", "--event", "Reception", "--person", net.id["Mette"], "--lang", "en", "--json"}));
    REQUIRE_FALSE(english.empty());
    std::string first = english[0]["text"];
    CHECK((first.rfind("Wh", 0) == 0 || first.rfind("How", 0) == 0));

    // Pinned: first in every set.
    std::string pinned = prompts[2]["id"];
    REQUIRE(net.run({"prompt", "mark", "--event", "Reception", "--person", net.id["Mette"], pinned, "--pinned"}).status == 0);
    for (const char* set : {"0", "1", "2"}) {
        Json again = json_of(net.run({"prompts", "--event", "Reception", "--person", net.id["Mette"], "--lang", "da",
                                      "--set", set, "--json"}));
        CHECK(again[0]["id"] == pinned);
        CHECK(again[0]["pinned"] == true);
    }
    CHECK(net.run({"prompt", "mark", "--event", "Reception", "--person", net.id["Mette"], "nonsense"}).status == 2);
    CHECK(net.run({"prompts", "--event", "Reception", "--person", net.id["Mette"], "--count", "0"}).status == 2);
}

TEST_CASE("cli: met, walkin and promise add, with due words and clear refusals", "[cli][reception]") {
    Network net;
    REQUIRE(net.run({"met", "--event", "Reception", "--person", net.id["Mette"]}).status == 0);
    auto walk_in = net.run({"walkin", "--event", "Reception", "--name", "Jens Hansen", "--company", "Maersk"});
    INFO(walk_in.err);
    REQUIRE(walk_in.status == 0);
    const std::string jens = walk_in.out.substr(0, walk_in.out.find('\n'));
    Json people = json_of(net.run({"people", "--event", "Reception", "--json"}));
    bool found = false;
    for (const auto& person : people)
        found |= std::to_string(person["id"].get<long>()) == jens && person["company"] == "Maersk";
    CHECK(found);

    auto promise = net.run({"promise", "add", "--event", "Reception", "--person", net.id["Mette"], "--by", "me", "--due",
                            "fredag", "Send my CV"});
    INFO(promise.err);
    REQUIRE(promise.status == 0);
    REQUIRE(net.run({"promise", "add", "--event", "Reception", "--person", jens, "--by", "them", "The report"}).status == 0);
    auto bad_due = net.run({"promise", "add", "--event", "Reception", "--person", jens, "--by", "me", "--due", "someday", "x"});
    CHECK(bad_due.status == 2);
    CHECK(bad_due.err.find("someday") != std::string::npos);
    CHECK(net.run({"promise", "add", "--event", "Reception", "--person", jens, "--by", "us", "x"}).status == 2);
    CHECK(net.run({"met", "--event", "Reception", "--person", "9999"}).status == 1);
}
