// The CMYK pass on gradients: axial and radial shadings with their stitched
// functions, sampled functions, Cairo's mesh patterns. Read back with qpdf.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "print/cmyk_fixtures.h"
#include "print/cmyk_reader.h"

namespace koho::test {
namespace {

std::vector<double> numbers(QPDFObjectHandle array) {
    std::vector<double> out;
    for (QPDFObjectHandle v : array.getArrayAsVector())
        out.push_back(v.getNumericValue());
    return out;
}

// A shading function's value at x, as a reader computes it (types 2, 3).
std::vector<double> evaluate(QPDFObjectHandle f, double x) {
    const std::vector<double> domain = numbers(f.getKey("/Domain"));
    x = std::clamp(x, domain[0], domain[1]);
    const long long type = f.getKey("/FunctionType").getIntValue();
    if (type == 2) {
        const std::vector<double> c0 = numbers(f.getKey("/C0")), c1 = numbers(f.getKey("/C1"));
        const double n = f.getKey("/N").getNumericValue();
        std::vector<double> y(c0.size());
        for (size_t i = 0; i < y.size(); ++i)
            y[i] = c0[i] + std::pow(x, n) * (c1[i] - c0[i]);
        return y;
    }
    EXPECT_EQ(type, 3);
    const std::vector<double> bounds = numbers(f.getKey("/Bounds")), encode = numbers(f.getKey("/Encode"));
    size_t k = 0;
    while (k < bounds.size() && x >= bounds[k])
        ++k;
    const double lo = k == 0 ? domain[0] : bounds[k - 1];
    const double hi = k == bounds.size() ? domain[1] : bounds[k];
    const double e0 = encode[2 * k], e1 = encode[2 * k + 1];
    const double inner = hi > lo ? e0 + (x - lo) * (e1 - e0) / (hi - lo) : e0;
    return evaluate(f.getKey("/Functions").getArrayItem(static_cast<int>(k)), inner);
}

// The CMYK shadings of the first page, in the order of their names.
std::vector<QPDFObjectHandle> cmyk_shadings(QPDF& pdf) {
    std::vector<QPDFObjectHandle> out;
    for (QPDFObjectHandle obj : pdf.getAllObjects()) {
        if (!obj.isDictionary() || !obj.hasKey("/ShadingType"))
            continue;
        if (obj.getKey("/ColorSpace").isNameAndEquals("/DeviceGray"))
            continue;  // a gradient's alpha, inside its soft mask
        EXPECT_TRUE(obj.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
        out.push_back(obj);
    }
    return out;
}

void expect_cmyk(const std::vector<double>& got, const print::InkChoice& want, double t) {
    const std::vector<double> w{want.cmyk.c, want.cmyk.m, want.cmyk.y, want.cmyk.k};
    ASSERT_EQ(got.size(), 4u);
    for (size_t i = 0; i < 4; ++i)
        EXPECT_NEAR(got[i], w[i], 1e-4) << "at t " << t << " plate " << i;
}

TEST(PdfCmykShadings, GradientStopsBecomeTheConvertersCmyk) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       CairoPattern linear(cairo_pattern_create_linear(0, 0, 100, 0));
                                       cairo_pattern_add_color_stop_rgb(linear.get(), 0, 1, 0, 0);
                                       cairo_pattern_add_color_stop_rgb(linear.get(), 0.5, 0.2, 0.4, 0.6);
                                       cairo_pattern_add_color_stop_rgb(linear.get(), 1, 0, 0, 0);
                                       cairo_set_source(cr, linear.get());
                                       cairo_rectangle(cr, 0, 0, 100, 50);
                                       cairo_fill(cr);
                                   }}),
                                   inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<QPDFObjectHandle> shadings = cmyk_shadings(pdf);
    ASSERT_EQ(shadings.size(), 1u);
    QPDFObjectHandle function = shadings[0].getKey("/Function");
    // The stops exactly; between them, the converter's colour of the RGB
    // Cairo would have shown there (at the sampled points).
    auto rgb_at = [](double t) {
        const double a[3] = {1, 0, 0}, b[3] = {0.2, 0.4, 0.6}, c[3] = {0, 0, 0};
        const double* from = t <= 0.5 ? a : b;
        const double* to = t <= 0.5 ? b : c;
        const double u = t <= 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
        return std::array<double, 3>{from[0] + u * (to[0] - from[0]), from[1] + u * (to[1] - from[1]),
                                     from[2] + u * (to[2] - from[2])};
    };
    for (double t : {0.0, 0.125, 0.25, 0.5, 0.5625, 0.875, 1.0}) {
        const std::array<double, 3> rgb = rgb_at(t);
        expect_cmyk(evaluate(function, t), inks.vector_rgb(rgb[0], rgb[1], rgb[2]), t);
    }
}

TEST(PdfCmykShadings, ARampIsSampledThroughTheConverterNotInterpolatedInCmyk) {
    // Red to gray: the test converter puts neutrals on K and colours on
    // CMY, so halfway (0.75, 0.25, 0.25) is C25 M75 Y75 — where a straight
    // line between the converted stops would give M50 Y50 K25.
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       CairoPattern radial(cairo_pattern_create_radial(100, 100, 0, 100, 100, 80));
                                       cairo_pattern_add_color_stop_rgba(radial.get(), 0, 1, 0, 0, 1);
                                       cairo_pattern_add_color_stop_rgba(radial.get(), 1, 0.5, 0.5, 0.5, 0.2);
                                       cairo_set_source(cr, radial.get());
                                       cairo_paint(cr);
                                   }}),
                                   inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<QPDFObjectHandle> shadings = cmyk_shadings(pdf);
    ASSERT_EQ(shadings.size(), 1u);
    QPDFObjectHandle function = shadings[0].getKey("/Function");
    for (double t : {0.0, 0.25, 0.5, 1.0}) {
        const double r = 1 - 0.5 * t, gb = 0.5 * t;
        expect_cmyk(evaluate(function, t), inks.vector_rgb(r, gb, gb), t);
    }
}

