// Renders the placeholder mascot's SVG to a transparent PNG with librsvg.
#pragma once

#include <filesystem>

namespace koho::genmedia {

// The PNG is `height_px` tall, its width follows the SVG's aspect ratio.
void render_svg_to_png(const std::filesystem::path& svg, const std::filesystem::path& png, int height_px);

}  // namespace koho::genmedia
