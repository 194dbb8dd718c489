// The question bank: every kind of prompt in Danish or English, the shipped ones and the user's
// own. The user adds and deletes their own, and can use only their own for a kind; mingle writes
// them to prompts.<lang>.toml in the config folder.
#pragma once

#include <array>
#include <string>

#include <imgui.h>

#include "core/i18n.hpp"
#include "core/prompts.hpp"

namespace mingle::app {

class App;

class BankView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);

private:
    // Applies a change to the user's file and reads the banks again.
    template <typename Change>
    void change_user_bank(App& app, Change&& change);

    Language language_ = Language::Danish;
    bool language_chosen_ = false;
    std::array<std::string, std::size(kAllPromptKinds)> new_text_;  // what is being typed, per kind
    std::string error_;
};

}  // namespace mingle::app
