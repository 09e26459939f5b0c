// Issue 4 frame keys: columns, wrap, shadow, clip, gradients, SVG frames,
// odd/even master frames.
#include <filesystem>

#include "core/units.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;
using testing::only_frame;
using testing::with_frames;

const char* kText = R"({"type": "text", "x": "0mm", "y": "0mm", "w": "100mm", "h": "50mm", "style": "body", "text": "x", )";

TEST(FrameKeys, TextColumns) {
    Document doc = load(with_frames(std::string(kText) +
        R"("columns": 3, "gutter": "4mm", "balance": true, "column_rule": {"color": "#cccccc", "width": "0.2mm"}})"));
    const auto& t = std::get<TextContent>(only_frame(doc).content);
    EXPECT_EQ(t.columns, 3);
    EXPECT_NEAR(t.gutter_pt, 4 * kPtPerMm, 1e-9);
    EXPECT_TRUE(t.balance);
    ASSERT_TRUE(t.column_rule);
    EXPECT_NEAR(t.column_rule->width_pt, 0.2 * kPtPerMm, 1e-9);
    // Gutter default: 5mm with two columns or more, none with one.
    // Each Document outlives the references into it.
    const Document two_doc = load(with_frames(std::string(kText) + R"("columns": 2})"));
    const auto& two = std::get<TextContent>(only_frame(two_doc).content);
    EXPECT_NEAR(two.gutter_pt, 5 * kPtPerMm, 1e-9);
    EXPECT_FALSE(two.balance);
    EXPECT_FALSE(two.column_rule);
    const Document one_doc = load(with_frames(std::string(kText) + R"("fill": "#fff"})"));
    const auto& one = std::get<TextContent>(only_frame(one_doc).content);
    EXPECT_EQ(one.columns, 1);
    EXPECT_DOUBLE_EQ(one.gutter_pt, 0);
    EXPECT_FALSE(one.ignore_wrap);
}

TEST(FrameKeys, IgnoreWrap) {
    const Document doc = load(with_frames(std::string(kText) + R"("ignore_wrap": true})"));
    const auto& t = std::get<TextContent>(only_frame(doc).content);
    EXPECT_TRUE(t.ignore_wrap);
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("ignore_wrap": "yes"})")),
              "t.json:5:114: error: \"ignore_wrap\" must be true or false, not a string (at /pages/0/frames/0/ignore_wrap)");
}

TEST(FrameKeys, TextColumnErrors) {
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("columns": 13})")),
              "t.json:5:110: error: \"columns\" must be between 1 and 12, not 13 (at /pages/0/frames/0/columns)");
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("columns": 3, "gutter": "50mm"})")),
              "t.json:5:123: error: 3 columns with 50mm gutters leave no room for text in this frame "
              "(at /pages/0/frames/0/gutter)");
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("columns": 2, "gutter": "5%"})")),
              "t.json:5:123: error: \"gutter\": the unit '%' cannot be used here; use mm, pt, px, Q or H "
              "(at /pages/0/frames/0/gutter)");
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("balance": 1})")),
              "t.json:5:110: error: \"balance\" must be true or false, not a number (at /pages/0/frames/0/balance)");
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("column_rule": {"widht": "1pt"}})")),
              "t.json:5:115: error: unknown key 'widht' in \"column_rule\"; did you mean 'width'? "
              "(at /pages/0/frames/0/column_rule/widht)");
}

