// JPEG encoding with libjpeg-turbo into memory, then one atomic write.
// Error handling follows decode_jpeg.cpp.
#include <cstdio>  // jpeglib.h needs FILE
#include <jpeglib.h>

#include <cmath>
#include <csetjmp>
#include <cstdlib>
#include <vector>

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "raster/encode.h"
#include "raster/pixel_rows.h"

namespace koho::raster {

namespace {

struct JpegWriter {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr err{};
    std::jmp_buf jump{};
    bool created = false;
    unsigned char* buffer = nullptr;  // owned by us once jpeg_mem_dest has filled it
    unsigned long size = 0;
    char message[JMSG_LENGTH_MAX] = {};

    ~JpegWriter() {
        if (created) jpeg_destroy_compress(&cinfo);
        std::free(buffer);
    }
};

void on_jpeg_error(j_common_ptr cinfo) {
    auto* w = static_cast<JpegWriter*>(cinfo->client_data);
    cinfo->err->format_message(cinfo, w->message);
    std::longjmp(w->jump, 1);
}

void on_message(j_common_ptr, int) {}

bool compress(JpegWriter& w, const PixelView& view, int quality, unsigned density,
              const std::vector<uint8_t>& rgb) {
    w.cinfo.err = jpeg_std_error(&w.err);
    w.err.error_exit = on_jpeg_error;
    w.err.emit_message = on_message;
    w.cinfo.client_data = &w;
    if (setjmp(w.jump)) return false;
    jpeg_create_compress(&w.cinfo);
    w.created = true;
    jpeg_mem_dest(&w.cinfo, &w.buffer, &w.size);
    w.cinfo.image_width = static_cast<JDIMENSION>(view.width);
    w.cinfo.image_height = static_cast<JDIMENSION>(view.height);
    w.cinfo.input_components = 3;
    w.cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&w.cinfo);
    jpeg_set_quality(&w.cinfo, quality, TRUE);
    w.cinfo.dct_method = JDCT_ISLOW;  // the same bytes on every machine
    w.cinfo.optimize_coding = TRUE;
    if (quality >= 90) {
        for (int c = 0; c < 3; ++c) {
            w.cinfo.comp_info[c].h_samp_factor = 1;
            w.cinfo.comp_info[c].v_samp_factor = 1;
        }
    }
    if (density > 0) {
        w.cinfo.write_JFIF_header = TRUE;
        w.cinfo.density_unit = 1;  // dots per inch
        w.cinfo.X_density = static_cast<UINT16>(density);
        w.cinfo.Y_density = static_cast<UINT16>(density);
    }
    jpeg_start_compress(&w.cinfo, TRUE);
    size_t row_bytes = static_cast<size_t>(view.width) * 3;
    while (w.cinfo.next_scanline < w.cinfo.image_height) {
        auto row = const_cast<JSAMPROW>(rgb.data() + row_bytes * w.cinfo.next_scanline);
        jpeg_write_scanlines(&w.cinfo, &row, 1);
    }
    jpeg_finish_compress(&w.cinfo);
    return true;
}

}  // namespace

std::string encode_jpeg(const PixelView& view, int quality, double dpi) {
    if (!view.data || view.width <= 0 || view.height <= 0)
        fail_system({}, "cannot write an empty image as JPEG");
    if (view.width > 65500 || view.height > 65500)
        fail_system({}, "cannot write a JPEG larger than 65500 pixels on a side");
    if (quality < 1 || quality > 100)
        fail_system({}, "JPEG quality must be between 1 and 100, not " + std::to_string(quality));
    size_t row_bytes = static_cast<size_t>(view.width) * 3;
    std::vector<uint8_t> rgb(row_bytes * static_cast<size_t>(view.height));
    for (int y = 0; y < view.height; ++y) detail::row_over_white(view, y, rgb.data() + row_bytes * y);
    long rounded = dpi > 0 ? std::lround(dpi) : 0;
    auto density = static_cast<unsigned>(rounded > 65535 ? 65535 : rounded);

    JpegWriter w;
    if (!compress(w, view, quality, density, rgb))
        fail_system({}, std::string("cannot encode JPEG: ") + w.message);
    return std::string(reinterpret_cast<const char*>(w.buffer), w.size);
}

void write_jpeg(const std::filesystem::path& target, const PixelView& pixels, int quality, double dpi) {
    std::string bytes;
    try {
        bytes = encode_jpeg(pixels, quality, dpi);
    } catch (const Error& e) {
        fail_system(SourceLoc{target.string()}, e.message());
    }
    write_file_atomically(target, bytes);
}

}  // namespace koho::raster
