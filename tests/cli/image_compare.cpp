#include "image_compare.h"

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace koho::test {
namespace {

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

SurfacePtr load(const std::filesystem::path& path) {
    return SurfacePtr(cairo_image_surface_create_from_png(path.c_str()), cairo_surface_destroy);
}

uint32_t pixel(cairo_surface_t* s, int x, int y) {
    const unsigned char* data = cairo_image_surface_get_data(s);
    return *reinterpret_cast<const uint32_t*>(data + y * cairo_image_surface_get_stride(s) + 4 * x);
}

}  // namespace

ImageComparison compare_png(const std::filesystem::path& actual, const std::filesystem::path& expected,
                            int channel_tolerance, const std::filesystem::path& diff_out) {
    ImageComparison result;
    SurfacePtr a = load(actual), e = load(expected);
    if (cairo_surface_status(a.get()) != CAIRO_STATUS_SUCCESS) {
        result.error = "cannot read " + actual.string();
        return result;
    }
    if (cairo_surface_status(e.get()) != CAIRO_STATUS_SUCCESS) {
        result.error = "cannot read " + expected.string();
        return result;
    }
    result.width = cairo_image_surface_get_width(a.get());
    result.height = cairo_image_surface_get_height(a.get());
    result.same_size = result.width == cairo_image_surface_get_width(e.get()) &&
                       result.height == cairo_image_surface_get_height(e.get());
    if (!result.same_size) return result;

    SurfacePtr diff(cairo_image_surface_create(CAIRO_FORMAT_RGB24, result.width, result.height),
                    cairo_surface_destroy);
    cairo_surface_flush(diff.get());
    unsigned char* diff_data = cairo_image_surface_get_data(diff.get());
    const int diff_stride = cairo_image_surface_get_stride(diff.get());
    for (int y = 0; y < result.height; ++y) {
        for (int x = 0; x < result.width; ++x) {
            const uint32_t pa = pixel(a.get(), x, y), pe = pixel(e.get(), x, y);
            int worst = 0;
            for (int shift : {0, 8, 16}) {  // proofs are opaque: colour only
                const int ca = (pa >> shift) & 0xff, ce = (pe >> shift) & 0xff;
                worst = std::max(worst, std::abs(ca - ce));
            }
            result.max_difference = std::max(result.max_difference, worst);
            uint32_t out;
            if (worst > channel_tolerance) {
                ++result.differing;
                out = 0xffff0000;
            } else {
                // The expected image, faded, so the red stands out in context.
                const int grey = 192 + (((pe >> 8) & 0xff) / 4);
                out = 0xff000000u | (grey << 16) | (grey << 8) | grey;
            }
            *reinterpret_cast<uint32_t*>(diff_data + y * diff_stride + 4 * x) = out;
        }
    }
    cairo_surface_mark_dirty(diff.get());
    if (result.differing > 0 && !diff_out.empty()) {
        std::filesystem::create_directories(diff_out.parent_path());
        cairo_surface_write_to_png(diff.get(), diff_out.c_str());
    }
    return result;
}

}  // namespace koho::test
