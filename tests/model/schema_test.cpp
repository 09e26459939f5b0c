// The layout schema: embedded, valid draft-07 for valijson, and in step with
// the semantic checks.
#include <fstream>
#include <sstream>

#include "model/layout_schema.h"
#include "test_support.h"

namespace koho::model {
namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const char* kValidLayout = R"({
  "$schema": "schema/layout.schema.json", "type": "print", "title": "t", "lang": "ja",
  "page": {"size": "A4", "orientation": "portrait", "bleed": "3mm", "marks": "tombo"},
  "fonts": {"gothic": "Noto Sans CJK JP"}, "colors": {"red": "#e60012", "k": {"cmyk": [0, 0, 0, 100]}},
  "styles": {"body": {"font": "gothic", "size": "13Q", "leading": "22H", "weight": "bold",
                      "strong": {"weight": 900, "color": "red"}},
             "lead": {"based_on": "body", "size": "1.2em"}},
  "vars": {"url": "https://example.jp"},
  "masters": {"inner": {"frames": [{"type": "text", "x": "15mm", "y": "287mm", "w": "180mm", "h": "5mm",
                                     "style": "body", "text": "{{page}}"}]}},
  "pages": [{"master": "inner", "section": "s", "frames": [
    {"id": "a", "type": "text", "x": "0mm", "y": "0mm", "w": "50%", "h": "50mm", "style": "lead", "text": "x",
     "next": "b", "inset": "1em", "fill": "k"},
    {"id": "b", "type": "text", "x": "0mm", "y": "60mm", "w": "50mm", "h": "50mm", "writing": "vertical"},
    {"type": "image", "src": "pixel.png", "x": "-3mm", "y": "-3mm", "w": "10mm", "h": "10mm", "focus": ["50%", "100%"]},
    {"type": "rect", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "stroke": {"width": "1pt", "dash": ["1mm"]}},
    {"type": "ellipse", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "fill": "red"},
    {"type": "line", "x": "0mm", "y": "0mm", "x2": "10mm", "y2": "0mm"},
    {"type": "qr", "data": "{{url}}", "x": "0mm", "y": "0mm", "size": "20mm", "quiet_zone": 4}
  ]}]
})";

TEST(Schema, EmbeddedCopyIsTheFileInTheTree) {
    EXPECT_EQ(std::string(layout_schema_text()),
              read(std::string(KOHO_SOURCE_DIR) + "/layouts/schema/layout.schema.json"));
}

TEST(Schema, AcceptsAGoodLayoutThatTheEngineAccepts) {
    auto violation = find_schema_violation(nlohmann::json::parse(kValidLayout));
    EXPECT_FALSE(violation) << violation->pointer << ": " << violation->message;
    EXPECT_NO_THROW(testing::load(kValidLayout));
}

TEST(Schema, ReportsTheDeepestErrorAtItsPointer) {
    nlohmann::json doc = nlohmann::json::parse(kValidLayout);
    doc["pages"][0]["frames"][2]["focus"][1] = "130%";
    auto violation = find_schema_violation(doc);
    ASSERT_TRUE(violation);
    EXPECT_EQ(violation->pointer, "/pages/0/frames/2/focus/1");
    EXPECT_EQ(violation->message,
              "layout schema: '130%' is not written the way this key needs (e.g. a length with its unit, or "
              "\"#rrggbb\")");

    doc = nlohmann::json::parse(kValidLayout);
    doc["styles"]["body"]["strong"]["colour"] = "red";
    violation = find_schema_violation(doc);
    ASSERT_TRUE(violation);
    EXPECT_EQ(violation->pointer, "/styles/body/strong");
    EXPECT_EQ(violation->message, "layout schema: unknown key 'colour'.");
}

TEST(Schema, ViolationsAreLocatedThroughThePointerIndex) {
    JsonSource source = JsonSource::parse(
        "{\"type\": \"print\", \"page\": {\"size\": \"A4\"},\n \"pages\": [{\"frames\": [\n"
        "  {\"type\": \"qr\", \"x\": \"0mm\", \"y\": \"0mm\", \"size\": \"1mm\", \"data\": \"x\", \"quiet_zone\": 40}]}]}",
        "s.json");
    try {
        validate_layout_schema(source);
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()),
                  "s.json:3:84: error: layout schema: the value 40 is not allowed here: expected a number less than or "
                  "equal to 16 "
                  "(at /pages/0/frames/0/quiet_zone)");
    }
}

// Every fault the semantic pass refuses that a schema can express must be
// refused by the schema too, or editors would not flag it.
TEST(Schema, RejectsWhatTheEngineRejects) {
    struct Case {
        const char* pointer;
        nlohmann::json value;
    } cases[] = {
        {"/page/size", "A7"},
        {"/page/bleed", 3},
        {"/page/bleed", "-1mm"},
        {"/page/orientation", "sideways"},
        {"/styles/body/size", "0Q"},
        {"/styles/body/size", "1e2pt"},
        {"/styles/body/weight", 950},
        {"/styles/body/indent", "10%"},
        {"/styles/body/tcy_digits", 2.5},
        {"/styles/body/sise", "1pt"},
        {"/colors/k/cmyk/1", 120},
        {"/colors/red", "red"},
        {"/vars/page", "1"},
        {"/pages/0/frames/0/w", "-1mm"},
        {"/pages/0/frames/0/x", "1em"},
        {"/pages/0/frames/0/content", nlohmann::json::array({{{"text", "y"}}})},
        {"/pages/0/frames/0/opacity", 2},
        {"/pages/0/frames/1/src", "a.png"},
        {"/pages/0/frames/2/focus/1", "130%"},
        {"/pages/0/frames/3/stroke/dash/0", "0mm"},
        {"/pages/0/frames/6/ec", "X"},
        {"/pages/0/frames/6/quiet_zone", 20},
        {"/pages/0/frames/5/type", "txt"},
        {"/masters/inner/frames/0/next", "a"},
        {"/type", "video"},
    };
    for (const auto& c : cases) {
        nlohmann::json doc = nlohmann::json::parse(kValidLayout);
        doc[nlohmann::json::json_pointer(c.pointer)] = c.value;
        EXPECT_TRUE(find_schema_violation(doc)) << "schema accepts " << c.pointer << " = " << c.value.dump();
        EXPECT_NE(testing::error_of(doc.dump()), "no error") << "engine accepts " << c.pointer;
    }
    nlohmann::json no_pages = nlohmann::json::parse(kValidLayout);
    no_pages["pages"] = nlohmann::json::array();
    EXPECT_TRUE(find_schema_violation(no_pages));
}

TEST(Schema, CustomSizeWithOrientationIsRefusedByBoth) {
    nlohmann::json doc = nlohmann::json::parse(kValidLayout);
    doc["page"]["size"] = {{"w", "100mm"}, {"h", "50mm"}};
    EXPECT_TRUE(find_schema_violation(doc));
    doc["page"].erase("orientation");
    EXPECT_FALSE(find_schema_violation(doc));
    EXPECT_NO_THROW(testing::load(doc.dump()));
}

}  // namespace
}  // namespace koho::model
