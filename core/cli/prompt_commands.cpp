// The command line for conversation prompts: what the prompt panel shows, for scripts and checks.
#include <charconv>

#include "core/cli/command_support.hpp"
#include "core/links.hpp"
#include "core/prompts.hpp"

namespace mingle::cli {
namespace {

std::optional<int> small_number(const std::optional<std::string>& text, int low, int high) {
    if (!text) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < low || value > high) return std::nullopt;
    return value;
}

}  // namespace

int command_prompts(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    auto person_text = args.value("person");
    auto person_id = person_text ? parse_id(*person_text) : std::nullopt;
    if (!event_name || !person_id) {
        context.err << "mingle prompts: give --event NAME and --person ID. See mingle --help.\n";
        return kUsage;
    }
    auto count = args.value("count") ? small_number(args.value("count"), 1, 20) : std::optional<int>(3);
    auto set = args.value("set") ? small_number(args.value("set"), 0, 100000) : std::optional<int>(0);
    if (!count || !set) {
        context.err << "mingle prompts: --count is a number from 1 to 20, --set a number from 0.\n";
        return kUsage;
    }
    std::optional<Language> language;
    if (auto code = args.value("lang")) {
        language = parse_language(*code);
        if (!language) {
            context.err << "mingle prompts: --lang is da or en, not \"" << *code << "\".\n";
            return kUsage;
        }
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    if (!require_person(context, *person_id)) return kFailure;
    LoadedBank english = load_question_bank(Language::English, context.config_folder);
    LoadedBank danish = load_question_bank(Language::Danish, context.config_folder);
    for (const LoadedBank* bank : {&english, &danish})
        for (const Error& problem : bank->problems) context.err << "mingle: " << problem.describe() << "\n";

    // The whole event's targets, so this person's set differs from every other target's.
    auto facts = gather_event_facts(context.db, event->id, context.config, *person_id);
    if (language)
        for (PromptFacts& f : facts)
            if (f.person_id == *person_id) f.language = *language;
    PromptRequest request;
    request.count = static_cast<std::size_t>(*count);
    request.set_number[*person_id] = *set;
    auto prompts = generate_event_prompts(facts, english.bank, danish.bank, load_prompt_marks(context.db, event->id), request);
    const auto& mine = prompts[*person_id];
    if (args.flag("json")) {
        Json list = Json::array();
        for (const Prompt& prompt : mine)
            list.push_back({{"id", prompt.id}, {"kind", prompt_kind_key(prompt.kind)}, {"text", prompt.text},
                            {"uses_fact", prompt.uses_fact}, {"pinned", prompt.pinned}, {"used", prompt.used}});
        context.out << list.dump(2) << "\n";
        return kSuccess;
    }
    for (const Prompt& prompt : mine) context.out << prompt.text << "\n";
    return kSuccess;
}

int command_prompt(Context& context, const CommandArgs& args) {
    auto event_name = args.value("event");
    auto person_text = args.value("person");
    auto person_id = person_text ? parse_id(*person_text) : std::nullopt;
    if (args.positionals.size() != 2 || args.positionals[0] != "mark" || !event_name || !person_id) {
        context.err << "mingle prompt: write mingle prompt mark --event NAME --person ID PROMPT_ID [--used] [--pinned].\n";
        return kUsage;
    }
    const std::string& prompt_id = args.positionals[1];
    auto colon = prompt_id.find(':');
    if (colon == std::string::npos || !parse_prompt_kind(prompt_id.substr(0, colon))) {
        context.err << "mingle prompt: \"" << prompt_id << "\" is not a prompt's id (see mingle prompts --json).\n";
        return kUsage;
    }
    auto event = require_event(context, *event_name);
    if (!event) return kFailure;
    if (!require_person(context, *person_id)) return kFailure;
    auto marked = set_prompt_mark(context.db, event->id, *person_id, prompt_id, args.flag("used"), args.flag("pinned"));
    if (!marked.ok()) return fail(context.err, marked.error());
    return kSuccess;
}

}  // namespace mingle::cli
