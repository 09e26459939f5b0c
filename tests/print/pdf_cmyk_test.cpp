// The CMYK pass on what Cairo 1.16 writes: colour operators, overprint,
// transparency clean-up and report, errors. Read back with qpdf.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/diagnostic.h"
#include "print/cmyk_fixtures.h"
#include "print/cmyk_reader.h"

namespace koho::test {
namespace {

// Everything Cairo writes for the scene module, on one page; a second,
// opaque page shares the photo.
std::string kitchen_sink() {
    static const std::string jpeg = solid_jpeg(8, 8, 200, 50, 30);
    // One surface on both pages: Cairo writes the photo once.
    static CairoSurface photo = jpeg_surface(jpeg, 8, 8);
    return cairo_pdf({
        [](cairo_t* cr) {
            fill_rect(cr, 1, 0, 0, 10, 10, 40, 40);
            cairo_set_source_rgb(cr, 0, 0, 1);
            cairo_set_line_width(cr, 2);
            cairo_rectangle(cr, 60, 10, 40, 40);
            cairo_stroke(cr);
            fill_rect(cr, 0.5, 0.5, 0.5, 110, 10, 20, 20);
            show_text(cr, 0, 0, 0, 10, 80, "Kana");
            cairo_set_source_rgba(cr, 0, 1, 0, 0.5);
            cairo_rectangle(cr, 140, 10, 20, 20);
            cairo_fill(cr);
            CairoPattern linear(cairo_pattern_create_linear(0, 90, 100, 90));
            cairo_pattern_add_color_stop_rgb(linear.get(), 0, 1, 0, 0);
            cairo_pattern_add_color_stop_rgb(linear.get(), 0.5, 0, 1, 0);
            cairo_pattern_add_color_stop_rgb(linear.get(), 1, 0, 0, 1);
            cairo_set_source(cr, linear.get());
            cairo_rectangle(cr, 0, 90, 100, 10);
            cairo_fill(cr);
            CairoPattern radial(cairo_pattern_create_radial(150, 150, 0, 150, 150, 30));
            cairo_pattern_add_color_stop_rgba(radial.get(), 0, 1, 1, 0, 1);
            cairo_pattern_add_color_stop_rgba(radial.get(), 1, 0, 0, 1, 0);
            cairo_set_source(cr, radial.get());
            cairo_rectangle(cr, 120, 120, 60, 60);
            cairo_fill(cr);
            cairo_push_group(cr);
            fill_rect(cr, 1, 0, 1, 10, 110, 30, 30);
            cairo_pop_group_to_source(cr);
            cairo_paint_with_alpha(cr, 0.5);
            CairoSurface alpha = solid_surface(4, 4, 0x80, 0x20, 0x40, 0x80);
            cairo_set_source_surface(cr, alpha.get(), 50, 110);
            cairo_paint(cr);
            CairoSurface opaque = solid_surface(4, 4, 0x20, 0x40, 0x60);
            cairo_save(cr);
            cairo_translate(cr, 60, 110);
            cairo_scale(cr, 5, 5);
            cairo_set_source_surface(cr, opaque.get(), 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
            cairo_save(cr);
            cairo_translate(cr, 90, 140);
            cairo_scale(cr, 2, 2);
            cairo_set_source_surface(cr, photo.get(), 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
            cairo_save(cr);
            cairo_arc(cr, 30, 170, 20, 0, 6.28);
            cairo_clip(cr);
            CairoPattern tiles(cairo_pattern_create_for_surface(opaque.get()));
            cairo_pattern_set_extend(tiles.get(), CAIRO_EXTEND_REPEAT);
            cairo_set_source(cr, tiles.get());
            cairo_paint(cr);
            cairo_restore(cr);
            cairo_set_source_rgb(cr, 0, 0.5, 0);
            cairo_mask(cr, radial.get());
            cairo_set_source(cr, linear.get());
            cairo_set_line_width(cr, 4);
            cairo_rectangle(cr, 5, 5, 190, 190);
            cairo_stroke(cr);
            cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
            fill_rect(cr, 0.9, 0.1, 0.1, 170, 60, 20, 20);
            cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
        },
        [](cairo_t* cr) {
            fill_rect(cr, 0, 0, 0, 10, 10, 50, 50);
            cairo_set_source_surface(cr, photo.get(), 100, 100);
            cairo_paint(cr);
        },
    });
}

std::vector<std::string> transparency_on(const print::CmykPassResult& result, int page) {
    std::vector<std::string> out;
    for (const print::TransparencyUse& t : result.transparency)
        if (t.page == page)
            out.push_back(t.what);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(PdfCmyk, NoRgbLeftAnywhereInCairosConstructs) {
    const std::string input = kitchen_sink();
    ASSERT_FALSE(rgb_left(input).empty()) << "the fixture should start in RGB";
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    for (const std::string& problem : rgb_left(out.pdf))
        ADD_FAILURE() << problem;
    for (const std::string& problem : dangling_names(out.pdf))
        ADD_FAILURE() << "dangling " << problem;
    EXPECT_GT(out.result.colours_rewritten, 10);
    // The two RGB images and the photo, the photo once although two pages
    // show it.
    EXPECT_EQ(out.result.images_converted, 3);
}

TEST(PdfCmyk, ColourOperatorsBecomeTheConvertersCmyk) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       fill_rect(cr, 1, 0, 0, 0, 0, 10, 10);
                                       fill_rect(cr, 0.2, 0.4, 0.6, 20, 0, 10, 10);
                                       fill_rect(cr, 0.5, 0.5, 0.5, 40, 0, 10, 10);
                                       cairo_set_source_rgb(cr, 0, 0, 1);
                                       cairo_rectangle(cr, 60, 0, 10, 10);
                                       cairo_stroke(cr);
                                   }}),
                                   inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<std::vector<double>> fills, strokes;
    for (const Op& op : page_ops(pdf, 0)) {
        EXPECT_NE(op.op, "rg");
        EXPECT_NE(op.op, "RG");
        if (op.op == "k")
            fills.push_back(op.numbers());
        if (op.op == "K")
            strokes.push_back(op.numbers());
    }
    const std::vector<std::vector<double>> want_fills{{0, 1, 1, 0}, {0.8, 0.6, 0.4, 0}, {0, 0, 0, 0.5}};
    EXPECT_EQ(fills, want_fills);
    const std::vector<std::vector<double>> want_strokes{{1, 1, 0, 0}};
    EXPECT_EQ(strokes, want_strokes);
}

TEST(PdfCmyk, BlackTextIsK100AndOverprintsExactlyWhereAsked) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       fill_rect(cr, 1, 0, 0, 0, 0, 200, 100);
                                       show_text(cr, 0, 0, 0, 10, 50, "Black");
                                       fill_rect(cr, 0, 0, 1, 0, 120, 50, 50);
                                       cairo_set_source_rgb(cr, 0, 0, 0);
                                       cairo_rectangle(cr, 60, 120, 50, 50);
                                       cairo_stroke(cr);
                                       show_text(cr, 1, 0, 0, 10, 190, "Red");
                                   }}),
                                   inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    int black_paints = 0, other_paints = 0;
    for (const Paint& p : simulate_page(pdf, 0)) {
        const bool stroke = p.op == "S" || p.op == "s";
        const std::vector<double>& colour = stroke ? p.stroke : p.fill;
        const bool overprint = stroke ? p.stroke_overprint : p.fill_overprint;
        const bool black = colour == std::vector<double>{0, 0, 0, 1};
        (black ? black_paints : other_paints) += 1;
        EXPECT_EQ(overprint, black) << p.op << " in " << colour.size() << " components";
        if (overprint)
            EXPECT_EQ(p.overprint_mode, 1);
    }
    EXPECT_EQ(black_paints, 2);  // the text and the stroke
    EXPECT_EQ(other_paints, 3);
}

