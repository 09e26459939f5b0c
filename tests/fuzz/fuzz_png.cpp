// libFuzzer harness: bytes → the PNG decoder (raster/decode.h), as a layout's
// image would reach it. A koho::Error is the expected answer to a bad file;
// anything else (another exception, a crash, a sanitizer report, a hang)
// is a finding.
#include <cstddef>
#include <cstdint>
#include <span>

#include "raster/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const uint8_t> bytes(data, size);
    if (koho::raster::sniff_format(bytes) != koho::raster::ImageFormat::Png) return -1;  // not for this harness
    // A lower pixel limit than koho's 100 megapixels keeps each input fast
    // and within libFuzzer's memory limit; the limit check itself is the
    // same code at any value.
    koho::raster::DecodeLimits limits;
    limits.max_pixels = 4'000'000;
    try {
        auto image = koho::raster::decode_image_bytes(bytes, "fuzz.png", {"fuzz.png"}, limits);
        const auto& pixels = image->pixel_data();
        if (pixels.size() != static_cast<size_t>(image->width) * static_cast<size_t>(image->height))
            __builtin_trap();  // a decoded image must hold exactly width × height pixels
    } catch (const koho::Error&) {
    }
    return 0;
}
