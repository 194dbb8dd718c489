// The command line for the reception: met, walk-ins, promises, and the pocket card.
#include "core/cli/command_support.hpp"
#include "core/drafts.hpp"
#include "core/due_dates.hpp"
#include "core/exports.hpp"
#include "core/followups.hpp"
#include "core/pocket_card.hpp"
#include "core/reception.hpp"

namespace mingle::cli {

int command_met(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    auto person_text = args.value("person");
    auto person_id = person_text ? parse_id(*person_text) : std::nullopt;
    if (!event_name || !person_id) {
        context.err << "mingle met: give --event NAME and --person ID.\n";
        return kUsage;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    ReceptionStore store(context.db);
    Status status = args.flag("undo") ? store.unmark_met(event->id, *person_id) : store.mark_met(event->id, *person_id);
    if (!status.ok()) return fail(context.err, status.error());
    return kSuccess;
}

int command_walkin(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    auto name = args.value("name");
    if (!event_name || !name) {
        context.err << "mingle walkin: give --event NAME and --name TEXT (and --company TEXT if known).\n";
        return kUsage;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    auto id = ReceptionStore(context.db).add_walk_in(event->id, *name, args.value("company").value_or(""));
    if (!id.ok()) return fail(context.err, id.error());
    context.out << *id << "\n";
    return kSuccess;
}

int command_promise(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    auto person_text = args.value("person");
    auto person_id = person_text ? parse_id(*person_text) : std::nullopt;
    auto by = args.value("by");
    if (args.positionals.size() != 2 || args.positionals[0] != "add" || !event_name || !person_id || !by) {
        context.err << "mingle promise: write mingle promise add --event NAME --person ID --by me|them [--due DATE] TEXT.\n";
        return kUsage;
    }
    if (*by != "me" && *by != "them") {
        context.err << "mingle promise: --by is me (you promised) or them (they promised), not \"" << *by << "\".\n";
        return kUsage;
    }
    const int hour = context.config.reception.morning_hour;
    const LocalDateTime now = local_now();
    LocalDateTime due = next_morning(now, hour);
    if (auto typed = args.value("due")) {
        auto parsed = parse_due(*typed, now, hour);
        if (!parsed) {
            context.err << "mingle promise: \"" << *typed << "\" is not a due date; write e.g. \"i morgen\", \"fredag\", "
                        << "\"tomorrow\", \"friday 10:00\" or 2026-12-01.\n";
            return kUsage;
        }
        due = *parsed;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    auto id = ReceptionStore(context.db).add_promise(event->id, *person_id, *by == "me", args.positionals[1], format_due(due));
    if (!id.ok()) return fail(context.err, id.error());
    context.out << *id << "\n";
    return kSuccess;
}

int command_export(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    const std::string kind = args.positionals.empty() ? "" : args.positionals[0];
    if (args.positionals.size() != 2 || !event_name || (kind != "pocket" && kind != "ics" && kind != "csv" && kind != "drafts")) {
        context.err << "mingle export: write mingle export pocket|ics|csv|drafts --event NAME FILE (a folder for drafts).\n";
        return kUsage;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    const std::filesystem::path target = args.positionals[1];
    if (kind == "pocket") {
        auto card = build_pocket_card(context.db, event->id, context.config, context.config_folder);
        if (!card.ok()) return fail(context.err, card.error());
        auto written = write_pocket_card(target, render_pocket_card(*card, context.language));
        if (!written.ok()) return fail(context.err, written.error());
        return kSuccess;
    }
    if (kind == "drafts") {
        auto written = export_drafts(context.db, event->id, context.config, context.config_folder, target, context.language);
        if (!written.ok()) return fail(context.err, written.error());
        for (const auto& path : *written) context.out << path.string() << "\n";
        return kSuccess;
    }
    // What is owed, both ways, open or done: a calendar of to-dos, or a sheet.
    std::vector<OwedItem> items;
    for (const Followup& f : list_followups(context.db, {event->id, true, std::nullopt}, local_now()))
        items.push_back({f.id, f.person_name, f.person_email, f.by_me, f.text, f.due, f.done(), f.event_name});
    std::string contents;
    if (kind == "ics") {
        const std::string now = due_to_utc(format_due(local_now()));
        contents = render_ics(items, now, context.language);
    } else {
        contents = render_csv(items, context.language);
    }
    auto written = write_export(target, contents);
    if (!written.ok()) return fail(context.err, written.error());
    return kSuccess;
}

}  // namespace mingle::cli