TEST(FrameKeys, WrapShadowClip) {
    Document doc = load(with_frames(
        R"({"type": "image", "src": "pixel.png", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm",
            "wrap": {"mode": "contour", "offset": "2mm"}, "shadow": {"offset": ["1mm", "-1mm"], "color": "#333333"},
            "clip": "rounded", "radius": "3mm"},
           {"type": "rect", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", "wrap": "box"},
           {"type": "rect", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", "wrap": {"mode": "box", "side": "start"}},
           {"type": "qr", "data": "x", "x": "0mm", "y": "0mm", "size": "20mm", "wrap": "contour"},
           {"type": "image", "src": "pixel.png", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", "clip": "circle"})"));
    const Frame& image = doc.pages[0].frames[0];
    ASSERT_TRUE(image.wrap);
    EXPECT_EQ(image.wrap->mode, Wrap::Mode::Contour);
    EXPECT_NEAR(image.wrap->offset_pt, 2 * kPtPerMm, 1e-9);
    EXPECT_EQ(image.wrap->loc.pointer, "/pages/0/frames/0/wrap");
    EXPECT_EQ(image.wrap->side, Wrap::Side::Both);
    ASSERT_TRUE(image.shadow);
    EXPECT_NEAR(image.shadow->dx_pt, kPtPerMm, 1e-9);
    EXPECT_NEAR(image.shadow->dy_pt, -kPtPerMm, 1e-9);
    EXPECT_EQ(image.shadow->color, *parse_hex_color("#333333", nullptr));
    const auto& content = std::get<ImageContent>(image.content);
    EXPECT_EQ(content.clip, ClipShape::RoundedBox);
    EXPECT_NEAR(content.clip_radius_pt, 3 * kPtPerMm, 1e-9);
    const Frame& rect = doc.pages[0].frames[1];
    ASSERT_TRUE(rect.wrap);
    EXPECT_EQ(rect.wrap->mode, Wrap::Mode::Box);
    EXPECT_DOUBLE_EQ(rect.wrap->offset_pt, 0);
    EXPECT_FALSE(rect.shadow);
    EXPECT_EQ(doc.pages[0].frames[2].wrap->side, Wrap::Side::Start);
    EXPECT_EQ(doc.pages[0].frames[3].wrap->mode, Wrap::Mode::Contour);
    EXPECT_EQ(std::get<ImageContent>(doc.pages[0].frames[4].content).clip, ClipShape::Circle);
}

TEST(FrameKeys, WrapShadowClipErrors) {
    const std::string img = R"({"type": "image", "src": "pixel.png", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", )";
    EXPECT_EQ(error_of(with_frames(img + R"("wrap": "bx"})")),
              "t.json:5:97: error: unknown wrap mode 'bx'; use box or contour; did you mean 'box'? "
              "(at /pages/0/frames/0/wrap)");
    EXPECT_EQ(error_of(with_frames(img + R"("wrap": {"offset": "1mm"}})")),
              "t.json:5:97: error: \"wrap\" needs \"mode\" (at /pages/0/frames/0/wrap)");
    EXPECT_EQ(error_of(with_frames(img + R"("wrap": {"mode": "box", "side": "left"}})")),
              "t.json:5:121: error: unknown wrap side 'left'; use both, start or end (at /pages/0/frames/0/wrap/side)");
    EXPECT_EQ(error_of(with_frames(img + R"("shadow": {"offset": ["1mm"]}})")),
              "t.json:5:110: error: \"offset\" of \"shadow\" needs two lengths [x, y], e.g. [\"1mm\", \"1mm\"] "
              "(at /pages/0/frames/0/shadow/offset)");
    EXPECT_EQ(error_of(with_frames(img + R"("clip": "rounded"})")),
              "t.json:5:97: error: \"clip\": \"rounded\" needs a \"radius\" (at /pages/0/frames/0/clip)");
    EXPECT_EQ(error_of(with_frames(img + R"("radius": "2mm"})")),
              "t.json:5:89: error: \"radius\" applies to an image frame only with \"clip\": \"rounded\" "
              "(at /pages/0/frames/0/radius)");
    EXPECT_EQ(error_of(with_frames(img + R"("clip": "oval"})")),
              "t.json:5:97: error: unknown clip 'oval'; use box, ellipse, circle or rounded (at /pages/0/frames/0/clip)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "line", "x": "0mm", "y": "0mm", "x2": "1mm", "y2": "1mm", "wrap": "box"})")),
              "t.json:5:68: error: key 'wrap' does not apply to a line frame (at /pages/0/frames/0/wrap)");
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("shadow": {"offset": ["1mm", "1mm"]}})")),
              "t.json:5:99: error: key 'shadow' does not apply to a text frame (at /pages/0/frames/0/shadow)");
}

TEST(FrameKeys, Gradients) {
    Document doc = load(with_frames(
        R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm",
            "fill": {"gradient": "linear", "angle": 0, "stops": [["0%", "#ffffff"], ["40%", {"cmyk": [0, 100, 100, 0]}], ["100%", "#000000"]]}},
           {"type": "ellipse", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm",
            "fill": {"gradient": "radial", "center": ["30%", "40%"], "radius": "60%", "stops": [["0%", "#ffffff"], ["100%", "#000000"]]}},
           {"type": "rect", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", "fill": {"cmyk": [0, 0, 0, 100]}})"));
    const auto& linear = std::get<ShapeContent>(doc.pages[0].frames[0].content);
    EXPECT_FALSE(linear.fill);
    ASSERT_TRUE(linear.gradient);
    EXPECT_EQ(linear.gradient->kind, Gradient::Kind::Linear);
    EXPECT_DOUBLE_EQ(linear.gradient->angle_deg, 0);
    ASSERT_EQ(linear.gradient->stops.size(), 3u);
    EXPECT_DOUBLE_EQ(linear.gradient->stops[1].offset, 0.4);
    EXPECT_EQ(linear.gradient->stops[1].color, Color::from_cmyk(0, 100, 100, 0));
    const auto& radial = std::get<ShapeContent>(doc.pages[0].frames[1].content);
    ASSERT_TRUE(radial.gradient);
    EXPECT_EQ(radial.gradient->kind, Gradient::Kind::Radial);
    EXPECT_DOUBLE_EQ(radial.gradient->center_x, 0.3);
    EXPECT_DOUBLE_EQ(radial.gradient->center_y, 0.4);
    EXPECT_DOUBLE_EQ(radial.gradient->radius, 0.6);
    const auto& flat = std::get<ShapeContent>(doc.pages[0].frames[2].content);
    EXPECT_TRUE(flat.fill);
    EXPECT_FALSE(flat.gradient);
}

