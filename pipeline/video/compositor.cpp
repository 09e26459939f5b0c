// Frames of a timeline: everything static was rendered once by the
// constructor (layer_art.h); a frame pastes those bitmaps where animate.h
// says, plus the current picture of each video layer.
#include "video/compositor.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/diagnostic.h"
#include "video/clip_layer.h"
#include "video/layer_art.h"

namespace koho::video {

using detail::px;

namespace {

// One layer ready to draw: its model (box completed from the picture's
// aspect ratio where only one side was written) and its pixels.
struct LayerSlot {
    model::Layer layer;
    detail::Bitmap still;                    // static content at rest
    std::optional<detail::Picture> picture;  // Ken Burns image or SVG
    std::unique_ptr<detail::ClipLayer> clip; // video

    void park() {
        still.park();
        if (picture) picture->bitmap.park();
    }
    void wake() {
        still.wake();
        if (picture) picture->bitmap.wake();
    }
};

double largest_zoom(const model::Layer& layer) {
    if (!layer.motion) return 1;
    return std::max(layer.motion->from.scale, layer.motion->to.scale);
}

LayerSlot make_slot(const model::Layer& layer, detail::ComposedCanvas& canvas, const Limits& limits) {
    LayerSlot slot;
    slot.layer = layer;
    if (layer.kind == model::Layer::Kind::Video) {
        if (!layer.clip) fail_system(layer.loc, "video: a video layer without its clip");
        slot.clip = std::make_unique<detail::ClipLayer>(layer, largest_zoom(layer), limits.max_image_pixels);
        return slot;
    }
    if (!layer.page) return slot;
    if (*layer.page >= canvas.pages.size()) fail_system(layer.loc, "video: a layer names a page the canvas lacks");
    if (const auto& box = canvas.completed_boxes[*layer.page]) slot.layer.box = *box;
    auto& items = canvas.pages[*layer.page].items;
    bool picture = layer.kind == model::Layer::Kind::Image || layer.kind == model::Layer::Kind::Svg;
    if (layer.motion && picture && !items.empty())
        slot.picture = detail::render_picture(items, largest_zoom(layer), layer.loc);
    else
        slot.still = detail::render_still(items);
    items.clear();  // the pixels are all a frame needs: let the display list (and its images) go
    items.shrink_to_fit();
    return slot;
}

void set_color(cairo_t* cr, const Color& color) {
    cairo_set_source_rgba(cr, color.rgb.r, color.rgb.g, color.rgb.b, color.alpha);
}

// The layer at its pose: moved so that its box's centre lands on the
// posed box's centre, rotated and scaled about that centre.
void paint_layer(cairo_t* cr, LayerSlot& slot, const LayerPose& pose) {
    if (!pose.visible || pose.opacity <= 0 || std::abs(pose.scale) < 1e-6) return;
    const model::Box& box = slot.layer.box;
    double rest_x = px(box.x + box.w / 2), rest_y = px(box.y + box.h / 2);
    double posed_x = px(pose.x_pt + box.w / 2), posed_y = px(pose.y_pt + box.h / 2);
    scene::SavedState saved(cr);
    if (pose.scale == 1 && pose.rotate_deg == 0) {
        cairo_translate(cr, posed_x - rest_x, posed_y - rest_y);
    } else {
        cairo_translate(cr, posed_x, posed_y);
        cairo_rotate(cr, pose.rotate_deg * std::numbers::pi / 180);
        cairo_scale(cr, pose.scale, pose.scale);
        cairo_translate(cr, -rest_x, -rest_y);
    }
    if (slot.clip) {
        slot.clip->draw(cr, pose);
    } else if (slot.picture) {
        detail::outline_path_px(cr, slot.picture->clip);
        cairo_clip(cr);
        detail::apply_motion(cr, box, pose);
        const detail::Bitmap& bitmap = slot.picture->bitmap;
        cairo_rectangle(cr, bitmap.x, bitmap.y, bitmap.w, bitmap.h);
        cairo_clip(cr);
        detail::paint_bitmap(cr, bitmap, pose.opacity, true);
    } else {
        detail::paint_bitmap(cr, slot.still, pose.opacity);
    }
}

}  // namespace

struct FrameCompositor::Impl {
    const model::Timeline& timeline;
    double frame_w_pt = 0, frame_h_pt = 0;
    std::vector<std::vector<LayerSlot>> scenes;  // per scene, bottom to top
    std::vector<bool> awake;                     // per scene: its big bitmaps are raw (it was on screen last)
    std::vector<LayerSlot> overlays;
    std::vector<detail::Bitmap> captions;        // per caption (empty when not burned in)
    scene::SurfacePtr scratch;                   // a scene fading in is drawn here first (made once)
    std::vector<LayerPose> poses;                // of the scene being drawn (kept to spare allocations)

    explicit Impl(const model::Timeline& t) : timeline(t) {}

