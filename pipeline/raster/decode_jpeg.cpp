// JPEG decoding with libjpeg-turbo's libjpeg API.
//
// libjpeg's default error handler prints and calls exit(); ours formats the
// message into the session and longjmps back into the small functions
// below, whose locals are all trivial (see decode_png.cpp for why). libjpeg
// only warns about a file that ends early or damaged entropy data and then
// invents grey pixels; koho refuses such files instead of printing them.
#include <cstdio>  // jpeglib.h needs FILE
#include <jpeglib.h>
// after jpeglib.h: which messages exist depends on jconfig.h
#include <jerror.h>

#include <algorithm>
#include <csetjmp>
#include <memory>
#include <string>
#include <vector>

#include "raster/decode_internal.h"

namespace koho::raster::detail {

namespace {

struct JpegSession {
    jpeg_decompress_struct cinfo{};
    jpeg_error_mgr err{};
    std::jmp_buf jump{};
    bool created = false;
    char message[JMSG_LENGTH_MAX] = {};
    bool ran_out = false;

    ~JpegSession() {
        if (created) jpeg_destroy_decompress(&cinfo);
    }
};

JpegSession* jpeg_session_of(j_common_ptr cinfo) {
    return static_cast<JpegSession*>(cinfo->client_data);
}

void on_jpeg_error(j_common_ptr cinfo) {
    JpegSession* s = jpeg_session_of(cinfo);
    cinfo->err->format_message(cinfo, s->message);
    std::longjmp(s->jump, 1);
}

// Warnings that mean the pixels would be wrong are errors for koho; the rest
// (extraneous bytes between markers, odd APP segments) are harmless.
bool warning_damages_pixels(int code) {
    switch (code) {
        case JWRN_JPEG_EOF:
        case JWRN_HIT_MARKER:
        case JWRN_MUST_RESYNC:
        case JWRN_HUFF_BAD_CODE:
        case JWRN_ARITH_BAD_CODE:
        case JWRN_NOT_SEQUENTIAL:
        case JWRN_BOGUS_PROGRESSION:
            return true;
        default:
            return false;
    }
}

void on_jpeg_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;  // trace messages
    if (!warning_damages_pixels(cinfo->err->msg_code)) return;
    JpegSession* s = jpeg_session_of(cinfo);
    s->ran_out = cinfo->err->msg_code == JWRN_JPEG_EOF;
    on_jpeg_error(cinfo);
}

bool start(JpegSession& s, const uint8_t* data, size_t size) {
    s.cinfo.err = jpeg_std_error(&s.err);
    s.err.error_exit = on_jpeg_error;
    s.err.emit_message = on_jpeg_message;
    s.cinfo.client_data = &s;
    if (setjmp(s.jump)) return false;
    jpeg_create_decompress(&s.cinfo);
    s.created = true;
    jpeg_mem_src(&s.cinfo, data, static_cast<unsigned long>(size));
    jpeg_read_header(&s.cinfo, TRUE);
    return true;
}

// Chooses the output colour space: 4-byte R, G, B, X for grey and colour
// files (libjpeg-turbo expands grey itself), raw CMYK for CMYK and YCCK
// files; and the scale, `eighths`/8 (libjpeg's DCT scaling).
bool decompress_start(JpegSession& s, bool cmyk, int eighths) {
    if (setjmp(s.jump)) return false;
    s.cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBX;
    s.cinfo.scale_num = static_cast<unsigned>(eighths);
    s.cinfo.scale_denom = 8;
    s.cinfo.dct_method = JDCT_ISLOW;  // the same pixels on every machine
    jpeg_start_decompress(&s.cinfo);
    return true;
}

bool read_rows(JpegSession& s, uint8_t* base, size_t row_bytes) {
    if (setjmp(s.jump)) return false;
    while (s.cinfo.output_scanline < s.cinfo.output_height) {
        JSAMPROW row = base + s.cinfo.output_scanline * row_bytes;
        jpeg_read_scanlines(&s.cinfo, &row, 1);
    }
    jpeg_finish_decompress(&s.cinfo);
    return true;
}

// CMYK to RGB without a colour profile: good enough to place and proof the
// picture, not for colour-critical work. Photoshop (Adobe marker) stores the
// channels inverted, 255 meaning no ink.
void cmyk_to_rgba_in_place(uint8_t* bytes, size_t pixel_count, bool inverted) {
    for (size_t i = 0; i < pixel_count; ++i) {
        uint8_t* p = bytes + 4 * i;
        uint32_t c = p[0], m = p[1], y = p[2], k = p[3];
        if (!inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
        p[0] = static_cast<uint8_t>((c * k + 127) / 255);
        p[1] = static_cast<uint8_t>((m * k + 127) / 255);
        p[2] = static_cast<uint8_t>((y * k + 127) / 255);
        p[3] = 255;
    }
}

// Reads every entropy-coded bit of the file, as a full decode does, so that
// a truncated or damaged file fails now even when its pixels are left for
// later; but decodes at 1/8 scale into grey, one small row at a time
// (libjpeg's own pool memory): no full-size pixel or coefficient memory.
bool check_scan(JpegSession& s) {
    if (setjmp(s.jump)) return false;
    s.cinfo.scale_num = 1;
    s.cinfo.scale_denom = 8;
    s.cinfo.out_color_space = JCS_GRAYSCALE;
    s.cinfo.dct_method = JDCT_IFAST;
    s.cinfo.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&s.cinfo);
    JSAMPARRAY row = (*s.cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&s.cinfo), JPOOL_IMAGE,
                                                 s.cinfo.output_width * s.cinfo.output_components, 1);
    while (s.cinfo.output_scanline < s.cinfo.output_height) jpeg_read_scanlines(&s.cinfo, row, 1);
    jpeg_finish_decompress(&s.cinfo);
    return true;
}

