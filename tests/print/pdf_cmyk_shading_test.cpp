// The CMYK pass on gradients: axial and radial shadings with their stitched
// functions, sampled functions, Cairo's mesh patterns. Read back with qpdf.
#include <gtest/gtest.h>

#include <algorithm>

#include "print/cmyk_fixtures.h"
#include "print/cmyk_reader.h"

namespace koho::test {
namespace {

// The colours of a shading's function, flattened: C0 and C1 of every
// type 2 piece in order.
std::vector<std::vector<double>> stops_of(QPDFObjectHandle function) {
    std::vector<std::vector<double>> out;
    const long long type = function.getKey("/FunctionType").getIntValue();
    if (type == 2) {
        for (const char* k : {"/C0", "/C1"}) {
            std::vector<double> c;
            for (QPDFObjectHandle v : function.getKey(k).getArrayAsVector())
                c.push_back(v.getNumericValue());
            out.push_back(c);
        }
    } else if (type == 3) {
        for (QPDFObjectHandle piece : function.getKey("/Functions").getArrayAsVector())
            for (auto& c : stops_of(piece))
                out.push_back(c);
    }
    return out;
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
                                       CairoPattern radial(cairo_pattern_create_radial(50, 150, 0, 50, 150, 40));
                                       cairo_pattern_add_color_stop_rgba(radial.get(), 0, 0, 1, 0, 1);
                                       cairo_pattern_add_color_stop_rgba(radial.get(), 1, 1, 1, 0, 0.2);
                                       cairo_set_source(cr, radial.get());
                                       cairo_rectangle(cr, 0, 100, 100, 100);
                                       cairo_fill(cr);
                                   }}),
                                   inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<std::vector<std::vector<double>>> found;
    for (QPDFObjectHandle obj : pdf.getAllObjects()) {
        if (!obj.isDictionary() || !obj.hasKey("/ShadingType"))
            continue;
        if (obj.getKey("/ColorSpace").isNameAndEquals("/DeviceGray"))
            continue;  // the radial gradient's alpha, inside its soft mask
        EXPECT_TRUE(obj.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
        found.push_back(stops_of(obj.getKey("/Function")));
    }
    const std::vector<std::vector<std::vector<double>>> want_linear{
        {{0, 1, 1, 0}, {0.8, 0.6, 0.4, 0}, {0.8, 0.6, 0.4, 0}, {0, 0, 0, 1}}};
    const std::vector<std::vector<double>> want_radial{{1, 0, 1, 0}, {0, 0, 1, 0}};
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE((found[0] == want_linear[0] && found[1] == want_radial) ||
                (found[1] == want_linear[0] && found[0] == want_radial));
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
