// Bt709Converter on its own, before any encoder: the Y'CbCr values are
// those of the BT.709 formula in limited range, and chroma samples sit on
// the even luma columns as the stream's tag (left) says.
#include "video/color_convert.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

namespace koho::video {
namespace {

constexpr int kW = 16, kH = 8;

struct Yuv {
    libav::FramePtr frame{av_frame_alloc()};
    Yuv() {
        frame->format = AV_PIX_FMT_YUV420P;
        frame->width = kW;
        frame->height = kH;
        EXPECT_GE(av_frame_get_buffer(frame.get(), 0), 0);
    }
    int y(int x, int row) const { return frame->data[0][row * frame->linesize[0] + x]; }
    int u(int x, int row) const { return frame->data[1][row * frame->linesize[1] + x]; }
    int v(int x, int row) const { return frame->data[2][row * frame->linesize[2] + x]; }
};

uint32_t argb(int r, int g, int b) { return 0xff000000u | (uint32_t(r) << 16) | (uint32_t(g) << 8) | uint32_t(b); }

Yuv convert(const std::vector<uint32_t>& pixels) {
    Bt709Converter converter(kW, kH, SourceLoc{"test.mp4", 0, 0, ""});
    Yuv out;
    converter.convert(reinterpret_cast<const uint8_t*>(pixels.data()), kW * 4, out.frame.get());
    return out;
}

// The BT.709 formula (Rec. ITU-R BT.709-6, 3.2–3.5), limited range.
std::array<double, 3> bt709(int r8, int g8, int b8) {
    const double r = r8 / 255.0, g = g8 / 255.0, b = b8 / 255.0;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return {16 + 219 * y, 128 + 224 * (b - y) / 1.8556, 128 + 224 * (r - y) / 1.5748};
}

TEST(Bt709Converter, GivesTheBt709LimitedRangeValuesOfFlatColours) {
    for (auto [r, g, b] : {std::array{0xe6, 0x00, 0x12}, std::array{0, 0, 0}, std::array{255, 255, 255},
                           std::array{64, 64, 64}, std::array{0x1a, 0x8c, 0x3b}, std::array{0x20, 0x40, 0xd0}}) {
        Yuv out = convert(std::vector<uint32_t>(kW * kH, argb(r, g, b)));
        const auto want = bt709(r, g, b);
        EXPECT_NEAR(out.y(5, 3), want[0], 1.0) << r << "," << g << "," << b;
        EXPECT_NEAR(out.u(2, 1), want[1], 1.0) << r << "," << g << "," << b;
        EXPECT_NEAR(out.v(2, 1), want[2], 1.0) << r << "," << g << "," << b;
    }
}

TEST(Bt709Converter, SitesChromaOnTheEvenLumaColumns) {
    // Red in columns 4k+1 only, grey elsewhere. Chroma sited on even
    // columns (left, as H.264 assumes) sees the red symmetrically from
    // columns 4k and 4k+2: equal samples. Centred siting (swscale's
    // default) would see it fully in the pair (4k, 4k+1) and not at all
    // in (4k+2, 4k+3): alternating samples.
    std::vector<uint32_t> pixels(kW * kH, argb(128, 128, 128));
    for (int row = 0; row < kH; ++row)
        for (int x = 1; x < kW; x += 4) pixels[row * kW + x] = argb(255, 0, 0);
    Yuv out = convert(pixels);
    for (int cx = 2; cx + 2 < kW / 2; cx += 2) {
        EXPECT_NEAR(out.v(cx, 2), out.v(cx + 1, 2), 2) << "chroma columns " << cx << " and " << cx + 1;
        EXPECT_GT(out.v(cx, 2), 128 + 10) << "the red reaches chroma column " << cx;
    }
}

}  // namespace
}  // namespace koho::video
