// Writing bitmaps as PNG (proofs, banners) and JPEG (photos, thumbnails).
//
// Outputs are deterministic (no time chunk, fixed compression settings) and
// atomic (core/atomic_file.h): the target is replaced only when the whole
// file is written. Premultiplied pixels are un-premultiplied on the way out.
// A failure to write is a koho::Error (Failure) naming the target.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "scene/image.h"

namespace koho::raster {

// A read-only view of Cairo-layout pixels: native-endian uint32 per pixel,
// premultiplied ARGB (alpha ignored when `opaque`).
struct PixelView {
    const uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;       // bytes per row
    bool opaque = false;  // CAIRO_FORMAT_RGB24: the top byte is undefined
};

PixelView view_of(const scene::Image& image);
// The surface must be a Cairo image surface in ARGB32 or RGB24; it is flushed.
PixelView view_of(cairo_surface_t* surface);

// PNG, 8 bits per channel; RGB when every pixel is opaque, RGBA otherwise.
// `dpi` > 0 is recorded in a pHYs chunk.
void write_png(const std::filesystem::path& target, const PixelView& pixels, double dpi);
void write_png(const std::filesystem::path& target, const scene::Image& image, double dpi);
void write_png(const std::filesystem::path& target, cairo_surface_t* surface, double dpi);

// How hard zlib works: Small (level 6) for pictures that are delivered
// (banners, merged pictures); Quick (level 3) for proofs, which are looked
// at and replaced at every render — a quarter less time for an A4 page at
// 150 dpi, a tenth more bytes. Either way the same pixels give the same bytes.
enum class PngCompression { Small, Quick };

// The PNG bytes themselves (what write_png writes).
std::string encode_png(const PixelView& pixels, double dpi, PngCompression compression = PngCompression::Small);

// Baseline JPEG (quality 1–100). Chroma is subsampled 4:2:0 below quality 90
// and kept whole (4:4:4) from 90 up, so thin coloured lines stay crisp.
// Transparent pixels are composed over white.
// `dpi` > 0 is recorded as the JFIF density.
void write_jpeg(const std::filesystem::path& target, const PixelView& pixels, int quality,
                double dpi);
std::string encode_jpeg(const PixelView& pixels, int quality, double dpi);

}  // namespace koho::raster
