// What the command implementations share: argument parsing, JSON of the model, the context.
// Internal to core/cli.
#pragma once

#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config.hpp"
#include "core/events.hpp"
#include "core/i18n.hpp"
#include "core/links.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace mingle::cli {

using Json = nlohmann::ordered_json;

inline constexpr int kSuccess = 0;
inline constexpr int kFailure = 1;
inline constexpr int kUsage = 2;

// A command's arguments: positionals, "--name value" / "--name=value" options, and flags.
struct CommandArgs {
    std::vector<std::string> positionals;
    std::map<std::string, std::vector<std::string>> values;
    std::set<std::string> flags;

    std::optional<std::string> value(const std::string& name) const {
        auto found = values.find(name);
        if (found == values.end() || found->second.empty()) return std::nullopt;
        return found->second.back();
    }
    std::vector<std::string> all(const std::string& name) const {
        auto found = values.find(name);
        return found == values.end() ? std::vector<std::string>{} : found->second;
    }
    bool flag(const std::string& name) const { return flags.count(name) > 0; }
};

inline Result<CommandArgs> parse_command_args(const std::vector<std::string>& arguments, std::size_t first,
                                       const std::set<std::string>& value_options,
                                       const std::set<std::string>& flag_options) {
    CommandArgs parsed;
    const std::string& command = arguments[0];
    for (std::size_t i = first; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument.size() < 3 || argument.rfind("--", 0) != 0) {
            parsed.positionals.push_back(argument);
            continue;
        }
        std::string name = argument.substr(2);
        std::optional<std::string> inline_value;
        if (auto equals = name.find('='); equals != std::string::npos) {
            inline_value = name.substr(equals + 1);
            name.resize(equals);
        }
        if (flag_options.count(name) && !inline_value) {
            parsed.flags.insert(name);
        } else if (value_options.count(name)) {
            if (!inline_value && i + 1 >= arguments.size())
                return make_error("mingle " + command + ": --" + name + " needs a value.");
            parsed.values[name].push_back(inline_value ? *inline_value : arguments[++i]);
        } else {
            return make_error("mingle " + command + ": unknown option --" + name + ". See mingle --help.");
        }
    }
    return parsed;
}

inline std::optional<Id> parse_id(std::string_view text) {
    Id id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

inline std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

inline Json person_json(const Person& person) {
    return Json{{"id", person.id},           {"first_name", person.first_name}, {"last_name", person.last_name},
                {"email", person.email},     {"company", person.company},       {"title", person.title},
                {"phone", person.phone},     {"url", person.url},               {"relation", relation_key(person.relation)},
                {"recognize", person.recognize}, {"language", person.language}};
}

inline Json event_json(const Event& event) {
    return Json{{"id", event.id},       {"name", event.name}, {"date", event.date},
                {"place", event.place}, {"goal", event.goal}, {"participants", event.participant_count}};
}

// Everything a command needs: the open database and the streams.
struct Context {
    storage::Database& db;
    std::ostream& out;
    std::ostream& err;
    Language language = Language::English;  // for sentences in the output (the config's ui.language)
    std::string my_name;                     // [me] name in the config, to sign drafts
    Config config;                           // the whole config
    std::filesystem::path config_folder;     // where the user's own question banks are
};

inline int fail(std::ostream& err, const Error& error) {
    err << "mingle: " << error.describe() << "\n";
    return kFailure;
}

inline std::optional<Event> require_event(Context& context, const std::string& name) {
    auto event = EventStore(context.db).find(name);
    if (!event) context.err << "mingle: there is no event called \"" << name << "\". See mingle events.\n";
    return event;
}


// The person with this id, or a message saying there is none.
inline std::optional<Person> require_person(Context& context, Id id) {
    auto person = PersonMemory(context.db).get(id);
    if (!person) context.err << "mingle: there is no person with id " << id << ". See mingle people.\n";
    return person;
}

// Commands in prepare_commands.cpp: targets, people's memory, links, door-openers.
int command_target(Context& context, const CommandArgs& args);
int command_targets(Context& context, const CommandArgs& args);
int command_person(Context& context, const CommandArgs& args);
int command_link(Context& context, const CommandArgs& args);
int command_links(Context& context, const CommandArgs& args);
int command_note(Context& context, const CommandArgs& args);
int command_introducers(Context& context, const CommandArgs& args);
int command_intro_draft(Context& context, const CommandArgs& args);
int command_pairs(Context& context, const CommandArgs& args);

// Commands in prompt_commands.cpp: conversation prompts.
int command_prompts(Context& context, const CommandArgs& args);
int command_prompt(Context& context, const CommandArgs& args);

// Commands in reception_commands.cpp: the reception and the pocket card.
int command_met(Context& context, const CommandArgs& args);
int command_walkin(Context& context, const CommandArgs& args);
int command_promise(Context& context, const CommandArgs& args);
int command_export(Context& context, const CommandArgs& args);

// Commands in followup_commands.cpp: the morning after.
int command_followups(Context& context, const CommandArgs& args);
int command_done(Context& context, const CommandArgs& args);
int command_review(Context& context, const CommandArgs& args);
int command_contact(Context& context, const CommandArgs& args);
int command_nurture(Context& context, const CommandArgs& args);

}  // namespace mingle::cli
