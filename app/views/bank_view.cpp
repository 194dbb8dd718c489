#include "bank_view.hpp"

#include <algorithm>

#include "app/app.hpp"
#include "app/widgets.hpp"
#include "core/text.hpp"

namespace mingle::app {

template <typename Change>
void BankView::change_user_bank(App& app, Change&& change) {
    auto bank = read_user_bank(app.config_folder(), language_);
    if (!bank.ok()) {
        error_ = bank.error().describe();
        return;
    }
    if (!change(*bank)) return;
    if (auto written = write_user_bank(app.config_folder(), language_, *bank); !written.ok()) {
        error_ = written.error().describe();
        return;
    }
    error_.clear();
    app.reload_question_banks();
}

void BankView::draw(App& app, const ImVec2& position, const ImVec2& size) {
    const Translator& tr = app.tr();
    if (!language_chosen_) {
        language_ = tr.language();
        language_chosen_ = true;
    }
    if (!widgets::begin_pane((std::string(tr("bank.title")) + "###bank").c_str(), position, size)) {
        ImGui::End();
        return;
    }
    widgets::muted_text(tr("bank.help"));
    for (Language language : {Language::Danish, Language::English}) {
        if (ImGui::RadioButton(language == Language::Danish ? "Dansk" : "English", language_ == language)) {
            language_ = language;
            error_.clear();
        }
        app.probe().record(std::string("bank.lang.") + std::string(language_code(language)));
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (!error_.empty()) widgets::error_text(error_);

    const QuestionBank& bank = app.question_bank(language_);
    const UserBank& user = app.user_bank(language_);
    for (std::size_t k = 0; k < std::size(kAllPromptKinds); ++k) {
        const PromptKind kind = kAllPromptKinds[k];
        const std::string key(prompt_kind_key(kind));
        ImGui::PushID(key.c_str());
        const auto count = std::count_if(bank.prompts.begin(), bank.prompts.end(),
                                         [&](const BankPrompt& p) { return p.kind == kind; });
        std::string header = widgets::format("%s (%d)###kind", tr("bank.kind." + key), static_cast<int>(count));
        const bool open = ImGui::CollapsingHeader(header.c_str());
        app.probe().record("bank.kind:" + key);
        if (open) {
            bool only_mine = std::find(user.replaced.begin(), user.replaced.end(), kind) != user.replaced.end();
            if (ImGui::Checkbox(tr("bank.only_mine"), &only_mine)) {
                change_user_bank(app, [&](UserBank& mine) {
                    std::erase(mine.replaced, kind);
                    if (only_mine) mine.replaced.push_back(kind);
                    return true;
                });
            }
            app.probe().record("bank.only_mine:" + key);
            int index = 0;
            for (const BankPrompt& prompt : bank.prompts) {
                if (prompt.kind != kind) continue;
                ImGui::PushID(index++);
                ImGui::Bullet();
                ImGui::SameLine();
                if (prompt.from_user) {
                    ImGui::TextWrapped("%s  (%s)", prompt.text.c_str(), tr("bank.yours"));
                    ImGui::SameLine();
                    if (ImGui::SmallButton(tr("common.delete"))) {
                        change_user_bank(app, [&](UserBank& mine) {
                            auto found = std::find_if(mine.prompts.begin(), mine.prompts.end(), [&](const auto& p) {
                                return p.first == kind && p.second == prompt.text;
                            });
                            if (found == mine.prompts.end()) return false;
                            mine.prompts.erase(found);
                            return true;
                        });
                        ImGui::PopID();
                        break;  // the bank was read again: its prompts are not the ones iterated
                    }
                } else {
                    ImGui::TextWrapped("%s", prompt.text.c_str());
                }
                ImGui::PopID();
            }
            std::string& typed = new_text_[k];
            ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5.0f);
            bool add = widgets::input_with_hint("##new", tr("bank.new_hint"), typed, ImGuiInputTextFlags_EnterReturnsTrue);
            app.probe().record("bank.new:" + key);
            ImGui::SameLine();
            add |= ImGui::Button(tr("bank.add"));
            app.probe().record("bank.add:" + key);
            if (add) {
                if (auto checked = check_prompt_text(kind, typed, language_); !checked.ok()) {
                    error_ = checked.error().message;
                } else {
                    change_user_bank(app, [&](UserBank& mine) {
                        mine.prompts.emplace_back(kind, text::collapse_spaces(typed));
                        return true;
                    });
                    if (error_.empty()) typed.clear();
                }
            }
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace mingle::app
