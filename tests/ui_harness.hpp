// Drives the real App headlessly: an ImGui context with no window and no renderer, the font atlas
// built, and input fed through ImGuiIO the way the GLFW backend feeds it. A click takes three
// frames (hover, press, release), as for a user.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include <imgui.h>

#include "app/app.hpp"
#include "app/fonts.hpp"

namespace mingle::testing {

// GLFW's key codes, which the app's shortcuts use (letters are their ASCII capitals).
namespace keys {
inline constexpr int kEnter = 257, kEscape = 256, kTab = 258, kBackspace = 259, kDown = 264, kUp = 265,
                     kLeft = 263, kRight = 262, kPageUp = 266, kPageDown = 267, kHome = 268, kEnd = 269,
                     kInsert = 260, kDelete = 261, kSpace = 32, kKeypadEnter = 335;
}

class UiHarness {
public:
    explicit UiHarness(app::AppOptions options, float width = 1280, float height = 800) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        const int map[][2] = {{ImGuiKey_Tab, keys::kTab},         {ImGuiKey_LeftArrow, keys::kLeft},
                              {ImGuiKey_RightArrow, keys::kRight}, {ImGuiKey_UpArrow, keys::kUp},
                              {ImGuiKey_DownArrow, keys::kDown},   {ImGuiKey_PageUp, keys::kPageUp},
                              {ImGuiKey_PageDown, keys::kPageDown}, {ImGuiKey_Home, keys::kHome},
                              {ImGuiKey_End, keys::kEnd},           {ImGuiKey_Insert, keys::kInsert},
                              {ImGuiKey_Delete, keys::kDelete},     {ImGuiKey_Backspace, keys::kBackspace},
                              {ImGuiKey_Space, keys::kSpace},       {ImGuiKey_Enter, keys::kEnter},
                              {ImGuiKey_Escape, keys::kEscape},     {ImGuiKey_KeyPadEnter, keys::kKeypadEnter},
                              {ImGuiKey_A, 'A'}, {ImGuiKey_C, 'C'}, {ImGuiKey_V, 'V'},
                              {ImGuiKey_X, 'X'}, {ImGuiKey_Y, 'Y'}, {ImGuiKey_Z, 'Z'}};
        for (const auto& [imgui_key, native] : map) io.KeyMap[imgui_key] = native;
        app::load_fonts(io, "", 17.0f);
        unsigned char* pixels = nullptr;
        int atlas_width = 0, atlas_height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_width, &atlas_height);
        options.open_externally = false;  // no mail program or browser from a test
        app_ = std::make_unique<app::App>(std::move(options));
        app_->probe().enable();
        frame(2);
    }

    ~UiHarness() {
        app_.reset();  // joins any worker before the context goes
        ImGui::DestroyContext(context_);
    }

    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    app::App& app() { return *app_; }

    void frame(int count = 1) {
        for (int i = 0; i < count; ++i) {
            ImGui::NewFrame();
            app_->frame();
            ImGui::Render();
        }
    }

    bool visible(std::string_view id) const { return app_->probe().find(id).has_value(); }

    // Moves to the item recorded under `id`, presses and releases the left button.
    void click(std::string_view id) {
        frame();  // a popup opened last frame is placed for real only now
        auto rect = app_->probe().find(id);
        if (!rect)
            throw std::runtime_error("nothing to click: " + std::string(id) + " was not drawn; drawn were: " +
                                     app_->probe().recorded_ids());
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(rect->center_x(), rect->center_y());
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();  // what the click changed, drawn
    }

    void type(std::string_view utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
        frame();
    }

    void press(int key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frame();
    }

    // Draws frames until `done` holds (a background import, say); false after `timeout`.
    bool frames_until(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
        auto give_up = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            if (std::chrono::steady_clock::now() > give_up) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
        frame(2);
        return true;
    }

private:
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<app::App> app_;
};

}  // namespace mingle::testing