TEST(PdfCmyk, ImagesAndShadingsArePaintedWithoutOverprint) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       fill_rect(cr, 0, 0, 0, 0, 0, 50, 50);
                                       CairoSurface image = solid_surface(4, 4, 10, 200, 30);
                                       cairo_set_source_surface(cr, image.get(), 60, 60);
                                       cairo_paint(cr);
                                       fill_rect(cr, 0, 0, 0, 0, 100, 50, 50);
                                       CairoPattern linear(cairo_pattern_create_linear(0, 0, 100, 0));
                                       cairo_pattern_add_color_stop_rgb(linear.get(), 0, 1, 0, 0);
                                       cairo_pattern_add_color_stop_rgb(linear.get(), 1, 0, 0, 1);
                                       cairo_set_source(cr, linear.get());
                                       cairo_rectangle(cr, 100, 100, 50, 50);
                                       cairo_fill(cr);
                                   }}),
                                   inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<std::string> painted;
    for (const Paint& p : simulate_page(pdf, 0)) {
        painted.push_back(p.op);
        if (p.op == "Do" || p.op == "sh")
            EXPECT_FALSE(p.fill_overprint) << p.op << " " << p.name;
        else
            EXPECT_TRUE(p.fill_overprint) << p.op;
    }
    EXPECT_EQ(painted, (std::vector<std::string>{"f", "Do", "f", "sh"}));
}

