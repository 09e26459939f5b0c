// Saddle-stitch imposition: the page order against a model of folded
// sheets, and real imposed PDFs read back with qpdf and rendered with
// pdftoppm.
#include "print/impose.h"

#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <array>
#include <map>
#include <regex>
#include <set>

#include "booklet_pdf.h"
#include "core/diagnostic.h"
#include "core/units.h"
#include "shape_items.h"
#include "test_support.h"

namespace koho::print {
namespace {

using test::mm;
using test::kWhite;
using test::booklet_colour;
using test::BookletSpec;
using test::kBookletBleedGrey;
using test::make_booklet_pdf;
using test::run_command;
using test::shell_quote;
using test::TempDir;

// ---- page order --------------------------------------------------------

// The four halves of one sheet side: front left/right, back left/right.
struct Sheet {
    int front_left = 0, front_right = 0, back_left = 0, back_right = 0;
};

// Numbers the pages by leafing through a folded stack of `sheets` nested
// sheets (sheet 0 outermost), the front of each sheet facing out. Turning a
// sheet over about its vertical axis puts the back's left half behind the
// front's right half.
//
// Left binding: the spine is on the cover's left, so the first half of the
// book is the sheets' right halves, outermost first (recto = front right,
// verso = back left), and the second half their left halves, innermost
// first (recto = back right, verso = front left). Right binding is the
// same book read from the other side: left halves first.
std::vector<Sheet> fold(int sheets, Binding binding) {
    std::vector<Sheet> stack(sheets);
    int page = 0;
    for (int k = 0; k < sheets; ++k) {
        if (binding == Binding::Left) {
            stack[k].front_right = ++page;
            stack[k].back_left = ++page;
        } else {
            stack[k].front_left = ++page;
            stack[k].back_right = ++page;
        }
    }
    for (int k = sheets - 1; k >= 0; --k) {
        if (binding == Binding::Left) {
            stack[k].back_right = ++page;
            stack[k].front_left = ++page;
        } else {
            stack[k].back_left = ++page;
            stack[k].front_right = ++page;
        }
    }
    return stack;
}

TEST(SaddleStitchOrder, MatchesFoldedSheets) {
    for (Binding binding : {Binding::Left, Binding::Right}) {
        for (int pages : {4, 8, 12, 16, 32}) {
            const auto sides = saddle_stitch_order(pages, binding);
            const auto stack = fold(pages / 4, binding);
            ASSERT_EQ(sides.size(), stack.size() * 2) << pages;
            for (size_t k = 0; k < stack.size(); ++k) {
                SCOPED_TRACE("pages " + std::to_string(pages) + " sheet " + std::to_string(k + 1) +
                             (binding == Binding::Left ? " left" : " right"));
                EXPECT_EQ(sides[2 * k], std::make_pair(stack[k].front_left, stack[k].front_right));
                EXPECT_EQ(sides[2 * k + 1], std::make_pair(stack[k].back_left, stack[k].back_right));
            }
        }
    }
}

TEST(SaddleStitchOrder, EightPagesAsPrintShopsWriteThem) {
    using P = std::pair<int, int>;
    EXPECT_EQ(saddle_stitch_order(8, Binding::Left), (std::vector<P>{{8, 1}, {2, 7}, {6, 3}, {4, 5}}));
    EXPECT_EQ(saddle_stitch_order(8, Binding::Right), (std::vector<P>{{1, 8}, {7, 2}, {3, 6}, {5, 4}}));
}

TEST(SaddleStitchOrder, EverySideFacesItsPartnerAcrossTheSpine) {
    // Facing halves of a folded sheet always add up to pages + 1, and every
    // page appears exactly once.
    for (int pages : {4, 12, 20}) {
        std::set<int> seen;
        for (const auto& [l, r] : saddle_stitch_order(pages, Binding::Left)) {
            EXPECT_EQ(l + r, pages + 1);
            seen.insert(l);
            seen.insert(r);
        }
        EXPECT_EQ(seen.size(), static_cast<size_t>(pages));
        EXPECT_EQ(*seen.begin(), 1);
        EXPECT_EQ(*seen.rbegin(), pages);
    }
}

TEST(SaddleStitchOrder, RefusesCountsThatAreNotAMultipleOfFour) {
    for (int pages : {0, -4, 2, 6, 10}) {
        try {
            saddle_stitch_order(pages, Binding::Left);
            ADD_FAILURE() << pages;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.message(),
                      "a saddle-stitched booklet needs a multiple of 4 pages, not " + std::to_string(pages));
        }
    }
}

TEST(BookletPages, BlanksGoBeforeTheBackCover) {
    EXPECT_EQ(booklet_pages(8, false), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8}));
    EXPECT_EQ(booklet_pages(8, true), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8}));
    EXPECT_EQ(booklet_pages(6, true), (std::vector<int>{1, 2, 3, 4, 5, 0, 0, 6}));
    EXPECT_EQ(booklet_pages(5, true), (std::vector<int>{1, 2, 3, 4, 0, 0, 0, 5}));
    EXPECT_EQ(booklet_pages(3, true), (std::vector<int>{1, 2, 0, 3}));
    EXPECT_EQ(booklet_pages(1, true), (std::vector<int>{1, 0, 0, 0}));
}

