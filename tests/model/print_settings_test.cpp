// Issue 5 layout keys: "color", "pdfx", page "binding", frame "role" and
// "alt", and the built-in colour names.
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;
using testing::only_frame;
using testing::with_frames;

const char* kRect = R"({"type": "rect", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", )";

std::string with_top(const std::string& top) { return with_frames("", R"("body": {"size": "10pt"})", top); }

TEST(PrintSettings, DefaultsAreCmykPdfx4) {
    const Document doc = load(with_top(R"("vars": {})"));
    EXPECT_EQ(doc.print.color_mode, PrintSettings::ColorMode::Cmyk);
    EXPECT_EQ(doc.print.pdfx, PrintSettings::Pdfx::X4);
    EXPECT_DOUBLE_EQ(doc.print.tac_percent, 320);
    EXPECT_EQ(doc.print.intent, PrintSettings::Intent::Perceptual);
    EXPECT_TRUE(doc.print.black_point_compensation);
    EXPECT_TRUE(doc.print.profile.empty());
    EXPECT_EQ(doc.page.binding, Binding::Left);
}

TEST(PrintSettings, ReadsEveryKey) {
    const Document doc = load(with_top(
        R"("color": {"mode": "cmyk", "tac": 300, "intent": "relative-colorimetric", "black_point_compensation": false,)"
        R"( "profile": "pixel.png"}, "pdfx": "1a")"));
    EXPECT_DOUBLE_EQ(doc.print.tac_percent, 300);
    EXPECT_EQ(doc.print.intent, PrintSettings::Intent::RelativeColorimetric);
    EXPECT_FALSE(doc.print.black_point_compensation);
    EXPECT_EQ(doc.print.pdfx, PrintSettings::Pdfx::X1a);
    EXPECT_EQ(doc.print.profile.filename(), "pixel.png");
    EXPECT_TRUE(doc.print.profile.is_absolute());
    EXPECT_EQ(doc.print.profile_loc.pointer, "/color/profile");
}

TEST(PrintSettings, RgbMeansNoPdfx) {
    EXPECT_EQ(load(with_top(R"("color": {"mode": "rgb"})")).print.pdfx, PrintSettings::Pdfx::None);
    EXPECT_EQ(error_of(with_top(R"("color": {"mode": "rgb"}, "pdfx": "4")")),
              "t.json:2:35: error: PDF/X needs CMYK output; \"color\": {\"mode\": \"rgb\"} makes an RGB PDF "
              "(set \"pdfx\": \"none\" or use CMYK) (at /pdfx)");
}

TEST(PrintSettings, Errors) {
    EXPECT_EQ(error_of(with_top(R"("color": {"tac": 450})")),
              "t.json:2:18: error: \"tac\" (total ink, %) must be between 200 and 400, not 450 (at /color/tac)");
    EXPECT_NE(error_of(with_top(R"("color": {"mode": "cmy"})")).find("t.json:2:19: error: unknown colour mode 'cmy'"),
              std::string::npos);
    EXPECT_NE(error_of(with_top(R"("color": {"profile": "nowhere.icc"})")).find("(at /color/profile)"),
              std::string::npos);
    EXPECT_NE(error_of(with_top(R"("color": {"tca": 300})")).find("unknown key 'tca' in \"color\"; did you mean 'tac'?"),
              std::string::npos);
    EXPECT_NE(error_of(with_top(R"("pdfx": "3")")).find("(at /pdfx)"), std::string::npos);
}

TEST(PrintSettings, Binding) {
    const std::string layout = R"({"type": "print", "page": {"size": "A5", "binding": "right"}, "pages": [{"frames": []}]})";
    EXPECT_EQ(load(layout).page.binding, Binding::Right);
    const std::string bad = R"({"type": "print", "page": {"size": "A5", "binding": "top"}, "pages": [{"frames": []}]})";
    EXPECT_NE(error_of(bad).find("(at /page/binding)"), std::string::npos);
}

TEST(PrintSettings, BuiltInBlackNames) {
    const Document doc = load(with_frames(std::string(kRect) + R"("fill": "rich-black", "stroke": {"color": "black"}})"));
    const auto& shape = std::get<ShapeContent>(only_frame(doc).content);
    ASSERT_TRUE(shape.fill);
    EXPECT_EQ(shape.fill->space, Color::Space::Cmyk);
    EXPECT_DOUBLE_EQ(shape.fill->cmyk[0], 40);
    EXPECT_DOUBLE_EQ(shape.fill->cmyk[3], 100);
    ASSERT_TRUE(shape.stroke);
    EXPECT_DOUBLE_EQ(shape.stroke->color.cmyk[0], 0);
    EXPECT_DOUBLE_EQ(shape.stroke->color.cmyk[3], 100);
    // A layout may name its own "black".
    const Document own = load(with_frames(std::string(kRect) + R"("fill": "black"})", R"("body": {"size": "10pt"})",
                                          R"("colors": {"black": "#111111"})"));
    EXPECT_EQ(std::get<ShapeContent>(only_frame(own).content).fill->space, Color::Space::Rgb);
}

TEST(PrintSettings, RoleAndAlt) {
    const Document doc = load(with_frames(std::string(kRect) + R"("fill": "#fff", "role": "artifact", "alt": "飾り"})"));
    EXPECT_EQ(only_frame(doc).role, "artifact");
    EXPECT_EQ(only_frame(doc).alt, "飾り");
    const Document text = load(with_frames(
        R"({"type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "20mm", "style": "body", "text": "見出し", "role": "h2"})"));
    EXPECT_EQ(only_frame(text).role, "h2");
    // A picture is a figure or decoration, never a heading.
    EXPECT_NE(error_of(with_frames(std::string(kRect) + R"("role": "h1"})")).find("(at /pages/0/frames/0/role)"),
              std::string::npos);
    EXPECT_NE(error_of(with_frames(
                  R"({"type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "20mm", "style": "body", "text": "x", "alt": "y"})"))
                  .find("key 'alt' does not apply to a text frame"),
              std::string::npos);
}

}  // namespace
}  // namespace koho::model
