#include "test_images.h"

#include <png.h>
#include <cstdio>
#include <jpeglib.h>

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace koho::raster::testing {

namespace fs = std::filesystem;

namespace {

void append_png(png_structp png, png_bytep data, size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}

void abort_png(png_structp, png_const_charp msg) {
    std::fprintf(stderr, "test PNG encoder: %s\n", msg);
    std::abort();  // test inputs are ours: a libpng error here is a bug in the test
}

void abort_jpeg(j_common_ptr cinfo) {
    char message[JMSG_LENGTH_MAX];
    cinfo->err->format_message(cinfo, message);
    std::fprintf(stderr, "test JPEG encoder: %s\n", message);
    std::abort();
}

}  // namespace

std::string make_png(const PngSpec& spec) {
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, abort_png, nullptr);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, &out, append_png, nullptr);
    png_set_IHDR(png, info, spec.width, spec.height, spec.bit_depth, spec.color_type,
                 spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (!spec.palette.empty()) {
        std::vector<png_color> colors;
        for (size_t i = 0; i + 2 < spec.palette.size(); i += 3)
            colors.push_back({spec.palette[i], spec.palette[i + 1], spec.palette[i + 2]});
        png_set_PLTE(png, info, colors.data(), static_cast<int>(colors.size()));
    }
    if (!spec.trns.empty()) {
        if (spec.color_type == PNG_COLOR_TYPE_PALETTE) {
            png_set_tRNS(png, info, spec.trns.data(), static_cast<int>(spec.trns.size()), nullptr);
        } else {
            png_color_16 key{};
            key.gray = spec.trns[0];
            if (spec.trns.size() >= 3) key.red = spec.trns[0], key.green = spec.trns[1], key.blue = spec.trns[2];
            png_set_tRNS(png, info, nullptr, 0, &key);
        }
    }
    if (spec.dpi > 0) {
        auto ppm = static_cast<png_uint_32>(spec.dpi / 0.0254 + 0.5);
        png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    }
    png_write_info(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    if (spec.rows.size() != row_bytes * spec.height) throw std::logic_error("PngSpec rows have the wrong size");
    std::vector<png_bytep> rows;
    for (int y = 0; y < spec.height; ++y)
        rows.push_back(const_cast<png_bytep>(spec.rows.data()) + row_bytes * y);
    png_write_image(png, rows.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

std::string make_jpeg(const JpegSpec& spec) {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr err{};
    cinfo.err = jpeg_std_error(&err);
    err.error_exit = abort_jpeg;
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = spec.width;
    cinfo.image_height = spec.height;
    cinfo.input_components = spec.components;
    cinfo.in_color_space = spec.components == 1 ? JCS_GRAYSCALE : spec.components == 3 ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, spec.quality, TRUE);
    if (spec.density_unit) {
        cinfo.density_unit = static_cast<UINT8>(spec.density_unit);
        cinfo.X_density = cinfo.Y_density = static_cast<UINT16>(spec.density);
    }
    if (spec.h_sampling) cinfo.comp_info[0].h_samp_factor = spec.h_sampling;
    if (spec.v_sampling) cinfo.comp_info[0].v_samp_factor = spec.v_sampling;
    if (spec.progressive) jpeg_simple_progression(&cinfo);
    cinfo.restart_in_rows = spec.restart_rows;
    jpeg_start_compress(&cinfo, TRUE);
    size_t row_bytes = static_cast<size_t>(spec.width) * spec.components;
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(spec.samples.data() + row_bytes * cinfo.next_scanline);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    std::string out(reinterpret_cast<char*>(buffer), size);
    jpeg_destroy_compress(&cinfo);
    std::free(buffer);
    return out;
}

std::string be32(uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
    // CRC-32 (ISO 3309) over type and data, bit by bit: small and obviously right.
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : type + data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc ^ 0xFFFFFFFFu);
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write test file " + path.string());
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() /
                 ("koho-raster-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace koho::raster::testing