TEST(BookletPages, RefusesAnUnpaddedOddCount) {
    try {
        booklet_pages(7, false);
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(),
                  "the PDF has 7 pages; a saddle-stitched booklet needs a multiple of 4 (--pad adds 1 "
                  "blank page before the back cover)");
    }
    try {
        booklet_pages(0, true);
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.message(), "the PDF has no pages to impose");
    }
}

// ---- imposed PDFs -------------------------------------------------------

std::array<double, 4> box_of(QPDFObjectHandle page, const char* key) {
    QPDFObjectHandle array = page.getKey(key);
    std::array<double, 4> out{-1, -1, -1, -1};
    if (!array.isArray() || array.getArrayNItems() != 4) return out;
    for (int i = 0; i < 4; ++i) out[i] = array.getArrayItem(i).getNumericValue();
    return out;
}

void expect_box(const std::array<double, 4>& got, std::array<double, 4> want_mm, const char* what) {
    for (int i = 0; i < 4; ++i) EXPECT_NEAR(got[i], want_mm[i] * mm, 1e-3) << what << " [" << i << "]";
}

// A rendered sheet: pdftoppm at 5 px per mm, read back from PPM.
class Raster {
public:
    Raster(const std::string& pdf_bytes, int page, const std::filesystem::path& dir) {
        const auto pdf = dir / "sheet.pdf";
        test::write_bytes(pdf, pdf_bytes);
        const auto stem = dir / ("sheet-" + std::to_string(page));
        const auto r = run_command("pdftoppm -r 127 -f " + std::to_string(page) + " -l " +
                                   std::to_string(page) + " -singlefile " + shell_quote(pdf.string()) +
                                   " " + shell_quote(stem.string()) + " 2>&1");
        EXPECT_EQ(r.exit_code, 0) << r.output;
        const std::string ppm = test::read_bytes(stem.string() + ".ppm");
        // "P6\nW H\n255\n" then RGB triples.
        std::istringstream in(ppm);
        std::string magic;
        int maxval = 0;
        in >> magic >> width_ >> height_ >> maxval;
        in.get();
        EXPECT_EQ(magic, "P6");
        pixels_ = ppm.substr(static_cast<size_t>(in.tellg()));
        EXPECT_EQ(pixels_.size(), static_cast<size_t>(width_) * height_ * 3);
    }
    int width() const { return width_; }
    int height() const { return height_; }
    // The pixel at (x, y) mm from the sheet's top-left corner.
    std::array<int, 3> at_mm(double x, double y) const {
        const int px = static_cast<int>(x * 5), py = static_cast<int>(y * 5);
        if (px < 0 || py < 0 || px >= width_ || py >= height_) return {-1, -1, -1};
        const size_t i = (static_cast<size_t>(py) * width_ + px) * 3;
        return {static_cast<unsigned char>(pixels_[i]), static_cast<unsigned char>(pixels_[i + 1]),
                static_cast<unsigned char>(pixels_[i + 2])};
    }

private:
    int width_ = 0, height_ = 0;
    std::string pixels_;
};

::testing::AssertionResult near_colour(std::array<int, 3> got, std::array<int, 3> want) {
    for (int i = 0; i < 3; ++i) {
        if (std::abs(got[i] - want[i]) > 12)
            return ::testing::AssertionFailure() << "got (" << got[0] << "," << got[1] << "," << got[2]
                                                 << ") want (" << want[0] << "," << want[1] << ","
                                                 << want[2] << ")";
    }
    return ::testing::AssertionSuccess();
}

