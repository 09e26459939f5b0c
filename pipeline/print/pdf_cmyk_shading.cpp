// The CMYK pass: shadings (axial, radial, function-based) and the functions
// giving their colours. Cairo writes a type 2 function per pair of stops
// and a type 3 stitching function over them; each stop's colour is
// converted and the press interpolates between the converted stops.
// Functions are written anew (the originals may serve other shadings), once
// per object and target. Mesh shadings (Cairo's mesh patterns) carry their
// colours per vertex: pdf_cmyk_mesh.cpp.
#include <algorithm>
#include <cmath>

#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {
namespace {

QPDFObjectHandle unit_range(int n) {
    std::vector<QPDFObjectHandle> items;
    for (int i = 0; i < n; ++i) {
        items.push_back(QPDFObjectHandle::newInteger(0));
        items.push_back(QPDFObjectHandle::newInteger(1));
    }
    return QPDFObjectHandle::newArray(items);
}

QPDFObjectHandle number_array(const std::vector<double>& values) {
    std::vector<QPDFObjectHandle> items;
    for (double v : values)
        items.push_back(pdf_number(v));
    return QPDFObjectHandle::newArray(items);
}

// The family a shading in `family` is written in for `target`.
Family converted_family(Family /*family*/, Target target) {
    return target == Target::Luminance ? Family::Gray : Family::Cmyk;
}

}  // namespace

// An exponential function from C0 to C1. Luminance is linear in RGB: the
// converted ends suffice. Ink is not (the press profile bends every
// channel), so the RGB ramp is sampled at kPiecesPerRamp points and
// stitched from linear pieces between the converted samples; the ends stay
// exactly the converter's colours of the stops.
QPDFObjectHandle CmykPass::convert_exponential(QPDFObjectHandle dict, const std::vector<double>& c0,
                                               const std::vector<double>& c1, Family family, Target target) {
    constexpr int kPiecesPerRamp = 8;
    const double exponent = dict.getKey("/N").isNumber() ? dict.getKey("/N").getNumericValue() : 1;
    std::optional<std::vector<double>> domain = numbers_of(dict.getKey("/Domain"));
    if (!domain || domain->size() != 2)
        fail("a shading function without a /Domain");
    if (c0.size() != c1.size())
        fail("a shading function whose /C0 and /C1 differ in size");
    // y = C0 + x^N (C1 - C0), x taken from the domain as it is.
    auto at = [&](double x) {
        std::vector<double> c(c0.size());
        for (size_t i = 0; i < c.size(); ++i)
            c[i] = c0[i] + std::pow(x, exponent) * (c1[i] - c0[i]);
        ++result.colours_rewritten;
        return convert_colour(family, c, target, nullptr);
    };
    auto piece = [&](const std::vector<double>& from, const std::vector<double>& to, QPDFObjectHandle piece_domain,
                     QPDFObjectHandle n) {
        QPDFObjectHandle f = QPDFObjectHandle::newDictionary();
        f.replaceKey("/FunctionType", QPDFObjectHandle::newInteger(2));
        f.replaceKey("/Domain", piece_domain);
        f.replaceKey("/N", n);
        f.replaceKey("/C0", number_array(from));
        f.replaceKey("/C1", number_array(to));
        return f;
    };
    if (target == Target::Luminance || c0 == c1) {
        std::vector<double> from = convert_colour(family, c0, target, nullptr);
        std::vector<double> to = convert_colour(family, c1, target, nullptr);
        result.colours_rewritten += 2;
        return piece(from, to, dict.getKey("/Domain"), dict.getKey("/N"));
    }
    const double lo = (*domain)[0], hi = (*domain)[1];
    std::vector<QPDFObjectHandle> pieces, bounds, encode;
    std::vector<double> previous = at(lo);
    for (int i = 1; i <= kPiecesPerRamp; ++i) {
        const double x = lo + (hi - lo) * i / kPiecesPerRamp;
        std::vector<double> next = at(x);
        pieces.push_back(piece(previous, next, QPDFObjectHandle::parse("[0 1]"), QPDFObjectHandle::newInteger(1)));
        if (i < kPiecesPerRamp)
            bounds.push_back(pdf_number(x));
        encode.push_back(QPDFObjectHandle::newInteger(0));
        encode.push_back(QPDFObjectHandle::newInteger(1));
        previous = std::move(next);
    }
    QPDFObjectHandle stitched = QPDFObjectHandle::newDictionary();
    stitched.replaceKey("/FunctionType", QPDFObjectHandle::newInteger(3));
    stitched.replaceKey("/Domain", dict.getKey("/Domain"));
    stitched.replaceKey("/Functions", QPDFObjectHandle::newArray(pieces));
    stitched.replaceKey("/Bounds", QPDFObjectHandle::newArray(bounds));
    stitched.replaceKey("/Encode", QPDFObjectHandle::newArray(encode));
    return stitched;
}

