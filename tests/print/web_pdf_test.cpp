// The web edition read back by independent readers: libqpdf for the
// structure tree, catalog, boxes, links and images; `qpdf --check` for
// soundness; poppler's pdftotext for the text and where the URL's glyphs are.
#include "print/web_pdf.h"

#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <regex>
#include <set>

#include "core/diagnostic.h"
#include "core/units.h"
#include "model/document.h"
#include "print/pdf_writer.h"
#include "print/web_artifacts.h"
#include "print/web_links.h"
#include "shape_items.h"
#include "test_support.h"
#include "web_pdf_fixtures.h"
#include "text/font_context.h"
#include "text/typesetter.h"

namespace koho::print {
namespace {

using test::mm;
using test::run_command;
using test::shell_quote;
using namespace test_web;

const std::string kUrl = "https://www.example.jp/recruit/2026";
const std::string kQrUrl = "https://www.example.jp/apply?from=qr";

struct Sample {
    std::vector<scene::PageScene> pages;
    scene::Rect qr_bounds;
};

const Sample& sample() {
    static const Sample* made = [] {
        auto* s = new Sample;
        text::Typesetter& typesetter = shared_typesetter();
        static const model::Style heading = style("Noto Serif CJK JP", 700, 20);
        static const model::Style body = style("Noto Sans CJK JP", 400, 11);
        s->pages.resize(2);
        scene::PageScene& p1 = s->pages[0];
        p1.trim_w_pt = 210 * mm;
        p1.trim_h_pt = 297 * mm;
        p1.bleed_pt = 3 * mm;
        // An artifact background running into the bleed.
        p1.items.push_back(shape_item(scene::ShapeKind::Rect, {-3 * mm, -3 * mm, 216 * mm, 303 * mm},
                                      Color::from_rgb(1, 0.97, 0.9)));
        p1.items.push_back(text_item(typesetter, heading, "子どもの未来を、千葉で。", 20 * mm, 20 * mm, "h1"));
        p1.items.push_back(
            text_item(typesetter, body, "募集要項は " + kUrl + " をご覧ください。", 20 * mm, 45 * mm));
        // A 2400 × 1600 photo placed 60 mm wide: 150 ppi needs 355 pixels.
        p1.items.push_back(image_item(synthetic_image(2400, 1600, false), {20 * mm, 70 * mm, 60 * mm, 40 * mm},
                                      {20 * mm, 70 * mm, 60 * mm, 40 * mm}, "面談室で話す職員"));
        // A cut-out with alpha, 800 px placed 20 mm: 119 pixels.
        p1.items.push_back(image_item(synthetic_image(800, 800, true), {100 * mm, 70 * mm, 20 * mm, 20 * mm},
                                      {100 * mm, 70 * mm, 20 * mm, 20 * mm}, "ロゴ"));
        // A QR code with its target.
        scene::Item qr = shape_item(scene::ShapeKind::Rects, {150 * mm, 70 * mm, 30 * mm, 30 * mm},
                                    Color::from_rgb(0, 0, 0));
        auto& qr_shape = std::get<scene::ShapeItem>(qr.what);
        qr_shape.fill = Color::from_rgb(0, 0, 0);
        qr_shape.backdrop = Color::from_rgb(1, 1, 1);
        for (int i = 0; i < 10; ++i) qr_shape.rects.push_back({150 * mm + i * 3 * mm, 70 * mm + i * 3 * mm, 3 * mm, 3 * mm});
        qr.link = kQrUrl;
        qr.alt = "応募フォームのQRコード";
        qr.role = "figure";  // as compose sets it for QR frames
        s->qr_bounds = qr_shape.bounds;
        p1.items.push_back(qr);
        // A rule: an artifact.
        p1.items.push_back(
            shape_item(scene::ShapeKind::Rect, {20 * mm, 120 * mm, 170 * mm, 0.5 * mm}, Color::from_rgb(0, 0, 0)));

        scene::PageScene& p2 = s->pages[1];
        p2.trim_w_pt = 210 * mm;
        p2.trim_h_pt = 297 * mm;
        p2.bleed_pt = 3 * mm;
        p2.items.push_back(text_item(typesetter, heading, "先輩の声", 20 * mm, 20 * mm, "h2"));
        p2.items.push_back(text_item(typesetter, body, "一人ひとりの子どもに向き合う仕事です。", 20 * mm, 45 * mm));
        // A portrait cropped to half of it: only the part that shows is kept.
        // 1000 px placed 100 mm wide, 50 mm of it shows: 296 pixels at 150 ppi.
        p2.items.push_back(image_item(synthetic_image(1000, 1000, false), {20 * mm, 80 * mm, 100 * mm, 100 * mm},
                                      {20 * mm, 80 * mm, 50 * mm, 50 * mm}, "先輩職員の写真"));
        return s;
    }();
    return *made;
}

WebPdfOptions sample_options() {
    WebPdfOptions options;
    options.title = "千葉県 児童福祉専門職 採用案内";
    options.creator = "koho test";
    options.date_epoch = 1700000000;
    return options;
}

class WebPdf : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        bytes_ = new std::string(render_web_pdf(sample().pages, sample_options()));
        dir_ = new test::TempDir("web-pdf");
        test::write_bytes(file(), *bytes_);
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete bytes_;
    }
    static std::filesystem::path file() { return dir_->path() / "web.pdf"; }