// The test booklet's sheet, in mm from its top-left corner: 13 mm of margin
// for the marks, 3 mm of bleed, then two 50 × 70 mm trims.
constexpr double kTrimLeft = 16, kSpine = 66, kTrimRight = 116, kTrimTop = 16, kTrimBottom = 86;
constexpr double kMiddle = (kTrimTop + kTrimBottom) / 2;

void expect_sheet_shows(const Raster& sheet, int left, int right, const std::string& what) {
    SCOPED_TRACE(what);
    auto colour = [](int page) { return page == 0 ? kWhite : booklet_colour(page); };
    EXPECT_TRUE(near_colour(sheet.at_mm(kTrimLeft + 25, kMiddle), colour(left))) << "left half";
    EXPECT_TRUE(near_colour(sheet.at_mm(kSpine + 25, kMiddle), colour(right))) << "right half";
    // Nothing crosses the spine: each page is cut at its trim there, so
    // neither page's grey bleed shows on the other's side.
    EXPECT_TRUE(near_colour(sheet.at_mm(kSpine - 1.5, kMiddle), colour(left))) << "left of the spine";
    EXPECT_TRUE(near_colour(sheet.at_mm(kSpine + 1.5, kMiddle), colour(right))) << "right of the spine";
    // The outer edges keep their bleed (white where the page is blank)…
    const auto bleed = [&](int page) { return page == 0 ? kWhite : kBookletBleedGrey; };
    EXPECT_TRUE(near_colour(sheet.at_mm(kTrimLeft - 1.5, kMiddle), bleed(left))) << "outer bleed, left";
    EXPECT_TRUE(near_colour(sheet.at_mm(kTrimRight + 1.5, kMiddle), bleed(right))) << "outer bleed, right";
    EXPECT_TRUE(near_colour(sheet.at_mm(kTrimLeft + 25, kTrimTop - 1.5), bleed(left))) << "top bleed";
    EXPECT_TRUE(near_colour(sheet.at_mm(kSpine + 25, kTrimBottom + 1.5), bleed(right))) << "bottom bleed";
    // … and nothing of them lies beyond it.
    EXPECT_TRUE(near_colour(sheet.at_mm(kTrimLeft - 5, kMiddle - 15), kWhite)) << "beyond the bleed";
    EXPECT_TRUE(near_colour(sheet.at_mm(kTrimRight + 5, kMiddle + 15), kWhite)) << "beyond the bleed";
}

TEST(Impose, EightPagesLeftBound) {
    const std::string imposed = impose_saddle_stitch(make_booklet_pdf({}), "booklet.pdf", {});
    QPDF pdf;
    pdf.processMemoryFile("imposed", imposed.data(), imposed.size());
    const auto sheets = pdf.getAllPages();
    ASSERT_EQ(sheets.size(), 4u);
    for (const auto& sheet : sheets) {
        // 2 × 50 mm by 70 mm, 3 mm of bleed, 13 mm of room for トンボ.
        expect_box(box_of(sheet, "/MediaBox"), {0, 0, 132, 102}, "MediaBox");
        expect_box(box_of(sheet, "/BleedBox"), {13, 13, 119, 89}, "BleedBox");
        expect_box(box_of(sheet, "/TrimBox"), {16, 16, 116, 86}, "TrimBox");
    }
    TempDir dir("impose-left");
    const std::array<std::pair<int, int>, 4> expected{{{8, 1}, {2, 7}, {6, 3}, {4, 5}}};
    for (int s = 0; s < 4; ++s) {
        const Raster raster(imposed, s + 1, dir.path());
        EXPECT_EQ(raster.width(), 660);
        expect_sheet_shows(raster, expected[s].first, expected[s].second, "sheet side " + std::to_string(s + 1));
    }
}

TEST(Impose, EightPagesRightBoundMirrorsEachSide) {
    ImposeOptions options;
    options.binding = Binding::Right;
    const std::string imposed = impose_saddle_stitch(make_booklet_pdf({}), "booklet.pdf", options);
    TempDir dir("impose-right");
    const std::array<std::pair<int, int>, 4> expected{{{1, 8}, {7, 2}, {3, 6}, {5, 4}}};
    for (int s = 0; s < 4; ++s) {
        const Raster raster(imposed, s + 1, dir.path());
        expect_sheet_shows(raster, expected[s].first, expected[s].second, "sheet side " + std::to_string(s + 1));
    }
}

