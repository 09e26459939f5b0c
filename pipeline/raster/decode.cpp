#include "raster/decode.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>

#include "core/limits.h"
#include "raster/decode_internal.h"

namespace koho::raster {

namespace fs = std::filesystem;

namespace {

bool starts_with(std::span<const uint8_t> bytes, std::initializer_list<uint8_t> prefix) {
    if (bytes.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), bytes.begin());
}

bool starts_with_text(std::span<const uint8_t> bytes, std::string_view prefix) {
    if (bytes.size() < prefix.size()) return false;
    return std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

// Formats people often hand over by mistake, named so the message helps.
std::string name_other_format(std::span<const uint8_t> b) {
    if (starts_with_text(b, "GIF87a") || starts_with_text(b, "GIF89a")) return "a GIF image";
    if (starts_with_text(b, "RIFF") && b.size() >= 12 &&
        std::memcmp(b.data() + 8, "WEBP", 4) == 0)
        return "a WebP image";
    if (starts_with_text(b, "II*") || starts_with_text(b, "MM\0*")) return "a TIFF image";
    if (starts_with_text(b, "BM")) return "a BMP image";
    if (starts_with_text(b, "%PDF")) return "a PDF document";
    if (b.size() >= 12 && std::memcmp(b.data() + 4, "ftyp", 4) == 0) {
        std::string brand(reinterpret_cast<const char*>(b.data()) + 8, 4);
        if (brand == "heic" || brand == "heix" || brand == "mif1") return "a HEIF/HEIC image";
        return "a video or ISO media file";
    }
    size_t skip = starts_with(b, {0xEF, 0xBB, 0xBF}) ? 3 : 0;  // UTF-8 BOM
    while (skip < b.size() && std::isspace(b[skip])) ++skip;
    std::span<const uint8_t> rest = b.subspan(skip);
    if (starts_with_text(rest, "<svg") || starts_with_text(rest, "<?xml")) return "an SVG or XML file";
    return "";
}

std::string read_whole_file(const fs::path& path, const SourceLoc& where) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        fail_input(where, "image '" + path.string() + "' does not exist");
    if (fs::is_directory(path, ec))
        fail_input(where, "image '" + path.string() + "' is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(where, "cannot open image '" + path.string() + "': " + std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail_input(where, "cannot read image '" + path.string() + "'");
    return bytes;
}

}  // namespace

ImageFormat sniff_format(std::span<const uint8_t> head) {
    if (starts_with(head, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) return ImageFormat::Png;
    // SOI followed by the first byte of any marker.
    if (starts_with(head, {0xFF, 0xD8, 0xFF})) return ImageFormat::Jpeg;
    return ImageFormat::Unknown;
}

std::shared_ptr<const scene::Image> decode_image(const fs::path& path, const SourceLoc& where,
                                                 const DecodeLimits& limits) {
    std::string bytes = read_whole_file(path, where);
    auto span = std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return decode_image_bytes(span, path, where, limits);
}

std::shared_ptr<const scene::Image> decode_image_deferred(const fs::path& path, const SourceLoc& where,
                                                          const DecodeLimits& limits) {
    auto bytes = std::make_shared<const std::string>(read_whole_file(path, where));
    auto span = std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
    if (sniff_format(span) == ImageFormat::Jpeg)
        return detail::decode_jpeg_deferred(detail::DecodeRequest{span, path, where, limits}, bytes);
    return decode_image_bytes(span, path, where, limits);
}

std::shared_ptr<const scene::Image> decode_image_bytes(std::span<const uint8_t> bytes,
                                                       const fs::path& source,
                                                       const SourceLoc& where,
                                                       const DecodeLimits& limits) {
    detail::DecodeRequest req{bytes, source, where, limits};
    if (bytes.empty()) detail::fail_image(req, "is an empty file");
    switch (sniff_format(bytes)) {
        case ImageFormat::Png: return detail::decode_png(req);
        case ImageFormat::Jpeg: return detail::decode_jpeg(req);
        case ImageFormat::Unknown: break;
    }
    std::string other = name_other_format(bytes);
    if (!other.empty())
        detail::fail_image(req, "is " + other + "; koho reads only PNG and JPEG images");
    detail::fail_image(req, "is not a PNG or JPEG image (its first bytes match neither format)");
}

std::shared_ptr<const scene::Image> decode_jpeg_at_least(std::span<const uint8_t> bytes, int min_width,
                                                         int min_height, const fs::path& source,
                                                         const SourceLoc& where, const DecodeLimits& limits) {
    detail::DecodeRequest req{bytes, source, where, limits};
    if (sniff_format(bytes) != ImageFormat::Jpeg) detail::fail_image(req, "is not a JPEG file");
    return detail::decode_jpeg(req, std::max(min_width, 1), std::max(min_height, 1));
}

namespace detail {

void fail_image(const DecodeRequest& req, const std::string& what) {
    fail_input(req.where, "image '" + req.source.string() + "' " + what);
}

void check_dimensions(const DecodeRequest& req, uint64_t width, uint64_t height) {
    std::string size = std::to_string(width) + "x" + std::to_string(height) + " pixels";
    if (width == 0 || height == 0) fail_image(req, "declares a size of " + size);
    // Rows are addressed with int and 4 bytes a pixel (Cairo's stride).
    if (width > static_cast<uint64_t>(std::numeric_limits<int>::max() / 4) ||
        height > static_cast<uint64_t>(std::numeric_limits<int>::max()))
        fail_image(req, "is " + size + ", wider or taller than koho can hold in memory");
    // Both factors fit in 32 bits here, so the product cannot overflow.
    uint64_t pixels = width * height;
    if (pixels > req.limits.max_pixels)
        fail_image(req, "is " + size + " (" + describe_pixels(pixels) + ")" +
                            over_limit(describe_pixel_limit(req.limits.max_pixels), limit_flags::kImagePixels));
}

std::shared_ptr<scene::Image> new_image(const DecodeRequest& req, int width, int height) {
    auto image = std::make_shared<scene::Image>();
    image->width = width;
    image->height = height;
    image->source = req.source;
    try {
        image->pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height));
    } catch (const std::bad_alloc&) {
        fail_system(req.where, "not enough memory to decode image '" + req.source.string() + "' (" +
                                   std::to_string(width) + "x" + std::to_string(height) + ")");
    }
    return image;
}

bool rgba_bytes_to_cairo(scene::Image& image) {
    auto* bytes = reinterpret_cast<uint8_t*>(image.pixels.data());
    bool translucent = false;
    size_t count = image.pixels.size();
    for (size_t i = 0; i < count; ++i) {
        const uint8_t* p = bytes + 4 * i;
        uint32_t r = p[0], g = p[1], b = p[2], a = p[3];
        if (a != 255) {
            translucent = true;
            // Rounded (x·a)/255 without a division.
            auto mul = [a](uint32_t c) {
                uint32_t t = c * a + 128;
                return (t + (t >> 8)) >> 8;
            };
            r = mul(r), g = mul(g), b = mul(b);
        }
        // Reading the four bytes first makes the in-place write safe.
        image.pixels[i] = (a << 24) | (r << 16) | (g << 8) | b;
    }
    return translucent;
}

}  // namespace detail

}  // namespace koho::raster
