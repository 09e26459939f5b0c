// The CMYK pass on containers of content: form XObjects and their
// transparency groups, Type 3 glyph procedures, annotation appearances.
#include <gtest/gtest.h>

#include "print/cmyk_fixtures.h"
#include "print/cmyk_reader.h"

namespace koho::test {
namespace {

QPDFObjectHandle form(QPDF& pdf, const std::string& content, const std::string& dict) {
    QPDFObjectHandle f = QPDFObjectHandle::newStream(&pdf, content);
    QPDFObjectHandle d = QPDFObjectHandle::parse(dict);
    for (const std::string& key : d.getKeys())
        f.getDict().replaceKey(key, d.getKey(key));
    f.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    f.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    f.getDict().replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 200 200]"));
    return f;
}

const char* kGroup = "<< /Group << /Type /Group /S /Transparency /I true /CS /DeviceRGB >> "
                     "/Resources << /ExtGState << /a0 << /CA 1 /ca 1 >> >> >> >>";

TEST(PdfCmykForms, AGroupPaintedOpaqueWithNothingTransparentInsideGoes) {
    const std::string input =
        hand_pdf("/a0 gs /Opaque Do /a1 gs /Faded Do /a0 gs /Inside Do /Again Do", [](QPDF& pdf) {
            QPDFObjectHandle x = QPDFObjectHandle::newDictionary();
            x.replaceKey("/Opaque", form(pdf, "/a0 gs 1 0 0 rg 0 0 10 10 re f", kGroup));
            x.replaceKey("/Faded", form(pdf, "/a0 gs 0 1 0 rg 0 0 10 10 re f", kGroup));
            QPDFObjectHandle inside = form(pdf, "/h gs 0 0 1 rg 0 0 10 10 re f", kGroup);
            inside.getDict().getKey("/Resources").getKey("/ExtGState").replaceKey(
                "/h", QPDFObjectHandle::parse("<< /ca 0.25 >>"));
            x.replaceKey("/Inside", inside);
            // Opaque again after its own alpha: that call of /a0 stays, in
            // a resources dictionary held directly by the form.
            QPDFObjectHandle again = form(pdf, "/h gs 0 0 1 rg 0 0 10 10 re f /a0 gs 0 0 1 1 re f", kGroup);
            again.getDict().getKey("/Resources").getKey("/ExtGState").replaceKey(
                "/h", QPDFObjectHandle::parse("<< /ca 0.25 >>"));
            x.replaceKey("/Again", again);
            QPDFObjectHandle r = QPDFObjectHandle::parse(
                "<< /ExtGState << /a0 << /CA 1 /ca 1 >> /a1 << /CA 0.5 /ca 0.5 >> >> >>");
            r.replaceKey("/XObject", x);
            return r;
        });
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    for (const std::string& problem : dangling_names(out.pdf))
        ADD_FAILURE() << "dangling " << problem;
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    QPDFObjectHandle page = pdf.getAllPages()[0];
    QPDFObjectHandle x = page.getKey("/Resources").getKey("/XObject");
    std::vector<std::string> again_calls;
    for (const Op& op : ops_of(x.getKey("/Again")))
        if (op.op == "gs")
            again_calls.push_back(op.operands.at(0).getName());
    EXPECT_EQ(again_calls, (std::vector<std::string>{"/h", "/a0"}));
    EXPECT_FALSE(x.getKey("/Opaque").getDict().hasKey("/Group"));
    EXPECT_TRUE(x.getKey("/Faded").getDict().getKey("/Group").getKey("/CS").isNameAndEquals("/DeviceCMYK"));
    EXPECT_TRUE(x.getKey("/Inside").getDict().getKey("/Group").getKey("/CS").isNameAndEquals("/DeviceCMYK"));
    // A group starts opaque: its own "/a0 gs" goes, and the opaque-only
    // state with it.
    for (const Op& op : ops_of(x.getKey("/Opaque")))
        EXPECT_NE(op.op, "gs");
    EXPECT_FALSE(x.getKey("/Opaque").getDict().getKey("/Resources").hasKey("/ExtGState"));
    // On the page, /a0 after /a1 restores opacity and stays.
    std::vector<std::string> calls;
    for (const Op& op : page_ops(pdf, 0))
        if (op.op == "gs")
            calls.push_back(op.operands.at(0).getName());
    EXPECT_EQ(calls, (std::vector<std::string>{"/a1", "/a0"}));
    const std::vector<std::string> want{"constant alpha 0.5", "constant alpha 0.25", "transparency group"};
    std::vector<std::string> found;
    for (const print::TransparencyUse& t : out.result.transparency) {
        EXPECT_EQ(t.page, 1);
        found.push_back(t.what);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> sorted_want = want;
    std::sort(sorted_want.begin(), sorted_want.end());
    EXPECT_EQ(found, sorted_want);
}

TEST(PdfCmykForms, WithoutAnyAlphaEveryOpaqueStateGoes) {
    // A plain form (no group) inherits its state; with no alpha below 1 in
    // the whole document, that state is opaque too.
    const std::string input = hand_pdf("/a0 gs /Plain Do /Legacy Do", [](QPDF& pdf) {
        QPDFObjectHandle x = QPDFObjectHandle::newDictionary();
        QPDFObjectHandle plain = form(pdf, "/a0 gs 1 0 0 rg 0 0 10 10 re f /Inner Do",
                                      "<< /Resources << /ExtGState << /a0 << /CA 1 /ca 1 >> >> >> >>");
        // A group inside: painted in an inherited state, known opaque here.
        QPDFObjectHandle inner_x = QPDFObjectHandle::newDictionary();
        inner_x.replaceKey("/Inner", form(pdf, "0 1 0 rg 0 0 5 5 re f", kGroup));
        plain.getDict().getKey("/Resources").replaceKey("/XObject", inner_x);
        x.replaceKey("/Plain", plain);
        // Without resources of its own: it names the page's.
        x.replaceKey("/Legacy", form(pdf, "/a0 gs 0 0 0 rg 0 0 10 10 re f", "<< >>"));
        QPDFObjectHandle r = QPDFObjectHandle::parse("<< /ExtGState << /a0 << /CA 1 /ca 1 >> >> >>");
        r.replaceKey("/XObject", x);
        return r;
    });
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    QPDFObjectHandle page = pdf.getAllPages()[0];
    for (const Op& op : page_ops(pdf, 0))
        EXPECT_NE(op.op, "gs");
    for (const Op& op : ops_of(page.getKey("/Resources").getKey("/XObject").getKey("/Plain")))
        EXPECT_NE(op.op, "gs");
    EXPECT_TRUE(out.result.transparency.empty());
    QPDFObjectHandle plain = page.getKey("/Resources").getKey("/XObject").getKey("/Plain");
    EXPECT_FALSE(plain.getDict().getKey("/Resources").getKey("/XObject").getKey("/Inner").getDict().hasKey("/Group"));
    // The legacy form's black overprints through a state in resources it
    // now has of its own.
    QPDFObjectHandle legacy = page.getKey("/Resources").getKey("/XObject").getKey("/Legacy");
    PaintSimulator sim;
    sim.run(legacy, legacy.getDict().getKey("/Resources"));
    ASSERT_EQ(sim.paints.size(), 1u);
    EXPECT_TRUE(sim.paints[0].fill_overprint);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
}

TEST(PdfCmykForms, Type3GlyphsAndAnnotationAppearancesAreConverted) {
    const std::string input = hand_pdf("BT /T3 12 Tf (a) Tj ET", [](QPDF& pdf) {
        QPDFObjectHandle glyph = QPDFObjectHandle::newStream(&pdf, std::string("0 0 d0 1 0 0 rg 0 0 1 1 re f"));
        QPDFObjectHandle font = QPDFObjectHandle::parse(
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] "
            "/Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1] >>");
        QPDFObjectHandle procs = QPDFObjectHandle::newDictionary();
        procs.replaceKey("/a", glyph);
        font.replaceKey("/CharProcs", procs);
        QPDFObjectHandle r = QPDFObjectHandle::newDictionary();
        QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
        fonts.replaceKey("/T3", pdf.makeIndirectObject(font));
        r.replaceKey("/Font", fonts);
        // The page is not there yet: the annotation is added below.
        QPDFObjectHandle appearance = form(pdf, "0 0 0 rg 0 0 5 5 re f", "<< >>");
        QPDFObjectHandle annot = QPDFObjectHandle::parse(
            "<< /Type /Annot /Subtype /Square /Rect [0 0 5 5] /C [1 0 0] >>");
        QPDFObjectHandle ap = QPDFObjectHandle::newDictionary();
        ap.replaceKey("/N", appearance);
        annot.replaceKey("/AP", ap);
        pdf.getRoot().replaceKey("/KohoTestAnnot", pdf.makeIndirectObject(annot));
        return r;
    });
    // Move the annotation onto the page.
    QPDF staged;
    staged.processMemoryFile("staged", input.data(), input.size());
    QPDFObjectHandle page = staged.getAllPages()[0];
    page.replaceKey("/Annots", QPDFObjectHandle::newArray({staged.getRoot().getKey("/KohoTestAnnot")}));
    staged.getRoot().removeKey("/KohoTestAnnot");
    const std::string with_annot = write_pdf(staged);

    TestInks inks;
    PassOutput out = run_cmyk_pass(with_annot, inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    QPDFObjectHandle converted = pdf.getAllPages()[0];
    QPDFObjectHandle glyph =
        converted.getKey("/Resources").getKey("/Font").getKey("/T3").getKey("/CharProcs").getKey("/a");
    std::vector<std::vector<double>> fills;
    for (const Op& op : ops_of(glyph))
        if (op.op == "k")
            fills.push_back(op.numbers());
    EXPECT_EQ(fills, (std::vector<std::vector<double>>{{0, 1, 1, 0}}));
    QPDFObjectHandle annot = converted.getKey("/Annots").getArrayItem(0);
    EXPECT_EQ(annot.getKey("/C").unparse(), "[ 0 1 1 0 ]");
    PaintSimulator sim;
    sim.run(annot.getKey("/AP").getKey("/N"), annot.getKey("/AP").getKey("/N").getDict().getKey("/Resources"));
    ASSERT_EQ(sim.paints.size(), 1u);
    EXPECT_EQ(sim.paints[0].fill, (std::vector<double>{0, 0, 0, 1}));
    EXPECT_TRUE(sim.paints[0].fill_overprint);
}

}  // namespace
}  // namespace koho::test
