#include "platform.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include "app/app.hpp"
#include "app/fonts.hpp"

namespace mingle::app {
namespace {

// Frames drawn after each burst of input before the loop sleeps again: ImGui settles hover and
// focus state over a couple of frames.
constexpr int kFramesAfterInput = 3;

void on_drop(GLFWwindow* window, int count, const char** paths) {
    auto* app = static_cast<App*>(glfwGetWindowUserPointer(window));
    if (app && count > 0) app->open_file(paths[0]);  // one list at a time
}

}  // namespace

Result<std::unique_ptr<Platform>> Platform::create(const PlatformOptions& options) {
    if (!glfwInit())
        return make_error("Cannot open a window: no display was found. Run mingle on a desktop, or under "
                          "xvfb-run for screenshots.");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return make_error("Cannot create a window with OpenGL 3. Check the graphics driver (Mesa works).");
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    std::unique_ptr<Platform> platform(new Platform(window));
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    platform->ini_path_ = options.ini_path;
    if (!platform->ini_path_.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(platform->ini_path_).parent_path(), ec);
        io.IniFilename = platform->ini_path_.c_str();
    } else {
        io.IniFilename = nullptr;
    }

    float scale_x = 1.0f, scale_y = 1.0f;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    float scale = std::max(1.0f, std::max(scale_x, scale_y));
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(scale);
    platform->font_found_ = load_fonts(io, options.font_path, options.font_size * scale);

    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return platform;
}

Platform::Platform(GLFWwindow* window) : window_(window) {}

Platform::~Platform() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

void Platform::render_frame(App& app) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::run(App& app) {
    glfwSetWindowUserPointer(window_, &app);
    glfwSetDropCallback(window_, on_drop);
    app.main_thread_queue().set_wake([] { glfwPostEmptyEvent(); });
    int frames_left = kFramesAfterInput;
    while (!glfwWindowShouldClose(window_) && !app.quit_requested()) {
        if (app.busy()) {
            glfwWaitEventsTimeout(0.1);  // a progress bar to move
        } else if (frames_left <= 0) {
            // Idle: sleep until input or a posted result, or until a timer on screen must move.
            if (auto wake = app.wake_in_seconds()) glfwWaitEventsTimeout(*wake);
            else glfwWaitEvents();
            frames_left = kFramesAfterInput;
        } else {
            glfwPollEvents();
        }
        render_frame(app);
        glfwSwapBuffers(window_);
        --frames_left;
    }
    app.main_thread_queue().set_wake(nullptr);
    glfwSetWindowUserPointer(window_, nullptr);
}

Status Platform::screenshot(App& app, const std::string& png_path) {
    // Auto-sized windows and tables take a few frames to reach their final layout.
    constexpr int kSettleFrames = 6;
    for (int i = 0; i < kSettleFrames; ++i) {
        glfwPollEvents();
        render_frame(app);
        if (i + 1 < kSettleFrames) glfwSwapBuffers(window_);
    }
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows go bottom-up; PNG's top-down.
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(y * stride),
                         pixels.begin() + static_cast<std::ptrdiff_t>((y + 1) * stride),
                         pixels.begin() + static_cast<std::ptrdiff_t>((height - 1 - y) * stride));
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque, whatever GL left in alpha
    if (!stbi_write_png(png_path.c_str(), width, height, 4, pixels.data(), static_cast<int>(stride)))
        return make_error("Cannot write the screenshot; check that the folder exists and is writable.", png_path);
    return ok_status();
}

}  // namespace mingle::app