// JFIF density unit 1 is dots per inch, 2 dots per centimetre; 0 is only an aspect ratio.
void record_density(const jpeg_decompress_struct& cinfo, scene::Image& image) {
    if (cinfo.saw_JFIF_marker && cinfo.X_density > 0 && cinfo.Y_density > 0) {
        double scale = cinfo.density_unit == 1 ? 1.0 : cinfo.density_unit == 2 ? 2.54 : 0.0;
        image.ppi_x = cinfo.X_density * scale;
        image.ppi_y = cinfo.Y_density * scale;
    }
}

// Whether a PDF may carry the file itself (DCTDecode) for these pixels.
// PDF readers decode grey and YCbCr JPEGs the way libjpeg does; CMYK files
// (and Adobe's inverted ones) would need a Decode array and are converted
// here without a profile, RGB files without an Adobe marker are read as
// YCbCr by some readers, and arithmetic coding is outside DCTDecode.
bool embeddable_as_is(const jpeg_decompress_struct& cinfo) {
    bool grey = cinfo.jpeg_color_space == JCS_GRAYSCALE && cinfo.num_components == 1;
    bool ycc = cinfo.jpeg_color_space == JCS_YCbCr && cinfo.num_components == 3;
    return (grey || ycc) && !cinfo.arith_code && cinfo.data_precision == 8;
}

// What libjpeg's error (or running out of bytes) means for the user.
[[noreturn]] void fail_jpeg_session(const JpegSession& s, const DecodeRequest& req) {
    if (s.ran_out) fail_image(req, "is truncated: the file ends before the image is complete");
    fail_image(req, std::string("is not a valid JPEG file (") + s.message + ")");
}

// The smallest M/8 scale whose output (libjpeg rounds up) is at least
// min_width × min_height.
int smallest_eighths(uint64_t width, uint64_t height, int min_width, int min_height) {
    for (int m = 1; m < 8; ++m)
        if ((width * m + 7) / 8 >= static_cast<uint64_t>(std::max(min_width, 1)) &&
            (height * m + 7) / 8 >= static_cast<uint64_t>(std::max(min_height, 1)))
            return m;
    return 8;
}

}  // namespace

std::shared_ptr<scene::Image> decode_jpeg(const DecodeRequest& req, int min_width, int min_height) {
    JpegSession s;
    auto fail_decoding = [&]() { fail_jpeg_session(s, req); };
    if (!start(s, req.bytes.data(), req.bytes.size())) fail_decoding();
    check_dimensions(req, s.cinfo.image_width, s.cinfo.image_height);

    J_COLOR_SPACE in = s.cinfo.jpeg_color_space;
    bool cmyk = in == JCS_CMYK || in == JCS_YCCK;
    const bool full = min_width <= 0 && min_height <= 0;
    const int eighths = full ? 8 : smallest_eighths(s.cinfo.image_width, s.cinfo.image_height, min_width, min_height);
    if (!decompress_start(s, cmyk, eighths)) fail_decoding();
    if (s.cinfo.output_components != 4)
        fail_image(req, "has a JPEG colour layout koho cannot convert");

    auto image = new_image(req, static_cast<int>(s.cinfo.output_width),
                           static_cast<int>(s.cinfo.output_height));
    auto* base = reinterpret_cast<uint8_t*>(image->pixels.data());
    if (!read_rows(s, base, static_cast<size_t>(image->width) * 4)) fail_decoding();

    if (cmyk) cmyk_to_rgba_in_place(base, image->pixels.size(), s.cinfo.saw_Adobe_marker);
    rgba_bytes_to_cairo(*image);  // X bytes are 0xFF: every pixel is opaque
    image->has_alpha = false;

    // The file's bytes go along only with its own full-size pixels.
    if (eighths == 8 && embeddable_as_is(s.cinfo))
        image->jpeg_data = std::make_shared<const std::string>(reinterpret_cast<const char*>(req.bytes.data()),
                                                               req.bytes.size());

    record_density(s.cinfo, *image);
    return image;
}

std::shared_ptr<scene::Image> decode_jpeg_deferred(const DecodeRequest& req,
                                                   std::shared_ptr<const std::string> bytes) {
    JpegSession s;
    auto fail_decoding = [&]() { fail_jpeg_session(s, req); };
    if (!start(s, req.bytes.data(), req.bytes.size())) fail_decoding();
    check_dimensions(req, s.cinfo.image_width, s.cinfo.image_height);
    if (!embeddable_as_is(s.cinfo)) return decode_jpeg(req);
    if (!check_scan(s)) fail_decoding();

    auto image = std::make_shared<scene::Image>();
    image->width = static_cast<int>(s.cinfo.image_width);
    image->height = static_cast<int>(s.cinfo.image_height);
    image->source = req.source;
    image->has_alpha = false;
    image->jpeg_data = bytes;
    record_density(s.cinfo, *image);
    // The decoder keeps its own copies: the request's references die with this call.
    image->deferred_pixels = std::make_shared<scene::DeferredPixels>(
        [bytes, source = req.source, where = req.where, limits = req.limits]() {
            auto span = std::span(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
            auto decoded = decode_jpeg(DecodeRequest{span, source, where, limits});
            return std::move(decoded->pixels);
        });
    return image;
}

}  // namespace koho::raster::detail
