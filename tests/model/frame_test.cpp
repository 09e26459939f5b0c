// Frames of every type, their keys and their errors.
#include <filesystem>

#include "core/units.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;
using testing::only_frame;
using testing::with_frames;

TEST(Frame, TextFrameKeys) {
    Document doc = load(with_frames(
        R"({"id": "t", "type": "text", "x": "10%", "y": "50%", "w": "50%", "h": "20mm", "opacity": 0.5,
            "style": "body", "text": "a\nb", "writing": "vertical", "overflow": "allow", "inset": "1em",
            "valign": "center", "fill": "#ffffff"})"));
    const Frame& f = only_frame(doc);
    EXPECT_EQ(f.id, "t");
    EXPECT_STREQ(f.type_name(), "text");
    EXPECT_NEAR(f.box.x, 21 * kPtPerMm, 1e-9);     // 10% of the 210mm trim width
    EXPECT_NEAR(f.box.y, 148.5 * kPtPerMm, 1e-9);  // 50% of the 297mm trim height
    EXPECT_NEAR(f.box.w, 105 * kPtPerMm, 1e-9);
    EXPECT_NEAR(f.box.h, 20 * kPtPerMm, 1e-9);
    EXPECT_DOUBLE_EQ(f.opacity, 0.5);
    ASSERT_NE(f.style, nullptr);
    EXPECT_EQ(f.style->name, "body");
    const auto& t = std::get<TextContent>(f.content);
    ASSERT_EQ(t.story.paragraphs.size(), 2u);
    EXPECT_EQ(t.story.paragraphs[1].style, f.style);
    EXPECT_EQ(t.story.paragraphs[1].loc.pointer, "/pages/0/frames/0/text");
    EXPECT_EQ(t.writing, Writing::Vertical);
    EXPECT_EQ(t.overflow, Overflow::Allow);
    EXPECT_DOUBLE_EQ(t.inset_pt, 10);
    EXPECT_EQ(t.vertical_align, VerticalAlign::Center);
    ASSERT_TRUE(t.fill);
    EXPECT_EQ(f.loc.line, 5);
}

TEST(Frame, GridNamesTheStyleWhoseLeadingIsThePitch) {
    Document doc = load(with_frames(
        R"({"type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm", "style": "head", "text": "x",
            "grid": "body"})",
        R"("body": {"size": "10pt", "leading": "17pt"}, "head": {"size": "16pt"})"));
    const auto& t = std::get<TextContent>(only_frame(doc).content);
    ASSERT_NE(t.grid, nullptr);
    EXPECT_EQ(t.grid->name, "body");
    EXPECT_DOUBLE_EQ(t.grid->effective_leading_pt(), 17);
    EXPECT_EQ(t.grid_loc.pointer, "/pages/0/frames/0/grid");
    // Without the key there is no grid.
    Document plain = load(with_frames(R"({"type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm",
        "style": "body", "text": "x"})"));
    EXPECT_EQ(std::get<TextContent>(only_frame(plain).content).grid, nullptr);
    EXPECT_EQ(error_of(with_frames(R"({"type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm",
        "style": "body", "text": "x", "grid": "bdy"})")),
              "t.json:6:47: error: unknown style 'bdy'; did you mean 'body'? (at /pages/0/frames/0/grid)");
}

TEST(Frame, ContentEntriesTakeTheirOwnStyle) {
    Document doc = load(with_frames(
        R"({"type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm", "style": "body",
            "content": [{"style": "head", "text": "見出し"}, {"text": "本文一\n本文二"}]})",
        R"("body": {"size": "10pt"}, "head": {"based_on": "body", "weight": "bold"})"));
    const auto& t = std::get<TextContent>(only_frame(doc).content);
    ASSERT_EQ(t.story.paragraphs.size(), 3u);
    EXPECT_EQ(t.story.paragraphs[0].style->name, "head");
    EXPECT_EQ(t.story.paragraphs[1].style->name, "body");
    EXPECT_EQ(t.story.paragraphs[2].loc.pointer, "/pages/0/frames/0/content/1/text");
}

