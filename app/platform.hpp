// The window: GLFW, the OpenGL 3 context and the ImGui backends, owned for the app's lifetime.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"

struct GLFWwindow;

namespace mingle::app {

class App;

struct PlatformOptions {
    std::string title = "mingle";
    int width = 1280;
    int height = 800;
    bool visible = true;
    std::string font_path;   // empty: DejaVu Sans
    float font_size = 17.0f; // at content scale 1
    std::string ini_path;    // ImGui's window settings; empty: none kept
};

class Platform {
public:
    static Result<std::unique_ptr<Platform>> create(const PlatformOptions& options);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Runs until the window closes or the app asks to quit. Sleeps while nothing happens.
    void run(App& app);

    // Renders a few frames (so layout settles) and writes the last one to a PNG.
    Status screenshot(App& app, const std::string& png_path);

    bool font_found() const { return font_found_; }

private:
    explicit Platform(GLFWwindow* window);
    void render_frame(App& app);

    GLFWwindow* window_;
    std::string ini_path_;  // ImGui keeps a pointer to it
    bool font_found_ = false;
    App* app_ = nullptr;    // for GLFW's drop callback, while run() runs
};

}  // namespace mingle::app
