// Display-list items for frames that need no typesetting: images, shapes,
// lines and QR codes.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/image.h"

namespace koho::scene {

// Loads each image file once, so an image placed on several pages is one
// scene::Image (and one embedded image in the PDF).
class ImageCache {
public:
    explicit ImageCache(const ImageLoader& load) : load_(load) {}
    std::shared_ptr<const Image> get(const model::ImageContent& content);

private:
    const ImageLoader& load_;
    std::map<std::filesystem::path, std::shared_ptr<const Image>> loaded_;
};

// The items of a non-text frame (none when it has no area to draw).
// Text frames yield nothing here.
std::vector<Item> frame_items(const model::Frame& frame, ImageCache& images);

}  // namespace koho::scene
