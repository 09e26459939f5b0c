// The thumbnail JPEG: a composed frame scaled to 1280 px on its longer
// side by swscale, encoded by raster's JPEG encoder.
#include <cmath>
#include <vector>

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "raster/encode.h"
#include "video/libav_handles.h"
#include "video/mp4_writer.h"

namespace koho::video {

namespace {
constexpr int kThumbnailLongSide = 1280;
constexpr int kThumbnailQuality = 90;
}  // namespace

std::string thumbnail_jpeg(const uint8_t* argb, int width, int height, int stride) {
    const SourceLoc where{"thumbnail", 0, 0, ""};
    if (width <= 0 || height <= 0) fail_system(where, "a thumbnail of an empty frame");
    const double scale = static_cast<double>(kThumbnailLongSide) / std::max(width, height);
    const int out_w = std::max(1, static_cast<int>(std::lround(width * scale)));
    const int out_h = std::max(1, static_cast<int>(std::lround(height * scale)));
    // Same pixel layout in and out (native-endian ARGB): only the size
    // changes. Lanczos keeps text in the frame sharp when reducing.
    libav::SwsPtr sws(sws_getContext(width, height, AV_PIX_FMT_RGB32, out_w, out_h, AV_PIX_FMT_RGB32,
                                     SWS_LANCZOS | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
    if (!sws) fail_system(where, "swscale cannot scale the thumbnail");
    const int out_stride = out_w * 4;
    std::vector<uint8_t> pixels(static_cast<size_t>(out_stride) * out_h);
    const uint8_t* src[4] = {argb, nullptr, nullptr, nullptr};
    const int src_stride[4] = {stride, 0, 0, 0};
    uint8_t* dst[4] = {pixels.data(), nullptr, nullptr, nullptr};
    const int dst_stride[4] = {out_stride, 0, 0, 0};
    sws_scale(sws.get(), src, src_stride, 0, height, dst, dst_stride);

    raster::PixelView view;
    view.data = pixels.data();
    view.width = out_w;
    view.height = out_h;
    view.stride = out_stride;
    view.opaque = true;  // video frames are opaque; their alpha byte is not looked at
    return raster::encode_jpeg(view, kThumbnailQuality, 0);
}

void write_thumbnail(const std::filesystem::path& target, const uint8_t* argb, int width, int height, int stride) {
    std::string bytes;
    try {
        bytes = thumbnail_jpeg(argb, width, height, stride);
    } catch (const Error& e) {
        fail_system(SourceLoc{target.string()}, e.message());
    }
    write_file_atomically(target, bytes);
}

}  // namespace koho::video
