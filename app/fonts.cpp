#include "fonts.hpp"

#include <filesystem>

#include <imgui.h>

namespace mingle::app {
namespace {

// Basic Latin + Latin-1, Latin Extended-A, general punctuation (– — ‘ ’ “ ” • …), €, arrows and
// a few marks the views use (▸ ✓ ✗ ● ○ ★ ☆).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC,
    0x2190, 0x2193, 0x25A0, 0x25A0, 0x25B2, 0x25BE, 0x25CB, 0x25CF, 0x2605, 0x2606, 0x2713, 0x2717, 0,
};

}  // namespace

bool load_fonts(ImGuiIO& io, const std::string& font_path, float pixel_size) {
    io.Fonts->Clear();
    std::string path = font_path.empty() ? kDefaultFontPath : font_path;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        ImFontConfig config;
        config.OversampleH = 2;
        if (io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size, &config, kGlyphRanges)) {
            // The reception's glance view reads at arm's length: the same face, rendered large.
            io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size * kLargeFontFactor, &config, kGlyphRanges);
            return true;
        }
    }
    ImFontConfig fallback;
    fallback.SizePixels = pixel_size;
    io.Fonts->AddFontDefault(&fallback);
    return false;
}

}  // namespace mingle::app

namespace mingle::app {

ImFont* large_font() {
    ImGuiIO& io = ImGui::GetIO();
    return io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr;
}

}  // namespace mingle::app
