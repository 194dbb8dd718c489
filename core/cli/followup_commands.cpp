// The command line for the morning after: what is owed, done, and how the event went.
#include <charconv>

#include "core/cli/command_support.hpp"
#include "core/followups.hpp"

namespace mingle::cli {

int command_followups(Context& context, const CommandArgs& args) {
    FollowupQuery query;
    if (auto name = args.value("event")) {
        auto event = require_event(context, *name);
        if (!event) return kFailure;
        query.event_id = event->id;
    }
    const std::string due = args.value("due").value_or("all");
    if (due == "overdue") query.only = DueGroup::Overdue;
    else if (due == "today") query.only = DueGroup::Today;
    else if (due == "later") query.only = DueGroup::Later;
    else if (due == "all") query.include_done = true;
    else {
        context.err << "mingle followups: --due is overdue, today, later or all, not \"" << due << "\".\n";
        return kUsage;
    }
    auto list = list_followups(context.db, query, local_now());
    if (args.flag("json")) {
        Json out = Json::array();
        for (const Followup& f : list)
            out.push_back({{"id", f.id},
                           {"person_id", f.person_id},
                           {"person", f.person_name},
                           {"by", f.by_me ? "me" : "them"},
                           {"text", f.text},
                           {"due", f.due},
                           {"group", due_group_key(f.group)},
                           {"done", f.done()},
                           {"done_at", f.done_at},
                           {"event", f.event_name}});
        context.out << out.dump(2) << "\n";
        return kSuccess;
    }
    for (const Followup& f : list)
        context.out << f.id << "\t" << due_group_key(f.group) << "\t" << f.due << "\t" << (f.by_me ? "I promise " : "")
                    << f.person_name << (f.by_me ? ": " : " promised: ") << f.text << (f.done() ? "\t(done)" : "") << "\n";
    return kSuccess;
}

int command_done(Context& context, const CommandArgs& args) {
    if (args.positionals.size() != 1 || !parse_id(args.positionals[0])) {
        context.err << "mingle done: give a promise's id (see mingle followups). --undo opens it again.\n";
        return kUsage;
    }
    const Id id = *parse_id(args.positionals[0]);
    Status status = args.flag("undo") ? mark_open(context.db, id) : mark_done(context.db, id);
    if (!status.ok()) return fail(context.err, status.error());
    return kSuccess;
}

int command_review(Context& context, const CommandArgs& args) {
    auto name = args.value("event");
    if (!name) {
        context.err << "mingle review: give --event NAME (and --rating 1-5 to rate it).\n";
        return kUsage;
    }
    auto event = require_event(context, *name);
    if (!event) return kFailure;
    if (auto text = args.value("rating")) {
        int rating = 0;
        auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), rating);
        if (error != std::errc() || end != text->data() + text->size() || rating < 1 || rating > 5) {
            context.err << "mingle review: --rating is from 1 to 5, not \"" << *text << "\".\n";
            return kUsage;
        }
        if (auto saved = set_rating(context.db, event->id, rating); !saved.ok()) return fail(context.err, saved.error());
    }
    auto review = review_event(context.db, event->id);
    if (!review.ok()) return fail(context.err, review.error());
    const EventReview& r = *review;
    if (args.flag("json")) {
        Json out = {{"event", r.name},
                    {"date", r.date},
                    {"targets", r.targets},
                    {"targets_met", r.targets_met},
                    {"met", r.met},
                    {"promised_by_me", r.promised_by_me},
                    {"kept_by_me", r.kept_by_me},
                    {"promised_to_me", r.promised_to_me},
                    {"kept_to_me", r.kept_to_me},
                    {"thanked", r.thanked},
                    {"new_relationships", r.new_relationships},
                    {"rating", r.rating ? Json(*r.rating) : Json(nullptr)}};
        context.out << out.dump(2) << "\n";
        return kSuccess;
    }
    context.out << r.name << "\n"
                << "targets met: " << r.targets_met << " of " << r.targets << " (" << r.met << " people met in all)\n"
                << "promises kept by you: " << r.kept_by_me << " of " << r.promised_by_me << "\n"
                << "promises kept to you: " << r.kept_to_me << " of " << r.promised_to_me << "\n"
                << "thanked: " << r.thanked << " of " << r.met << "\n"
                << "new relationships: " << r.new_relationships << "\n"
                << "your rating: " << (r.rating ? std::to_string(*r.rating) + " of 5" : std::string("not yet")) << "\n";
    return kSuccess;
}

int command_contact(Context& context, const CommandArgs& args) {
    auto person_text = args.value("person");
    auto person = person_text ? parse_id(*person_text) : std::nullopt;
    if (args.positionals.empty() || args.positionals[0] != "add" || args.positionals.size() > 2 || !person) {
        context.err << "mingle contact: write mingle contact add --person ID [--kind contact|gave|received] [TEXT].\n";
        return kUsage;
    }
    auto kind = parse_contact_kind(args.value("kind").value_or("contact"));
    if (!kind) {
        context.err << "mingle contact: --kind is contact, gave or received.\n";
        return kUsage;
    }
    auto logged = log_contact(context.db, *person, *kind, args.positionals.size() == 2 ? args.positionals[1] : "");
    if (!logged.ok()) return fail(context.err, logged.error());
    return kSuccess;
}

int command_nurture(Context& context, const CommandArgs& args) {
    auto due = due_to_nurture(context.db, context.config.keep_in_touch);
    if (args.flag("json")) {
        Json out = Json::array();
        for (const NurtureItem& item : due) {
            Json json = person_json(item.person);
            json["last_contact"] = item.last_contact;
            json["days_since"] = item.last_contact.empty() ? Json(nullptr) : Json(item.days_since);
            json["cadence_days"] = item.cadence_days;
            json["gave"] = item.gave;
            json["received"] = item.received;
            out.push_back(std::move(json));
        }
        context.out << out.dump(2) << "\n";
        return kSuccess;
    }
    for (const NurtureItem& item : due)
        context.out << item.person.id << "\t" << item.person.display_name() << "\t"
                    << (item.last_contact.empty() ? std::string("never") : std::to_string(item.days_since) + " days")
                    << "\tevery " << item.cadence_days << " days\n";
    return kSuccess;
}

}  // namespace mingle::cli
