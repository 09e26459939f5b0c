// A decoded bitmap, ready for Cairo (or a JPEG whose pixels are decoded on
// first use). raster/ decodes files into it; scene/ only draws it.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace koho::scene {

// Pixels decoded the first time something needs them. A PDF that embeds a
// JPEG as it is never needs its pixels; a proof does. Thread-safe: one
// caller decodes while the others wait; a decode that throws throws to its
// caller and the next caller tries again.
class DeferredPixels {
public:
    using Decode = std::function<std::vector<uint32_t>()>;
    explicit DeferredPixels(Decode decode) : decode_(std::move(decode)) {}

    const std::vector<uint32_t>& get() const {
        std::call_once(once_, [this] {
            pixels_ = decode_();
            decode_ = nullptr;  // frees what the decoder held (the file's bytes stay in Image)
            decoded_.store(true, std::memory_order_release);
        });
        return pixels_;
    }
    bool decoded() const { return decoded_.load(std::memory_order_acquire); }

private:
    mutable std::once_flag once_;
    mutable Decode decode_;
    mutable std::vector<uint32_t> pixels_;
    mutable std::atomic<bool> decoded_{false};
};

struct Image {
    int width = 0;
    int height = 0;
    // Cairo ARGB32: premultiplied, native-endian 32-bit pixels, stride = 4 × width.
    // Empty when `deferred_pixels` is set: read pixels through pixel_data().
    std::vector<uint32_t> pixels;
    std::shared_ptr<const DeferredPixels> deferred_pixels;
    bool has_alpha = false;
    std::filesystem::path source;  // for messages and depfiles
    // Intrinsic resolution the file declares (PNG pHYs, JFIF density), in
    // pixels per inch; 0 when the file says nothing. For preflight.
    double ppi_x = 0;
    double ppi_y = 0;
    // The file's own bytes when it is a JPEG whose decoded pixels are
    // exactly `pixels` (no rotation, no colour conversion, no resampling):
    // PDF back ends embed these bytes as they are (DCTDecode) instead of
    // recompressing the pixels — smaller files, faster output, no second
    // generation of loss. Empty: embed the pixels.
    std::shared_ptr<const std::string> jpeg_data;

    // The pixels, decoding them now if they were deferred. Throws
    // koho::Error if a deferred decode fails.
    const std::vector<uint32_t>& pixel_data() const {
        return deferred_pixels ? deferred_pixels->get() : pixels;
    }
    // Whether the pixels exist yet (a deferred decode has not run).
    bool pixels_pending() const { return deferred_pixels && !deferred_pixels->decoded(); }
};

// Loads the image at a path that model/ already confined to the root.
// Throws koho::Error (BadInput) at `where` for unreadable or corrupt files.
using ImageLoader = std::function<std::shared_ptr<const Image>(const std::filesystem::path& path,
                                                               const SourceLoc& where)>;

}  // namespace koho::scene