TEST(PdfCmyk, QRestoresTheOverprintState) {
    // Cairo repeats colours after Q; hand-written streams need not.
    TestInks inks;
    const std::string content =
        "1 0 0 rg q 0 0 0 rg 0 0 10 10 re f Q 20 0 10 10 re f "
        "0 0 0 rg q 0 0 1 rg 40 0 10 10 re f Q 60 0 10 10 re f "
        "q 0 0 0 RG 0 20 m 100 20 l S Q 0 30 m 100 30 l S "
        // The input's own overprint state (not Cairo's, but tracked).
        "1 0 0 rg /Own gs 80 0 10 10 re f 0 0 1 rg 100 0 10 10 re f";
    PassOutput out = run_cmyk_pass(hand_pdf(content, "<< /ExtGState << /Own << /op true /OPM 1 >> >> >>"), inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<bool> fill_overprint, stroke_overprint;
    for (const Paint& p : simulate_page(pdf, 0)) {
        if (p.op == "f")
            fill_overprint.push_back(p.fill_overprint);
        if (p.op == "S")
            stroke_overprint.push_back(p.stroke_overprint);
    }
    EXPECT_EQ(fill_overprint, (std::vector<bool>{true, false, false, true, true, false}));
    // The second stroke paints in the initial colour (DeviceGray black,
    // which is ink K) without overprint: the state before q.
    EXPECT_EQ(stroke_overprint, (std::vector<bool>{true, false}));
}

TEST(PdfCmyk, GrayOperatorsAndRgbColourSpacesBecomeCmyk) {
    TestInks inks;
    const std::string content =
        "0.25 g 0 0 10 10 re f 0 G 0 0 m 10 10 l S "
        "/DeviceRGB cs 1 0 0 sc 0 0 10 10 re f /CS0 CS 0 1 0 SCN 0 0 m 5 5 l S "
        "/CS1 cs 0.5 sc 0 0 1 1 re f 0.2 sc 0 0 1 1 re f 1 0 0 rg 0 1 0 sc 0 0 1 1 re f";
    PassOutput out = run_cmyk_pass(
        hand_pdf(content,
                 [](QPDF& pdf) {
                     QPDFObjectHandle icc = QPDFObjectHandle::newStream(&pdf, std::string("not a real profile"));
                     icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
                     QPDFObjectHandle r = QPDFObjectHandle::parse("<< /ColorSpace << /CS1 /DeviceGray >> >>");
                     r.getKey("/ColorSpace")
                         .replaceKey("/CS0", QPDFObjectHandle::newArray(
                                                 {QPDFObjectHandle::newName("/ICCBased"), icc}));
                     return r;
                 }),
        inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::vector<std::string> seen;
    for (const Op& op : page_ops(pdf, 0)) {
        if (op.op == "k" || op.op == "K" || op.op == "sc" || op.op == "SCN") {
            std::string text = op.op;
            for (double v : op.numbers())
                text += " " + std::to_string(static_cast<int>(std::lround(v * 100)));
            seen.push_back(text);
        }
        if (op.op == "cs" || op.op == "CS")
            seen.push_back(op.op + " " + op.operands.at(0).getName());
    }
    const std::vector<std::string> want{"k 0 0 0 75",       "K 0 0 0 100",      "cs /DeviceCMYK",
                                        "sc 0 100 100 0",   "CS /DeviceCMYK",   "SCN 100 0 100 0",
                                        "cs /DeviceCMYK",   "sc 0 0 0 50",      "sc 0 0 0 80",
                                        "k 0 100 100 0",    "sc 100 0 100 0"};
    EXPECT_EQ(seen, want);
}

TEST(PdfCmyk, PageGroupGoesAndRealTransparencyIsReportedByPage) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(kitchen_sink(), inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    for (QPDFObjectHandle page : pdf.getAllPages())
        EXPECT_FALSE(page.hasKey("/Group"));
    const std::vector<std::string> first = transparency_on(out.result, 1);
    EXPECT_TRUE(contains(first, "constant alpha 0.5"));
    EXPECT_TRUE(contains(first, "soft mask"));
    EXPECT_TRUE(contains(first, "blend mode Multiply"));
    EXPECT_TRUE(contains(first, "image with soft mask (alpha)"));
    EXPECT_TRUE(transparency_on(out.result, 2).empty());
    // Soft-mask groups are DeviceGray, the others DeviceCMYK.
    for (QPDFObjectHandle obj : pdf.getAllObjects()) {
        if (!obj.isDictionary() || !obj.getKey("/S").isNameAndEquals("/Luminosity"))
            continue;
        EXPECT_TRUE(obj.getKey("/G").getDict().getKey("/Group").getKey("/CS").isNameAndEquals("/DeviceGray"));
    }
}

TEST(PdfCmyk, OpaqueExtGStatesAreDroppedWhereTheyChangeNothing) {
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       fill_rect(cr, 1, 0, 0, 0, 0, 10, 10);
                                       fill_rect(cr, 0, 1, 0, 20, 0, 10, 10);
                                   },
                                   [](cairo_t* cr) {
                                       cairo_set_source_rgba(cr, 1, 0, 0, 0.5);
                                       cairo_rectangle(cr, 0, 0, 10, 10);
                                       cairo_fill(cr);
                                       fill_rect(cr, 0, 1, 0, 20, 0, 10, 10);
                                   }}),
                                   inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    // Page 1: Cairo's /a0 (CA 1 ca 1) only repeated the initial state.
    for (const Op& op : page_ops(pdf, 0))
        EXPECT_NE(op.op, "gs");
    QPDFObjectHandle first = pdf.getAllPages()[0];
    EXPECT_FALSE(first.getKey("/Resources").hasKey("/ExtGState"));
    // Page 2: after alpha 0.5, "opaque" again is needed and kept.
    int calls = 0;
    for (const Op& op : page_ops(pdf, 1))
        calls += op.op == "gs";
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(transparency_on(out.result, 2), (std::vector<std::string>{"constant alpha 0.5"}));
    EXPECT_TRUE(transparency_on(out.result, 1).empty());
}

