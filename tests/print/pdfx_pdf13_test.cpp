// The PDF 1.3 check before PDF/X-1a is written: each newer feature, put in
// a PDF on purpose, is refused with the page it is on; a clean page and the
// keys apply_pdfx adds for X-1a pass.
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <functional>

#include "core/diagnostic.h"
#include "pdfx_fixtures.h"
#include "print/pdfx.h"
#include "print/pdfx_transparency.h"

namespace koho::print {
namespace {

using namespace pdfx_test;

const char* const kPdf13Advice = ", which PDF/X-1a (PDF 1.3) cannot carry; use --pdfx 4 or remove it";

// Two pages, each filling a square through its own resources: as plain as
// PDF 1.3 gets.
void add_plain_pages(QPDF& pdf) {
    pdf.emptyPDF();
    QPDFPageDocumentHelper pages(pdf);
    for (int i = 0; i < 2; ++i) {
        QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
            "<< /Type /Page /MediaBox [0 0 200 200] /Resources << /ExtGState << /G0 << /OP true >> >> >> >>"));
        page.replaceKey("/Contents", pdf.newStream("/G0 gs 0 0 0 1 k 10 10 50 50 re f\n"));
        pages.addPage(page, false);
    }
}

// Page `index` (0-based), as a handle one can change.
QPDFObjectHandle page(QPDF& pdf, size_t index) {
    return pdf.getAllPages().at(index);
}

std::string refusal(QPDF& pdf) {
    try {
        refuse_features_above_pdf13(pdf, kDocument);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().file, "layouts/test.json");
        return e.message();
    }
    return "";
}

QPDFObjectHandle page2_extgstate(QPDF& pdf) {
    return page(pdf, 1).getKey("/Resources").getKey("/ExtGState").getKey("/G0");
}

QPDFObjectHandle add_image(QPDF& pdf, const char* dict) {
    QPDFObjectHandle image = pdf.newStream(std::string(12, '\0'));
    QPDFObjectHandle d = QPDFObjectHandle::parse(dict);
    for (const std::string& key : d.getKeys()) image.getDict().replaceKey(key, d.getKey(key));
    page(pdf, 1).getKey("/Resources").replaceKey("/XObject",
                                                         QPDFObjectHandle::parse("<< >>"));
    page(pdf, 1).getKey("/Resources").getKey("/XObject").replaceKey("/Im0", image);
    return image;
}

TEST(PdfxPdf13, PlainPagesAndTheX1aKeysPass) {
    QPDF pdf;
    add_plain_pages(pdf);
    EXPECT_EQ(refusal(pdf), "");
    apply_pdfx(pdf, x1a_options());
    EXPECT_EQ(refusal(pdf), "");
}

TEST(PdfxPdf13, CairosPageGroupIsRefused) {
    // Cairo 1.16 gives every page a transparency group; the CMYK pass
    // removes it when nothing needs it. Left in, it is PDF 1.4.
    const std::string input = cairo_pdf(1);
    QPDF pdf;
    pdf.processMemoryFile("cairo", input.data(), input.size());
    ASSERT_TRUE(page(pdf, 0).hasKey("/Group"));
    EXPECT_EQ(refusal(pdf), std::string("page 1 uses a transparency group (PDF 1.4)") + kPdf13Advice);
    page(pdf, 0).removeKey("/Group");
    EXPECT_EQ(refusal(pdf), "");
}

struct NewerFeatureCase {
    const char* name;
    std::function<void(QPDF&)> add;
    const char* message;
};

class EachNewerFeature : public ::testing::TestWithParam<NewerFeatureCase> {};

TEST_P(EachNewerFeature, IsRefusedWithItsPage) {
    QPDF pdf;
    add_plain_pages(pdf);
    GetParam().add(pdf);
    EXPECT_EQ(refusal(pdf), std::string(GetParam().message) + kPdf13Advice);
}

const NewerFeatureCase kNewerFeatures[] = {
    {"fill_alpha", [](QPDF& pdf) { page2_extgstate(pdf).replaceKey("/ca", QPDFObjectHandle::newReal("0.5")); },
     "page 2 uses constant alpha 0.5 (PDF 1.4)"},
    {"stroke_alpha", [](QPDF& pdf) { page2_extgstate(pdf).replaceKey("/CA", QPDFObjectHandle::newReal("0.25")); },
     "page 2 uses constant alpha 0.25 (PDF 1.4)"},
    {"blend_mode", [](QPDF& pdf) { page2_extgstate(pdf).replaceKey("/BM", QPDFObjectHandle::newName("/Multiply")); },
     "page 2 uses blend mode Multiply (PDF 1.4)"},
    {"gs_soft_mask",
     [](QPDF& pdf) {
         page2_extgstate(pdf).replaceKey("/SMask", QPDFObjectHandle::parse("<< /Type /Mask /S /Luminosity >>"));
     },
     "page 2 uses a soft mask (PDF 1.4)"},
    {"image_soft_mask",
     [](QPDF& pdf) {
         QPDFObjectHandle image = add_image(pdf, "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                                 "/ColorSpace /DeviceCMYK /BitsPerComponent 8 >>");
         image.getDict().replaceKey("/SMask", pdf.newStream(std::string(4, '\xff')));
     },
     "page 2 uses a soft mask (PDF 1.4)"},
    {"jpeg2000",
     [](QPDF& pdf) {
         add_image(pdf, "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /Filter /JPXDecode >>");
     },
     "page 2 uses a JPEG 2000 image (PDF 1.5)"},
    {"sixteen_bit",
     [](QPDF& pdf) {
         add_image(pdf, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceCMYK "
                        "/BitsPerComponent 16 >>");
     },
     "page 2 uses a 16-bit image (PDF 1.5)"},
    {"optional_content",
     [](QPDF& pdf) { pdf.getRoot().replaceKey("/OCProperties", QPDFObjectHandle::parse("<< /OCGs [] >>")); },
     "the PDF uses optional content (PDF 1.5)"},
    // What apply_pdfx adds for X-4 cannot go out as X-1a.
    {"xmp", [](QPDF& pdf) { apply_pdfx(pdf, x4_options()); }, "the PDF uses an XMP metadata stream (PDF 1.4)"},
};

INSTANTIATE_TEST_SUITE_P(PdfxPdf13, EachNewerFeature, ::testing::ValuesIn(kNewerFeatures),
                         [](const ::testing::TestParamInfo<NewerFeatureCase>& info) {
                             return std::string(info.param.name);
                         });

}  // namespace
}  // namespace koho::print