QPDFObjectHandle CmykPass::convert_function(QPDFObjectHandle function, Family family, Target target) {
    const auto key = std::make_pair(function.getObjGen(), target);
    if (function.isIndirect()) {
        auto done = functions_.find(key);
        if (done != functions_.end())
            return done->second;
    }
    QPDFObjectHandle dict = function.isStream() ? function.getDict() : function;
    if (!dict.isDictionary())
        fail("a shading function is not a dictionary");
    QPDFObjectHandle type = dict.getKey("/FunctionType");
    const long long kind = type.isInteger() ? type.getIntValue() : -1;
    const int out_n = components(converted_family(family, target));
    QPDFObjectHandle converted;

    if (kind == 2) {
        std::vector<double> c0 = numbers_of(dict.getKey("/C0")).value_or(std::vector<double>{0});
        std::vector<double> c1 = numbers_of(dict.getKey("/C1")).value_or(std::vector<double>{1});
        if ((!dict.hasKey("/C0") || !dict.hasKey("/C1")) && components(family) != 1)
            fail("a shading function without /C0 or /C1");
        converted = convert_exponential(dict, c0, c1, family, target);
    } else if (kind == 3) {
        // Stitching: the pieces are converted, the seams stay.
        QPDFObjectHandle pieces = dict.getKey("/Functions");
        if (!pieces.isArray())
            fail("a stitching function without /Functions");
        std::vector<QPDFObjectHandle> items;
        for (QPDFObjectHandle piece : pieces.getArrayAsVector())
            items.push_back(convert_function(piece, family, target));
        converted = QPDFObjectHandle::newDictionary();
        for (const char* k : {"/FunctionType", "/Domain", "/Bounds", "/Encode"})
            if (dict.hasKey(k))
                converted.replaceKey(k, dict.getKey(k));
        converted.replaceKey("/Functions", QPDFObjectHandle::newArray(items));
        if (dict.hasKey("/Range"))
            converted.replaceKey("/Range", unit_range(out_n));
    } else if (kind == 0 && function.isStream()) {
        converted = convert_sampled_function(function, family, target);
    } else {
        fail("a shading function of type " + std::to_string(kind) + " cannot be converted");
    }

    if (function.isIndirect()) {
        converted = pdf.makeIndirectObject(converted);
        functions_[key] = converted;
    }
    return converted;
}

