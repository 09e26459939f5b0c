// libFuzzer harness: bytes → the JPEG decoders (raster/decode.h): the full
// decode, the deferred one a PDF run uses (header and entropy data checked
// now, pixels on first use) and the scaled decode of the web PDF. A
// koho::Error is the expected answer to a bad file; anything else (another
// exception, a crash, a sanitizer report, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <span>

#include <memory>
#include <string>

#include "raster/decode.h"
#include "raster/decode_internal.h"  // the deferred decode that decode_image_deferred uses

namespace {

void check_pixels(const koho::scene::Image& image) {
    const auto& pixels = image.pixel_data();
    if (pixels.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height))
        __builtin_trap();  // a decoded image must hold exactly width × height pixels
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const uint8_t> bytes(data, size);
    if (koho::raster::sniff_format(bytes) != koho::raster::ImageFormat::Jpeg) return -1;  // not for this harness
    // A lower pixel limit than koho's 100 megapixels keeps each input fast
    // and within libFuzzer's memory limit; the check is the same code.
    koho::raster::DecodeLimits limits;
    limits.max_pixels = 4'000'000;
    const koho::SourceLoc where{"fuzz.jpg"};
    try {
        check_pixels(*koho::raster::decode_image_bytes(bytes, "fuzz.jpg", where, limits));
    } catch (const koho::Error&) {
    }
    try {
        auto owned = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
        const std::span<const uint8_t> kept(reinterpret_cast<const uint8_t*>(owned->data()), owned->size());
        const std::filesystem::path source = "fuzz.jpg";
        auto image = koho::raster::detail::decode_jpeg_deferred({kept, source, where, limits}, owned);
        check_pixels(*image);  // decodes the deferred pixels now
    } catch (const koho::Error&) {
    }
    try {
        check_pixels(*koho::raster::decode_jpeg_at_least(bytes, 7, 5, "fuzz.jpg", where, limits));
    } catch (const koho::Error&) {
    }
    return 0;
}
