// Paper sizes, orientation, bleed, marks and the top level of a layout.
#include "core/units.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;

std::string with_page(const std::string& page) {
    return "{\"type\": \"print\",\n\"page\": " + page +
           ",\n\"pages\": [{\"frames\": []}]}";
}

TEST(Page, NamedSizesInMillimetres) {
    struct Case {
        const char* name;
        double w, h;
    } cases[] = {{"A0", 841, 1189}, {"A3", 297, 420}, {"A4", 210, 297}, {"A5", 148, 210}, {"A6", 105, 148},
                 {"B0", 1030, 1456}, {"B4", 257, 364}, {"B5", 182, 257}, {"B6", 128, 182}, {"hagaki", 100, 148}};
    for (const auto& c : cases) {
        Document doc = load(with_page(std::string("{\"size\": \"") + c.name + "\"}"));
        EXPECT_NEAR(doc.page.trim_w_pt, c.w * kPtPerMm, 1e-9) << c.name;
        EXPECT_NEAR(doc.page.trim_h_pt, c.h * kPtPerMm, 1e-9) << c.name;
    }
}

TEST(Page, DefaultsAreBleed3mmTomboPortrait) {
    Document doc = load(with_page(R"({"size": "A4"})"));
    EXPECT_NEAR(doc.page.bleed_pt, 3 * kPtPerMm, 1e-9);
    EXPECT_EQ(doc.page.marks, Marks::Tombo);
    EXPECT_LT(doc.page.trim_w_pt, doc.page.trim_h_pt);
    EXPECT_EQ(doc.lang, "ja");
    EXPECT_EQ(doc.page.loc.line, 2);
}

TEST(Page, LandscapeSwapsSidesAndBleedAndMarksAreRead) {
    Document doc = load(with_page(R"({"size": "A5", "orientation": "landscape", "bleed": "5mm", "marks": "none"})"));
    EXPECT_NEAR(doc.page.trim_w_pt, 210 * kPtPerMm, 1e-9);
    EXPECT_NEAR(doc.page.trim_h_pt, 148 * kPtPerMm, 1e-9);
    EXPECT_NEAR(doc.page.bleed_pt, 5 * kPtPerMm, 1e-9);
    EXPECT_EQ(doc.page.marks, Marks::None);
    EXPECT_DOUBLE_EQ(load(with_page(R"({"size": "A4", "bleed": "0mm"})")).page.bleed_pt, 0);
}

TEST(Page, CustomSizeInAnyAbsoluteUnit) {
    Document doc = load(with_page(R"({"size": {"w": "400Q", "h": "72pt"}})"));
    EXPECT_NEAR(doc.page.trim_w_pt, 100 * kPtPerMm, 1e-9);
    EXPECT_DOUBLE_EQ(doc.page.trim_h_pt, 72);
    EXPECT_NEAR(load(with_page(R"({"size": {"w": "96px", "h": "10mm"}})")).page.trim_w_pt, 72, 1e-9);
}