// A sampled function of one input: every sample is converted.
QPDFObjectHandle CmykPass::convert_sampled_function(QPDFObjectHandle function, Family family, Target target) {
    QPDFObjectHandle dict = function.getDict();
    std::optional<std::vector<double>> size = numbers_of(dict.getKey("/Size"));
    std::optional<std::vector<double>> range = numbers_of(dict.getKey("/Range"));
    QPDFObjectHandle bits_object = dict.getKey("/BitsPerSample");
    const int bits = bits_object.isInteger() ? bits_object.getIntValueAsInt() : 0;
    const int in_n = components(family);
    if (!size || size->size() != 1 || (*size)[0] < 1)
        fail("a sampled shading function with more than one input");
    if (bits != 8 && bits != 16)
        fail("a sampled shading function with " + std::to_string(bits) + " bits per sample");
    if (!range || range->size() != static_cast<size_t>(2 * in_n))
        fail("a sampled shading function whose /Range does not fit its colour space");
    std::vector<double> decode = numbers_of(dict.getKey("/Decode")).value_or(*range);
    if (decode.size() != range->size())
        fail("a sampled shading function with a malformed /Decode");

    const size_t count = static_cast<size_t>((*size)[0]);
    const size_t bytes = static_cast<size_t>(bits / 8);
    std::shared_ptr<Buffer> data;
    try {
        data = function.getStreamData(qpdf_dl_all);
    } catch (const std::exception& e) {
        fail(std::string("a sampled shading function cannot be read: ") + e.what());
    }
    if (data->getSize() < count * in_n * bytes)
        fail("a sampled shading function has fewer samples than /Size says");
    const unsigned char* in = data->getBuffer();
    const double max_sample = bits == 8 ? 255.0 : 65535.0;
    const int out_n = components(converted_family(family, target));

    std::string samples;
    for (size_t i = 0; i < count; ++i) {
        std::vector<double> colour;
        for (int c = 0; c < in_n; ++c) {
            const unsigned char* p = in + (i * in_n + c) * bytes;
            const double raw = bytes == 1 ? p[0] : (p[0] << 8) | p[1];
            double v = decode[2 * c] + raw * (decode[2 * c + 1] - decode[2 * c]) / max_sample;
            colour.push_back(std::clamp(v, (*range)[2 * c], (*range)[2 * c + 1]));
        }
        for (double v : convert_colour(family, colour, target, nullptr)) {
            const auto s = static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * max_sample));
            if (bytes == 2)
                samples.push_back(static_cast<char>(s >> 8));
            samples.push_back(static_cast<char>(s & 0xff));
        }
        ++result.colours_rewritten;
    }
    QPDFObjectHandle converted = QPDFObjectHandle::newStream(&pdf, samples);
    QPDFObjectHandle out = converted.getDict();
    for (const char* k : {"/FunctionType", "/Domain", "/Size", "/BitsPerSample", "/Order", "/Encode"})
        if (dict.hasKey(k))
            out.replaceKey(k, dict.getKey(k));
    out.replaceKey("/Range", unit_range(out_n));
    return converted;
}

QPDFObjectHandle CmykPass::convert_shading(QPDFObjectHandle shading, Target target) {
    QPDFObjectHandle dict = shading.isStream() ? shading.getDict() : shading;
    if (!dict.isDictionary())
        fail("a shading is not a dictionary");
    const auto key = std::make_pair(shading.getObjGen(), target);
    if (shading.isIndirect()) {
        auto done = done_.find(key);
        if (done != done_.end())
            return done->second;
    }
    QPDFObjectHandle original = shading;
    shading = claim(shading, target);
    dict = shading.isStream() ? shading.getDict() : shading;
    QPDFObjectHandle type_object = dict.getKey("/ShadingType");
    const long long type = type_object.isInteger() ? type_object.getIntValue() : 0;
    const SpaceInfo space = classify_space(dict.getKey("/ColorSpace"));
    if (space.family != Family::Gray && space.family != Family::Rgb && space.family != Family::Cmyk)
        fail("a shading in colour space " + space.description + " cannot be converted");
    if (type < 1 || type > 7)
        fail("a shading of type " + std::to_string(type) + " cannot be converted");
    if (type >= 4 && !shading.isStream())
        fail("a mesh shading (type " + std::to_string(type) + ") without its vertex data");
    const bool unchanged = target == Target::Ink ? space.family == Family::Cmyk : space.family == Family::Gray;
    if (unchanged) {
        if (original.isIndirect())
            done_[key] = shading;
        return shading;
    }
    QPDFObjectHandle function = dict.getKey("/Function");
    if (function.isArray())
        fail("a shading with one function per colour component cannot be converted");
    if (!function.isNull())
        dict.replaceKey("/Function", convert_function(function, space.family, target));
    else if (type >= 4)
        convert_mesh_colours(shading, static_cast<int>(type), space.family, target);  // colours per vertex
    else
        fail("a shading of type " + std::to_string(type) + " without a function");
    const Family out = converted_family(space.family, target);
    dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName(out == Family::Gray ? "/DeviceGray" : "/DeviceCMYK"));
    std::optional<std::vector<double>> background = numbers_of(dict.getKey("/Background"));
    if (background)
        dict.replaceKey("/Background", number_array(convert_colour(space.family, *background, target, nullptr)));
    if (original.isIndirect())
        done_[key] = shading;
    return shading;
}

}  // namespace koho::print::detail
