// Was it worth it? (domain.md, section 4): for the chosen event, targets planned against met,
// promises made and kept both ways, thank-yous, new relationships and the user's own rating; and a
// small chart comparing the events over time.
#pragma once

#include <imgui.h>

namespace mingle::app {

class App;

class ReviewView {
public:
    void draw(App& app, const ImVec2& position, const ImVec2& size);

private:
    void draw_chart(App& app, float height);
};

}  // namespace mingle::app
