// make_bad_media DIR: writes the broken media the bad-input cases name
// into DIR (the suite copies DIR into each case's project root as media/).
//
// Binary fixtures are made here rather than committed: each is a good file
// made by koho's own encoders or the ffmpeg CLI, then damaged in one
// precise way, so that a case fails for the one reason it is about.
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "raster/encode.h"

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) {
        std::cerr << "make_bad_media: cannot write " << path << '\n';
        std::exit(1);
    }
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Opaque pixels of noise (a fixed LCG: same bytes every build), which
// compress badly, so that a cut lands inside the image data.
std::vector<uint32_t> noise(int width, int height) {
    std::vector<uint32_t> pixels(size_t(width) * height);
    uint32_t state = 12345;
    for (uint32_t& p : pixels) {
        state = state * 1103515245u + 12345u;
        p = 0xFF000000u | (state >> 8);
    }
    return pixels;
}

koho::raster::PixelView view(const std::vector<uint32_t>& pixels, int width, int height) {
    return {reinterpret_cast<const uint8_t*>(pixels.data()), width, height, width * 4, true};
}

void put_u32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xFF);
}

void png_chunk(std::string& out, const char* type, const std::string& data) {
    put_u32(out, uint32_t(data.size()));
    std::string body = std::string(type, 4) + data;
    out += body;
    put_u32(out, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

// A well-formed PNG (valid CRCs) whose header declares 60000 × 60000 RGB
// pixels (10.8 GB decoded) but whose data is a few bytes: a decoder that
// allocates before checking the size falls over.
std::string bomb_png() {
    std::string ihdr;
    put_u32(ihdr, 60000);
    put_u32(ihdr, 60000);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter, no interlace
    const std::string row(1 + 3 * 60000, '\0');        // one filter byte and one black row
    uLongf size = compressBound(uLong(row.size()));
    std::string idat(size, '\0');
    compress2(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(row.data()),
              uLong(row.size()), 9);
    idat.resize(size);
    std::string png = "\x89PNG\r\n\x1a\n";
    png_chunk(png, "IHDR", ihdr);
    png_chunk(png, "IDAT", idat);
    png_chunk(png, "IEND", "");
    return png;
}

// A PNG whose first IDAT chunk has one byte changed: its CRC no longer matches.
std::string bad_crc_png(std::string png) {
    const size_t idat = png.find("IDAT");
    if (idat == std::string::npos) {
        std::cerr << "make_bad_media: no IDAT chunk in the PNG\n";
        std::exit(1);
    }
    png[idat + 8] = char(png[idat + 8] ^ 0x55);
    return png;
}

// A JPEG whose frame header (SOF0) declares 65000 × 65000 pixels (4.2
// gigapixels) over the few kilobytes of data of a 96 × 96 picture.
std::string bomb_jpeg(std::string jpeg) {
    const size_t sof = jpeg.find("\xFF\xC0");
    if (sof == std::string::npos) {
        std::cerr << "make_bad_media: no SOF0 marker in the JPEG\n";
        std::exit(1);
    }
    for (size_t at : {sof + 5, sof + 7}) {  // height, then width: big-endian 16 bits
        jpeg[at] = char(65000 >> 8);
        jpeg[at + 1] = char(65000 & 0xFF);
    }
    return jpeg;
}

// A JPEG whose first Huffman table counts more codes than can exist.
std::string corrupt_jpeg(std::string jpeg) {
    const size_t dht = jpeg.find("\xFF\xC4");
    if (dht == std::string::npos) {
        std::cerr << "make_bad_media: no DHT marker in the JPEG\n";
        std::exit(1);
    }
    for (size_t i = 0; i < 16; ++i) jpeg[dht + 5 + i] = char(0xFF);  // marker, length (2), class/id, counts
    return jpeg;
}

void ffmpeg(const std::string& args, const fs::path& out) {
    const std::string command = "ffmpeg -nostdin -v error -y " + args + " -fflags +bitexact '" + out.string() + "'";
    if (std::system(command.c_str()) != 0) {
        std::cerr << "make_bad_media: failed: " << command << '\n';
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_bad_media DIR\n";
        return 2;
    }
    const fs::path dir = argv[1];
    fs::create_directories(dir);

    const auto small = noise(32, 32);
    const std::string png = koho::raster::encode_png(view(small, 32, 32), 0);
    write(dir / "ok.png", png);
    const auto big = noise(96, 96);
    const std::string big_png = koho::raster::encode_png(view(big, 96, 96), 0);
    write(dir / "truncated.png", big_png.substr(0, big_png.size() * 6 / 10));
    write(dir / "bomb.png", bomb_png());

    const std::string jpeg = koho::raster::encode_jpeg(view(big, 96, 96), 85, 0);
    write(dir / "ok.jpg", jpeg);
    write(dir / "corrupt.jpg", corrupt_jpeg(jpeg));
    write(dir / "truncated.jpg", jpeg.substr(0, jpeg.size() * 6 / 10));
    write(dir / "bomb.jpg", bomb_jpeg(jpeg));
    write(dir / "bad-crc.png", bad_crc_png(big_png));

    // SVG art that is not self-contained: a picture beside the root (the
    // suite's outside/ is a sibling of root/, and this file is in root/media/).
    write(dir / "escape.svg",
          "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='100' "
          "height='100'>\n  <image width='100' height='100' xlink:href='../../outside/ok.png'/>\n</svg>\n");
    // Entities that expand to a billion characters (libxml2 refuses the loop).
    std::string laughs = "<?xml version='1.0'?>\n<!DOCTYPE svg [\n <!ENTITY a 'lol'>\n";
    for (char e = 'b'; e <= 'j'; ++e) {
        laughs += std::string(" <!ENTITY ") + e + " '";
        for (int i = 0; i < 10; ++i) laughs += std::string("&") + char(e - 1) + ";";
        laughs += "'>\n";
    }
    laughs += "]>\n<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><text>&j;</text></svg>\n";
    write(dir / "laughs.svg", laughs);

    write(dir / "not-an-image.png", "This is a text file with a picture's name.\n");
    write(dir / "not-audio.wav", "This is a text file with a sound's name.\n");
    write(dir / "empty.png", "");
    fs::create_directories(dir / "folder.png");

    ffmpeg("-f lavfi -i sine=frequency=440:duration=0.5 -c:a aac -b:a 32k", dir / "no-video.mp4");
    ffmpeg("-f lavfi -i testsrc=size=64x48:rate=10:duration=0.5 -c:v libx264 -preset ultrafast -pix_fmt yuv420p",
           dir / "video-only.mp4");
    const std::string mp4 = read(dir / "video-only.mp4");
    write(dir / "truncated.mp4", mp4.substr(0, mp4.size() / 2));
    write(dir / "not-video.mp4", "This is a text file with a video's name.\n");
    return 0;
}
