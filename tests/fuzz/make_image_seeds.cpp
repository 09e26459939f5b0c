// Writes the PNG and JPEG seed corpora (tests/fuzz/corpus/png, .../jpeg):
// tiny images covering each decoder path — every PNG colour type and bit
// depth, palettes with transparency, colour keys, interlacing, pHYs; JPEG
// grey, RGB at several subsamplings, Adobe CMYK, JFIF density, progressive
// and restart intervals. Run by hand when the decoders learn a new path:
//   build-fuzz/tests/fuzz/make_image_seeds tests/fuzz/corpus
#include <png.h>

#include <cstdio>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "raster/test_images.h"

namespace fs = std::filesystem;
using namespace koho::raster::testing;

namespace {

// Deterministic sample values: a gradient with some texture.
std::vector<uint8_t> samples(size_t count) {
    std::vector<uint8_t> out(count);
    for (size_t i = 0; i < count; ++i) out[i] = static_cast<uint8_t>(i * 37 + (i / 7) * 11);
    return out;
}

struct JpegOptions {
    int width = 8, height = 8, components = 3;
    int h_sampling = 2, v_sampling = 2;  // of the first component
    bool progressive = false;
    int restart_rows = 0;
    int quality = 75;
};

// A JPEG of deterministic samples with the coding options a seed exercises.
std::string encode_jpeg(const JpegOptions& o) {
    JpegSpec spec;
    spec.width = o.width;
    spec.height = o.height;
    spec.components = o.components;
    spec.samples = samples(static_cast<size_t>(o.width) * o.height * o.components);
    spec.quality = o.quality;
    spec.h_sampling = o.h_sampling;
    spec.v_sampling = o.v_sampling;
    spec.progressive = o.progressive;
    spec.restart_rows = o.restart_rows;
    return make_jpeg(spec);
}

// Rows of `width` pixels for a colour type and depth, as the PNG stores them.
PngSpec png(int width, int height, int color_type, int bit_depth, bool interlaced = false) {
    PngSpec spec;
    spec.width = width;
    spec.height = height;
    spec.color_type = color_type;
    spec.bit_depth = bit_depth;
    spec.interlaced = interlaced;
    const int channels = color_type == PNG_COLOR_TYPE_GRAY ? 1
                         : color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                         : color_type == PNG_COLOR_TYPE_RGB ? 3
                         : color_type == PNG_COLOR_TYPE_RGB_ALPHA ? 4
                                                                   : 1;
    const size_t row_bytes = (static_cast<size_t>(width) * channels * bit_depth + 7) / 8;
    spec.rows = samples(row_bytes * height);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        const int entries = 1 << bit_depth;
        spec.palette = samples(3 * static_cast<size_t>(entries));
        // Indices must stay inside the palette.
        if (bit_depth == 8)
            for (auto& index : spec.rows) index %= entries;
    }
    return spec;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_image_seeds CORPUS_DIR\n");
        return 2;
    }
    const fs::path png_dir = fs::path(argv[1]) / "png", jpeg_dir = fs::path(argv[1]) / "jpeg";
    fs::create_directories(png_dir);
    fs::create_directories(jpeg_dir);

    write_bytes(png_dir / "gray1.png", make_png(png(9, 3, PNG_COLOR_TYPE_GRAY, 1)));
    write_bytes(png_dir / "gray8.png", make_png(png(4, 3, PNG_COLOR_TYPE_GRAY, 8)));
    write_bytes(png_dir / "gray16.png", make_png(png(3, 2, PNG_COLOR_TYPE_GRAY, 16)));
    auto keyed = png(4, 3, PNG_COLOR_TYPE_GRAY, 8);
    keyed.trns = {37};
    write_bytes(png_dir / "gray8-key.png", make_png(keyed));
    write_bytes(png_dir / "gray-alpha8.png", make_png(png(3, 3, PNG_COLOR_TYPE_GRAY_ALPHA, 8)));
    write_bytes(png_dir / "gray-alpha16.png", make_png(png(2, 2, PNG_COLOR_TYPE_GRAY_ALPHA, 16)));
    write_bytes(png_dir / "rgb8.png", make_png(png(4, 3, PNG_COLOR_TYPE_RGB, 8)));
    write_bytes(png_dir / "rgb16.png", make_png(png(2, 2, PNG_COLOR_TYPE_RGB, 16)));
    auto rgb_key = png(3, 2, PNG_COLOR_TYPE_RGB, 8);
    rgb_key.trns = {0, 37, 74};
    write_bytes(png_dir / "rgb8-key.png", make_png(rgb_key));
    write_bytes(png_dir / "rgba8.png", make_png(png(4, 3, PNG_COLOR_TYPE_RGB_ALPHA, 8)));
    write_bytes(png_dir / "rgba16.png", make_png(png(2, 2, PNG_COLOR_TYPE_RGB_ALPHA, 16)));
    write_bytes(png_dir / "rgba8-interlaced.png", make_png(png(9, 9, PNG_COLOR_TYPE_RGB_ALPHA, 8, true)));
    auto phys = png(2, 2, PNG_COLOR_TYPE_RGB, 8);
    phys.dpi = 350;
    write_bytes(png_dir / "rgb8-phys.png", make_png(phys));
    write_bytes(png_dir / "palette2.png", make_png(png(7, 2, PNG_COLOR_TYPE_PALETTE, 2)));
    auto palette = png(4, 4, PNG_COLOR_TYPE_PALETTE, 8);
    palette.trns = {0, 128, 255};
    write_bytes(png_dir / "palette8-trns.png", make_png(palette));

    write_bytes(jpeg_dir / "rgb-420.jpg", encode_jpeg({}));
    write_bytes(jpeg_dir / "rgb-444.jpg", encode_jpeg({.width = 5, .height = 3, .h_sampling = 1, .v_sampling = 1}));
    write_bytes(jpeg_dir / "rgb-422.jpg", encode_jpeg({.width = 9, .height = 4, .h_sampling = 2, .v_sampling = 1}));
    write_bytes(jpeg_dir / "gray.jpg", encode_jpeg({.width = 6, .height = 5, .components = 1, .h_sampling = 1, .v_sampling = 1}));
    write_bytes(jpeg_dir / "rgb-progressive.jpg", encode_jpeg({.width = 10, .height = 7, .progressive = true}));
    write_bytes(jpeg_dir / "rgb-restart.jpg", encode_jpeg({.width = 16, .height = 24, .restart_rows = 1}));
    JpegSpec cmyk{.width = 4, .height = 4, .components = 4, .samples = samples(64), .quality = 60};
    write_bytes(jpeg_dir / "cmyk-adobe.jpg", make_jpeg(cmyk));
    JpegSpec dense{.width = 3, .height = 2, .components = 3, .samples = samples(18), .quality = 50,
                   .density_unit = 1, .density = 350};
    write_bytes(jpeg_dir / "rgb-350dpi.jpg", make_jpeg(dense));
    return 0;
}
