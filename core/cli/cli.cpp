#include "cli.hpp"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/config.hpp"
#include "core/dates.hpp"
#include "core/events.hpp"
#include "core/import/importer.hpp"
#include "core/paths.hpp"
#include "core/people.hpp"
#include "core/storage/database.hpp"
#include "core/text.hpp"
#include "core/cli/command_support.hpp"

namespace mingle::cli {
namespace {

int command_events(Context& context, const CommandArgs& args) {
    auto events = EventStore(context.db).list();
    if (args.flag("json")) {
        Json list = Json::array();
        for (const auto& event : events) list.push_back(event_json(event));
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    for (const auto& event : events)
        context.out << event.id << "\t" << (event.date.empty() ? "----------" : event.date) << "\t" << event.name
                    << "\t" << event.participant_count << " participants\n";
    return kSuccess;
}

int command_event(Context& context, const CommandArgs& args) {
    if (args.positionals.size() != 2) {
        context.err << "mingle event: give add, set or delete and the event's name. See mingle --help.\n";
        return kUsage;
    }
    const std::string& action = args.positionals[0];
    const std::string& name = args.positionals[1];
    EventStore events(context.db);
    if (action == "add") {
        auto id = events.create(EventDraft{name, args.value("date").value_or(""), args.value("place").value_or(""),
                                           args.value("goal").value_or("")});
        if (!id.ok()) return fail(context.err, id.error());
        context.out << *id << "\n";
        return kSuccess;
    }
    auto event = require_event(context, name);
    if (!event) return kFailure;
    if (action == "delete") {
        auto removed = events.remove(event->id);
        return removed.ok() ? kSuccess : fail(context.err, removed.error());
    }
    if (action != "set") {
        context.err << "mingle event: unknown action \"" << action << "\"; use add, set or delete.\n";
        return kUsage;
    }
    // Check what can be wrong before changing anything, so a bad value changes nothing.
    auto date = args.value("date");
    if (date && !dates::normalize(*date))
        return fail(context.err, make_error("\"" + *date + "\" is not a date. Write it as 2026-12-03 or 3.12.2026."));
    auto new_name = args.value("name");
    if (new_name) {
        auto other = events.find(*new_name);
        if (text::trim(*new_name).empty() || (other && other->id != event->id))
            return fail(context.err, make_error("Another event is called \"" + *new_name +
                                                "\", or the name is empty. Choose another name."));
    }
    std::vector<Status> results;
    if (date) results.push_back(events.set_date(event->id, *date));
    if (auto place = args.value("place")) results.push_back(events.set_place(event->id, text::trim(*place)));
    if (auto goal = args.value("goal")) results.push_back(events.set_goal(event->id, text::trim(*goal)));
    if (new_name) results.push_back(events.rename(event->id, *new_name));
    for (const auto& result : results)
        if (!result.ok()) return fail(context.err, result.error());
    return kSuccess;
}

// "--map 'Column name=field'" or "--map '#3=field'" (1-based column number).
Status apply_mapping_overrides(const import::SourceLayout& layout, const std::vector<std::string>& overrides,
                               std::vector<import::Field>& mapping) {
    for (const auto& entry : overrides) {
        auto equals = entry.rfind('=');
        if (equals == std::string::npos)
            return make_error("--map takes COLUMN=FIELD, e.g. --map \"Navn=full_name\"; got \"" + entry + "\".");
        std::string column = entry.substr(0, equals);
        auto field = import::field_from_key(text::trim(entry.substr(equals + 1)));
        if (!field)
            return make_error("--map: unknown field \"" + entry.substr(equals + 1) +
                              "\". Fields: first_name, last_name, full_name, email, company, title, phone, url, "
                              "ticket_type, detail, ignore.");
        std::optional<std::size_t> index;
        if (!column.empty() && column[0] == '#') {
            if (auto number = parse_id(column.substr(1)); number && *number <= static_cast<Id>(layout.columns.size()))
                index = static_cast<std::size_t>(*number - 1);
        } else {
            std::string wanted = text::fold(column);
            for (std::size_t i = 0; i < layout.columns.size() && !index; ++i)
                if (text::fold(layout.columns[i]) == wanted) index = i;
        }
        if (!index) return make_error("--map: the file has no column \"" + column + "\".");
        mapping[*index] = *field;
    }
    return ok_status();
}

Json layout_json(const import::SourceLayout& layout, const std::vector<import::Field>& mapping) {
    Json columns = Json::array();
    for (std::size_t i = 0; i < layout.columns.size(); ++i)
        columns.push_back(Json{{"name", layout.columns[i]}, {"field", import::field_key(mapping[i])}});
    Json json{{"format", import::format_name(layout.format)}, {"encoding", import::encoding_name(layout.encoding)}};
    if (layout.format == import::Format::Csv) {
        json["delimiter"] = import::delimiter_name(layout.delimiter);
        json["header_line"] = layout.header_line;
    }
    json["columns"] = columns;
    return json;
}

void print_layout(std::ostream& out, const import::SourceLayout& layout, const std::vector<import::Field>& mapping) {
    out << "Detected: " << import::format_name(layout.format) << ", " << import::encoding_name(layout.encoding);
    if (layout.format == import::Format::Csv)
        out << ", " << import::delimiter_name(layout.delimiter) << "-separated, header on line " << layout.header_line;
    out << "\nColumns:\n";
    for (std::size_t i = 0; i < layout.columns.size(); ++i)
        out << "  " << (layout.columns[i].empty() ? "(no name)" : layout.columns[i]) << " -> "
            << import::field_key(mapping[i]) << "\n";
}

int command_import(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    if (!event_name || args.positionals.size() != 1) {
        context.err << "mingle import: usage: mingle import --event NAME FILE [--dry-run] [--format csv|vcard|text] "
                       "[--map COLUMN=FIELD]... [--json]\n";
        return kUsage;
    }
    const std::string& file = args.positionals[0];
    import::ImportSource source;
    if (file == "-") {
        source = import::ImportSource::text(std::string(std::istreambuf_iterator<char>(std::cin), {}), "standard input");
    } else {
        source = import::ImportSource::file(file);
    }

    import::FormatHint hint = import::FormatHint::Auto;
    if (auto format = args.value("format"); format && *format != "auto") {
        auto parsed = import::parse_format(*format);
        if (!parsed) {
            context.err << "mingle import: --format takes auto, csv, vcard or text.\n";
            return kUsage;
        }
        hint = *parsed == import::Format::Csv     ? import::FormatHint::Csv
               : *parsed == import::Format::VCard ? import::FormatHint::VCard
                                                  : import::FormatHint::TextList;
    }
    auto layout = import::detect(source, hint);
    if (!layout.ok()) return fail(context.err, layout.error());

    std::vector<import::Field> mapping = import::initial_mapping(context.db, *layout);
    const auto overrides = args.all("map");
    if (auto applied = apply_mapping_overrides(*layout, overrides, mapping); !applied.ok())
        return fail(context.err, applied.error());
    if (auto checked = import::check_mapping(*layout, mapping, source.location()); !checked.ok())
        return fail(context.err, checked.error());

    const bool dry_run = args.flag("dry-run");
    EventStore events(context.db);
    auto existing = events.find(*event_name);
    auto event_id = existing ? Result<Id>(existing->id) : events.create(EventDraft{*event_name, {}, {}, {}});
    if (!event_id.ok()) return fail(context.err, event_id.error());

    import::ImportRequest request{source, *layout, mapping, *event_id, dry_run};
    auto summary = import::run_import(context.db, request);
    if (dry_run && !existing) (void)events.remove(*event_id);  // a dry run leaves no trace
    if (!summary.ok()) {
        if (!existing && !dry_run) (void)events.remove(*event_id);
        return fail(context.err, summary.error());
    }
    if (!dry_run && !overrides.empty()) import::remember_mapping(context.db, *layout, mapping);

    const auto& s = *summary;
    if (args.flag("json")) {
        Json skipped = Json::array();
        for (const auto& row : s.skipped_rows) skipped.push_back(Json{{"line", row.line}, {"reason", row.reason}});
        Json json{{"event", *event_name},
                  {"source", s.source_name},
                  {"dry_run", s.dry_run},
                  {"detected", layout_json(*layout, mapping)},
                  {"rows", s.rows},
                  {"created", s.created},
                  {"matched", s.matched},
                  {"already_listed", s.already_listed},
                  {"duplicates", s.duplicates},
                  {"fields_filled", s.fields_filled},
                  {"skipped", s.skipped},
                  {"links_derived", s.links_derived},
                  {"other_companies", s.other_companies},
                  {"skipped_rows", skipped},
                  {"import_id", s.batch_id}};
        context.out << json.dump(2) << "\n";
        return kSuccess;
    }
    print_layout(context.out, *layout, mapping);
    // The counts that are not zero, after the two that always matter.
    std::string counts = with_thousands(s.rows) + (s.rows == 1 ? " row; " : " rows; ") + with_thousands(s.created) +
                         (s.created == 1 ? " new person" : " new people");
    const std::pair<std::size_t, const char*> optional_counts[] = {
        {s.matched, " known people added to the event"},
        {s.already_listed, " already on the list"},
        {s.duplicates, " duplicates in the file merged"},
        {s.fields_filled, " empty fields filled in"},
        {s.links_derived, " acquaintances linked"},
        {s.other_companies, " known people at another company (kept as history)"},
        {s.skipped, " rows skipped"},
    };
    for (const auto& [count, what] : optional_counts)
        if (count > 0) counts += ", " + with_thousands(count) + what;
    context.out << (dry_run ? "Dry run (nothing was saved): " : "Imported into \"" + *event_name + "\": ") << counts
                << ".\n";
    for (const auto& row : s.skipped_rows)
        context.out << "  skipped line " << row.line << ": " << row.reason << "\n";
    if (s.skipped > s.skipped_rows.size())
        context.out << "  … and " << with_thousands(s.skipped - s.skipped_rows.size()) << " more skipped rows\n";
    if (s.batch_id != 0) context.out << "Undo with: mingle undo-import " << s.batch_id << "\n";
    return kSuccess;
}

int command_imports(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    if (!event_name) {
        context.err << "mingle imports: usage: mingle imports --event NAME [--json]\n";
        return kUsage;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    auto batches = import::list_imports(context.db, event->id);
    if (args.flag("json")) {
        Json list = Json::array();
        for (const auto& b : batches)
            list.push_back(Json{{"id", b.id},          {"source", b.source_name}, {"format", b.format},
                                {"encoding", b.encoding}, {"imported_at", b.imported_at},
                                {"undone", !b.undone_at.empty()}, {"rows", b.rows}, {"created", b.created},
                                {"merged", b.merged}, {"skipped", b.skipped}});
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    for (const auto& b : batches)
        context.out << b.id << "\t" << b.imported_at << "\t" << b.source_name << "\t" << b.created << " new, "
                    << b.merged << " known" << (b.undone_at.empty() ? "" : "\t(undone)") << "\n";
    return kSuccess;
}

int command_undo_import(Context& context, const CommandArgs& args) {
    std::optional<Id> id = args.positionals.size() == 1 ? parse_id(args.positionals[0]) : std::nullopt;
    if (!id) {
        context.err << "mingle undo-import: usage: mingle undo-import IMPORT_ID (see mingle imports --event NAME)\n";
        return kUsage;
    }
    auto undone = import::undo_import(context.db, *id);
    if (!undone.ok()) return fail(context.err, undone.error());
    context.out << "Import " << *id << " was undone.\n";
    return kSuccess;
}

int command_people(Context& context, const CommandArgs& args) {
    PersonQuery query;
    std::optional<Event> event;
    if (auto name = args.value("event")) {
        event = require_event(context, *name);
        if (!event) return kFailure;
        query.event_id = event->id;
    }
    query.search = args.value("search").value_or("");
    PersonStore store(context.db);
    if (!args.flag("json")) {
        for (const auto& person : store.list(query))
            context.out << person.id << "\t" << person.display_name() << "\t" << person.email << "\t" << person.company
                        << "\t" << person.title << "\n";
        return kSuccess;
    }
    Json list = Json::array();
    if (event) {
        // With an event, each person also carries what the participant list said about them.
        std::string needle = text::fold(query.search);
        for (const auto& participant : store.participants(event->id)) {
            if (!person_matches(participant.person, needle)) continue;
            Json json = person_json(participant.person);
            json["ticket_type"] = participant.ticket_type;
            Json details = Json::object();
            for (const auto& [name, value] : participant_details(participant)) details[name] = value;
            json["details"] = std::move(details);
            list.push_back(std::move(json));
        }
    } else {
        for (const auto& person : store.list(query)) list.push_back(person_json(person));
    }
    context.out << list.dump(2) << "\n";
    return kSuccess;
}

struct CommandSpec {
    const char* name;
    std::set<std::string> value_options;
    std::set<std::string> flag_options;
    int (*run)(Context&, const CommandArgs&);
};

const std::vector<CommandSpec> kCommands = {
    {"events", {}, {"json"}, command_events},
    {"event", {"date", "place", "goal", "name"}, {}, command_event},
    {"import", {"event", "format", "map"}, {"dry-run", "json"}, command_import},
    {"imports", {"event"}, {"json"}, command_imports},
    {"undo-import", {}, {}, command_undo_import},
    {"people", {"event", "search"}, {"json"}, command_people},
    {"target", {"event", "person", "circle", "importance", "role", "ask", "offer", "nurture", "recognize"}, {}, command_target},
    {"targets", {"event"}, {"json"}, command_targets},
    {"person", {"relation", "former-company", "former-title", "recognize", "first-name", "last-name", "email",
                "company", "title", "phone", "url", "language"}, {"json"}, command_person},
    {"link", {"how"}, {}, command_link},
    {"links", {}, {"json"}, command_links},
    {"note", {"person", "event"}, {}, command_note},
    {"introducers", {"event", "person", "limit"}, {"json"}, command_introducers},
    {"intro-draft", {"event", "person", "via", "lang"}, {"json"}, command_intro_draft},
    {"pairs", {"event", "lang", "limit"}, {"json"}, command_pairs},
    {"prompts", {"event", "person", "lang", "count", "set"}, {"json"}, command_prompts},
    {"prompt", {"event", "person"}, {"used", "pinned"}, command_prompt},
    {"met", {"event", "person"}, {"undo"}, command_met},
    {"walkin", {"event", "name", "company"}, {}, command_walkin},
    {"promise", {"event", "person", "by", "due"}, {}, command_promise},
    {"export", {"event"}, {}, command_export},
    {"followups", {"event", "due"}, {"json"}, command_followups},
    {"done", {}, {"undo"}, command_done},
    {"review", {"event", "rating"}, {"json"}, command_review},
    {"contact", {"person", "kind"}, {}, command_contact},
    {"nurture", {}, {"json"}, command_nurture},
};

std::optional<int> parse_int(const std::string& text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::string usage() {
    return R"(mingle — prepare, mingle and follow up at events

Usage:
  mingle [--db PATH] [--config PATH] [--event NAME] [--open FILE]
                                                      open the GUI (--open: preview FILE
                                                      for import, as if dropped on it)
  mingle --screenshot FILE.png [--view NAME] [--event NAME] [--open FILE] [--size WxH]
                                                      render a view to a PNG and exit
                                                      (views: events, import, participants,
                                                      prep, rings, bank, reception)
  mingle [--db PATH] COMMAND [options]

Commands:
  events [--json]                                     list events
  event add NAME [--date D] [--place P] [--goal G]    create an event (prints its id)
  event set NAME [--name NEW] [--date D] [--place P] [--goal G]
  event delete NAME                                   delete an event (its people stay)
  import --event NAME FILE [--dry-run] [--format auto|csv|vcard|text]
         [--map COLUMN=FIELD]... [--json]             import a participant list (FILE - reads
                                                      standard input as pasted text); creates
                                                      the event if it does not exist
  imports --event NAME [--json]                       imports into an event, newest first
  undo-import ID                                      undo an import as a whole
  people [--event NAME] [--search TEXT] [--json]      list people

Preparing an event (circles: central, inner, outer; roles: info, intermediary, access):
  target set --event NAME --person ID [--circle C] [--importance 1-5] [--role R]
             [--ask TEXT] [--offer TEXT] [--nurture TEXT] [--recognize TEXT]
                                                      make a person a target and plan for them
  target remove --event NAME --person ID              no longer a target (the person stays)
  targets --event NAME [--json]                       the targets, central first, with counts
  person show ID [--json]                             all mingle remembers about a person
  person export ID [--json]                           everything held about them, as JSON
  person erase ID                                     remove them from every table and the file,
                                                      and name files mingle wrote that still mention them
  person set ID [--relation inner|vip|good|card|none] [--former-company TEXT]
             [--former-title TEXT] [--recognize TEXT] [--company TEXT] [--title TEXT] ...
                                                      the relationship, history and fields
  link add ID ID [--how TEXT]                         record that two people know each other
  link remove ID ID
  links ID [--json]                                   whom a person knows
  note add --person ID [--event NAME] TEXT            a dated note about a person
  introducers --event NAME --person ID [--limit N] [--json]
                                                      who can introduce you, best first
  intro-draft --event NAME --person ID --via ID [--lang da|en] [--json]
                                                      a message asking for that introduction
  pairs --event NAME [--limit N] [--lang da|en] [--json]
                                                      people you know who should meet

Conversation prompts:
  prompts --event NAME --person ID [--lang da|en] [--count N] [--set N] [--json]
                                                      open questions for the person, from what
                                                      is known; --set N for another set
  prompt mark --event NAME --person ID PROMPT_ID [--used] [--pinned]
                                                      mark a prompt (neither flag: clear it)

At the reception:
  met --event NAME --person ID [--undo]               mark a person as met
  walkin --event NAME --name TEXT [--company TEXT]    add someone not on the list (prints the id)
  promise add --event NAME --person ID --by me|them [--due DATE] TEXT
                                                      a promise; due the next morning unless
                                                      given ("i morgen", "fredag", "friday 10:00",
                                                      2026-12-01)
  export pocket --event NAME FILE.html                a one-file card for the phone
  export ics --event NAME FILE.ics                    what is owed, as calendar to-dos with alarms
  export csv --event NAME FILE.csv                    people, promises and status, for a sheet
  export drafts --event NAME FOLDER                   one .eml draft per person (thank-you,
                                                      promises, the CV attached when promised)

The morning after:
  followups [--event NAME] [--due overdue|today|later|all] [--json]
                                                      what is owed, both ways, by when
  done PROMISE_ID [--undo]                            a promise kept (the time is kept)
  review --event NAME [--rating 1-5] [--json]         how the event went; rate it
  contact add --person ID [--kind contact|gave|received] [TEXT]
                                                      keep in touch: restarts the cadence
  nurture [--json]                                    who is due for contact, with the balance

Fields for --map: first_name, last_name, full_name, email, company, title, phone, url,
ticket_type, detail (kept as a participant detail), ignore.

Files: database $XDG_DATA_HOME/mingle/mingle.db, config $XDG_CONFIG_HOME/mingle/config.toml.
)";
}

Result<Options> parse_options(const std::vector<std::string>& arguments) {
    Options options;
    bool gui_option_seen = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        auto take_value = [&](const char* name) -> Result<std::string> {
            if (i + 1 >= arguments.size()) return make_error(std::string("mingle: ") + name + " needs a value.");
            return arguments[++i];
        };
        if (argument == "--db" || argument == "--config") {
            auto value = take_value(argument.c_str());
            if (!value.ok()) return value.error();
            (argument == "--db" ? options.database_path : options.config_path) = *value;
        } else if (!options.command.empty()) {
            options.command.push_back(argument);
        } else if (argument == "--help" || argument == "-h") {
            options.help = true;
        } else if (argument == "--version") {
            options.version = true;
        } else if (argument == "--screenshot" || argument == "--view" || argument == "--event" ||
                   argument == "--size" || argument == "--open") {
            auto value = take_value(argument.c_str());
            if (!value.ok()) return value.error();
            gui_option_seen = true;
            if (argument == "--screenshot") options.screenshot_path = *value;
            else if (argument == "--view") options.view = *value;
            else if (argument == "--event") options.event = *value;
            else if (argument == "--open") options.open_path = *value;
            else {
                auto x = value->find('x');
                auto width = x == std::string::npos ? std::nullopt : parse_int(value->substr(0, x));
                auto height = x == std::string::npos ? std::nullopt : parse_int(value->substr(x + 1));
                if (!width || !height || *width < 320 || *height < 240 || *width > 8192 || *height > 8192)
                    return make_error("mingle: --size takes WIDTHxHEIGHT, e.g. 1280x800.");
                options.width = *width;
                options.height = *height;
            }
        } else if (argument.rfind("--", 0) == 0) {
            return make_error("mingle: unknown option " + argument + ". See mingle --help.");
        } else {
            options.command.push_back(argument);
        }
    }
    if (gui_option_seen && !options.command.empty())
        return make_error("mingle: --screenshot, --view, --event, --size and --open go without a command; put "
                          "command options after the command.");
    return options;
}

std::string database_path(const Options& options) {
    return options.database_path.empty() ? paths::default_database().string() : options.database_path;
}

std::string config_path(const Options& options) {
    return options.config_path.empty() ? paths::default_config().string() : options.config_path;
}

int run(const Options& options, std::ostream& out, std::ostream& err) {
    if (options.command.empty()) {
        err << usage();
        return kUsage;
    }
    const std::string& name = options.command[0];
    auto spec = std::find_if(kCommands.begin(), kCommands.end(), [&](const CommandSpec& c) { return name == c.name; });
    if (spec == kCommands.end()) {
        err << "mingle: unknown command \"" << name << "\". See mingle --help.\n";
        return kUsage;
    }
    auto args = parse_command_args(options.command, 1, spec->value_options, spec->flag_options);
    if (!args.ok()) {
        err << args.error().message << "\n";
        return kUsage;
    }
    auto db = storage::Database::open(database_path(options));
    if (!db.ok()) return fail(err, db.error());
    Config config = load_config(config_path(options)).config;
    Context context{**db, out, err, config.language, config.me.name, config,
                    std::filesystem::path(config_path(options)).parent_path()};
    try {
        return spec->run(context, *args);
    } catch (const std::exception& error) {
        return fail(err, storage::sqlite_error(error, "running " + name));
    }
}

}  // namespace mingle::cli
