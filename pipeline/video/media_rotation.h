// Internal to video/: phone footage is stored sideways with a display
// matrix saying how to turn it. koho honours right-angle turns (what
// phones write); other angles and mirroring are ignored.
#pragma once

#include <cstdint>

extern "C" {
#include <libavformat/avformat.h>
}

namespace koho::video::media {

// Clockwise quarter turns (0–3) that show the stream upright.
int quarter_turns(const AVStream& stream);

// Copies a 4-byte-per-pixel picture turned clockwise by `turns` quarter
// turns; `dst` has the turned size (width and height swapped for odd turns).
void turn_pixels(const uint8_t* src, int src_width, int src_height, int src_stride, uint8_t* dst,
                 int dst_stride, int turns);

}  // namespace koho::video::media