TEST(Frame, ImageRectEllipseLineQr) {
    Document doc = load(with_frames(
        R"({"type": "image", "src": "pixel.png", "x": "-3mm", "y": "-3mm", "w": "216mm", "h": "160mm",
            "fit": "contain", "focus": ["50%", "30%"]},
           {"type": "rect", "x": "0mm", "y": "270mm", "w": "210mm", "h": "30mm", "fill": {"cmyk": [0, 100, 100, 0]},
            "stroke": {"color": "#000000", "width": "0.25mm", "dash": ["2mm", "1mm"]}, "radius": "2mm"},
           {"type": "ellipse", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "stroke": {}},
           {"type": "line", "x": "0mm", "y": "10mm", "x2": "100%", "y2": "10mm"},
           {"type": "qr", "data": "{{url}}/apply", "x": "170mm", "y": "250mm", "size": "25mm", "ec": "H",
            "quiet_zone": 2, "color": "#003366", "background": "#ffffff"})"));
    const auto& frames = doc.pages.at(0).frames;
    const auto& image = std::get<ImageContent>(frames[0].content);
    EXPECT_EQ(image.src, "pixel.png");
    EXPECT_EQ(image.path.filename(), "pixel.png");
    EXPECT_TRUE(image.path.is_absolute());
    EXPECT_EQ(image.fit, Fit::Contain);
    EXPECT_DOUBLE_EQ(image.focus_x, 0.5);
    EXPECT_DOUBLE_EQ(image.focus_y, 0.3);
    EXPECT_EQ(image.src_loc.pointer, "/pages/0/frames/0/src");
    const auto& rect = std::get<ShapeContent>(frames[1].content);
    EXPECT_STREQ(frames[1].type_name(), "rect");
    EXPECT_EQ(rect.fill->space, Color::Space::Cmyk);
    EXPECT_NEAR(rect.stroke->width_pt, 0.25 * kPtPerMm, 1e-9);
    ASSERT_EQ(rect.stroke->dash_pt.size(), 2u);
    EXPECT_NEAR(rect.radius_pt, 2 * kPtPerMm, 1e-9);
    EXPECT_STREQ(frames[2].type_name(), "ellipse");
    EXPECT_DOUBLE_EQ(std::get<ShapeContent>(frames[2].content).stroke->width_pt, 0.5);
    const auto& line = std::get<LineContent>(frames[3].content);
    EXPECT_NEAR(line.x2, 210 * kPtPerMm, 1e-9);
    EXPECT_NEAR(frames[3].box.y, 10 * kPtPerMm, 1e-9);
    const auto& qr = std::get<QrContent>(frames[4].content);
    EXPECT_EQ(qr.data, "https://example.jp/apply");
    EXPECT_EQ(qr.error_correction, 'H');
    EXPECT_EQ(qr.quiet_zone_modules, 2);
    EXPECT_NEAR(frames[4].box.w, 25 * kPtPerMm, 1e-9);
    EXPECT_DOUBLE_EQ(frames[4].box.w, frames[4].box.h);
}

TEST(Frame, KeyAndTypeErrors) {
    EXPECT_EQ(error_of(with_frames(R"({"type": "txt", "x": "0mm"})")),
              "t.json:5:10: error: unknown frame type 'txt'; use text, image, rect, ellipse, line, qr, svg or table; did you "
              "mean 'text'? (at /pages/0/frames/0/type)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "text", "src": "a.png"})")),
              "t.json:5:18: error: key 'src' does not apply to a text frame (at /pages/0/frames/0/src)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "fil": "#000"})")),
              "t.json:5:66: error: unknown key 'fil' in a rect frame; did you mean 'fill'? (at /pages/0/frames/0/fil)");
    EXPECT_EQ(error_of(with_frames(R"({"x": "0mm"})")), "t.json:5:1: error: a frame needs \"type\" (at /pages/0/frames/0)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm"})")),
              "t.json:5:1: error: a rect frame needs \"h\" (at /pages/0/frames/0)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": 0, "y": "0mm", "w": "1mm", "h": "1mm"})")),
              "t.json:5:23: error: \"x\" is a bare number (0); lengths need a unit, e.g. \"0mm\" (units: mm, pt, px, "
              "Q, H or %) (at /pages/0/frames/0/x)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "-1mm", "h": "1mm"})")),
              "t.json:5:47: error: \"w\" must be greater than zero, not '-1mm' (at /pages/0/frames/0/w)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": "1em", "y": "0mm", "w": "1mm", "h": "1mm"})")),
              "t.json:5:23: error: \"x\": the unit 'em' cannot be used here; use mm, pt, px, Q, H or % "
              "(at /pages/0/frames/0/x)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "opacity": 2})")),
              "t.json:5:77: error: \"opacity\" must be between 0 and 1, not 2 (at /pages/0/frames/0/opacity)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "4mm", "h": "4mm", "radius": "3mm"})")),
              "t.json:5:76: error: \"radius\" is more than half the frame's shorter side (at /pages/0/frames/0/radius)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "line", "x": "0mm", "y": "0mm", "x2": "0mm", "y2": "0mm"})")),
              "t.json:5:1: error: a line frame needs two different points (x, y) and (x2, y2) (at /pages/0/frames/0)");
}