TEST(PdfCmyk, ConstructsThePassCannotConvertAreErrorsNamingThePage) {
    TestInks inks;
    const std::vector<std::pair<std::string, std::string>> cases{
        {"/L cs 50 0 0 sc 0 0 1 1 re f", "<< /ColorSpace << /L [/Lab << /WhitePoint [0.9505 1 1.089] >>] >> >>"},
        {"1 0 rg 0 0 1 1 re f", "<< >>"},
        {"BI /W 1 /H 1 /CS /RGB /BPC 8 ID \xff\x00\x00 EI", "<< >>"},
        {"/Sh0 sh", "<< /Shading << /Sh0 << /ShadingType 4 /ColorSpace /DeviceRGB /BitsPerCoordinate 8 "
                    "/BitsPerComponent 8 /BitsPerFlag 8 /Decode [0 1 0 1 0 1 0 1 0 1] >> >> >>"},
        {"/X cs 1 sc", "<< >>"},
    };
    for (const auto& [content, resources] : cases) {
        const std::string input = cairo_pdf({[](cairo_t* cr) { fill_rect(cr, 1, 0, 0, 0, 0, 1, 1); }});
        // The offending page is the second one.
        QPDF pdf;
        pdf.processMemoryFile("in", input.data(), input.size());
        QPDF hand;
        const std::string bad = hand_pdf(content, resources);
        hand.processMemoryFile("bad", bad.data(), bad.size());
        QPDFPageDocumentHelper(pdf).addPage(
            QPDFPageObjectHelper(pdf.copyForeignObject(QPDFObjectHandle(hand.getAllPages()[0]))), false);
        try {
            print::convert_to_cmyk(pdf, inks);
            ADD_FAILURE() << "no error for: " << content;
        } catch (const koho::Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Failure);
            EXPECT_NE(e.message().find("page 2:"), std::string::npos) << e.message();
        }
    }
}

TEST(PdfCmyk, OutputIsDeterministic) {
    TestInks inks;
    const std::string input = kitchen_sink();
    EXPECT_EQ(run_cmyk_pass(input, inks).pdf, run_cmyk_pass(input, inks).pdf);
}

}  // namespace
}  // namespace koho::test
