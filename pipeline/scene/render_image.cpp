// Images: a Cairo surface over the decoded pixels, scaled into the placed
// rectangle and clipped to the frame's clip outline (box, ellipse, rounded box).
//
// A PDF must embed each image once even when it appears on many pages.
// cairo-pdf merges sources that carry the same CAIRO_MIME_TYPE_UNIQUE_ID, so
// every scene::Image gets an id for as long as it lives, and each draw wraps
// its pixels (no copy) in a surface tagged with that id. A JPEG's own bytes,
// when raster/ kept them, go along as mime data for cairo-pdf to embed as
// they are.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/diagnostic.h"
#include "scene/cairo_ptr.h"
#include "scene/render_parts.h"

namespace koho::scene::detail {
namespace {

// Image identity → id. The weak_ptr tells a live Image from a dead one whose
// address has been reused, so two images never share an id.
class ImageIds {
public:
    uint64_t id_for(const std::shared_ptr<const Image>& image) {
        std::lock_guard lock(mutex_);
        auto found = ids_.find(image.get());
        if (found != ids_.end() && !found->second.image.expired()) return found->second.id;
        if (ids_.size() >= next_sweep_) sweep();
        uint64_t id = ++last_id_;
        ids_[image.get()] = {image, id};
        return id;
    }

private:
    struct Entry {
        std::weak_ptr<const Image> image;
        uint64_t id = 0;
    };

    void sweep() {
        std::erase_if(ids_, [](const auto& entry) { return entry.second.image.expired(); });
        next_sweep_ = std::max<size_t>(64, ids_.size() * 2);
    }

    std::mutex mutex_;
    std::map<const Image*, Entry> ids_;
    uint64_t last_id_ = 0;
    size_t next_sweep_ = 64;
};

ImageIds& image_ids() {
    static ImageIds ids;
    return ids;
}

const cairo_user_data_key_t kKeepImageAlive{};

// A surface over the image's own pixels. The surface holds a reference to
// the Image, so a PDF surface that keeps the source until its page is
// written never reads freed memory.
//
// A PDF target that embeds the JPEG as it is never reads the pixels, so
// an image whose decode was deferred stays undecoded: it gets a blank
// surface of its size (calloc'd memory that is never touched) to carry the
// JPEG. Cairo embeds the mime data for an opaque surface whose size matches
// the JPEG's; tests/samples/photos_test checks that every photo arrives as
// its own bytes, which a fallback to these blank pixels would break.
SurfacePtr surface_for(const std::shared_ptr<const Image>& image, bool pdf_target) {
    cairo_format_t format = image->has_alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
    bool embed_jpeg = image->jpeg_data && !image->jpeg_data->empty() && !image->has_alpha;
    SurfacePtr surface;
    if (pdf_target && embed_jpeg && image->pixels_pending()) {
        surface.reset(cairo_image_surface_create(format, image->width, image->height));
    } else {
        const std::vector<uint32_t>& pixels = image->pixel_data();
        int stride = cairo_format_stride_for_width(format, image->width);
        if (stride != image->width * 4 || pixels.size() != static_cast<size_t>(image->width) * image->height)
            fail_system({}, "image '" + image->source.string() + "' has a malformed pixel buffer");
        // Cairo only reads a source surface; the const_cast never leads to a write.
        auto* data = reinterpret_cast<unsigned char*>(const_cast<uint32_t*>(pixels.data()));
        surface.reset(cairo_image_surface_create_for_data(data, format, image->width, image->height, stride));
    }
    cairo_surface_set_user_data(surface.get(), &kKeepImageAlive, new std::shared_ptr<const Image>(image),
                                [](void* p) { delete static_cast<std::shared_ptr<const Image>*>(p); });

    auto* unique_id = new std::string("koho-image-" + std::to_string(image_ids().id_for(image)));
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_UNIQUE_ID,
                                reinterpret_cast<const unsigned char*>(unique_id->data()), unique_id->size(),
                                [](void* p) { delete static_cast<std::string*>(p); }, unique_id);
    if (embed_jpeg) {
        // The surface holds the Image, so the bytes outlive the mime data.
        const std::string& jpeg = *image->jpeg_data;
        cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG,
                                    reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size(), nullptr,
                                    nullptr);
    }
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot wrap image '" + image->source.string() +
                            "' for drawing: " + cairo_status_to_string(cairo_surface_status(surface.get())));
    return surface;
}