TEST(Page, Errors) {
    EXPECT_EQ(error_of(with_page(R"({"size": "A7"})")),
              "t.json:2:18: error: unknown page size 'A7'; use A0, A1, A2, A3, A4, A5, A6, B0, B1, B2, B3, B4, B5, "
              "B6 or hagaki (at /page/size)");
    EXPECT_EQ(error_of(with_page(R"({"size": "a4"})")),
              "t.json:2:18: error: unknown page size 'a4'; use A0, A1, A2, A3, A4, A5, A6, B0, B1, B2, B3, B4, B5, "
              "B6 or hagaki; did you mean 'A4'? (at /page/size)");
    EXPECT_EQ(error_of(with_page(R"({"size": "A4", "orientation": "landscap"})")),
              "t.json:2:39: error: unknown orientation 'landscap'; use portrait or landscape; did you mean "
              "'landscape'? (at /page/orientation)");
    EXPECT_EQ(error_of(with_page(R"({"size": "A4", "bleed": 3})")),
              "t.json:2:33: error: \"bleed\" is a bare number (3); lengths need a unit, e.g. \"3mm\" (units: mm, pt, "
              "px, Q or H) (at /page/bleed)");
    EXPECT_EQ(error_of(with_page(R"({"size": "A4", "bleed": "-1mm"})")),
              "t.json:2:33: error: \"bleed\" must not be negative ('-1mm') (at /page/bleed)");
    EXPECT_EQ(error_of(with_page(R"({"size": "A4", "bleed": "3cm"})")),
              "t.json:2:33: error: \"bleed\": '3cm' is not a length; use a number with one of the units mm, pt, px, "
              "Q, H, em, % (at /page/bleed)");
    EXPECT_EQ(error_of(with_page(R"({"size": "A4", "bleed": "10%"})")),
              "t.json:2:33: error: \"bleed\": the unit '%' cannot be used here; use mm, pt, px, Q or H (at /page/bleed)");
    EXPECT_EQ(error_of(with_page(R"({"size": {"w": "0mm", "h": "10mm"}})")),
              "t.json:2:24: error: \"w\" must be greater than zero, not '0mm' (at /page/size/w)");
    EXPECT_EQ(error_of(with_page(R"({"size": {"w": "10mm", "h": "10mm"}, "orientation": "portrait"})")),
              "t.json:2:46: error: \"orientation\" applies to named paper sizes; a custom size is used as its w and "
              "h say (at /page/orientation)");
    EXPECT_EQ(error_of(with_page(R"({"sise": "A4"})")),
              "t.json:2:10: error: unknown key 'sise' in \"page\"; did you mean 'size'? (at /page/sise)");
    EXPECT_EQ(error_of(with_page(R"({"bleed": "3mm"})")), "t.json:2:9: error: \"page\" needs \"size\" (at /page)");
    EXPECT_EQ(error_of(with_page(R"({"size": 4})")),
              "t.json:2:18: error: \"size\" must be a paper name (A0–A6, B0–B6, hagaki) or {\"w\": ..., \"h\": ...}, "
              "not a number (at /page/size)");
}

TEST(Layout, TopLevelErrors) {
    EXPECT_EQ(error_of("[1]"), "t.json:1:1: error: a layout must be an object, not an array");
    EXPECT_EQ(error_of("{\"type\": \"print\", \"titel\": \"x\", \"page\": {\"size\": \"A4\"}, \"pages\": [{}]}"),
              "t.json:1:19: error: unknown key 'titel' in a print layout; did you mean 'title'? (at /titel)");
    EXPECT_EQ(error_of("{\"type\": \"video\"}"),
              "t.json:1:10: error: this is a video timeline (\"type\": \"video\"); koho print reads print layouts "
              "(at /type)");
    EXPECT_EQ(error_of("{\"type\": \"print\", \"page\": {\"size\": \"A4\"}, \"pages\": []}"),
              "t.json:1:52: error: \"pages\" needs at least one page (at /pages)");
    EXPECT_EQ(error_of("{\"type\": \"print\", \"page\": {\"size\": \"A4\"}}"),
              "t.json:1:1: error: a layout needs \"pages\"");
    EXPECT_EQ(error_of("{\"type\": \"print\", \"page\": {\"size\": \"A4\"}, \"vars\": {\"page\": \"1\"}, \"pages\": [{}]}"),
              "t.json:1:52: error: 'page' is reserved: {{page}} is filled in when pages are composed (at /vars/page)");
    EXPECT_EQ(error_of("{\"type\": \"print\", \"page\": {\"size\": \"A4\"}, \"pages\": [{\"master\": \"innr\"}]}"),
              "t.json:1:64: error: unknown master 'innr' (\"masters\" defines none) (at /pages/0/master)");
}

TEST(Layout, MastersAndSections) {
    Document doc = load(R"({"type": "print", "title": "採用案内", "page": {"size": "A4"},
      "styles": {"folio": {"size": "8pt"}},
      "masters": {"inner": {"frames": [{"type": "text", "x": "10mm", "y": "285mm", "w": "20mm", "h": "5mm",
                                        "style": "folio", "text": "{{section}} {{page}}"}]}},
      "pages": [{"master": "inner", "section": "仕事を知る"}, {}]})");
    EXPECT_EQ(doc.title, "採用案内");
    ASSERT_EQ(doc.pages.size(), 2u);
    ASSERT_NE(doc.pages[0].master, nullptr);
    EXPECT_EQ(doc.pages[0].master->name, "inner");
    EXPECT_EQ(doc.pages[0].section, "仕事を知る");
    EXPECT_EQ(doc.pages[1].master, nullptr);
    const auto& text = std::get<TextContent>(doc.masters.at("inner").frames.at(0).content);
    EXPECT_EQ(text.story.paragraphs.at(0).spans.at(0).late_variable, "section");
    EXPECT_EQ(text.story.paragraphs.at(0).spans.at(2).late_variable, "page");
}

}  // namespace
}  // namespace koho::model
