// JPEG encoding with libjpeg for the CMYK pass.
#include "print/pdf_cmyk_jpeg.h"

// jpeglib.h needs size_t and FILE declared first.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <jpeglib.h>

#include <csetjmp>

#include "core/diagnostic.h"

namespace koho::print::detail {
namespace {

// libjpeg reports errors by calling error_exit, which must not return; it
// jumps back to encode() (no C++ object with a destructor lives between).
struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
    auto* errors = reinterpret_cast<ErrorManager*>(info->err);
    (*info->err->format_message)(info, errors->message);
    std::longjmp(errors->jump, 1);
}

void silent(j_common_ptr, int) {}

// Returns false with `errors.message` set on failure; `*out`/`*size` are
// malloc'ed by libjpeg.
bool encode(const uint8_t* pixels, int width, int height, int components, int quality, ErrorManager& errors,
            unsigned char** out, unsigned long* size) {
    jpeg_compress_struct info;
    info.err = jpeg_std_error(&errors.pub);
    errors.pub.error_exit = on_error;
    errors.pub.emit_message = silent;
    if (setjmp(errors.jump)) {
        jpeg_destroy_compress(&info);
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, out, size);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = components;
    info.in_color_space = components == 4 ? JCS_CMYK : JCS_GRAYSCALE;
    jpeg_set_defaults(&info);
    // CMYK in, CMYK out: no YCCK transform, every plate at full resolution.
    jpeg_set_colorspace(&info, components == 4 ? JCS_CMYK : JCS_GRAYSCALE);
    jpeg_set_quality(&info, quality, TRUE);
    info.write_JFIF_header = FALSE;
    info.write_Adobe_marker = components == 4 ? TRUE : FALSE;
    jpeg_start_compress(&info, TRUE);
    const size_t stride = static_cast<size_t>(width) * static_cast<size_t>(components);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(pixels + stride * info.next_scanline);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}

}  // namespace

std::string encode_jpeg(const uint8_t* pixels, int width, int height, int components, int quality) {
    if (components != 1 && components != 4)
        fail_system({}, "JPEG encoding: " + std::to_string(components) + " components");
    ErrorManager errors{};
    unsigned char* out = nullptr;
    unsigned long size = 0;
    const bool ok = encode(pixels, width, height, components, quality, errors, &out, &size);
    std::string bytes;
    if (ok && out)
        bytes.assign(reinterpret_cast<const char*>(out), size);
    std::free(out);
    if (!ok)
        fail_system({}, std::string("JPEG encoding failed: ") + errors.message);
    return bytes;
}

}  // namespace koho::print::detail
