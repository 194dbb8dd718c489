// The mapping at a glance: concentric rings, the central network in the middle, then the inner
// and the outer circle; each target a dot coloured by the user's relationship with them, sized by
// importance, with a line to their best door-opener. Click a dot to see the person; drawn with
// ImGui's draw list.
#pragma once

#include <optional>
#include <vector>

#include <imgui.h>

#include "core/model.hpp"

namespace mingle::app {

class App;

class RingsView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);

private:
    struct Dot {
        Id person_id = 0;
        ImVec2 center;
        float radius = 0;
    };

    void draw_rings(App& app, const ImVec2& origin, const ImVec2& size);
    void draw_side(App& app);

    std::vector<Dot> dots_;  // where this frame drew each target, for hit testing
};

}  // namespace mingle::app
