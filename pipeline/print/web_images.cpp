#include "print/web_images.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <span>
#include <string>

#include "core/diagnostic.h"
#include "raster/decode.h"
#include "raster/encode.h"
#include "scene/cairo_ptr.h"

namespace koho::print::detail {
namespace {

struct Span {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// What all placements of one picture need: the source pixels that show,
// and the most output pixels per source pixel any placement asks for.
struct Need {
    Span source{1e300, 1e300, -1e300, -1e300};
    double keep_x = 0, keep_y = 0;
};

// The picture's replacement: the kept pixels [x0, x0+w) × [y0, y0+h) of
// the original, now `image`.
struct Kept {
    std::shared_ptr<const scene::Image> image;
    int x0 = 0, y0 = 0, w = 0, h = 0;
};

bool drawable(const scene::ImageItem& item) {
    return item.image && item.image->width > 0 && item.image->height > 0 && item.placed.w > 0 &&
           item.placed.h > 0 && item.clip.w > 0 && item.clip.h > 0;
}

// The part of the placed rectangle that can show: inside the clip's box and
// the page (the trim: the web PDF has no bleed).
bool visible_part(const scene::ImageItem& item, const scene::PageScene& page, Span& out) {
    const scene::Rect& p = item.placed;
    const scene::Rect& c = item.clip;
    out.x0 = std::max({p.x, c.x, 0.0});
    out.y0 = std::max({p.y, c.y, 0.0});
    out.x1 = std::min({p.x + p.w, c.x + c.w, page.trim_w_pt});
    out.y1 = std::min({p.y + p.h, c.y + c.h, page.trim_h_pt});
    return out.x1 > out.x0 && out.y1 > out.y0;
}

void note_placement(const scene::ImageItem& item, const scene::PageScene& page, double max_ppi, Need& need) {
    Span shown;
    if (!visible_part(item, page, shown)) return;
    const scene::Image& image = *item.image;
    const double px_per_pt_x = image.width / item.placed.w, px_per_pt_y = image.height / item.placed.h;
    need.source.x0 = std::min(need.source.x0, (shown.x0 - item.placed.x) * px_per_pt_x);
    need.source.y0 = std::min(need.source.y0, (shown.y0 - item.placed.y) * px_per_pt_y);
    need.source.x1 = std::max(need.source.x1, (shown.x1 - item.placed.x) * px_per_pt_x);
    need.source.y1 = std::max(need.source.y1, (shown.y1 - item.placed.y) * px_per_pt_y);
    // Output pixels per source pixel for max_ppi at this size (points are 1/72 in).
    need.keep_x = std::max(need.keep_x, max_ppi * item.placed.w / 72 / image.width);
    need.keep_y = std::max(need.keep_y, max_ppi * item.placed.h / 72 / image.height);
}

bool all_opaque(const std::vector<uint32_t>& pixels) {
    return std::all_of(pixels.begin(), pixels.end(), [](uint32_t p) { return (p >> 24) == 0xff; });
}

// Pixels [x0, x0+w) × [y0, y0+h) of a src_w × src_h bitmap (Cairo
// ARGB32) resampled to out_w × out_h.
std::vector<uint32_t> resample(const std::vector<uint32_t>& pixels, int src_w, int src_h, double x0, double y0,
                               double w, double h, int out_w, int out_h, bool alpha, const scene::Image& image) {
    if (pixels.size() != static_cast<size_t>(src_w) * src_h)
        fail_system({}, "image '" + image.source.string() + "' has a malformed pixel buffer");
    const cairo_format_t format = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
    // Cairo only reads a source surface; the const_cast never leads to a write.
    auto* data = reinterpret_cast<unsigned char*>(const_cast<uint32_t*>(pixels.data()));
    scene::SurfacePtr source(
        cairo_image_surface_create_for_data(data, format, src_w, src_h, src_w * 4));
    scene::SurfacePtr target(cairo_image_surface_create(format, out_w, out_h));
    scene::CairoPtr cr(cairo_create(target.get()));
    cairo_scale(cr.get(), out_w / w, out_h / h);
    cairo_set_source_surface(cr.get(), source.get(), -x0, -y0);
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(cairo_get_source(cr.get()), CAIRO_EXTEND_PAD);
    cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr.get());
    cairo_surface_flush(target.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "resampling image '" + image.source.string() +
                            "' failed: " + cairo_status_to_string(cairo_status(cr.get())));
    std::vector<uint32_t> out(static_cast<size_t>(out_w) * out_h);
    const int stride = cairo_image_surface_get_stride(target.get());
    const unsigned char* rows = cairo_image_surface_get_data(target.get());
    for (int y = 0; y < out_h; ++y) {
        const auto* row = reinterpret_cast<const uint32_t*>(rows + static_cast<size_t>(stride) * y);
        for (int x = 0; x < out_w; ++x) out[static_cast<size_t>(y) * out_w + x] = alpha ? row[x] : row[x] | 0xff000000u;
    }
    return out;
}

std::string jpeg_of(const std::vector<uint32_t>& pixels, int w, int h, int quality) {
    raster::PixelView view;
    view.data = reinterpret_cast<const uint8_t*>(pixels.data());
    view.width = w;
    view.height = h;
    view.stride = w * 4;
    view.opaque = true;
    return raster::encode_jpeg(view, quality, 0);
}

Kept keep(const std::shared_ptr<const scene::Image>& original, const Need& need, int quality) {
    const scene::Image& image = *original;
    Kept kept;
    kept.x0 = std::clamp(static_cast<int>(std::floor(need.source.x0 + 1e-6)), 0, image.width - 1);
    kept.y0 = std::clamp(static_cast<int>(std::floor(need.source.y0 + 1e-6)), 0, image.height - 1);
    const int x1 = std::clamp(static_cast<int>(std::ceil(need.source.x1 - 1e-6)), kept.x0 + 1, image.width);
    const int y1 = std::clamp(static_cast<int>(std::ceil(need.source.y1 - 1e-6)), kept.y0 + 1, image.height);
    kept.w = x1 - kept.x0;
    kept.h = y1 - kept.y0;
    const int out_w = std::clamp(static_cast<int>(std::ceil(kept.w * need.keep_x - 1e-6)), 1, kept.w);
    const int out_h = std::clamp(static_cast<int>(std::ceil(kept.h * need.keep_y - 1e-6)), 1, kept.h);
    const bool whole = kept.w == image.width && kept.h == image.height;
    const bool same_size = whole && out_w == image.width && out_h == image.height;

    const bool alpha = image.has_alpha && !all_opaque(image.pixel_data());
    if (same_size && (alpha || image.jpeg_data)) {
        // Already small enough: Cairo writes it with its soft mask, or
        // embeds the file's own JPEG bytes (no second generation of loss).
        kept.image = original;
        return kept;
    }
    auto out = std::make_shared<scene::Image>();
    out->width = out_w;
    out->height = out_h;
    out->has_alpha = alpha;
    out->source = image.source;
    if (same_size) {
        out->pixels = image.pixel_data();
        for (uint32_t& p : out->pixels) p |= 0xff000000u;
    } else if (image.pixels_pending() && image.jpeg_data) {
        // A JPEG not decoded yet is decoded straight at a fraction of its
        // size (DCT scaling), never at full size: fast, and the original
        // keeps no full-size pixels.
        const int need_w = static_cast<int>(std::ceil(static_cast<double>(out_w) * image.width / kept.w));
        const int need_h = static_cast<int>(std::ceil(static_cast<double>(out_h) * image.height / kept.h));
        const std::string& bytes = *image.jpeg_data;
        // The file passed the run's pixel limit when it was loaded at full
        // size; its smaller decode is held to that same size.
        const raster::DecodeLimits loaded{static_cast<uint64_t>(image.width) * static_cast<uint64_t>(image.height)};
        auto scaled = raster::decode_jpeg_at_least(
            std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), need_w, need_h, image.source, {},
            loaded);
        const double fx = static_cast<double>(scaled->width) / image.width;
        const double fy = static_cast<double>(scaled->height) / image.height;
        out->pixels = resample(scaled->pixels, scaled->width, scaled->height, kept.x0 * fx, kept.y0 * fy,
                               kept.w * fx, kept.h * fy, out_w, out_h, false, image);
    } else {
        out->pixels = resample(image.pixel_data(), image.width, image.height, kept.x0, kept.y0, kept.w, kept.h,
                               out_w, out_h, alpha, image);
    }
    if (!alpha)
        out->jpeg_data = std::make_shared<const std::string>(jpeg_of(out->pixels, out_w, out_h, quality));
    kept.image = out;
    return kept;
}

}  // namespace

