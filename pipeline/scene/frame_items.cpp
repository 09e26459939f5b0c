#include "scene/frame_items.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "scene/fit.h"
#include "scene/gradient.h"
#include "scene/qr.h"
#include "scene/stroke_style.h"

namespace koho::scene {
namespace {

Rect rect_of(const model::Box& box) { return {box.x, box.y, box.w, box.h}; }

// Clips a picture item (ImageItem, SvgItem) to the outline its content asks
// for in the frame box.
template <class PictureItem, class PictureContent>
void clip_to_outline(PictureItem& item, const model::Frame& frame, const PictureContent& content) {
    ClipPath clip = clip_outline(frame.box, content.clip, content.clip_radius_pt);
    item.clip = clip.box;
    item.clip_kind = clip.kind;
    item.clip_radius_pt = clip.radius_pt;
}

std::optional<ImageItem> image_item(const model::Frame& frame, const model::ImageContent& content,
                                    ImageCache& images) {
    if (frame.box.w <= 0 || frame.box.h <= 0) return std::nullopt;
    auto image = images.get(content);
    if (image->width <= 0 || image->height <= 0)
        fail_input(content.src_loc, "image '" + content.src + "' has no pixels");
    ImageItem item;
    item.image = image;
    item.placed = fit_image(rect_of(frame.box), image->width, image->height, content.fit, content.focus_x,
                            content.focus_y);
    clip_to_outline(item, frame, content);
    return item;
}

std::optional<SvgItem> svg_item(const model::Frame& frame, const model::SvgContent& content, SvgCache& svgs) {
    if (frame.box.w <= 0 || frame.box.h <= 0) return std::nullopt;
    auto art = svgs.get(content);
    SvgItem item;
    item.art = art;
    item.placed = fit_image(rect_of(frame.box), art->width_pt(), art->height_pt(), content.fit, content.focus_x,
                            content.focus_y);
    clip_to_outline(item, frame, content);
    return item;
}

ShapeItem shape_item(const model::Frame& frame, const model::ShapeContent& content) {
    ShapeItem shape;
    shape.kind = content.ellipse ? ShapeKind::Ellipse
                 : content.radius_pt > 0 ? ShapeKind::RoundedRect
                                         : ShapeKind::Rect;
    shape.bounds = rect_of(frame.box);
    shape.radius_pt = content.radius_pt;
    if (content.gradient)
        shape.gradient = gradient_paint(*content.gradient, shape.bounds);
    else
        shape.fill = content.fill;
    if (content.stroke) shape.stroke = stroke_style(*content.stroke);
    return shape;
}

ShapeItem line_item(const model::Frame& frame, const model::LineContent& content) {
    ShapeItem shape;
    shape.kind = ShapeKind::Line;
    shape.x1 = frame.box.x;
    shape.y1 = frame.box.y;
    shape.x2 = content.x2;
    shape.y2 = content.y2;
    shape.stroke = stroke_style(content.stroke);
    return shape;
}

ShapeItem qr_item(const model::Frame& frame, const model::QrContent& content) {
    QrMatrix matrix = encode_qr(content.data, content.error_correction, content.data_loc);
    double side = std::min(frame.box.w, frame.box.h);
    ShapeItem shape = qr_modules(matrix, {frame.box.x, frame.box.y, side, side}, content.quiet_zone_modules,
                                 content.color);
    shape.backdrop = content.background;
    return shape;
}

}  // namespace

std::shared_ptr<const Image> ImageCache::get(const model::ImageContent& content) {
    auto found = loaded_.find(content.path);
    if (found != loaded_.end()) return found->second;
    auto image = load_(content.path, content.src_loc);
    if (!image) fail_system(content.src_loc, "loading image '" + content.src + "' gave no image");
    loaded_.emplace(content.path, image);
    return image;
}

std::shared_ptr<const SvgArt> SvgCache::get(const model::SvgContent& content) {
    auto found = loaded_.find(content.path);
    if (found != loaded_.end()) return found->second;
    auto art = load_(content.path, content.src_loc);
    if (!art) fail_system(content.src_loc, "loading SVG '" + content.src + "' gave no art");
    if (!(art->width_pt() > 0) || !(art->height_pt() > 0))
        fail_input(content.src_loc, "SVG '" + content.src + "' has no area");
    loaded_.emplace(content.path, art);
    return art;
}

ClipPath clip_outline(const model::Box& box, model::ClipShape shape, double radius_pt) {
    Rect r = rect_of(box);
    switch (shape) {
    case model::ClipShape::Box:
        break;
    case model::ClipShape::Ellipse:
        return {OutlineKind::Ellipse, r, 0};
    case model::ClipShape::Circle: {
        double side = std::min(r.w, r.h);
        return {OutlineKind::Ellipse, {r.x + (r.w - side) / 2, r.y + (r.h - side) / 2, side, side}, 0};
    }
    case model::ClipShape::RoundedBox:
        return {OutlineKind::RoundedRect, r, radius_pt};
    }
    return {OutlineKind::Rect, r, 0};
}

Item item_of_frame(const model::Frame& frame) {
    Item item;
    item.opacity = frame.opacity;
    item.frame_id = frame.id;
    item.where = frame.loc;
    item.role = frame.role;
    item.alt = frame.alt;
    return item;
}

std::vector<Item> frame_items(const model::Frame& frame, ImageCache& images) {
    std::vector<Item> items;
    auto add = [&](auto&& what) {
        Item item = item_of_frame(frame);
        item.what = std::move(what);
        if (frame.shadow) item.shadow = ShadowPaint{frame.shadow->dx_pt, frame.shadow->dy_pt, frame.shadow->color};
        items.push_back(std::move(item));
    };
    if (auto* image = std::get_if<model::ImageContent>(&frame.content)) {
        if (auto item = image_item(frame, *image, images)) add(std::move(*item));
    } else if (auto* svg = std::get_if<model::SvgContent>(&frame.content)) {
        if (auto item = svg_item(frame, *svg, images.svgs())) add(std::move(*item));
    } else if (auto* shape = std::get_if<model::ShapeContent>(&frame.content)) {
        add(shape_item(frame, *shape));
    } else if (auto* line = std::get_if<model::LineContent>(&frame.content)) {
        add(line_item(frame, *line));
    } else if (auto* qr = std::get_if<model::QrContent>(&frame.content)) {
        add(qr_item(frame, *qr));
        // A code is a picture to a reader, unlike the layout's other shapes.
        if (items.back().role.empty()) items.back().role = "figure";
        // A code that leads to a web page is a link in the web PDF too.
        if (qr->data.rfind("https://", 0) == 0 || qr->data.rfind("http://", 0) == 0) items.back().link = qr->data;
    }
    return items;
}

}  // namespace koho::scene
