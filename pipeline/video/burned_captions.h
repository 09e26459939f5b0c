// Internal to video/: SubRip captions burned into `koho transcode` frames
// through the same text engine as print. Every caption is set up front
// (a caption that does not fit its area is an error before any output),
// each drawn into a cached layer the first frame it shows.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/timeline.h"
#include "text/typesetter.h"

typedef struct _cairo cairo_t;

namespace koho::video {

class BurnedCaptions {
public:
    // `captions` as read_srt gives them; the frame is `width` × `height` px.
    BurnedCaptions(const std::vector<model::Caption>& captions, const std::string& file, int width, int height,
                   text::Typesetter& typesetter);
    ~BurnedCaptions();
    BurnedCaptions(const BurnedCaptions&) = delete;
    BurnedCaptions& operator=(const BurnedCaptions&) = delete;

    // Draws the caption on screen at `t_s` (start <= t < end), if any, on a
    // context whose user space is the frame in pixels.
    void draw(cairo_t* cr, double t_s);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koho::video
