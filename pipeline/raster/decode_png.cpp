// PNG decoding with libpng's full API.
//
// libpng reports errors by longjmp. A longjmp must never cross a C++ frame
// with live destructors, so every libpng call that can fail runs inside the
// small functions below, whose locals are all trivial; they return false
// after an error and the message waits in PngSession::message. Only then do
// we throw, from ordinary C++ code.
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include "raster/decode_internal.h"

namespace koho::raster::detail {

namespace {

struct PngSession {
    png_structp png = nullptr;
    png_infop info = nullptr;
    const uint8_t* data = nullptr;
    size_t size = 0;
    size_t pos = 0;
    bool ran_out = false;  // the file ended before libpng was done
    char message[256] = {};

    ~PngSession() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

PngSession* png_session_of(png_structp png) { return static_cast<PngSession*>(png_get_error_ptr(png)); }

void on_png_error(png_structp png, png_const_charp msg) {
    PngSession* s = png_session_of(png);
    std::snprintf(s->message, sizeof s->message, "%s", msg ? msg : "unknown libpng error");
    png_longjmp(png, 1);
}

// Warnings (a bad CRC in an ancillary chunk, an unknown sRGB profile) do not
// change the pixels koho draws: they are dropped rather than printed.
void on_png_warning(png_structp, png_const_charp) {}

void read_from_memory(png_structp png, png_bytep out, size_t length) {
    auto* s = static_cast<PngSession*>(png_get_io_ptr(png));
    if (s->size - s->pos < length) {
        s->ran_out = true;
        png_error(png, "file ends early");
    }
    std::memcpy(out, s->data + s->pos, length);
    s->pos += length;
}

struct PngHeader {
    png_uint_32 width = 0, height = 0;
    int bit_depth = 0, color_type = 0, interlace = 0;
    bool has_trns = false;
    double ppi_x = 0, ppi_y = 0;
};

// Reads up to the first IDAT and sets the transforms that turn any PNG into
// 8-bit R, G, B, A. Returns false on a libpng error.
bool read_header(PngSession& s, PngHeader& h) {
    if (setjmp(png_jmpbuf(s.png))) return false;
    png_read_info(s.png, s.info);
    png_get_IHDR(s.png, s.info, &h.width, &h.height, &h.bit_depth, &h.color_type, &h.interlace,
                 nullptr, nullptr);
    h.has_trns = png_get_valid(s.png, s.info, PNG_INFO_tRNS) != 0;

    png_uint_32 res_x = 0, res_y = 0;
    int unit = 0;
    if (png_get_pHYs(s.png, s.info, &res_x, &res_y, &unit) && unit == PNG_RESOLUTION_METER) {
        h.ppi_x = res_x * 0.0254;
        h.ppi_y = res_y * 0.0254;
    }

    if (h.color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(s.png);
    if (h.color_type == PNG_COLOR_TYPE_GRAY && h.bit_depth < 8) png_set_expand_gray_1_2_4_to_8(s.png);
    if (h.has_trns) png_set_tRNS_to_alpha(s.png);
    if (h.bit_depth == 16) png_set_scale_16(s.png);
    if (h.color_type == PNG_COLOR_TYPE_GRAY || h.color_type == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(s.png);
    if (!(h.color_type & PNG_COLOR_MASK_ALPHA) && !h.has_trns)
        png_set_filler(s.png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(s.png);
    png_read_update_info(s.png, s.info);
    return true;
}

bool rowbytes_are_rgba(PngSession& s, png_uint_32 width) {
    return png_get_rowbytes(s.png, s.info) == static_cast<size_t>(width) * 4;
}

bool read_pixels(PngSession& s, png_bytepp rows) {
    if (setjmp(png_jmpbuf(s.png))) return false;
    png_read_image(s.png, rows);
    png_read_end(s.png, nullptr);
    return true;
}

// The size a PNG declares sits at a fixed place in its first chunk (IHDR).
// Checking it before libpng runs refuses a bomb even when the rest of the
// file is missing or broken: "too large" is the useful message then.
void check_declared_size(const DecodeRequest& req) {
    const auto& b = req.bytes;
    if (b.size() < 24 || std::memcmp(b.data() + 12, "IHDR", 4) != 0) return;
    auto be32 = [&](size_t at) {
        return (uint32_t{b[at]} << 24) | (uint32_t{b[at + 1]} << 16) | (uint32_t{b[at + 2]} << 8) | b[at + 3];
    };
    uint32_t width = be32(16), height = be32(20);
    check_dimensions(req, width, height);
}

}  // namespace

std::shared_ptr<scene::Image> decode_png(const DecodeRequest& req) {
    check_declared_size(req);
    PngSession s;
    s.data = req.bytes.data();
    s.size = req.bytes.size();
    s.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, on_png_error, on_png_warning);
    if (s.png) s.info = png_create_info_struct(s.png);
    if (!s.png || !s.info) fail_system(req.where, "cannot start the PNG decoder (out of memory?)");
    png_set_read_fn(s.png, &s, read_from_memory);
    // libpng's own ceiling is far above ours; ours is checked right after the header.
    png_set_user_limits(s.png, 0x7fffffff, 0x7fffffff);

    auto fail_decoding = [&]() {
        if (s.ran_out)
            fail_image(req, "is truncated: the file ends before the image is complete");
        fail_image(req, std::string("is not a valid PNG file (") + s.message + ")");
    };

    PngHeader h;
    if (!read_header(s, h)) fail_decoding();
    check_dimensions(req, h.width, h.height);
    if (!rowbytes_are_rgba(s, h.width))
        fail_image(req, "has a PNG pixel layout koho cannot convert");

    auto image = new_image(req, static_cast<int>(h.width), static_cast<int>(h.height));
    std::vector<png_bytep> rows(h.height);
    auto* base = reinterpret_cast<png_bytep>(image->pixels.data());
    for (png_uint_32 y = 0; y < h.height; ++y) rows[y] = base + static_cast<size_t>(y) * h.width * 4;
    if (!read_pixels(s, rows.data())) fail_decoding();

    image->has_alpha = rgba_bytes_to_cairo(*image);
    image->ppi_x = h.ppi_x;
    image->ppi_y = h.ppi_y;
    return image;
}

}  // namespace koho::raster::detail
