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
    // The file's own bytes when it is a JPEG whose decoded pixels are
    // exactly `pixels` (no rotation, no colour conversion, no resampling):
    // PDF back ends embed these bytes as they are (DCTDecode) instead of
    // recompressing the pixels — smaller files, faster output, no second
    // generation of loss. Empty: embed the pixels.
    std::shared_ptr<const std::string> jpeg_data;
};

// Loads the image at a path that model/ already confined to the root.
// Throws koho::Error (BadInput) at `where` for unreadable or corrupt files.
using ImageLoader = std::function<std::shared_ptr<const Image>(const std::filesystem::path& path,
                                                               const SourceLoc& where)>;

}  // namespace koho::scene
