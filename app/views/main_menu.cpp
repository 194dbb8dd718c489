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
        if (ImGui::MenuItem(tr("menu.view_prep"), "Ctrl+P", app.active_view() == ViewId::Prep)) app.show(ViewId::Prep);
        if (ImGui::MenuItem(tr("menu.view_rings"), "Ctrl+R", app.active_view() == ViewId::Rings)) app.show(ViewId::Rings);
        if (ImGui::MenuItem(tr("menu.view_bank"), nullptr, app.active_view() == ViewId::Bank)) app.show(ViewId::Bank);
        if (ImGui::MenuItem(tr("menu.view_reception"), "Ctrl+G", app.active_view() == ViewId::Reception))
            app.show(ViewId::Reception);
        if (ImGui::MenuItem(tr("menu.view_followup"), "Ctrl+M", app.active_view() == ViewId::Followup))
            app.show(ViewId::Followup);
        if (ImGui::MenuItem(tr("menu.view_review"), nullptr, app.active_view() == ViewId::Review)) app.show(ViewId::Review);
        if (ImGui::MenuItem(tr("menu.view_import"), "Ctrl+I", app.active_view() == ViewId::Import))
            app.show(ViewId::Import);
        ImGui::EndMenu();
    }
    // The views of one event, as tabs along the menu bar: one click between them.
    ImGui::Separator();
    const struct {
        ViewId view;
        const char* label_key;
        const char* probe_id;
    } kTabs[] = {{ViewId::Participants, "menu.view_participants", "tab.participants"},
                 {ViewId::Prep, "menu.view_prep", "tab.prep"},
                 {ViewId::Rings, "menu.view_rings", "tab.rings"},
                 {ViewId::Reception, "menu.view_reception", "tab.reception"},
                 {ViewId::Followup, "menu.view_followup", "tab.followup"},
                 {ViewId::Review, "menu.view_review", "tab.review"}};
    for (const auto& tab : kTabs) {
        ImGui::PushID(tab.probe_id);
        if (ImGui::MenuItem(tr(tab.label_key), nullptr, app.active_view() == tab.view)) app.show(tab.view);
        app.probe().record(tab.probe_id);
        ImGui::PopID();
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