    void SetUp() override {
        pdf_.processMemoryFile("web.pdf", bytes_->data(), bytes_->size());
    }

    static std::string* bytes_;
    static test::TempDir* dir_;
    QPDF pdf_;
};

std::string* WebPdf::bytes_ = nullptr;
test::TempDir* WebPdf::dir_ = nullptr;

TEST_F(WebPdf, StructureTreeFollowsTheDisplayListWithAltOnFigures) {
    QPDFObjectHandle root = pdf_.getRoot().getKey("/StructTreeRoot");
    ASSERT_TRUE(root.isDictionary());
    std::vector<std::string> tags;
    std::vector<QPDFObjectHandle> elements;
    structure_sequence(root, tags, elements);
    const std::vector<std::string> expected = {"/Document", "/H1",    "/P",  "/Span", "/Link", "/Figure",
                                               "/Figure",   "/Figure", "/Link", "/H2",  "/P",    "/Figure"};
    EXPECT_EQ(tags, expected);
    std::vector<std::string> alts;
    for (auto element : elements)
        if (element.getKey("/S").isNameAndEquals("/Figure")) alts.push_back(element.getKey("/Alt").getUTF8Value());
    EXPECT_EQ(alts, (std::vector<std::string>{"面談室で話す職員", "ロゴ", "応募フォームのQRコード", "先輩職員の写真"}));
    // Every element knows its parent: the Document's is the tree root.
    ASSERT_FALSE(elements.empty());
    EXPECT_EQ(elements[0].getKey("/P").getObjGen(), root.getObjGen());
    EXPECT_EQ(elements[1].getKey("/P").getObjGen(), elements[0].getObjGen());
}

