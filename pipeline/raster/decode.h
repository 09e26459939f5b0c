// Decoding PNG and JPEG files into scene::Image (Cairo ARGB32, premultiplied).
//
// The format is found from the file's first bytes, never from its name. Every
// failure — a missing file, a truncated or corrupt image, a format koho does
// not read, an image larger than the pixel limit — is a koho::Error (BadInput)
// at `where`, the layout value that named the file. The size is checked
// against the limit before any pixel memory is allocated, so a small file
// that declares an enormous image (a decompression bomb) costs nothing.
// libpng and libjpeg never print: their messages become the error's text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "scene/image.h"

namespace koho::raster {

struct DecodeLimits {
    // Width × height above this is refused (Limits::max_image_pixels, which
    // the message names the flag of: --max-image-pixels).
    uint64_t max_pixels = Limits{}.max_image_pixels;
};

enum class ImageFormat { Png, Jpeg, Unknown };

// What the leading bytes say the file is (PNG and JPEG signatures).
ImageFormat sniff_format(std::span<const uint8_t> head);

// Reads and decodes the file at `path`.
std::shared_ptr<const scene::Image> decode_image(const std::filesystem::path& path,
                                                 const SourceLoc& where,
                                                 const DecodeLimits& limits = {});

// Like decode_image, with the same errors for the same files, but a JPEG
// that a PDF can embed as it is (Image::jpeg_data) is only checked now
// (header and entropy-coded data, no pixels); its pixels are decoded the
// first time Image::pixel_data() asks. A PDF-only run never decodes them.
std::shared_ptr<const scene::Image> decode_image_deferred(const std::filesystem::path& path,
                                                          const SourceLoc& where,
                                                          const DecodeLimits& limits = {});

// Decodes bytes already in memory; `source` names them in messages. This is
// what decode_image uses, and what the fuzzers call.
std::shared_ptr<const scene::Image> decode_image_bytes(std::span<const uint8_t> bytes,
                                                       const std::filesystem::path& source,
                                                       const SourceLoc& where,
                                                       const DecodeLimits& limits = {});

// A JPEG's pixels at M/8 of its size (libjpeg's DCT scaling, M = 1…8): the
// smallest M that still gives at least min_width × min_height pixels (full
// size when no smaller scale does). Much faster than a full decode, and
// no full-size pixel memory, for pictures that are shrunk afterwards anyway
// (the web PDF). The result carries jpeg_data only at full size. Errors as
// for decode_image_bytes; bytes that are not a JPEG are refused.
std::shared_ptr<const scene::Image> decode_jpeg_at_least(std::span<const uint8_t> bytes, int min_width,
                                                         int min_height, const std::filesystem::path& source,
                                                         const SourceLoc& where, const DecodeLimits& limits = {});

}  // namespace koho::raster