TEST(Frame, MessagesNameTheFrameTypeWithTheRightArticle) {
    const std::string box = R"("x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", )";
    const std::string ellipse = error_of(with_frames(R"({"type": "ellipse", )" + box + R"("fit": "cover"})"));
    EXPECT_NE(ellipse.find("error: key 'fit' does not apply to an ellipse frame"), std::string::npos) << ellipse;
    const std::string image = error_of(with_frames(R"({"type": "image", )" + box + R"("src": "pixel.png", "fitt": 1})"));
    EXPECT_NE(image.find("error: unknown key 'fitt' in an image frame; did you mean 'fit'?"), std::string::npos)
        << image;
    const std::string rect = error_of(with_frames(R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm"})"));
    EXPECT_NE(rect.find(" a rect frame"), std::string::npos) << rect;
    EXPECT_EQ(rect.find(" an rect"), std::string::npos) << rect;
}

TEST(Frame, TextErrors) {
    const std::string box = R"("type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm", )";
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "bdy", "text": "x"})")),
              "t.json:5:77: error: unknown style 'bdy'; did you mean 'body'? (at /pages/0/frames/0/style)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("text": "x"})")),
              "t.json:5:68: error: a text frame with \"text\" needs a \"style\" (at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "body", "text": "x", "content": [{"text": "y"}]})")),
              "t.json:5:98: error: a text frame takes \"text\" or \"content\", not both (at /pages/0/frames/0/content)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("content": [{"text": "y"}]})")),
              "t.json:5:80: error: this entry of \"content\" needs a \"style\" (the frame has none) "
              "(at /pages/0/frames/0/content/0)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "body", "text": ""})")),
              "t.json:5:93: error: \"text\" must not be empty (at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "body", "text": "{{urll}}"})")),
              "t.json:5:94: error: unknown variable '{{urll}}'; did you mean 'url'? (at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "body", "text": "x", "writing": "tate"})")),
              "t.json:5:109: error: unknown writing 'tate'; use horizontal or vertical (at /pages/0/frames/0/writing)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "body", "text": "x", "inset": "25mm"})")),
              "t.json:5:107: error: \"inset\" leaves no room for text inside the frame (at /pages/0/frames/0/inset)");
    EXPECT_EQ(error_of(with_frames("{" + box + R"("style": "body"})")),
              "t.json:5:1: error: this text frame has neither \"text\" nor \"content\", and no frame's \"next\" "
              "names it (at /pages/0/frames/0)");
}

TEST(Frame, ImageAndQrErrors) {
    EXPECT_EQ(error_of(with_frames(R"({"type": "image", "src": "missing.png", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"})")),
              "t.json:5:26: error: image 'missing.png' not found (looked in " +
                  std::filesystem::canonical(testing::data_dir()).string() + ") (at /pages/0/frames/0/src)");
    std::string escape = error_of(with_frames(
        R"({"type": "image", "src": "../model_test_escape", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"})"));
    EXPECT_EQ(escape.rfind("t.json:5:26: error: image '../model_test_escape' ", 0), 0u) << escape;
    std::string outside = error_of(with_frames(
        R"({"type": "image", "src": "../CMakeLists.txt", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"})"));
    EXPECT_NE(outside.find("outside the project root"), std::string::npos) << outside;
    EXPECT_EQ(outside.rfind("t.json:5:26: error: image '../CMakeLists.txt' resolves to ", 0), 0u) << outside;
    EXPECT_EQ(error_of(with_frames(R"({"type": "image", "src": "pixel.png", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "focus": ["50%"]})")),
              "t.json:5:96: error: \"focus\" needs two percentages [x, y], e.g. [\"50%\", \"30%\"] "
              "(at /pages/0/frames/0/focus)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "image", "src": "pixel.png", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "focus": ["50%", "130%"]})")),
              "t.json:5:104: error: \"focus\" must be between 0% and 100% (at /pages/0/frames/0/focus/1)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "qr", "data": "x", "x": "0mm", "y": "0mm", "size": "10mm", "ec": "X"})")),
              "t.json:5:75: error: unknown ec 'X'; use L, M, Q or H (at /pages/0/frames/0/ec)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "qr", "data": "{{page}}", "x": "0mm", "y": "0mm", "size": "10mm"})")),
              "t.json:5:25: error: {{page}} is known only when pages are composed and cannot be used here "
              "(at /pages/0/frames/0/data)");
}

}  // namespace
}  // namespace koho::model
