// Where the views drew their interactive items, by a stable id, so headless tests can click them
// the way a user does (move the mouse there, press, release). Off unless a test turns it on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mingle::app {

struct ProbeRect {
    float min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    float center_x() const { return (min_x + max_x) * 0.5f; }
    float center_y() const { return (min_y + max_y) * 0.5f; }
};

class UiProbe {
public:
    void enable() { enabled_ = true; }
    void disable() { enabled_ = false; rects_.clear(); }
    bool enabled() const { return enabled_; }
    void begin_frame() { if (enabled_) rects_.clear(); }

    // Records the last ImGui item under `id`.
    void record(std::string_view id);
    // Records a rectangle drawn by hand (a dot on the rings), which is no ImGui item.
    void record_rect(std::string_view id, float min_x, float min_y, float max_x, float max_y);

    std::optional<ProbeRect> find(std::string_view id) const;

    // The ids recorded in the last frame, sorted: for a test's failure message.
    std::string recorded_ids() const;

private:
    bool enabled_ = false;
    std::unordered_map<std::string, ProbeRect> rects_;
};

}  // namespace mingle::app
