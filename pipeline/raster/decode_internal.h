// Shared by the PNG and JPEG decoders; not part of raster's public interface.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "core/diagnostic.h"
#include "raster/decode.h"
#include "scene/image.h"

namespace koho::raster::detail {

// Everything a decoder needs to name the file and respect the limits.
struct DecodeRequest {
    std::span<const uint8_t> bytes;
    const std::filesystem::path& source;
    const SourceLoc& where;
    const DecodeLimits& limits;
};

// "image 'PATH' WHAT" at the layout location that named the file.
[[noreturn]] void fail_image(const DecodeRequest& req, const std::string& what);

// Refuses sizes of zero and sizes beyond the pixel limit; called before any
// pixel memory exists.
void check_dimensions(const DecodeRequest& req, uint64_t width, uint64_t height);

// Allocates the image (after check_dimensions) with room for 4 bytes a pixel.
std::shared_ptr<scene::Image> new_image(const DecodeRequest& req, int width, int height);

// The decoders write R, G, B, A bytes into the pixel buffer; this turns them,
// in place, into Cairo's premultiplied native-endian ARGB32 and reports
// whether any pixel is not fully opaque.
bool rgba_bytes_to_cairo(scene::Image& image);

std::shared_ptr<scene::Image> decode_png(const DecodeRequest& req);
// Full size by default; with a minimum size, at the smallest M/8 scale
// (M = 1…8) that still gives at least min_width × min_height pixels.
std::shared_ptr<scene::Image> decode_jpeg(const DecodeRequest& req, int min_width = 0, int min_height = 0);
// Checks the whole file now; a JPEG that keeps `bytes` for embedding gets
// its pixels decoded on first use, any other is decoded at once.
std::shared_ptr<scene::Image> decode_jpeg_deferred(const DecodeRequest& req,
                                                   std::shared_ptr<const std::string> bytes);

}  // namespace koho::raster::detail
