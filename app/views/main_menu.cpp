#include "main_menu.hpp"

#include <imgui.h>

#include "app/app.hpp"

namespace mingle::app {

float MainMenu::draw(App& app) {
    if (!ImGui::BeginMainMenuBar()) return 0.0f;
    const Translator& tr = app.tr();
    if (ImGui::BeginMenu(tr("menu.file"))) {
        if (ImGui::MenuItem(tr("menu.import"), "Ctrl+I")) app.show(ViewId::Import);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("menu.quit"), "Ctrl+Q")) app.request_quit();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("menu.view"))) {
        if (ImGui::MenuItem(tr("menu.view_participants"), "Ctrl+F", app.active_view() == ViewId::Participants))
            app.show(ViewId::Participants);
        if (ImGui::MenuItem(tr("menu.view_import"), "Ctrl+I", app.active_view() == ViewId::Import))
            app.show(ViewId::Import);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("menu.language"))) {
        if (ImGui::MenuItem("English", nullptr, tr.language() == Language::English)) app.set_language(Language::English);
        if (ImGui::MenuItem("Dansk", nullptr, tr.language() == Language::Danish)) app.set_language(Language::Danish);
        ImGui::EndMenu();
    }
    float height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
    return height;
}

}  // namespace mingle::app
