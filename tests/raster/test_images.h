// Small encoders for test inputs: PNGs of any colour type (libpng), JPEGs
// (libjpeg) and hand-built PNG chunks, so every decoder path is exercised by
// files whose exact pixels the test knows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace koho::raster::testing {

struct PngSpec {
    int width = 0, height = 0;
    int color_type = 0;  // PNG_COLOR_TYPE_*
    int bit_depth = 8;
    bool interlaced = false;
    std::vector<uint8_t> rows;                 // packed rows as the PNG stores them
    std::vector<uint8_t> palette;              // R, G, B triples
    std::vector<uint8_t> trns;                 // palette alphas, or a grey/RGB key as 16-bit values
    double dpi = 0;                            // > 0: write pHYs
};
std::string make_png(const PngSpec& spec);

struct JpegSpec {
    int width = 0, height = 0;
    int components = 3;  // 1 grey, 3 RGB, 4 CMYK (stored Adobe-inverted)
    std::vector<uint8_t> samples;
    int quality = 95;
    int density_unit = 0;  // 0 none, 1 dpi, 2 dots/cm
    int density = 0;
    int h_sampling = 0, v_sampling = 0;  // of the first component; 0: libjpeg's default
    bool progressive = false;
    int restart_rows = 0;                // a restart marker every N MCU rows; 0: none
};
std::string make_jpeg(const JpegSpec& spec);

// One PNG chunk: length, type, data, CRC-32.
std::string png_chunk(const std::string& type, const std::string& data);
std::string be32(uint32_t v);
inline const std::string kPngSignature = "\x89PNG\r\n\x1a\n";

void write_bytes(const std::filesystem::path& path, const std::string& bytes);
std::string read_bytes(const std::filesystem::path& path);
std::filesystem::path fresh_dir(const std::string& name);

}  // namespace koho::raster::testing
