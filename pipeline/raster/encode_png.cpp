// PNG encoding with libpng into memory, then one atomic write.
// Error handling follows decode_png.cpp: libpng longjmps only inside
// write_all(), whose locals are trivial.
#include <png.h>

#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <vector>

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "raster/encode.h"
#include "raster/pixel_rows.h"

namespace koho::raster {

namespace {

struct PngWriter {
    png_structp png = nullptr;
    png_infop info = nullptr;
    std::string out;
    char message[256] = {};

    ~PngWriter() { png_destroy_write_struct(&png, info ? &info : nullptr); }
};

void on_png_error(png_structp png, png_const_charp msg) {
    auto* w = static_cast<PngWriter*>(png_get_error_ptr(png));
    std::snprintf(w->message, sizeof w->message, "%s", msg ? msg : "unknown libpng error");
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

void append(png_structp png, png_bytep data, size_t length) {
    auto* w = static_cast<PngWriter*>(png_get_io_ptr(png));
    // Nothing may throw across libpng: a failed append becomes png_error,
    // called after the catch block has finished with the exception.
    bool appended = true;
    try {
        w->out.append(reinterpret_cast<const char*>(data), length);
    } catch (...) {
        appended = false;
    }
    if (!appended) png_error(png, "out of memory");
}

void flush_nothing(png_structp) {}

// The rows are made up front (straight alpha), so nothing here can throw.
bool write_all(PngWriter& w, const PixelView& view, bool alpha, png_uint_32 ppm, png_bytepp rows, int level) {
    if (setjmp(png_jmpbuf(w.png))) return false;
    png_set_write_fn(w.png, &w, append, flush_nothing);
    png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(view.width),
                 static_cast<png_uint_32>(view.height), 8,
                 alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Fixed settings, so the same pixels always give the same bytes.
    png_set_compression_level(w.png, level);
    png_set_sRGB(w.png, w.info, PNG_sRGB_INTENT_PERCEPTUAL);
    if (ppm > 0) png_set_pHYs(w.png, w.info, ppm, ppm, PNG_RESOLUTION_METER);
    png_write_info(w.png, w.info);
    png_write_image(w.png, rows);
    png_write_end(w.png, nullptr);
    return true;
}

}  // namespace

std::string encode_png(const PixelView& view, double dpi, PngCompression compression) {
    if (!view.data || view.width <= 0 || view.height <= 0)
        fail_system({}, "cannot write an empty image as PNG");
    bool alpha = detail::has_translucent_pixels(view);
    size_t row_bytes = static_cast<size_t>(view.width) * (alpha ? 4 : 3);
    std::vector<uint8_t> straight(row_bytes * static_cast<size_t>(view.height));
    std::vector<png_bytep> rows(static_cast<size_t>(view.height));
    for (int y = 0; y < view.height; ++y) {
        rows[y] = straight.data() + row_bytes * y;
        detail::straight_row(view, y, rows[y], alpha);
    }
    auto ppm = static_cast<png_uint_32>(dpi > 0 ? std::lround(dpi / 0.0254) : 0);

    PngWriter w;
    w.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &w, on_png_error, on_warning);
    if (w.png) w.info = png_create_info_struct(w.png);
    if (!w.png || !w.info) fail_system({}, "cannot start the PNG encoder (out of memory?)");
    if (!write_all(w, view, alpha, ppm, rows.data(), compression == PngCompression::Quick ? 3 : 6))
        fail_system({}, std::string("cannot encode PNG: ") + w.message);
    return std::move(w.out);
}

void write_png(const std::filesystem::path& target, const PixelView& pixels, double dpi) {
    std::string bytes;
    try {
        bytes = encode_png(pixels, dpi);
    } catch (const Error& e) {
        fail_system(SourceLoc{target.string()}, e.message());
    }
    write_file_atomically(target, bytes);
}

void write_png(const std::filesystem::path& target, const scene::Image& image, double dpi) {
    write_png(target, view_of(image), dpi);
}

void write_png(const std::filesystem::path& target, cairo_surface_t* surface, double dpi) {
    write_png(target, view_of(surface), dpi);
}

PixelView view_of(const scene::Image& image) {
    if (image.pixels.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height))
        fail_system({}, "image '" + image.source.string() + "' has a pixel buffer of the wrong size");
    return PixelView{reinterpret_cast<const uint8_t*>(image.pixels.data()), image.width,
                     image.height, image.width * 4, false};
}

PixelView view_of(cairo_surface_t* surface) {
    if (!surface || cairo_surface_get_type(surface) != CAIRO_SURFACE_TYPE_IMAGE)
        fail_system({}, "internal error: raster output needs a Cairo image surface");
    cairo_surface_flush(surface);
    cairo_format_t format = cairo_image_surface_get_format(surface);
    if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
        fail_system({}, "internal error: raster output needs an ARGB32 or RGB24 surface");
    return PixelView{cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                     cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface),
                     format == CAIRO_FORMAT_RGB24};
}

}  // namespace koho::raster