std::vector<scene::PageScene> web_images(const std::vector<scene::PageScene>& pages,
                                         const WebImageLimits& limits) {
    if (!(limits.max_ppi > 0)) fail_system({}, "the web edition's image resolution must be above 0 ppi");
    // Keyed by the picture's identity; only looked up, never iterated into output.
    std::map<const scene::Image*, Need> needs;
    for (const auto& page : pages)
        for (const auto& item : page.items)
            if (const auto* image = std::get_if<scene::ImageItem>(&item.what); image && drawable(*image))
                note_placement(*image, page, limits.max_ppi, needs[image->image.get()]);

    std::map<const scene::Image*, Kept> kept;
    std::vector<scene::PageScene> out = pages;
    for (auto& page : out) {
        for (auto& item : page.items) {
            auto* image = std::get_if<scene::ImageItem>(&item.what);
            if (!image || !drawable(*image)) continue;
            const scene::Image* original = image->image.get();
            const Need& need = needs.at(original);
            if (need.keep_x <= 0) {
                image->image = nullptr;  // shows nowhere (bleed only): nothing to embed
                continue;
            }
            auto found = kept.find(original);
            if (found == kept.end()) found = kept.emplace(original, keep(image->image, need, limits.jpeg_quality)).first;
            const Kept& k = found->second;
            // The kept pixels land where they landed before.
            const double pt_per_px_x = image->placed.w / original->width;
            const double pt_per_px_y = image->placed.h / original->height;
            image->placed = {image->placed.x + k.x0 * pt_per_px_x, image->placed.y + k.y0 * pt_per_px_y,
                             k.w * pt_per_px_x, k.h * pt_per_px_y};
            image->image = k.image;
        }
    }
    return out;
}

}  // namespace koho::print::detail
