// The canvas of a timeline composed through scene/, with the two things
// video needs beyond print: pictures given one side only (the other from
// their aspect ratio), and photos decoded no larger than the video shows
// them — a 12-megapixel JPEG behind a 1080p scene needs a quarter of its
// pixels, and the decode is faster for it.
#include <cmath>
#include <map>
#include <string>

#include "core/diagnostic.h"
#include "raster/decode.h"
#include "scene/compose.h"
#include "scene/fit.h"
#include "scene/frame_items.h"
#include "scene/svg_art.h"
#include "video/layer_art.h"

namespace koho::video::detail {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const scene::Image> load_checked(const scene::ImageLoader& load_image,
                                                 const model::ImageContent& image) {
    auto loaded = load_image(image.path, image.src_loc);
    if (!loaded) fail_system(image.src_loc, "loading image '" + image.src + "' gave no image");
    if (loaded->width <= 0 || loaded->height <= 0) fail_input(image.src_loc, "image '" + image.src + "' has no pixels");
    return loaded;
}

// An image or SVG frame given only `w` or only `h`: the other side from the
// picture's own aspect ratio.
std::optional<model::Box> completed_box(const model::Frame& frame, const scene::ImageLoader& load_image) {
    const model::Box& box = frame.box;
    if ((box.w > 0) == (box.h > 0)) return std::nullopt;
    double pic_w = 0, pic_h = 0;
    if (auto* image = std::get_if<model::ImageContent>(&frame.content)) {
        auto loaded = load_checked(load_image, *image);
        pic_w = loaded->width;
        pic_h = loaded->height;
    } else if (auto* svg = std::get_if<model::SvgContent>(&frame.content)) {
        auto art = scene::SvgArt::load(svg->path, svg->src_loc);
        pic_w = art->width_pt();
        pic_h = art->height_pt();
        if (!(pic_w > 0) || !(pic_h > 0)) fail_input(svg->src_loc, "SVG '" + svg->src + "' has no area");
    } else {
        return std::nullopt;
    }
    model::Box completed = box;
    if (box.w > 0)
        completed.h = box.w * pic_h / pic_w;
    else
        completed.w = box.h * pic_w / pic_h;
    return completed;
}

// The loader compose uses: the caller's, except that a JPEG whose pixels
// were not decoded yet is decoded from its bytes at the size its largest
// use needs. Those pixels belong to the display list alone.
class SizedImages {
public:
    explicit SizedImages(const scene::ImageLoader& base) : base_(base) {}

    // A use of `image` drawn `box` large (canvas pt), zoomed up to `zoom`.
    void need(const model::ImageContent& image, const model::Box& box, double zoom) {
        if (box.w <= 0 || box.h <= 0) return;
        auto loaded = load_checked(base_, image);
        scene::Rect placed = scene::fit_image({box.x, box.y, box.w, box.h}, loaded->width, loaded->height,
                                              image.fit, image.focus_x, image.focus_y);
        auto& size = needs_[image.path];
        size.first = std::max(size.first, static_cast<int>(std::ceil(px(placed.w) * zoom)));
        size.second = std::max(size.second, static_cast<int>(std::ceil(px(placed.h) * zoom)));
    }

    scene::ImageLoader loader() {
        return [this](const fs::path& path, const SourceLoc& where) { return load(path, where); };
    }

private:
    std::shared_ptr<const scene::Image> load(const fs::path& path, const SourceLoc& where) {
        auto image = base_(path, where);
        auto need = needs_.find(path);
        if (!image || need == needs_.end() || !image->pixels_pending() || !image->jpeg_data) return image;
        auto& [w, h] = need->second;
        if (w >= image->width || h >= image->height) return image;
        auto found = scaled_.find(path);
        if (found != scaled_.end()) return found->second;
        const std::string& bytes = *image->jpeg_data;
        // The file passed the run's pixel limit when it was loaded at full
        // size; its smaller decode is held to that same size.
        const raster::DecodeLimits loaded{static_cast<uint64_t>(image->width) * static_cast<uint64_t>(image->height)};
        auto scaled = raster::decode_jpeg_at_least(
            std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), w, h, image->source, where,
            loaded);
        return scaled_.emplace(path, scaled).first->second;
    }

    const scene::ImageLoader& base_;
    std::map<fs::path, std::pair<int, int>> needs_;  // pixels wide and high
    std::map<fs::path, std::shared_ptr<const scene::Image>> scaled_;
};

}  // namespace

ComposedCanvas compose_canvas(const model::Document& canvas, const std::vector<double>& page_zoom,
                              text::Typesetter& typesetter, const scene::ImageLoader& load_image) {
    ComposedCanvas composed;
    composed.completed_boxes.resize(canvas.pages.size());
    SizedImages images(load_image);
    for (size_t p = 0; p < canvas.pages.size(); ++p) {
        const auto& frames = canvas.pages[p].frames;
        if (frames.size() != 1) continue;
        composed.completed_boxes[p] = completed_box(frames[0], load_image);
        if (auto* image = std::get_if<model::ImageContent>(&frames[0].content))
            images.need(*image, composed.completed_boxes[p].value_or(frames[0].box),
                        p < page_zoom.size() ? std::max(page_zoom[p], 1.0) : 1.0);
    }
    scene::ImageLoader sized = images.loader();
    composed.pages = scene::compose(canvas, typesetter, sized);
    scene::ImageCache cache(sized);
    for (size_t p = 0; p < canvas.pages.size(); ++p) {
        if (!composed.completed_boxes[p]) continue;
        // compose drew nothing for a frame with no area: place it again in
        // its completed box.
        model::Frame frame = canvas.pages[p].frames[0];
        frame.box = *composed.completed_boxes[p];
        composed.pages[p].items = scene::frame_items(frame, cache);
    }
    return composed;
}

}  // namespace koho::video::detail
