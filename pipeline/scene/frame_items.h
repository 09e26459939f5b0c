// Display-list items for frames that need no typesetting: images, SVG art,
// shapes, lines and QR codes.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/image.h"
#include "scene/svg_art.h"

namespace koho::scene {

// Parses each SVG file once, so art placed on several pages (or wrapped
// around and drawn) is one scene::SvgArt.
class SvgCache {
public:
    explicit SvgCache(SvgLoader load = SvgArt::load) : load_(std::move(load)) {}
    std::shared_ptr<const SvgArt> get(const model::SvgContent& content);

private:
    SvgLoader load_;
    std::map<std::filesystem::path, std::shared_ptr<const SvgArt>> loaded_;
};

// Loads each image file once, so an image placed on several pages is one
// scene::Image (and one embedded image in the PDF). It also keeps the
// document's SVG art (svgs()), so one cache serves every picture frame.
class ImageCache {
public:
    explicit ImageCache(const ImageLoader& load, SvgLoader load_svg = SvgArt::load)
        : load_(load), svgs_(std::move(load_svg)) {}
    std::shared_ptr<const Image> get(const model::ImageContent& content);
    SvgCache& svgs() { return svgs_; }

private:
    const ImageLoader& load_;
    std::map<std::filesystem::path, std::shared_ptr<const Image>> loaded_;
    SvgCache svgs_;
};

// Where an image or SVG is clipped in its frame box: the box, the ellipse
// inscribed in it, the largest circle centred in it (an ellipse outline in a
// centred square), or the box with corners rounded by `radius_pt`.
ClipPath clip_outline(const model::Box& box, model::ClipShape shape, double radius_pt);

// The items of a non-text frame (none when it has no area to draw).
// Text frames yield nothing here.
std::vector<Item> frame_items(const model::Frame& frame, ImageCache& images);

// An empty item carrying what every item of `frame` shares: opacity, id,
// source location, web role and alt text.
Item item_of_frame(const model::Frame& frame);

}  // namespace koho::scene