TEST(Impose, PaddingLeavesTheBackCoverLast) {
    BookletSpec spec;
    spec.pages = 6;
    ImposeOptions options;
    options.pad_with_blanks = true;
    const std::string imposed = impose_saddle_stitch(make_booklet_pdf(spec), "six.pdf", options);
    TempDir dir("impose-pad");
    // Booklet 1 2 3 4 5 _ _ 6: sides {8,1} {2,7} {6,3} {4,5} of an 8-page book.
    const std::array<std::pair<int, int>, 4> expected{{{6, 1}, {2, 0}, {0, 3}, {4, 5}}};
    for (int s = 0; s < 4; ++s) {
        const Raster raster(imposed, s + 1, dir.path());
        expect_sheet_shows(raster, expected[s].first, expected[s].second, "sheet side " + std::to_string(s + 1));
    }
}

std::string contents_of(QPDFObjectHandle page) {
    auto buffer = page.getKey("/Contents").getStreamData();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

TEST(Impose, MarksAreRegistrationColourWithFoldMarksOnTheSpine) {
    const std::string imposed = impose_saddle_stitch(make_booklet_pdf({}), "booklet.pdf", {});
    QPDF pdf;
    pdf.processMemoryFile("imposed", imposed.data(), imposed.size());
    const std::string content = contents_of(pdf.getAllPages().front());
    EXPECT_NE(content.find("1 1 1 1 K"), std::string::npos) << content;
    EXPECT_EQ(content.find(" rg"), std::string::npos) << "no RGB on the sheet itself";
    EXPECT_EQ(content.find(" RG"), std::string::npos) << "no RGB on the sheet itself";

    // Vertical lines (x1 = x2) at the spine, above the top trim and below
    // the bottom one: the fold marks.
    const std::regex line(R"(([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l)");
    const double spine = kSpine * mm, top = (102 - kTrimTop) * mm, bottom = (102 - kTrimBottom) * mm;
    bool above = false, below = false;
    int lines = 0;
    for (auto it = std::sregex_iterator(content.begin(), content.end(), line); it != std::sregex_iterator(); ++it) {
        ++lines;
        const double x1 = std::stod((*it)[1]), y1 = std::stod((*it)[2]);
        const double x2 = std::stod((*it)[3]), y2 = std::stod((*it)[4]);
        if (std::abs(x1 - spine) < 1e-3 && std::abs(x2 - spine) < 1e-3) {
            if (std::min(y1, y2) > top) above = true;
            if (std::max(y1, y2) < bottom) below = true;
        }
    }
    EXPECT_EQ(lines, 16 + 8);  // 4 lines per corner, 2 per centre mark
    EXPECT_TRUE(above);
    EXPECT_TRUE(below);
}

TEST(Impose, KeepsTheOutputIntentAndInfo) {
    const std::string imposed = impose_saddle_stitch(make_booklet_pdf({}), "booklet.pdf", {});
    QPDF pdf;
    pdf.processMemoryFile("imposed", imposed.data(), imposed.size());
    QPDFObjectHandle intents = pdf.getRoot().getKey("/OutputIntents");
    ASSERT_TRUE(intents.isArray());
    ASSERT_EQ(intents.getArrayNItems(), 1);
    EXPECT_EQ(intents.getArrayItem(0).getKey("/S").getName(), "/GTS_PDFX");
    EXPECT_EQ(intents.getArrayItem(0).getKey("/OutputConditionIdentifier").getUTF8Value(), "Test Condition");
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    ASSERT_TRUE(info.isDictionary());
    EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "Booklet Test");
    EXPECT_EQ(info.getKey("/GTS_PDFXVersion").getUTF8Value(), "PDF/X-4");
    EXPECT_TRUE(pdf.getTrailer().getKey("/ID").isArray());
    TempDir dir("impose-check");
    test::write_bytes(dir.path() / "out.pdf", imposed);
    const auto r = run_command("qpdf --check " + shell_quote((dir.path() / "out.pdf").string()) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Impose, IsDeterministic) {
    const std::string input = make_booklet_pdf({});
    EXPECT_EQ(impose_saddle_stitch(input, "a.pdf", {}), impose_saddle_stitch(input, "a.pdf", {}));
}

void expect_bad_input(const std::string& pdf, const ImposeOptions& options, const std::string& message) {
    try {
        impose_saddle_stitch(pdf, "in.pdf", options);
        ADD_FAILURE() << "no error; wanted " << message;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().file, "in.pdf");
        EXPECT_EQ(e.message(), message);
    }
}

