// The command line for preparing an event: targets, what mingle remembers about people, who
// knows whom, door-openers and introductions. Each mirrors a part of the prep board.
#include <algorithm>
#include <charconv>
#include <functional>

#include "core/cli/command_support.hpp"
#include "core/door_openers.hpp"
#include "core/introductions.hpp"
#include "core/links.hpp"
#include "core/privacy.hpp"
#include "core/targets.hpp"

namespace mingle::cli {
namespace {

Json target_json(const Target& target) {
    Json json = person_json(target.person);
    json["person_id"] = target.person.id;
    json["circle"] = circle_key(target.circle);
    json["importance"] = target.importance;
    json["role"] = role_key(target.role);
    json["ask"] = target.ask;
    json["offer"] = target.offer;
    json["nurture"] = target.nurture;
    json["has_plan"] = target.has_plan();
    return json;
}

std::optional<Id> require_id(Context& context, const std::string& command, const std::optional<std::string>& text,
                             const char* what) {
    if (!text) {
        context.err << "mingle " << command << ": give " << what << ". See mingle --help.\n";
        return std::nullopt;
    }
    auto id = parse_id(*text);
    if (!id) context.err << "mingle " << command << ": \"" << *text << "\" is not a person's id (see mingle people).\n";
    return id;
}

std::optional<Language> language_option(Context& context, const CommandArgs& args) {
    auto code = args.value("lang");
    if (!code) return context.language;
    auto language = parse_language(*code);
    if (!language) context.err << "mingle: --lang is da or en, not \"" << *code << "\".\n";
    return language;
}

// Runs the edits in order and stops at the first failure.
int apply_all(Context& context, const std::vector<std::function<Status()>>& edits) {
    for (const auto& edit : edits)
        if (auto status = edit(); !status.ok()) return fail(context.err, status.error());
    return kSuccess;
}

}  // namespace

int command_target(Context& context, const CommandArgs& args) {
    if (args.positionals.size() != 1 || (args.positionals[0] != "set" && args.positionals[0] != "remove")) {
        context.err << "mingle target: give set or remove, --event NAME and --person ID. See mingle --help.\n";
        return kUsage;
    }
    auto event_name = args.value("event");
    if (!event_name) {
        context.err << "mingle target: give --event NAME.\n";
        return kUsage;
    }
    auto person_id = require_id(context, "target", args.value("person"), "--person ID");
    if (!person_id) return kUsage;
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    if (!require_person(context, *person_id)) return kFailure;
    TargetStore targets(context.db);
    if (args.positionals[0] == "remove") {
        if (auto removed = targets.remove(event->id, *person_id); !removed.ok()) return fail(context.err, removed.error());
        return kSuccess;
    }

    // Check every value first: a wrong one changes nothing.
    std::optional<Circle> circle;
    if (auto text = args.value("circle")) {
        circle = parse_circle(*text);
        if (!circle) {
            context.err << "mingle target: --circle is central, inner or outer, not \"" << *text << "\".\n";
            return kUsage;
        }
    }
    std::optional<TargetRole> role;
    if (auto text = args.value("role")) {
        role = parse_role(*text);
        if (!role) {
            context.err << "mingle target: --role is info, intermediary, access or none, not \"" << *text << "\".\n";
            return kUsage;
        }
    }
    std::optional<int> importance;
    if (auto text = args.value("importance")) {
        int value = 0;
        auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
        if (error != std::errc() || end != text->data() + text->size() || value < 1 || value > 5) {
            context.err << "mingle target: --importance is a number from 1 to 5, not \"" << *text << "\".\n";
            return kUsage;
        }
        importance = value;
    }

    Id e = event->id, p = *person_id;
    std::vector<std::function<Status()>> edits;
    edits.push_back([&]() -> Status {
        std::vector<Id> one{p};
        auto added = targets.add(e, one, circle.value_or(Circle::Outer));
        if (!added.ok()) return added.error();
        return ok_status();
    });
    if (circle) edits.push_back([&] { return targets.set_circle(e, p, *circle); });
    if (importance) edits.push_back([&] { return targets.set_importance(e, p, *importance); });
    if (role) edits.push_back([&] { return targets.set_role(e, p, *role); });
    const std::pair<const char*, PlanField> kPlan[] = {
        {"ask", PlanField::Ask}, {"offer", PlanField::Offer}, {"nurture", PlanField::Nurture}};
    for (const auto& [option, field] : kPlan)
        if (auto text = args.value(option)) edits.push_back([&, text, field = field] { return targets.set_plan(e, p, field, *text); });
    if (auto text = args.value("recognize"))
        edits.push_back([&, text] { return PersonMemory(context.db).set_recognize(p, *text); });
    return apply_all(context, edits);
}

int command_targets(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    if (!event_name) {
        context.err << "mingle targets: give --event NAME.\n";
        return kUsage;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    TargetStore store(context.db);
    auto targets = store.list(event->id);
    if (args.flag("json")) {
        Json list = Json::array();
        for (const auto& target : targets) list.push_back(target_json(target));
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    TargetCounts counts = store.counts(event->id);
    if (!event->goal.empty()) context.out << "Goal: " << event->goal << "\n";
    context.out << counts.central << " central, " << counts.inner << " inner circle, " << counts.outer
                << " outer circle; " << counts.without_plan << " without a plan\n";
    if (counts.central > kCentralNetworkSize)
        context.out << "The central network holds " << counts.central << "; the advice is to start with the five most "
                    << "important.\n";
    for (const auto& target : targets) {
        context.out << target.person.id << "\t" << circle_key(target.circle) << "\t" << target.importance << "\t"
                    << target.person.display_name();
        if (!target.person.company.empty()) context.out << ", " << target.person.company;
        context.out << "\n";
        if (!target.ask.empty()) context.out << "\task: " << target.ask << "\n";
        if (!target.offer.empty()) context.out << "\toffer: " << target.offer << "\n";
        if (!target.nurture.empty()) context.out << "\tnurture: " << target.nurture << "\n";
    }
    return kSuccess;
}

int command_person(Context& context, const CommandArgs& args) {
    const std::string action = args.positionals.empty() ? "" : args.positionals[0];
    if (args.positionals.size() != 2 ||
        (action != "set" && action != "show" && action != "export" && action != "erase")) {
        context.err << "mingle person: give set, show, export or erase and a person's id. See mingle --help.\n";
        return kUsage;
    }
    auto id = parse_id(args.positionals[1]);
    if (!id) {
        context.err << "mingle person: \"" << args.positionals[1] << "\" is not a person's id (see mingle people).\n";
        return kUsage;
    }
    auto person = require_person(context, *id);
    if (!person) return kFailure;
    PersonMemory memory(context.db);

    if (action == "export") {
        auto everything = export_person(context.db, *id);
        if (!everything.ok()) return fail(context.err, everything.error());
        context.out << everything->dump(2) << "\n";
        return kSuccess;
    }
    if (action == "erase") {
        auto erased = erase_person(context.db, *id);
        if (!erased.ok()) return fail(context.err, erased.error());
        context.out << "Erased " << person->display_name() << " and everything about them.\n";
        if (!erased->still_mentioned_in.empty()) {
            context.out << "Files mingle wrote earlier still mention them; delete these if they should go too:\n";
            for (const auto& path : erased->still_mentioned_in) context.out << "  " << path.string() << "\n";
        }
        return kSuccess;
    }
    if (args.positionals[0] == "show") {
        auto notes = memory.notes(*id);
        auto history = memory.history(*id);
        auto events = memory.events_of(*id);
        auto links = LinkStore(context.db).links_of(*id);
        if (args.flag("json")) {
            Json json = person_json(*person);
            json["notes"] = Json::array();
            for (const auto& note : notes)
                json["notes"].push_back({{"id", note.id}, {"date", note.created_at}, {"event", note.event_name}, {"text", note.text}});
            json["history"] = Json::array();
            for (const auto& entry : history)
                json["history"].push_back({{"id", entry.id}, {"company", entry.company}, {"title", entry.title},
                                           {"from_import", entry.from_import}});
            json["events"] = Json::array();
            for (const auto& event : events) json["events"].push_back({{"id", event.event_id}, {"name", event.event_name}, {"date", event.date}});
            json["links"] = Json::array();
            for (const auto& link : links)
                json["links"].push_back({{"id", link.other.id}, {"name", link.other.display_name()}, {"how", link.how}});
            context.out << json.dump(2) << "\n";
            return kSuccess;
        }
        context.out << person->display_name() << " (" << person->id << ")";
        if (!person->company.empty()) context.out << ", " << person->title << (person->title.empty() ? "" : ", ") << person->company;
        context.out << "\nrelationship: " << relation_key(person->relation) << "\n";
        if (!person->recognize.empty()) context.out << "recognize: " << person->recognize << "\n";
        for (const auto& entry : history)
            context.out << "before: " << entry.title << (entry.title.empty() || entry.company.empty() ? "" : ", ") << entry.company << "\n";
        for (const auto& event : events) context.out << "event: " << event.date << " " << event.event_name << "\n";
        for (const auto& link : links)
            context.out << "knows: " << link.other.display_name() << " (" << link.other.id << ")"
                        << (link.how.empty() ? "" : " — " + link.how) << "\n";
        for (const auto& note : notes) context.out << "note " << note.created_at.substr(0, 10) << ": " << note.text << "\n";
        return kSuccess;
    }

    std::optional<Relation> relation;
    if (auto text = args.value("relation")) {
        relation = parse_relation(*text);
        if (!relation) {
            context.err << "mingle person: --relation is inner, vip, good, card or none, not \"" << *text << "\".\n";
            return kUsage;
        }
    }
    std::vector<std::function<Status()>> edits;
    Id p = *id;
    if (relation) edits.push_back([&] { return memory.set_relation(p, *relation); });
    const std::pair<const char*, const char*> kFields[] = {
        {"first-name", "first_name"}, {"last-name", "last_name"}, {"email", "email"}, {"company", "company"},
        {"title", "title"}, {"phone", "phone"}, {"url", "url"}, {"recognize", "recognize"}, {"language", "language"}};
    for (const auto& [option, field] : kFields)
        if (auto text = args.value(option)) edits.push_back([&, text, field = field] { return memory.set_field(p, field, *text); });
    auto former_company = args.value("former-company"), former_title = args.value("former-title");
    if (former_company || former_title)
        edits.push_back([&] { return memory.add_history(p, former_company.value_or(""), former_title.value_or("")); });
    if (edits.empty()) {
        context.err << "mingle person set: give something to set, e.g. --relation vip. See mingle --help.\n";
        return kUsage;
    }
    return apply_all(context, edits);
}

int command_link(Context& context, const CommandArgs& args) {
    if (args.positionals.size() != 3 || (args.positionals[0] != "add" && args.positionals[0] != "remove")) {
        context.err << "mingle link: give add or remove and two people's ids. See mingle --help.\n";
        return kUsage;
    }
    auto a = parse_id(args.positionals[1]), b = parse_id(args.positionals[2]);
    if (!a || !b) {
        context.err << "mingle link: give two people's ids (see mingle people).\n";
        return kUsage;
    }
    LinkStore links(context.db);
    Status status = args.positionals[0] == "add" ? links.add(*a, *b, args.value("how").value_or("")) : links.remove(*a, *b);
    if (!status.ok()) return fail(context.err, status.error());
    return kSuccess;
}

int command_links(Context& context, const CommandArgs& args) {
    if (args.positionals.size() != 1 || !parse_id(args.positionals[0])) {
        context.err << "mingle links: give a person's id. See mingle --help.\n";
        return kUsage;
    }
    Id id = *parse_id(args.positionals[0]);
    if (!require_person(context, id)) return kFailure;
    auto links = LinkStore(context.db).links_of(id);
    if (args.flag("json")) {
        Json list = Json::array();
        for (const auto& link : links) {
            Json json = person_json(link.other);
            json["how"] = link.how;
            json["from_import"] = link.from_import;
            list.push_back(std::move(json));
        }
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    for (const auto& link : links)
        context.out << link.other.id << "\t" << link.other.display_name() << "\t" << link.how << "\n";
    return kSuccess;
}

int command_note(Context& context, const CommandArgs& args) {
    if (args.positionals.size() != 2 || args.positionals[0] != "add") {
        context.err << "mingle note: write mingle note add --person ID [--event NAME] TEXT (the text in quotes).\n";
        return kUsage;
    }
    auto id = require_id(context, "note", args.value("person"), "--person ID");
    if (!id) return kUsage;
    std::optional<Id> event_id;
    if (auto name = args.value("event")) {
        auto event = require_event(context, *name);
        if (!event) return kFailure;
        event_id = event->id;
    }
    auto note = PersonMemory(context.db).add_note(*id, event_id, args.positionals[1]);
    if (!note.ok()) return fail(context.err, note.error());
    context.out << *note << "\n";
    return kSuccess;
}

int command_introducers(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    if (!event_name) {
        context.err << "mingle introducers: give --event NAME and --person ID.\n";
        return kUsage;
    }
    auto id = require_id(context, "introducers", args.value("person"), "--person ID");
    if (!id) return kUsage;
    std::size_t limit = 25;
    if (auto text = args.value("limit")) {
        auto n = parse_id(*text);
        if (!n && *text != "0") {
            context.err << "mingle introducers: --limit is a number (0 for all).\n";
            return kUsage;
        }
        limit = n ? static_cast<std::size_t>(*n) : 0;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    auto target = require_person(context, *id);
    if (!target) return kFailure;
    auto openers = find_door_openers(context.db, event->id, *id, limit);
    if (args.flag("json")) {
        Json list = Json::array();
        for (const auto& opener : openers) {
            Json json = person_json(opener.person);
            json["attending"] = opener.attending;
            json["connection"] = opener.connection;
            json["reasons"] = describe_reasons(opener, *target, context.language);
            list.push_back(std::move(json));
        }
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    if (openers.empty()) context.out << "No one mingle knows of can introduce you to " << target->display_name() << " yet.\n";
    for (const auto& opener : openers) {
        context.out << opener.person.id << "\t" << opener.person.display_name() << (opener.attending ? "\t(attending)" : "") << "\n";
        for (const auto& reason : describe_reasons(opener, *target, context.language)) context.out << "\t" << reason << "\n";
    }
    return kSuccess;
}

int command_intro_draft(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    if (!event_name) {
        context.err << "mingle intro-draft: give --event NAME, --person ID and --via ID.\n";
        return kUsage;
    }
    auto id = require_id(context, "intro-draft", args.value("person"), "--person ID");
    auto via = require_id(context, "intro-draft", args.value("via"), "--via ID (the door-opener)");
    if (!id || !via) return kUsage;
    auto language = language_option(context, args);
    if (!language) return kUsage;
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    auto target = require_person(context, *id);
    auto opener = require_person(context, *via);
    if (!target || !opener) return kFailure;
    Draft draft = draft_introduction_request(*opener, *target, *event, context.my_name, *language);
    if (args.flag("json")) {
        context.out << Json{{"to", opener->email}, {"subject", draft.subject}, {"body", draft.body}}.dump(2) << "\n";
        return kSuccess;
    }
    context.out << "Subject: " << draft.subject << "\n\n" << draft.body;
    if (!draft.body.empty() && draft.body.back() != '\n') context.out << "\n";
    return kSuccess;
}

int command_pairs(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    if (!event_name) {
        context.err << "mingle pairs: give --event NAME.\n";
        return kUsage;
    }
    auto language = language_option(context, args);
    if (!language) return kUsage;
    std::size_t limit = 10;
    if (auto text = args.value("limit")) {
        auto n = parse_id(*text);
        if (!n) {
            context.err << "mingle pairs: --limit is a number from 1.\n";
            return kUsage;
        }
        limit = static_cast<std::size_t>(*n);
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    auto pairs = suggest_pairs(context.db, event->id, *language, limit);
    if (args.flag("json")) {
        Json list = Json::array();
        for (const auto& pair : pairs) {
            Draft draft = draft_pair_introduction(pair, *event, context.my_name, *language);
            list.push_back({{"first", person_json(pair.first)},
                            {"second", person_json(pair.second)},
                            {"score", pair.score},
                            {"reason", pair.reason},
                            {"draft", {{"subject", draft.subject}, {"body", draft.body}}}});
        }
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    if (pairs.empty()) context.out << "No pairs to suggest: mark the people you know at this event (mingle person set ID --relation ...).\n";
    for (const auto& pair : pairs)
        context.out << pair.first.display_name() << " + " << pair.second.display_name() << ": " << pair.reason << "\n";
    return kSuccess;
}

}  // namespace mingle::cli
