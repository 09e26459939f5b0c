// The CMYK pass: mesh shadings (types 4 to 7; Cairo writes type 7 for its
// mesh patterns) whose colours are given per vertex in the stream. Each
// colour is decoded by /Decode, converted, and written back in the same
// layout with the new number of components. Only whole-byte sizes are
// read (Cairo writes 8-bit flags, 32-bit coordinates, 16-bit components),
// so no vertex straddles a byte and no padding rule comes into play.
#include <algorithm>
#include <cmath>

#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {
namespace {

uint64_t read_big_endian(const unsigned char* p, size_t bytes) {
    uint64_t v = 0;
    for (size_t i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

void write_big_endian(std::string& out, uint64_t v, size_t bytes) {
    for (size_t i = bytes; i-- > 0;)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

int whole_bytes(QPDFObjectHandle bits, bool required) {
    if (!bits.isInteger())
        return required ? -1 : 0;
    const long long b = bits.getIntValue();
    return b > 0 && b % 8 == 0 && b <= 32 ? static_cast<int>(b / 8) : -1;
}

}  // namespace

void CmykPass::convert_mesh_colours(QPDFObjectHandle shading, int type, Family family, Target target) {
    QPDFObjectHandle dict = shading.getDict();
    const int flag_bytes = type == 5 ? 0 : whole_bytes(dict.getKey("/BitsPerFlag"), true);
    const int coord_bytes = whole_bytes(dict.getKey("/BitsPerCoordinate"), true);
    const int comp_bytes = whole_bytes(dict.getKey("/BitsPerComponent"), true);
    if (flag_bytes < 0 || coord_bytes < 0 || comp_bytes < 0 || comp_bytes > 2)
        fail("a mesh shading whose sizes are not whole bytes (8-bit flags, 8/16-bit colours) cannot be converted");
    const int in_n = components(family);
    const int out_n = target == Target::Luminance ? 1 : 4;
    std::optional<std::vector<double>> decode = numbers_of(dict.getKey("/Decode"));
    if (!decode || decode->size() != static_cast<size_t>(4 + 2 * in_n))
        fail("a mesh shading whose /Decode does not fit its colour space");

    std::string data;
    try {
        std::shared_ptr<Buffer> buffer = shading.getStreamData(qpdf_dl_all);
        data.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& e) {
        fail(std::string("a mesh shading's data cannot be read: ") + e.what());
    }
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    const size_t size = data.size();
    const double max_in = std::pow(2.0, 8 * comp_bytes) - 1;
    size_t pos = 0;
    std::string out;

    auto take = [&](size_t bytes) {
        if (pos + bytes > size)
            fail("a mesh shading's data ends inside a vertex");
        const unsigned char* p = in + pos;
        pos += bytes;
        return p;
    };
    auto copy = [&](size_t bytes) { out.append(reinterpret_cast<const char*>(take(bytes)), bytes); };
    auto colour = [&] {
        std::vector<double> c;
        for (int i = 0; i < in_n; ++i) {
            const double raw = static_cast<double>(read_big_endian(take(comp_bytes), comp_bytes));
            const double lo = (*decode)[4 + 2 * i], hi = (*decode)[5 + 2 * i];
            c.push_back(lo + raw * (hi - lo) / max_in);
        }
        for (double v : convert_colour(family, c, target, nullptr))
            write_big_endian(out, static_cast<uint64_t>(std::lround(std::clamp(v, 0.0, 1.0) * max_in)), comp_bytes);
        ++result.colours_rewritten;
    };

    while (pos < size) {
        if (type == 4 || type == 5) {
            if (flag_bytes)
                copy(flag_bytes);
            copy(2 * coord_bytes);
            colour();
            continue;
        }
        // Coons (6) and tensor-product (7) patches: a patch continuing the
        // previous one (flag 1..3) shares an edge, two points and two
        // colours fewer.
        const uint64_t flag = read_big_endian(in + pos, std::min<size_t>(flag_bytes, size - pos));
        copy(flag_bytes);
        const int points = (type == 6 ? 12 : 16) - (flag ? 4 : 0);
        const int colours = flag ? 2 : 4;
        copy(static_cast<size_t>(points) * 2 * coord_bytes);
        for (int i = 0; i < colours; ++i)
            colour();
    }

    std::vector<QPDFObjectHandle> new_decode;
    for (int i = 0; i < 4; ++i)
        new_decode.push_back(dict.getKey("/Decode").getArrayItem(i));  // the coordinates' ranges, as they were
    for (int i = 0; i < out_n; ++i) {
        new_decode.push_back(QPDFObjectHandle::newInteger(0));
        new_decode.push_back(QPDFObjectHandle::newInteger(1));
    }
    shading.replaceStreamData(out, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    dict.replaceKey("/Decode", QPDFObjectHandle::newArray(new_decode));
}

}  // namespace koho::print::detail