TEST(PdfCmykShadings, SampledFunctionsAreConvertedSampleBySample) {
    const std::string input = hand_pdf("/Sh0 sh", [](QPDF& pdf) {
        QPDFObjectHandle function =
            QPDFObjectHandle::newStream(&pdf, std::string("\xff\x00\x00\x33\x66\x99", 6));
        function.getDict().replaceKey("/FunctionType", QPDFObjectHandle::newInteger(0));
        function.getDict().replaceKey("/Domain", QPDFObjectHandle::parse("[0 1]"));
        function.getDict().replaceKey("/Range", QPDFObjectHandle::parse("[0 1 0 1 0 1]"));
        function.getDict().replaceKey("/Size", QPDFObjectHandle::parse("[2]"));
        function.getDict().replaceKey("/BitsPerSample", QPDFObjectHandle::newInteger(8));
        QPDFObjectHandle shading = QPDFObjectHandle::parse(
            "<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 100 0] /Extend [true true] >>");
        shading.replaceKey("/Function", function);
        QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
        QPDFObjectHandle shadings = QPDFObjectHandle::newDictionary();
        shadings.replaceKey("/Sh0", shading);
        resources.replaceKey("/Shading", shadings);
        return resources;
    });
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    QPDFObjectHandle page = pdf.getAllPages()[0];
    QPDFObjectHandle function = page.getKey("/Resources").getKey("/Shading").getKey("/Sh0").getKey("/Function");
    ASSERT_TRUE(function.isStream());
    EXPECT_EQ(function.getDict().getKey("/Range").unparse(), "[ 0 1 0 1 0 1 0 1 ]");
    // (1,0,0) → C0 M100 Y100; (0.2,0.4,0.6) → C80 M60 Y40.
    EXPECT_EQ(stream_bytes(function), std::string("\x00\xff\xff\x00\xcc\x99\x66\x00", 8));
}


TEST(PdfCmykShadings, MeshPatternsGetCmykCornerColours) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       CairoPattern mesh(cairo_pattern_create_mesh());
                                       cairo_mesh_pattern_begin_patch(mesh.get());
                                       cairo_mesh_pattern_move_to(mesh.get(), 10, 10);
                                       cairo_mesh_pattern_line_to(mesh.get(), 90, 10);
                                       cairo_mesh_pattern_line_to(mesh.get(), 90, 90);
                                       cairo_mesh_pattern_line_to(mesh.get(), 10, 90);
                                       const double corners[4][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}};
                                       for (int i = 0; i < 4; ++i)
                                           cairo_mesh_pattern_set_corner_color_rgb(mesh.get(), i, corners[i][0],
                                                                                   corners[i][1], corners[i][2]);
                                       cairo_mesh_pattern_end_patch(mesh.get());
                                       cairo_set_source(cr, mesh.get());
                                       cairo_paint(cr);
                                   }}),
                                   inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    int meshes = 0;
    for (QPDFObjectHandle obj : pdf.getAllObjects()) {
        if (!obj.isStream() || !obj.getDict().getKey("/ShadingType").isInteger())
            continue;
        QPDFObjectHandle dict = obj.getDict();
        if (dict.getKey("/ColorSpace").isNameAndEquals("/DeviceGray"))
            continue;
        ++meshes;
        ASSERT_EQ(dict.getKey("/ShadingType").getIntValue(), 7);
        EXPECT_TRUE(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
        ASSERT_EQ(dict.getKey("/BitsPerFlag").getIntValue(), 8);
        ASSERT_EQ(dict.getKey("/BitsPerCoordinate").getIntValue(), 32);
        ASSERT_EQ(dict.getKey("/BitsPerComponent").getIntValue(), 16);
        EXPECT_EQ(dict.getKey("/Decode").getArrayNItems(), 4 + 8);
        const std::string data = stream_bytes(obj);
        ASSERT_EQ(data.size(), 1u + 16 * 8 + 4 * 4 * 2);
        std::vector<std::vector<int>> colours;
        for (size_t c = 0; c < 4; ++c) {
            std::vector<int> cmyk;
            for (size_t k = 0; k < 4; ++k) {
                const size_t at = 1 + 16 * 8 + (c * 4 + k) * 2;
                const int value = static_cast<unsigned char>(data[at]) << 8 | static_cast<unsigned char>(data[at + 1]);
                EXPECT_TRUE(value == 0 || value == 65535) << value;
                cmyk.push_back(value / 65535);
            }
            colours.push_back(cmyk);
        }
        // Cairo's corner order in the stream is its own; each corner is one
        // of the four converted colours, each once.
        std::sort(colours.begin(), colours.end());
        const std::vector<std::vector<int>> want{{0, 0, 1, 0}, {0, 1, 1, 0}, {1, 0, 1, 0}, {1, 1, 0, 0}};
        EXPECT_EQ(colours, want);
    }
    EXPECT_EQ(meshes, 1);
}

}  // namespace
}  // namespace koho::test
