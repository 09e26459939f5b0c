// Frames drawn at the timeline's size, handed to the encoder at the
// preset's (same shape; a 1080p timeline through web-720p). A no-op when
// the sizes agree, which is the normal case.
#pragma once

#include <cstdint>
#include <memory>

typedef struct _cairo_surface cairo_surface_t;

namespace koho::video {

struct FrameView {
    const uint8_t* data = nullptr;
    int stride = 0;
};

class FrameScaler {
public:
    FrameScaler(int from_width, int from_height, int to_width, int to_height);
    ~FrameScaler();
    FrameScaler(const FrameScaler&) = delete;
    FrameScaler& operator=(const FrameScaler&) = delete;

    // Cairo ARGB32 in, Cairo ARGB32 out (valid until the next call).
    FrameView scale(const uint8_t* argb, int stride);

private:
    int from_w_, from_h_, to_w_, to_h_;
    cairo_surface_t* target_ = nullptr;
};

}  // namespace koho::video