TEST(Impose, RefusesAPageWithoutTrimBox) {
    BookletSpec spec;
    spec.page_without_trim = 3;
    expect_bad_input(make_booklet_pdf(spec), {},
                     "page 3 has no TrimBox; imposition needs the trimmed size of every page");
}

TEST(Impose, RefusesPagesOfDifferentSizes) {
    BookletSpec spec;
    spec.page_other_size = 5;
    expect_bad_input(make_booklet_pdf(spec), {},
                     "page 5 is trimmed to 60 x 70 mm but page 1 to 50 x 70 mm; a booklet's pages "
                     "must all be one size");
}

TEST(Impose, RefusesACountNotAMultipleOfFourUnlessPadded) {
    BookletSpec spec;
    spec.pages = 6;
    expect_bad_input(make_booklet_pdf(spec), {},
                     "the PDF has 6 pages; a saddle-stitched booklet needs a multiple of 4 (--pad adds "
                     "2 blank pages before the back cover)");
}

TEST(Impose, RefusesARotatedPage) {
    BookletSpec spec;
    spec.page_rotated = 4;
    expect_bad_input(make_booklet_pdf(spec), {}, "page 4 is rotated (/Rotate 90); imposition needs upright pages");
}

TEST(Impose, RefusesAPrintingAnnotationButDropsLinks) {
    BookletSpec spec;
    spec.page_stamped = 2;
    expect_bad_input(make_booklet_pdf(spec), {},
                     "page 2 has a printing Stamp annotation, which imposition cannot carry onto the sheet");
}

TEST(Impose, KeepsTheSmallestBleedOfAnyPage) {
    // Page 6 has no bleed at all: every sheet loses its bleed, and the
    // marks move out to start 3 mm beyond the trim (page_geometry.h).
    BookletSpec spec;
    spec.page_trim_bleed = 6;
    const std::string imposed = impose_saddle_stitch(make_booklet_pdf(spec), "booklet.pdf", {});
    QPDF pdf;
    pdf.processMemoryFile("imposed", imposed.data(), imposed.size());
    const auto sheets = pdf.getAllPages();
    ASSERT_EQ(sheets.size(), 4u);
    for (const auto& sheet : sheets) {
        expect_box(box_of(sheet, "/MediaBox"), {0, 0, 132, 102}, "MediaBox");
        expect_box(box_of(sheet, "/BleedBox"), {16, 16, 116, 86}, "BleedBox");
        expect_box(box_of(sheet, "/TrimBox"), {16, 16, 116, 86}, "TrimBox");
    }
    // The other pages' grey bleed is clipped away with it.
    TempDir dir("impose-no-bleed");
    const Raster raster(imposed, 1, dir.path());
    EXPECT_TRUE(near_colour(raster.at_mm(kTrimLeft - 1.5, kMiddle), kWhite));
    EXPECT_TRUE(near_colour(raster.at_mm(kTrimLeft + 25, kMiddle), booklet_colour(8)));
}

TEST(DeclaredBinding, ReadsTheViewerDirection) {
    BookletSpec spec;
    EXPECT_EQ(declared_binding(make_booklet_pdf(spec), "a.pdf"), std::nullopt);
    spec.direction = "/R2L";
    EXPECT_EQ(declared_binding(make_booklet_pdf(spec), "a.pdf"), Binding::Right);
    spec.direction = "/L2R";
    EXPECT_EQ(declared_binding(make_booklet_pdf(spec), "a.pdf"), Binding::Left);
    try {
        declared_binding("%PDF-nonsense", "a.pdf");
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    }
}

TEST(Impose, RefusesWhatIsNotAPdf) {
    try {
        impose_saddle_stitch("not a pdf at all", "in.pdf", {});
        ADD_FAILURE();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message().rfind("not a PDF qpdf can read: ", 0), 0u) << e.message();
    }
}

}  // namespace
}  // namespace koho::print