TEST(FrameKeys, GradientErrors) {
    const std::string rect = R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", "fill": )";
    EXPECT_EQ(error_of(with_frames(rect + R"({"gradient": "linear", "stops": [["0%", "#fff"]]}})")),
              "t.json:5:108: error: \"stops\" needs at least two stops [[\"0%\", colour], [\"100%\", colour]] "
              "(at /pages/0/frames/0/fill/stops)");
    EXPECT_EQ(error_of(with_frames(rect + R"({"gradient": "linear", "stops": [["50%", "#fff"], ["20%", "#000"]]}})")),
              "t.json:5:127: error: stop offsets must not decrease ('20%' comes after 50%) "
              "(at /pages/0/frames/0/fill/stops/1/0)");
    EXPECT_EQ(error_of(with_frames(rect + R"({"gradient": "linear", "center": ["50%", "50%"], "stops": []}})")),
              "t.json:5:99: error: unknown key 'center' in a linear gradient "
              "(at /pages/0/frames/0/fill/center)");
    EXPECT_EQ(error_of(with_frames(rect + R"({"gradient": "conic", "stops": []}})")),
              "t.json:5:89: error: unknown gradient 'conic'; use linear or radial (at /pages/0/frames/0/fill/gradient)");
    EXPECT_EQ(error_of(with_frames(std::string(kText) + R"("fill": {"gradient": "linear", "stops": []}})")),
              "t.json:5:108: error: \"fill\" takes a colour here; gradients are for rect and ellipse fills "
              "(at /pages/0/frames/0/fill/gradient)");
}

TEST(FrameKeys, MorePaintErrors) {
    const std::string rect = R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "40mm", "h": "30mm", )";
    EXPECT_EQ(error_of(with_frames(rect + R"("fill": {"gradient": "linear", "angle": "90deg", "stops": []}})")),
              "t.json:5:108: error: \"angle\" must be a number, not a string (at /pages/0/frames/0/fill/angle)");
    EXPECT_EQ(error_of(with_frames(rect + R"("fill": {"gradient": "radial", "center": ["50%"], "stops": []}})")),
              "t.json:5:109: error: \"center\" needs two percentages [x, y], e.g. [\"50%\", \"50%\"] "
              "(at /pages/0/frames/0/fill/center)");
    EXPECT_EQ(error_of(with_frames(rect + R"("fill": {"gradient": "radial", "radius": "0%", "stops": []}})")),
              "t.json:5:109: error: \"radius\" of a radial gradient must be greater than zero "
              "(at /pages/0/frames/0/fill/radius)");
    EXPECT_EQ(error_of(with_frames(rect + R"("fill": {"gradient": "radial", "angle": 3, "stops": []}})")),
              "t.json:5:99: error: unknown key 'angle' in a radial gradient (at /pages/0/frames/0/fill/angle)");
    EXPECT_EQ(error_of(with_frames(rect + R"("fill": {"gradient": "linear", "stops": [["0%", "#fff"], "#000"]}})")),
              "t.json:5:125: error: a gradient stop must be [offset, colour], e.g. [\"0%\", \"#ffffff\"] "
              "(at /pages/0/frames/0/fill/stops/1)");
    EXPECT_EQ(error_of(with_frames(rect + R"("fill": {"gradient": "linear"}})")),
              "t.json:5:76: error: a linear gradient needs \"stops\" (at /pages/0/frames/0/fill)");
    EXPECT_EQ(error_of(with_frames(rect + R"("shadow": {"offset": ["1mm", "1mm"], "color": "blue"}})")),
              "t.json:5:114: error: \"color\" of \"shadow\": unknown colour 'blue' (not in \"colors\" nor built in; write "
              "\"#rrggbb\" or {\"cmyk\": [...]}) (at /pages/0/frames/0/shadow/color)");
    EXPECT_EQ(error_of(with_frames(rect + R"("shadow": {"color": "#000"}})")),
              "t.json:5:78: error: \"shadow\" needs \"offset\" (at /pages/0/frames/0/shadow)");
    EXPECT_EQ(error_of(with_frames(rect + R"("wrap": {"mode": "box", "offset": "-1mm"}})")),
              "t.json:5:102: error: \"offset\" of \"wrap\" must not be negative ('-1mm') (at /pages/0/frames/0/wrap/offset)");
    EXPECT_EQ(error_of(with_frames(rect + R"("wrap": true})")),
              "t.json:5:76: error: \"wrap\" must be \"box\", \"contour\" or {\"mode\": ..., \"offset\": ..., \"side\": ...}, not "
              "true/false (at /pages/0/frames/0/wrap)");
    EXPECT_EQ(error_of(with_frames(R"({"type": "svg", "src": "mark.svg", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "fit": "stretch"})")),
              "t.json:5:91: error: unknown fit 'stretch'; use cover, contain or fill (at /pages/0/frames/0/fit)");
}

TEST(FrameKeys, SvgFrames) {
    Document doc = load(with_frames(
        R"({"id": "mark", "type": "svg", "src": "mark.svg", "x": "0mm", "y": "0mm", "w": "20mm", "h": "20mm",
            "focus": ["10%", "20%"], "clip": "ellipse", "opacity": 0.8},
           {"type": "svg", "src": "mark.svg", "x": "0mm", "y": "0mm", "w": "20mm", "h": "20mm", "fit": "cover"})"));
    const Frame& f = doc.pages[0].frames[0];
    EXPECT_STREQ(f.type_name(), "svg");
    const auto& svg = std::get<SvgContent>(f.content);
    EXPECT_EQ(svg.src, "mark.svg");
    EXPECT_EQ(svg.path, std::filesystem::canonical(testing::data_dir() + "/mark.svg"));
    EXPECT_EQ(svg.src_loc.pointer, "/pages/0/frames/0/src");
    EXPECT_EQ(svg.fit, Fit::Contain);  // the default for SVG
    EXPECT_DOUBLE_EQ(svg.focus_x, 0.1);
    EXPECT_EQ(svg.clip, ClipShape::Ellipse);
    EXPECT_EQ(std::get<SvgContent>(doc.pages[0].frames[1].content).fit, Fit::Cover);
    EXPECT_EQ(error_of(with_frames(R"({"type": "svg", "src": "nope.svg", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"})"))
                  .substr(0, 30),
              "t.json:5:24: error: SVG file '");
    EXPECT_EQ(error_of(with_frames(R"({"type": "svg", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"})")),
              "t.json:5:1: error: an svg frame needs \"src\" (at /pages/0/frames/0)");
}

TEST(FrameKeys, OddAndEvenMasterFrames) {
    Document doc = load(R"({"type": "print", "page": {"size": "A4"}, "styles": {"folio": {}},
"masters": {"inner": {"frames": [{"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"}],
  "odd": [{"type": "text", "x": "180mm", "y": "287mm", "w": "15mm", "h": "5mm", "style": "folio", "text": "{{page}}"}],
  "even": [{"type": "text", "x": "15mm", "y": "287mm", "w": "15mm", "h": "5mm", "style": "folio", "text": "{{page}}"},
           {"type": "line", "x": "0mm", "y": "0mm", "x2": "1mm", "y2": "0mm"}]}},
"pages": [{"master": "inner"}]})");
    const Master& m = doc.masters.at("inner");
    EXPECT_EQ(m.frames.size(), 1u);
    ASSERT_EQ(m.odd_frames.size(), 1u);
    EXPECT_NEAR(m.odd_frames[0].box.x, 180 * kPtPerMm, 1e-9);
    ASSERT_EQ(m.even_frames.size(), 2u);
    EXPECT_NEAR(m.even_frames[0].box.x, 15 * kPtPerMm, 1e-9);
    EXPECT_EQ(doc.families_used.size(), 1u);
    EXPECT_EQ(error_of(R"({"type": "print", "page": {"size": "A4"},
"masters": {"inner": {"od": []}}, "pages": [{}]})"),
              "t.json:2:23: error: unknown key 'od' in master 'inner'; did you mean 'odd'? (at /masters/inner/od)");
    EXPECT_EQ(error_of(R"({"type": "print", "page": {"size": "A4"},
"masters": {"inner": {"even": {}}}, "pages": [{}]})"),
              "t.json:2:31: error: \"even\" must be an array, not an object (at /masters/inner/even)");
}

}  // namespace
}  // namespace koho::model