    // A scene on its own: its background (drawn with `background_op`:
    // SOURCE replaces what was there), then its layers; moved by a slide.
    // What an opaque full-frame layer (a photo) hides is not drawn at all.
    void draw_scene(cairo_t* cr, const ScenePart& part, cairo_operator_t background_op) {
        const model::Scene& scene = timeline.scenes[part.scene];
        std::vector<LayerSlot>& slots = scenes[part.scene];
        poses.clear();
        size_t from = 0;
        bool hidden_background = false;
        for (size_t i = 0; i < slots.size(); ++i) {
            poses.push_back(pose_at(slots[i].layer, part.t_s, frame_w_pt, frame_h_pt));
            if (hides_frame(slots[i], poses.back())) {
                from = i;
                hidden_background = true;
            }
        }
        scene::SavedState saved(cr);
        cairo_translate(cr, px(part.dx_pt), px(part.dy_pt));
        if (!hidden_background) {
            cairo_set_operator(cr, background_op);
            set_color(cr, scene.background.value_or(timeline.background));
            cairo_rectangle(cr, 0, 0, timeline.width_px, timeline.height_px);
            cairo_fill(cr);
            cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
        }
        for (size_t i = from; i < slots.size(); ++i) paint_layer(cr, slots[i], poses[i]);
    }

    // Whether the layer, at this pose, paints every pixel of the frame opaquely.
    bool hides_frame(const LayerSlot& slot, const LayerPose& pose) const {
        if (slot.clip || slot.picture || !pose.visible || pose.opacity < 1 || pose.scale != 1 ||
            pose.rotate_deg != 0)
            return false;
        double dx = px(pose.x_pt) - px(slot.layer.box.x), dy = px(pose.y_pt) - px(slot.layer.box.y);
        return slot.still.covers(-dx, -dy, timeline.width_px, timeline.height_px);
    }

    cairo_surface_t* scratch_surface() {
        if (!scratch) {
            scratch.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, timeline.width_px, timeline.height_px));
            if (cairo_surface_status(scratch.get()) != CAIRO_STATUS_SUCCESS)
                fail_system({}, "video: cannot allocate a frame for transitions");
        }
        return scratch.get();
    }

    // Whether the part alone paints every pixel of the frame opaquely.
    bool covers_frame(const ScenePart& part) const {
        return part.alpha >= 1 && !part.clip && part.dx_pt == 0 && part.dy_pt == 0 &&
               timeline.scenes[part.scene].background.value_or(timeline.background).alpha >= 1;
    }

    void draw_part(cairo_t* cr, const ScenePart& part, cairo_operator_t background_op) {
        if (part.alpha <= 0) return;
        scene::SavedState saved(cr);
        if (part.clip) {
            const model::Box& c = *part.clip;
            cairo_rectangle(cr, px(c.x), px(c.y), px(c.w), px(c.h));
            cairo_clip(cr);
        }
        if (part.alpha >= 1) {
            draw_scene(cr, part, background_op);
            return;
        }
        // Fading in: the scene is flattened first (in a frame-sized buffer
        // made once), so that its layers do not show through one another.
        cairo_surface_t* surface = scratch_surface();
        {
            scene::CairoPtr scratch_cr(cairo_create(surface));
            if (part.dx_pt != 0 || part.dy_pt != 0) {  // the slid-away strip stays transparent
                cairo_set_operator(scratch_cr.get(), CAIRO_OPERATOR_CLEAR);
                cairo_paint(scratch_cr.get());
            }
            draw_scene(scratch_cr.get(), part, CAIRO_OPERATOR_SOURCE);
            if (cairo_status(scratch_cr.get()) != CAIRO_STATUS_SUCCESS)
                fail_system({}, std::string("video: drawing a transition failed: ") +
                                    cairo_status_to_string(cairo_status(scratch_cr.get())));
        }
        cairo_set_source_surface(cr, surface, 0, 0);
        cairo_paint_with_alpha(cr, part.alpha);
    }

    // Raw pixels for the scenes in `parts`; the others' go back to their
    // deflated copies (kept from the first time, so parking is free).
    void show_only(const std::vector<ScenePart>& parts) {
        for (size_t s = 0; s < scenes.size(); ++s) {
            const bool shown = std::any_of(parts.begin(), parts.end(), [&](const ScenePart& p) { return p.scene == s; });
            if (shown == awake[s]) continue;
            for (auto& slot : scenes[s]) shown ? slot.wake() : slot.park();
            awake[s] = shown;
        }
    }

    const detail::Bitmap* caption_at(double t_s) const {
        const auto& list = timeline.captions;
        auto after = std::upper_bound(list.begin(), list.end(), t_s,
                                      [](double t, const model::Caption& c) { return t < c.start_s; });
        if (after == list.begin()) return nullptr;
        size_t i = static_cast<size_t>(after - list.begin()) - 1;
        if (t_s >= list[i].end_s) return nullptr;
        return &captions[i];
    }
};

