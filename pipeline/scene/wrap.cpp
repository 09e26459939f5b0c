#include "scene/wrap.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/diagnostic.h"
#include "scene/cairo_ptr.h"
#include "scene/fit.h"
#include "scene/frame_items.h"
#include "scene/masters.h"
#include "scene/render_parts.h"

namespace koho::scene {
namespace {

constexpr int kMaxBands = 256;
constexpr double kMinBandPt = 1.0;
constexpr int kMaskMaxPixels = 512;
constexpr double kMaskMaxScale = 4.0;  // pixels per point
constexpr uint8_t kOpaque = 128;       // alpha from which a pixel pushes text

// Which way bands are cut: Rows are thin in y (t = y, across = x), Columns
// thin in x (t = x, across = y).
enum class Axis { Rows, Columns };

struct Span {
    double lo = 0, hi = 0;
};

// The shape's extent across the axis over the strip [t0, t1] of the axis.
using ExtentFn = std::function<std::optional<Span>(double t0, double t1)>;

Rect grown(const Rect& r, double by) { return {r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

// Cuts [begin, end) of the axis into strips (at least 1 pt, at most 256)
// and merges neighbours of equal extent.
std::vector<Rect> slice(double begin, double end, Axis axis, const ExtentFn& extent) {
    std::vector<Rect> bands;
    double length = end - begin;
    if (!(length > 0)) return bands;
    double thickness = std::max(kMinBandPt, length / kMaxBands);
    int count = static_cast<int>(std::ceil(length / thickness - 1e-9));
    std::optional<Span> open;
    double open_begin = 0, open_end = 0;
    auto close = [&] {
        if (!open) return;
        if (axis == Axis::Rows)
            bands.push_back({open->lo, open_begin, open->hi - open->lo, open_end - open_begin});
        else
            bands.push_back({open_begin, open->lo, open_end - open_begin, open->hi - open->lo});
        open.reset();
    };
    for (int i = 0; i < count; ++i) {
        double t0 = begin + i * thickness;
        double t1 = i + 1 == count ? end : begin + (i + 1) * thickness;
        std::optional<Span> e = extent(t0, t1);
        if (e && !(e->hi > e->lo)) e.reset();
        if (open && e && std::abs(e->lo - open->lo) < 1e-6 && std::abs(e->hi - open->hi) < 1e-6) {
            open_end = t1;
            continue;
        }
        close();
        if (e) {
            open = e;
            open_begin = t0;
            open_end = t1;
        }
    }
    close();
    return bands;
}

Rect bounds_of(const std::vector<Rect>& rects) {
    if (rects.empty()) return {};
    double x0 = rects[0].x, y0 = rects[0].y, x1 = x0 + rects[0].w, y1 = y0 + rects[0].h;
    for (const auto& r : rects) {
        x0 = std::min(x0, r.x);
        y0 = std::min(y0, r.y);
        x1 = std::max(x1, r.x + r.w);
        y1 = std::max(y1, r.y + r.h);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

// The point of [t0, t1] nearest to c.
double nearest(double c, double t0, double t1) { return std::clamp(c, t0, t1); }

// An analytic outline's extent: `box` along the axis is [a0, a1], across
// [c0, c1]. Ellipse: semi-axes from the box; rounded: corner radius r.
ExtentFn outline_extent(OutlineKind kind, double a0, double a1, double c0, double c1, double radius) {
    return [=](double t0, double t1) -> std::optional<Span> {
        if (t1 <= a0 || t0 >= a1) return std::nullopt;
        double mid_a = (a0 + a1) / 2, mid_c = (c0 + c1) / 2;
        double t = nearest(mid_a, std::max(t0, a0), std::min(t1, a1));  // the widest place in the strip
        switch (kind) {
            case OutlineKind::Rect:
                return Span{c0, c1};
            case OutlineKind::Ellipse: {
                double semi_a = (a1 - a0) / 2, semi_c = (c1 - c0) / 2;
                double u = semi_a > 0 ? (t - mid_a) / semi_a : 1;
                double half = semi_c * std::sqrt(std::max(0.0, 1 - u * u));
                return Span{mid_c - half, mid_c + half};
            }
            case OutlineKind::RoundedRect: {
                double r = std::clamp(radius, 0.0, std::min(a1 - a0, c1 - c0) / 2);
                double d = std::min(t - a0, a1 - t);  // into the shape from its nearer edge
                double inset = d >= r ? 0 : r - std::sqrt(std::max(0.0, r * r - (r - d) * (r - d)));
                return Span{c0 + inset, c1 - inset};
            }
        }
        return std::nullopt;
    };
}

WrapBands bands_from(const std::function<std::vector<Rect>(Axis)>& cut) {
    WrapBands bands;
    bands.rows = cut(Axis::Rows);
    bands.columns = cut(Axis::Columns);
    bands.bounds = bounds_of(bands.rows);
    return bands;
}

// An image's pixels drawn where compose places them.
void draw_image_pixels(cairo_t* cr, const Image& image, const Rect& placed) {
    const auto& pixels = image.pixel_data();
    if (image.width <= 0 || image.height <= 0 ||
        pixels.size() < static_cast<size_t>(image.width) * static_cast<size_t>(image.height))
        return;
    // Cairo only reads a source surface; the const_cast never leads to a write.
    auto* data = reinterpret_cast<unsigned char*>(const_cast<uint32_t*>(pixels.data()));
    SurfacePtr source(cairo_image_surface_create_for_data(data, CAIRO_FORMAT_ARGB32, image.width, image.height,
                                                          image.width * 4));
    SavedState saved(cr);
    // Edge pixels padded outwards and clipped to the placed rectangle: the
    // image's own edges stay sharp instead of fading into the filter's
    // transparent surround (which would nibble the corners of a small image).
    cairo_rectangle(cr, placed.x, placed.y, placed.w, placed.h);
    cairo_clip(cr);
    cairo_translate(cr, placed.x, placed.y);
    cairo_scale(cr, placed.w / image.width, placed.h / image.height);
    cairo_set_source_surface(cr, source.get(), 0, 0);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_paint(cr);
}

bool covers(const Rect& outer, const Rect& inner) {
    constexpr double kSlack = 1e-6;
    return outer.x <= inner.x + kSlack && outer.y <= inner.y + kSlack &&
           outer.x + outer.w >= inner.x + inner.w - kSlack && outer.y + outer.h >= inner.y + inner.h - kSlack;
}

WrapBands contour_bands(const model::Frame& frame, double offset, const WrapMedia& media) {
    Rect box{frame.box.x, frame.box.y, frame.box.w, frame.box.h};
    if (auto* shape = std::get_if<model::ShapeContent>(&frame.content)) {
        if (shape->ellipse) return outline_bands({OutlineKind::Ellipse, box, 0}, offset);
        if (shape->radius_pt > 0) return outline_bands({OutlineKind::RoundedRect, box, shape->radius_pt}, offset);
        return outline_bands({OutlineKind::Rect, box, 0}, offset);
    }
    if (auto* image = std::get_if<model::ImageContent>(&frame.content)) {
        ClipPath clip = clip_outline(frame.box, image->clip, image->clip_radius_pt);
        std::shared_ptr<const Image> pixels = media.image ? media.image(*image) : nullptr;
        if (!pixels || pixels->width <= 0 || pixels->height <= 0) return outline_bands(clip, offset);
        Rect placed = fit_image(box, pixels->width, pixels->height, image->fit, image->focus_x, image->focus_y);
        if (!pixels->has_alpha) {
            // An opaque photo is its clip shape, where the image covers it
            // ("contain" may leave the clip's sides empty). No pixels needed.
            if (covers(placed, clip.box)) return outline_bands(clip, offset);
            return mask_bands(clip, offset, [&](cairo_t* cr) {
                cairo_rectangle(cr, placed.x, placed.y, placed.w, placed.h);
                cairo_fill(cr);
            });
        }
        return mask_bands(clip, offset, [&](cairo_t* cr) { draw_image_pixels(cr, *pixels, placed); });
    }
    if (auto* svg = std::get_if<model::SvgContent>(&frame.content)) {
        ClipPath clip = clip_outline(frame.box, svg->clip, svg->clip_radius_pt);
        if (!media.svg) return outline_bands(clip, offset);
        WrapArt art = media.svg(*svg);
        if (!art.draw || art.width_pt <= 0 || art.height_pt <= 0) return outline_bands(clip, offset);
        Rect placed = fit_image(box, art.width_pt, art.height_pt, svg->fit, svg->focus_x, svg->focus_y);
        return mask_bands(clip, offset, [&](cairo_t* cr) { art.draw(cr, placed); });
    }
    return outline_bands({OutlineKind::Rect, box, 0}, offset);
}

Rect box_of(const model::Frame& frame) {
    if (auto* line = std::get_if<model::LineContent>(&frame.content)) {
        double x0 = std::min(frame.box.x, line->x2), x1 = std::max(frame.box.x, line->x2);
        double y0 = std::min(frame.box.y, line->y2), y1 = std::max(frame.box.y, line->y2);
        return {x0, y0, x1 - x0, y1 - y0};
    }
    return {frame.box.x, frame.box.y, frame.box.w, frame.box.h};
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace

WrapBands outline_bands(const ClipPath& outline, double offset_pt) {
    double offset = std::max(0.0, offset_pt);
    Rect g = grown(outline.box, offset);
    double radius = outline.radius_pt + offset;
    if (g.w <= 0 || g.h <= 0) return {};
    return bands_from([&](Axis axis) {
        if (axis == Axis::Rows)
            return slice(g.y, g.y + g.h, axis, outline_extent(outline.kind, g.y, g.y + g.h, g.x, g.x + g.w, radius));
        return slice(g.x, g.x + g.w, axis, outline_extent(outline.kind, g.x, g.x + g.w, g.y, g.y + g.h, radius));
    });
}

WrapBands mask_bands(const ClipPath& clip, double offset_pt, const std::function<void(cairo_t*)>& draw) {
    double offset = std::max(0.0, offset_pt);
    const Rect& area = clip.box;
    if (!(area.w > 0) || !(area.h > 0)) return {};
    double scale = std::min(kMaskMaxScale, kMaskMaxPixels / std::max(area.w, area.h));
    int width = std::max(1, static_cast<int>(std::ceil(area.w * scale)));
    int height = std::max(1, static_cast<int>(std::ceil(area.h * scale)));

    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_A8, width, height));
    {
        CairoPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), scale, scale);
        cairo_translate(cr.get(), -area.x, -area.y);
        detail::outline_path(cr.get(), clip);  // the same outline the renderer clips to
        cairo_clip(cr.get());
        draw(cr.get());
    }
    cairo_surface_flush(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "text wrap: could not draw a contour mask");

    // The opaque extent of every pixel row (across x) and column (across y).
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    int stride = cairo_image_surface_get_stride(surface.get());
    std::vector<Span> rows(height, Span{1e9, -1e9}), columns(width, Span{1e9, -1e9});
    for (int j = 0; j < height; ++j)
        for (int i = 0; i < width; ++i)
            if (data[j * stride + i] >= kOpaque) {
                rows[j].lo = std::min<double>(rows[j].lo, i);
                rows[j].hi = std::max<double>(rows[j].hi, i + 1);
                columns[i].lo = std::min<double>(columns[i].lo, j);
                columns[i].hi = std::max<double>(columns[i].hi, j + 1);
            }

    // A strip's extent: the pixel lines within `offset` of it, grown by `offset` across.
    auto extent_over = [&](const std::vector<Span>& lines, double origin_t, double origin_c) -> ExtentFn {
        return [&lines, origin_t, origin_c, scale, offset](double t0, double t1) -> std::optional<Span> {
            int first = std::max(0, static_cast<int>(std::floor((t0 - offset - origin_t) * scale)));
            int last = std::min(static_cast<int>(lines.size()) - 1,
                                static_cast<int>(std::ceil((t1 + offset - origin_t) * scale)) - 1);
            Span span{1e9, -1e9};
            for (int k = first; k <= last; ++k) {
                span.lo = std::min(span.lo, lines[k].lo);
                span.hi = std::max(span.hi, lines[k].hi);
            }
            if (span.hi <= span.lo) return std::nullopt;
            return Span{origin_c + span.lo / scale - offset, origin_c + span.hi / scale + offset};
        };
    };
    return bands_from([&](Axis axis) {
        if (axis == Axis::Rows)
            return slice(area.y - offset, area.y + height / scale + offset, axis, extent_over(rows, area.y, area.x));
        return slice(area.x - offset, area.x + width / scale + offset, axis, extent_over(columns, area.x, area.y));
    });
}

WrapBands wrap_bands(const model::Frame& frame, const WrapMedia& media) {
    double offset = frame.wrap ? std::max(0.0, frame.wrap->offset_pt) : 0;
    if (frame.wrap && frame.wrap->mode == model::Wrap::Mode::Contour) return contour_bands(frame, offset, media);
    return outline_bands({OutlineKind::Rect, box_of(frame), 0}, offset);
}

std::vector<text::Exclusion> exclusions_in(const Rect& box, model::Writing writing, const WrapBands& bands) {
    std::vector<text::Exclusion> result;
    if (!overlaps(box, bands.bounds)) return result;
    bool vertical = writing == model::Writing::Vertical;
    for (const Rect& band : vertical ? bands.columns : bands.rows) {
        double x0 = std::max(band.x, box.x), x1 = std::min(band.x + band.w, box.x + box.w);
        double y0 = std::max(band.y, box.y), y1 = std::min(band.y + band.h, box.y + box.h);
        if (x1 <= x0 || y1 <= y0) continue;
        text::Exclusion e;
        if (vertical) {
            double right = box.x + box.w;
            e.block_begin = right - x1;
            e.block_end = right - x0;
            e.inline_begin = y0 - box.y;
            e.inline_end = y1 - box.y;
        } else {
            e.block_begin = y0 - box.y;
            e.block_end = y1 - box.y;
            e.inline_begin = x0 - box.x;
            e.inline_end = x1 - box.x;
        }
        result.push_back(e);
    }
    return result;
}

void keep_text_on_one_side(std::vector<text::Exclusion>& exclusions, model::Wrap::Side side, double measure) {
    for (auto& e : exclusions) {
        if (side == model::Wrap::Side::Start) e.inline_end = std::max(e.inline_end, measure);
        if (side == model::Wrap::Side::End) e.inline_begin = std::min(e.inline_begin, 0.0);
    }
}

PageWraps::PageWraps(const model::Document& document, WrapMedia media)
    : document_(document), media_(std::move(media)) {}

const WrapBands& PageWraps::bands_of(const model::Frame& frame) {
    auto found = bands_.find(&frame);
    if (found == bands_.end()) found = bands_.emplace(&frame, wrap_bands(frame, media_)).first;
    return found->second;
}

std::vector<text::Exclusion> PageWraps::exclusions(size_t page_index, const model::Frame& receiver, const Rect& box,
                                                   model::Writing writing) {
    std::vector<text::Exclusion> result;
    if (auto* text = std::get_if<model::TextContent>(&receiver.content); text && text->ignore_wrap) return result;
    auto add = [&](const model::Frame& frame) {
        if (&frame == &receiver || !frame.wrap) return;
        double reach = std::max(0.0, frame.wrap->offset_pt);
        if (!overlaps(grown(box_of(frame), reach + 1), box)) return;  // the bands never leave this area
        auto found = exclusions_in(box, writing, bands_of(frame));
        keep_text_on_one_side(found, frame.wrap->side, writing == model::Writing::Vertical ? box.h : box.w);
        result.insert(result.end(), found.begin(), found.end());
    };
    for (const auto& master : master_frames(document_, page_index)) add(*master.frame);
    for (const auto& frame : document_.pages.at(page_index).frames) add(frame);
    return result;
}

}  // namespace koho::scene
