// The bottom line: the latest message (errors in red, with where), and how to dismiss it.
#pragma once

#include <imgui.h>

namespace mingle::app {

class App;

class StatusBar {
public:
    static float height();
    void draw(App& app, const ImVec2& position, const ImVec2& size);
};

}  // namespace mingle::app