FrameCompositor::FrameCompositor(const model::Timeline& timeline, text::Typesetter& typesetter,
                                 const scene::ImageLoader& load_image)
    : impl_(std::make_unique<Impl>(timeline)) {
    Impl& im = *impl_;
    if (timeline.width_px <= 0 || timeline.height_px <= 0)
        fail_system({}, "video: the frame has no pixels");
    im.frame_w_pt = timeline.width_px * model::kPtPerPx;
    im.frame_h_pt = timeline.height_px * model::kPtPerPx;
    // Every text set, every picture loaded, here: errors before frame 0.
    std::vector<double> page_zoom(timeline.canvas.pages.size(), 1.0);
    auto note_zoom = [&](const model::Layer& layer) {
        if (layer.page && *layer.page < page_zoom.size()) page_zoom[*layer.page] = largest_zoom(layer);
    };
    for (const auto& scene : timeline.scenes)
        for (const auto& layer : scene.layers) note_zoom(layer);
    for (const auto& layer : timeline.overlays) note_zoom(layer);
    detail::ComposedCanvas canvas = detail::compose_canvas(timeline.canvas, page_zoom, typesetter, load_image);
    // Each scene's big bitmaps are deflated as soon as they are made, so
    // memory holds one scene's raw pixels at a time, not the whole video's.
    for (const auto& scene : timeline.scenes) {
        auto& slots = im.scenes.emplace_back();
        for (const auto& layer : scene.layers) {
            slots.push_back(make_slot(layer, canvas, timeline.limits));
            slots.back().park();
        }
    }
    im.awake.assign(im.scenes.size(), false);
    for (const auto& layer : timeline.overlays) im.overlays.push_back(make_slot(layer, canvas, timeline.limits));
    for (const auto& caption : timeline.captions) {
        if (caption.page >= canvas.pages.size()) fail_system(caption.loc, "video: a caption names a missing page");
        detail::Bitmap bitmap;
        if (timeline.caption_style.burn_in) bitmap = detail::render_still(canvas.pages[caption.page].items);
        canvas.pages[caption.page].items.clear();
        im.captions.push_back(std::move(bitmap));
    }
}

FrameCompositor::~FrameCompositor() = default;

int FrameCompositor::width() const { return impl_->timeline.width_px; }
int FrameCompositor::height() const { return impl_->timeline.height_px; }

size_t FrameCompositor::cache_bytes() const {
    size_t total = 0;
    auto add = [&](const LayerSlot& slot) {
        total += slot.still.bytes();
        if (slot.picture) total += slot.picture->bitmap.bytes();
    };
    for (const auto& scene : impl_->scenes)
        for (const auto& slot : scene) add(slot);
    for (const auto& slot : impl_->overlays) add(slot);
    for (const auto& bitmap : impl_->captions) total += bitmap.bytes();
    return total;
}

void FrameCompositor::draw(int64_t index, uint8_t* argb, int stride) {
    Impl& im = *impl_;
    const model::Timeline& tl = im.timeline;
    double t_s = static_cast<double>(index) * tl.fps.den / tl.fps.num;
    scene::SurfacePtr target(
        cairo_image_surface_create_for_data(argb, CAIRO_FORMAT_ARGB32, tl.width_px, tl.height_px, stride));
    if (cairo_surface_status(target.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "video: cannot draw into the frame buffer (bad size or stride)");
    scene::CairoPtr owned(cairo_create(target.get()));
    cairo_t* cr = owned.get();

    std::vector<ScenePart> parts = scenes_at(tl, t_s);
    im.show_only(parts);
    // The timeline's background, opaque whatever its alpha (every frame
    // is), unless the first scene covers it anyway: then that scene's
    // background replaces the last frame's pixels instead.
    bool covered = !parts.empty() && im.covers_frame(parts.front());
    if (!covered) {
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
        cairo_set_source_rgb(cr, tl.background.rgb.r, tl.background.rgb.g, tl.background.rgb.b);
        cairo_paint(cr);
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    }
    for (size_t i = 0; i < parts.size(); ++i)
        im.draw_part(cr, parts[i], i == 0 && covered ? CAIRO_OPERATOR_SOURCE : CAIRO_OPERATOR_OVER);
    for (auto& slot : im.overlays) paint_layer(cr, slot, pose_at(slot.layer, t_s, im.frame_w_pt, im.frame_h_pt));
    if (const detail::Bitmap* caption = im.caption_at(t_s)) detail::paint_bitmap(cr, *caption, 1);

    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        fail_system({}, std::string("video: drawing frame ") + std::to_string(index) +
                            " failed: " + cairo_status_to_string(cairo_status(cr)));
    cairo_surface_flush(target.get());
}

}  // namespace koho::video
