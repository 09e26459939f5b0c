// The schema refuses the issue 4 faults the semantic pass refuses (where a
// schema can express them), so editors flag them too.
#include "model/layout_schema.h"
#include "test_support.h"

namespace koho::model {
namespace {

const char* kValidIssue4Layout = R"({
  "type": "print", "page": {"size": "A4"}, "colors": {"red": "#e60012"},
  "styles": {"body": {"size": "10pt", "start_indent": "1em", "horizontal_scale": "90%", "underline": true,
                      "outline": {"width": "1pt"}, "orphans": 2},
             "item": {"list": {"numbering": "1.", "start": 1}}},
  "character_styles": {"em": {"color": "red", "size": "12Q"}},
  "masters": {"m": {"odd": [{"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"}]}},
  "pages": [{"master": "m", "frames": [
    {"type": "text", "x": "0mm", "y": "0mm", "w": "100mm", "h": "50mm", "style": "body", "text": "[[em:x]]",
     "columns": 2, "wrap": "box"},
    {"type": "image", "src": "pixel.png", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "clip": "rounded",
     "radius": "1mm", "shadow": {"offset": ["1mm", "1mm"]}},
    {"type": "rect", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm",
     "fill": {"gradient": "linear", "stops": [["0%", "red"], ["100%", "#fff"]]}},
    {"type": "svg", "src": "mark.svg", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm"},
    {"id": "t", "type": "table", "x": "0mm", "y": "0mm", "w": "100mm", "h": "50mm", "style": "body", "next": "u",
     "columns": ["1fr", "20mm"], "padding": "1mm", "border": {"top": "none"},
     "rows": [["a", {"text": "b", "align": "end", "col_span": 1}], {"cells": ["c", "d"], "min_height": "1mm"}]},
    {"id": "u", "type": "table", "x": "0mm", "y": "60mm", "w": "100mm", "h": "50mm"}
  ]}]
})";

TEST(SchemaIssue4, GoodLayoutPassesBoth) {
    EXPECT_FALSE(find_schema_violation(nlohmann::json::parse(kValidIssue4Layout)));
    EXPECT_NO_THROW(testing::load(kValidIssue4Layout));
}

TEST(SchemaIssue4, RejectsWhatTheEngineRejects) {
    struct Case {
        const char* pointer;
        nlohmann::json value;
    } cases[] = {
        {"/styles/body/start_indent", "-1mm"},
        {"/styles/body/horizontal_scale", "0%"},
        {"/styles/body/baseline_shift", "5%"},
        {"/styles/body/underline", false},
        {"/styles/body/outline", nlohmann::json::object()},
        {"/styles/body/keep_with_next", "yes"},
        {"/styles/body/orphans", 0},
        {"/styles/body/widows", 11},
        {"/styles/body/last_line_min_chars", 1.5},
        {"/styles/item/list/numbering", "a)"},
        {"/styles/item/list/marker", "・"},
        {"/styles/item/list/level", 7},
        {"/styles/item/list/width", "0em"},
        {"/character_styles/em/size", "1em"},
        {"/character_styles/em/based_on", "x"},
        {"/character_styles/1em", nlohmann::json::object()},
        {"/masters/m/odd/0/next", "t"},
        {"/pages/0/frames/0/columns", 13},
        {"/pages/0/frames/0/gutter", "5%"},
        {"/pages/0/frames/0/wrap", "around"},
        {"/pages/0/frames/0/shadow", {{"offset", {"1mm", "1mm"}}}},
        {"/pages/0/frames/1/clip", "star"},
        {"/pages/0/frames/1/shadow/offset", {"1mm"}},
        {"/pages/0/frames/1/clip", "box"},  // radius without rounded
        {"/pages/0/frames/2/fill/gradient", "conic"},
        {"/pages/0/frames/2/fill/center", {"50%", "50%"}},
        {"/pages/0/frames/2/fill/stops", {{"0%", "red"}}},
        {"/pages/0/frames/2/fill/stops/0/0", "120%"},
        {"/pages/0/frames/3/radius", "1mm"},
        {"/pages/0/frames/4/columns/0", "0fr"},
        {"/pages/0/frames/4/columns/0", {{"align", "end"}}},
        {"/pages/0/frames/4/padding", {"1mm", "1mm", "1mm"}},
        {"/pages/0/frames/4/border/top", "dotted"},
        {"/pages/0/frames/4/rows/0/1/align", "left"},
        {"/pages/0/frames/4/rows/0/1/col_span", 0},
        {"/pages/0/frames/4/rows/1/cels", nlohmann::json::array()},
        {"/pages/0/frames/4/header", {{"fil", "red"}}},
        {"/pages/0/frames/5/style", "body"},
        {"/pages/0/frames/5/type", "tabel"},
    };
    for (const auto& c : cases) {
        nlohmann::json doc = nlohmann::json::parse(kValidIssue4Layout);
        doc[nlohmann::json::json_pointer(c.pointer)] = c.value;
        EXPECT_TRUE(find_schema_violation(doc)) << "schema accepts " << c.pointer << " = " << c.value.dump();
        EXPECT_NE(testing::error_of(doc.dump()), "no error") << "engine accepts " << c.pointer;
    }
}

}  // namespace
}  // namespace koho::model