TEST_F(WebPdf, CatalogHasLangMarkInfoDisplayDocTitleAndInfoTitle) {
    QPDFObjectHandle catalog = pdf_.getRoot();
    EXPECT_EQ(catalog.getKey("/Lang").getUTF8Value(), "ja");
    EXPECT_TRUE(catalog.getKey("/MarkInfo").getKey("/Marked").isBool());
    EXPECT_TRUE(catalog.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
    EXPECT_TRUE(catalog.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
    QPDFObjectHandle info = pdf_.getTrailer().getKey("/Info");
    EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "千葉県 児童福祉専門職 採用案内");
    EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20231114221320Z");
}

TEST_F(WebPdf, PagesAreTheTrimWithoutBleedOrMarks) {
    auto pages = pdf_.getAllPages();
    ASSERT_EQ(pages.size(), 2u);
    for (auto page : pages) {
        QPDFObjectHandle::Rectangle media = page.getKey("/MediaBox").getArrayAsRectangle();
        EXPECT_NEAR(media.llx, 0, 1e-3);
        EXPECT_NEAR(media.lly, 0, 1e-3);
        EXPECT_NEAR(media.urx, 210 * mm, 1e-3);
        EXPECT_NEAR(media.ury, 297 * mm, 1e-3);
        EXPECT_FALSE(page.hasKey("/BleedBox"));
        EXPECT_TRUE(page.getKey("/Tabs").isNameAndEquals("/S"));
    }
}

// The URL as a word in `pdftotext -bbox`: xMin yMin xMax yMax, y down.
std::array<double, 4> word_box(const std::filesystem::path& pdf, const std::string& word) {
    auto r = run_command("pdftotext -bbox -f 1 -l 1 " + shell_quote(pdf.string()) + " - 2>&1");
    std::regex pattern("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">" +
                       std::regex_replace(word, std::regex(R"([.?/])"), R"(\$&)") + "</word>");
    std::smatch m;
    if (!std::regex_search(r.output, m, pattern)) {
        ADD_FAILURE() << "no word " << word << " in\n" << r.output;
        return {0, 0, 0, 0};
    }
    return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

TEST_F(WebPdf, UrlInTextGetsALinkOverItsGlyphs) {
    auto links = links_of(pdf_.getAllPages()[0]);
    const Link* url = nullptr;
    for (const auto& link : links)
        if (link.uri == kUrl) url = &link;
    ASSERT_NE(url, nullptr) << "no link to " << kUrl;
    const double page_h = 297 * mm;
    auto word = word_box(file(), kUrl);
    // pdftotext's word box and the annotation (y up) cover the same glyphs.
    EXPECT_NEAR(url->rect.llx, word[0], 2.0);
    EXPECT_NEAR(url->rect.urx, word[2], 2.0);
    EXPECT_NEAR(page_h - url->rect.ury, word[1], 3.0);
    EXPECT_NEAR(page_h - url->rect.lly, word[3], 3.0);
}

TEST_F(WebPdf, ItemLinkCoversTheQrCode) {
    auto links = links_of(pdf_.getAllPages()[0]);
    ASSERT_EQ(links.size(), 2u);
    const Link* qr = nullptr;
    for (const auto& link : links)
        if (link.uri == kQrUrl) qr = &link;
    ASSERT_NE(qr, nullptr);
    const scene::Rect& b = sample().qr_bounds;
    const double page_h = 297 * mm;
    // Cairo 1.16 rounds link rectangles outwards to whole points: the
    // annotation covers the code and at most a point more on each side.
    EXPECT_LE(qr->rect.llx, b.x);
    EXPECT_GT(qr->rect.llx, b.x - 1);
    EXPECT_GE(qr->rect.urx, b.x + b.w);
    EXPECT_LT(qr->rect.urx, b.x + b.w + 1);
    EXPECT_GE(qr->rect.ury, page_h - b.y);
    EXPECT_LT(qr->rect.ury, page_h - b.y + 1);
    EXPECT_LE(qr->rect.lly, page_h - b.y - b.h);
    EXPECT_GT(qr->rect.lly, page_h - b.y - b.h - 1);
    EXPECT_TRUE(links_of(pdf_.getAllPages()[1]).empty());
}

TEST_F(WebPdf, QpdfCheckIsClean) {
    auto r = run_command("/usr/bin/qpdf --check " + shell_quote(file().string()) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(r.output.find("WARNING"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("No syntax or stream encoding errors"), std::string::npos) << r.output;
}

TEST_F(WebPdf, PicturesKeepNoMorePixelsThanTheirPlacedSizeNeeds) {
    auto page1 = images_of(pdf_.getAllPages()[0]);
    ASSERT_EQ(page1.size(), 2u);
    // The photo: 60 mm × 40 mm at 150 ppi = 354.3 × 236.2 pixels, JPEG.
    EXPECT_EQ(page1[0].width, 355);
    EXPECT_EQ(page1[0].height, 237);
    EXPECT_EQ(page1[0].filter, "/DCTDecode");
    EXPECT_EQ(page1[0].colorspace, "/DeviceRGB");
    EXPECT_FALSE(page1[0].smask);
    // The cut-out: 20 mm = 118.1 pixels, pixels with a soft mask (not JPEG).
    EXPECT_EQ(page1[1].width, 119);
    EXPECT_EQ(page1[1].height, 119);
    EXPECT_NE(page1[1].filter, "/DCTDecode");
    EXPECT_TRUE(page1[1].smask);
    // The crop: the 50 mm that shows of a 1000 px picture placed 100 mm
    // wide: 500 source pixels, 296 at 150 ppi.
    auto page2 = images_of(pdf_.getAllPages()[1]);
    ASSERT_EQ(page2.size(), 1u);
    EXPECT_EQ(page2[0].width, 296);
    EXPECT_EQ(page2[0].height, 296);
    EXPECT_EQ(page2[0].filter, "/DCTDecode");
}

TEST_F(WebPdf, HigherPpiKeepsMorePixels) {
    WebPdfOptions options = sample_options();
    options.max_image_ppi = 300;
    const std::string bytes = render_web_pdf(sample().pages, options);
    QPDF pdf;
    pdf.processMemoryFile("web300.pdf", bytes.data(), bytes.size());
    auto page1 = images_of(pdf.getAllPages()[0]);
    ASSERT_EQ(page1.size(), 2u);
    EXPECT_EQ(page1[0].width, 709);  // 60 mm at 300 ppi
    EXPECT_GT(bytes.size(), bytes_->size());
}

TEST_F(WebPdf, NothingIsCmyk) {
    for (auto& object : pdf_.getAllObjects()) {
        std::string text = object.isStream() ? object.getDict().unparse() : object.unparse();
        EXPECT_EQ(text.find("DeviceCMYK"), std::string::npos) << text;
    }
    // No CMYK colour operators in the pages either: colours stay RGB.
    for (auto page : pdf_.getAllPages()) {
        auto data = page.getKey("/Contents").getStreamData(qpdf_dl_generalized);
        std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        EXPECT_NE(content.find(" rg"), std::string::npos);
        EXPECT_FALSE(std::regex_search(content, std::regex("(^|\\s)[kK](\\s|$)"))) << content;
    }
}

TEST_F(WebPdf, SameInputsGiveTheSameBytes) {
    EXPECT_EQ(render_web_pdf(sample().pages, sample_options()), *bytes_);
}

TEST_F(WebPdf, TextExtractsInReadingOrder) {
    auto r = run_command("pdftotext -raw " + shell_quote(file().string()) + " - 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::string text = std::regex_replace(r.output, std::regex("\\s+"), "");
    size_t h1 = text.find("子どもの未来を、千葉で。");
    size_t p = text.find("募集要項は" + kUrl + "をご覧ください。");
    size_t h2 = text.find("先輩の声");
    size_t p2 = text.find("一人ひとりの子どもに向き合う仕事です。");
    ASSERT_NE(h1, std::string::npos) << r.output;
    ASSERT_NE(p, std::string::npos) << r.output;
    ASSERT_NE(h2, std::string::npos) << r.output;
    ASSERT_NE(p2, std::string::npos) << r.output;
    EXPECT_LT(h1, p);
    EXPECT_LT(p, h2);
    EXPECT_LT(h2, p2);
}

TEST_F(WebPdf, DecorationIsMarkedAsArtifact) {
    QPDFObjectHandle page = pdf_.getAllPages()[0];
    std::string content;
    {
        auto data = page.getKey("/Contents").getStreamData(qpdf_dl_generalized);
        content.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    }
    // The background and the rule are the two artifacts of page 1.
    size_t artifacts = 0;
    for (size_t at = content.find("/Artifact BMC"); at != std::string::npos;
         at = content.find("/Artifact BMC", at + 1))
        ++artifacts;
    EXPECT_GE(artifacts, 2u) << content;
}

TEST_F(WebPdf, IsMuchSmallerThanThePrintEdition) {
    PdfOptions print_options;
    print_options.title = "print";
    print_options.date_epoch = 1700000000;
    const std::string print_pdf = render_pdf(sample().pages, print_options);
    EXPECT_LT(bytes_->size() * 4, print_pdf.size()) << "web " << bytes_->size() << " print " << print_pdf.size();
}

TEST(WebPdfRoles, UnknownRoleIsAnInputErrorAtTheFrame) {
    scene::PageScene page;
    page.trim_w_pt = page.trim_h_pt = 100;
    scene::Item item = shape_item(scene::ShapeKind::Rect, {0, 0, 10, 10}, Color::from_rgb(0, 0, 0));
    item.role = "heading";
    item.frame_id = "title";
    item.where = SourceLoc{"layout.json", 3, 5, "/pages/0/frames/1"};
    page.items.push_back(item);
    try {
        render_web_pdf({page}, {});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(e.message().find("'heading'"), std::string::npos) << e.message();
        EXPECT_EQ(e.loc().pointer, "/pages/0/frames/1");
    }
}

TEST(WebPdfUrls, FindsHttpAndHttpsAddressesAndLeavesSentencePunctuation) {
    auto urls = [](std::string_view text) {
        std::vector<std::string> out;
        for (auto span : detail::find_urls(text)) out.emplace_back(text.substr(span.begin, span.end - span.begin));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(urls("詳しくはhttps://a.example.jp/x?y=1。"), V{"https://a.example.jp/x?y=1"});
    EXPECT_EQ(urls("See http://a.jp/b."), V{"http://a.jp/b"});
    EXPECT_EQ(urls("(see https://a.jp/b)"), V{"https://a.jp/b"});
    EXPECT_EQ(urls("https://ja.wikipedia.org/wiki/A_(b)"), V{"https://ja.wikipedia.org/wiki/A_(b)"});
    EXPECT_EQ(urls("URL:HTTPS://A.JP/ and https://b.jp"), (V{"HTTPS://A.JP/", "https://b.jp"}));
    EXPECT_EQ(urls("xhttp://a.jp https:// ftp://a.jp"), V{});
    EXPECT_EQ(urls("「https://a.jp/b」"), V{"https://a.jp/b"});
}

TEST(WebPdfUrls, UriIsSevenBitAscii) {
    EXPECT_EQ(detail::ascii_uri("https://例.jp/a b'c"), "https://%E4%BE%8B.jp/a%20b%27c");
}

TEST(WebPdfArtifacts, PaintingOutsideMarkedContentBecomesArtifact) {
    const std::string in =
        "q 1 0 0 rg 0 0 10 10 re f /P <</MCID 0>> BDC BT /F1 1 Tf (a) Tj ET EMC "
        "0 0 5 5 re W n BT (b) Tj ET /x0 Do Q";
    const std::string out = detail::mark_artifacts_in(in);
    EXPECT_EQ(out,
              "q 1 0 0 rg\n/Artifact BMC 0 0 10 10 re f\nEMC /P <</MCID 0>> BDC BT /F1 1 Tf (a) Tj ET EMC "
              "0 0 5 5 re W n\n/Artifact BMC BT (b) Tj ET\nEMC\n/Artifact BMC /x0 Do\nEMC Q");
}

TEST(WebPdfArtifacts, TextObjectHoldingMarkedContentIsLeftAlone) {
    const std::string in = "BT /P <</MCID 0>> BDC (a) Tj EMC ET";
    EXPECT_EQ(detail::mark_artifacts_in(in), in);
}

}  // namespace
}  // namespace koho::print
