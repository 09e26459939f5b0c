// A decoded bitmap, ready for Cairo. raster/ decodes files into it; scene/
// only draws it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace koho::scene {

struct Image {
    int width = 0;
    int height = 0;
    // Cairo ARGB32: premultiplied, native-endian 32-bit pixels, stride = 4 × width.
    std::vector<uint32_t> pixels;
    bool has_alpha = false;
    std::filesystem::path source;  // for messages and depfiles
    // Intrinsic resolution the file declares (PNG pHYs, JFIF density), in
    // pixels per inch; 0 when the file says nothing. For preflight.
    double ppi_x = 0;
    double ppi_y = 0;
};

// Loads the image at a path that model/ already confined to the root.
// Throws koho::Error (BadInput) at `where` for unreadable or corrupt files.
using ImageLoader = std::function<std::shared_ptr<const Image>(const std::filesystem::path& path,
                                                               const SourceLoc& where)>;

}  // namespace koho::scene