// Cairo's PDF surface records each source as a copy-on-write snapshot: a
// source destroyed before the PDF is finished gets all its pixels copied
// (for a blank JPEG carrier, memory that was never touched). So the PDF
// target keeps one surface per image until the target itself goes, which
// also lets a photo placed on several pages share one surface.
class SourcesOfTarget {
public:
    cairo_surface_t* get(const std::shared_ptr<const Image>& image) {
        auto found = surfaces_.find(image.get());  // the surface keeps the Image alive: no reuse of the address
        if (found != surfaces_.end()) return found->second.get();
        SurfacePtr surface = surface_for(image, true);
        return surfaces_.emplace(image.get(), std::move(surface)).first->second.get();
    }

    static SourcesOfTarget& of(cairo_surface_t* target) {
        static const cairo_user_data_key_t key{};
        if (auto* sources = static_cast<SourcesOfTarget*>(cairo_surface_get_user_data(target, &key)))
            return *sources;
        auto* sources = new SourcesOfTarget;
        if (cairo_surface_set_user_data(target, &key, sources,
                                        [](void* p) { delete static_cast<SourcesOfTarget*>(p); }) !=
            CAIRO_STATUS_SUCCESS) {
            delete sources;
            fail_system({}, "cannot attach image sources to the PDF surface (out of memory)");
        }
        return *sources;
    }

private:
    std::map<const Image*, SurfacePtr> surfaces_;
};

// The image as a Cairo surface for drawing on `cr`'s target: the target's
// shared one on a PDF, else a fresh one kept alive by `own`.
cairo_surface_t* source_for(cairo_t* cr, const std::shared_ptr<const Image>& image, SurfacePtr& own) {
    cairo_surface_t* target = cairo_get_target(cr);
    if (cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_PDF) return SourcesOfTarget::of(target).get(image);
    own = surface_for(image, false);
    return own.get();
}

}  // namespace

void draw_image(cairo_t* cr, const ImageItem& item, double alpha) {
    const auto& image = item.image;
    if (!image || image->width <= 0 || image->height <= 0) return;
    if (item.placed.w <= 0 || item.placed.h <= 0 || item.clip.w <= 0 || item.clip.h <= 0) return;
    bool raster_target = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
    SurfacePtr own_surface;
    cairo_surface_t* source = source_for(cr, image, own_surface);

    SavedState saved(cr);
    outline_path(cr, {item.clip_kind, item.clip, item.clip_radius_pt});
    cairo_clip(cr);
    if (raster_target) {
        // On pixels, pad the edges instead of fading them into transparency
        // (and clip to the image); vector targets get the plain image, which
        // cairo-pdf embeds once and which the PDF viewer edges itself.
        cairo_rectangle(cr, item.placed.x, item.placed.y, item.placed.w, item.placed.h);
        cairo_clip(cr);
    }
    cairo_translate(cr, item.placed.x, item.placed.y);
    cairo_scale(cr, item.placed.w / image->width, item.placed.h / image->height);
    cairo_set_source_surface(cr, source, 0, 0);
    cairo_pattern_t* pattern = cairo_get_source(cr);
    cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(pattern, raster_target ? CAIRO_EXTEND_PAD : CAIRO_EXTEND_NONE);
    if (alpha < 1)
        cairo_paint_with_alpha(cr, alpha);
    else
        cairo_paint(cr);
}

// An image's shadow is the part of its placed rectangle its clip shows; an
// image with an alpha channel (a cut-out character) casts the shape of its
// opaque pixels, through the image itself used as a mask — it is pixels
// already, so the shadow adds no new kind of content to the PDF.
void image_silhouette(cairo_t* cr, const ImageItem& item, const Color& color, double alpha) {
    const auto& image = item.image;
    if (item.placed.w <= 0 || item.placed.h <= 0 || item.clip.w <= 0 || item.clip.h <= 0) return;
    SavedState saved(cr);
    outline_path(cr, {item.clip_kind, item.clip, item.clip_radius_pt});
    cairo_clip(cr);
    cairo_rectangle(cr, item.placed.x, item.placed.y, item.placed.w, item.placed.h);
    set_source_color(cr, color, alpha);
    if (!image || !image->has_alpha || image->width <= 0 || image->height <= 0) {
        cairo_fill(cr);
        return;
    }
    cairo_clip(cr);
    SurfacePtr own_surface;
    cairo_surface_t* mask = source_for(cr, image, own_surface);
    cairo_translate(cr, item.placed.x, item.placed.y);
    cairo_scale(cr, item.placed.w / image->width, item.placed.h / image->height);
    PatternPtr pattern(cairo_pattern_create_for_surface(mask));
    cairo_pattern_set_filter(pattern.get(), CAIRO_FILTER_GOOD);
    // As for the picture: pixels pad their edges, vector targets take the image as it is.
    bool raster_target = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
    cairo_pattern_set_extend(pattern.get(), raster_target ? CAIRO_EXTEND_PAD : CAIRO_EXTEND_NONE);
    cairo_mask(cr, pattern.get());
}

}  // namespace koho::scene::detail
