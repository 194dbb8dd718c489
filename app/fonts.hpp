// The UI font: DejaVu Sans with the Latin-1 and Latin Extended-A letters (æøå ÆØÅ é ł ř ö …).
#pragma once

#include <string>

struct ImGuiIO;
struct ImFont;

namespace mingle::app {

inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Adds the font at `pixel_size` (already multiplied by the monitor's content scale). Falls back to
// ImGui's built-in font if the file is missing; returns false then.
bool load_fonts(ImGuiIO& io, const std::string& font_path, float pixel_size);

// The large font the glance view uses (kLargeFontFactor times the normal size), or null when only
// the built-in font could be loaded.
inline constexpr float kLargeFontFactor = 2.0f;
ImFont* large_font();

}  // namespace mingle::app
