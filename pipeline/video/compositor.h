// Frames of a timeline: the background, the scenes on screen (transitions
// blended), their layers posed by animate.h, the overlays (the mascot), the
// burned-in caption. Static content (text, shapes, images, SVG) goes through
// scene::compose and scene::render — the same text engine and renderer as
// print — once per layer, into a cached bitmap at the video's resolution;
// each frame then only composes those bitmaps with their pose (Cairo). Video
// layers decode their clip frame by frame (media_input.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "model/timeline.h"
#include "scene/image.h"
#include "text/typesetter.h"

namespace koho::video {

class FrameCompositor {
public:
    // Sets every text layer and caption and renders every static layer
    // once, up front: a missing font, image or overset caption is an error
    // here (BadInput, located), before any frame is encoded.
    FrameCompositor(const model::Timeline& timeline, text::Typesetter& typesetter,
                    const scene::ImageLoader& load_image);
    ~FrameCompositor();
    FrameCompositor(const FrameCompositor&) = delete;
    FrameCompositor& operator=(const FrameCompositor&) = delete;

    int width() const;
    int height() const;

    // Bytes held by the cached layer bitmaps (static layers, Ken Burns
    // pictures, burned-in captions): what the cache costs in memory.
    size_t cache_bytes() const;

    // Draws frame `index` (the instant index / fps) into `argb`: Cairo
    // ARGB32, width × height, `stride` bytes per row, every pixel opaque.
    // Any frame may be asked for in any order.
    void draw(int64_t index, uint8_t* argb, int stride);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koho::video
