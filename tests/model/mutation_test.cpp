// Deterministic random mutations of a good layout: every result is either a
// Document or one located BadInput error, never a crash or another
// exception; and the semantic pass catches everything the schema does, so
// users get its clearer messages (no message falls through to the schema).
#include <random>

#include "model/layout_schema.h"
#include "test_support.h"

namespace koho::model {
namespace {

const char* kBase = R"({
  "type": "print", "title": "t",
  "page": {"size": "A4", "orientation": "portrait", "bleed": "3mm", "marks": "tombo"},
  "fonts": {"gothic": "Noto Sans CJK JP"}, "colors": {"red": "#e60012", "k": {"cmyk": [0, 0, 0, 100]}},
  "styles": {"body": {"font": "gothic", "size": "13Q", "leading": "22H", "weight": "bold", "indent": "1em",
                      "strong": {"weight": 900, "color": "red"}, "tcy_digits": 2, "hanging": true},
             "lead": {"based_on": "body", "size": "1.2em", "align": "justify", "start_indent": "1em",
                      "horizontal_scale": "90%", "baseline_shift": "-1pt", "underline": {"color": "red", "width": "1pt"},
                      "outline": {"width": "0.1em"}, "keep_with_next": true, "orphans": 2, "widows": 2,
                      "last_line_min_chars": 2},
             "item": {"list": {"numbering": "①", "start": 2, "level": 1, "width": "2em", "item_gap": "1mm", "color": "red"}},
             "sub": {"based_on": "item", "list": {"marker": "・", "level": 2}}},
  "character_styles": {"em": {"font": "gothic", "weight": "bold", "size": "12Q", "color": "red", "tracking": "0.1em",
                              "horizontal_scale": "80%", "baseline_shift": "1pt", "underline": true,
                              "outline": {"color": "k", "width": "1pt"}}},
  "vars": {"url": "https://example.jp"},
  "masters": {"inner": {"frames": [{"type": "text", "x": "15mm", "y": "287mm", "w": "180mm", "h": "5mm",
                                     "style": "body", "text": "{{page}}"}],
                        "odd": [{"type": "rect", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "wrap": "box"}],
                        "even": [{"type": "line", "x": "0mm", "y": "0mm", "x2": "1mm", "y2": "0mm"}]}},
  "pages": [{"master": "inner", "section": "s", "frames": [
    {"id": "a", "type": "text", "x": "0mm", "y": "0mm", "w": "50%", "h": "50mm", "style": "lead", "text": "x**y**",
     "next": "b", "inset": "1em", "fill": "k", "valign": "center"},
    {"id": "b", "type": "text", "x": "0mm", "y": "60mm", "w": "50mm", "h": "50mm", "writing": "vertical"},
    {"type": "text", "x": "0mm", "y": "0mm", "w": "5mm", "h": "5mm", "content": [{"style": "body", "text": "c[[em:d]]"}]},
    {"type": "text", "x": "0mm", "y": "0mm", "w": "90mm", "h": "50mm", "style": "item", "text": "x\ny", "columns": 2,
     "gutter": "4mm", "balance": true, "column_rule": {"width": "1pt"}, "wrap": {"mode": "box", "offset": "1mm"}},
    {"type": "svg", "src": "mark.svg", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "fit": "cover", "clip": "rounded",
     "radius": "1mm", "shadow": {"offset": ["1mm", "1mm"], "color": "k"}, "wrap": "contour"},
    {"type": "rect", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm",
     "fill": {"gradient": "linear", "angle": 45, "stops": [["0%", "red"], ["100%", "#fff"]]}},
    {"type": "ellipse", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm",
     "fill": {"gradient": "radial", "center": ["50%", "50%"], "radius": "50%", "stops": [["0%", "red"], ["100%", "#fff"]]}},
    {"id": "tb", "type": "table", "x": "0mm", "y": "100mm", "w": "100mm", "h": "50mm", "style": "body", "next": "tc",
     "columns": ["20mm", "1fr", {"width": "auto", "align": "end"}], "padding": ["1mm", "2mm"],
     "border": {"color": "k", "width": "0.5pt"}, "header_rows": 1, "header": {"fill": "#eee", "style": "lead"},
     "zebra": "#fafafa", "overflow": "allow",
     "rows": [["h1", "h2", "h3"],
              {"cells": [{"text": "a", "row_span": 2, "align": "center", "valign": "start", "fill": "red",
                          "padding": "1mm", "border": {"top": "none", "left": {"width": "1pt"}}}, "b", "1.5"],
               "fill": "#fff", "min_height": "5mm", "style": "body", "border": "none"},
              [{"text": "c", "col_span": 2, "style": "item"}]]},
    {"id": "tc", "type": "table", "x": "0mm", "y": "160mm", "w": "100mm", "h": "50mm", "opacity": 1},
    {"type": "image", "src": "pixel.png", "x": "-3mm", "y": "-3mm", "w": "10mm", "h": "10mm", "focus": ["50%", "100%"], "fit": "contain"},
    {"type": "rect", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "radius": "1mm", "stroke": {"width": "1pt", "dash": ["1mm"], "color": "red"}},
    {"type": "ellipse", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm", "fill": "red", "opacity": 0.5},
    {"type": "line", "x": "0mm", "y": "0mm", "x2": "10mm", "y2": "0mm"},
    {"type": "qr", "data": "{{url}}", "x": "0mm", "y": "0mm", "size": "20mm", "quiet_zone": 4, "ec": "H"}
  ]}]
})";

void pointers(const nlohmann::json& value, const std::string& at, std::vector<std::string>& out) {
    out.push_back(at);
    if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it) pointers(*it, pointer_join(at, it.key()), out);
    else if (value.is_array())
        for (size_t i = 0; i < value.size(); ++i) pointers(value[i], pointer_join(at, i), out);
}

TEST(Mutation, EveryMutantLoadsOrFailsWithOneLocatedMessage) {
    const nlohmann::json base = nlohmann::json::parse(kBase);
    ASSERT_NO_THROW(testing::load(kBase));
    std::vector<std::string> all;
    pointers(base, "", all);
    const std::vector<nlohmann::json> palette = {
        12, -1, 0, 2.5, 1e300, true, nullptr, "", "12", "abc", "-1mm", "0mm", "5%", "1em", "#fff", "#12",
        "body", "a", "b", "{{page}}", "**", "{x", "A5", "landscape", nlohmann::json::object(),
        nlohmann::json::array(), nlohmann::json::array({"1mm"}), {{"cmyk", {1, 2, 3, 4}}}, {{"w", "1mm"}}};
    std::mt19937 random(20261125);
    int failures = 0, accepted = 0;
    for (int round = 0; round < 2000; ++round) {
        nlohmann::json doc = base;
        const std::string& at = all[random() % all.size()];
        nlohmann::json::json_pointer pointer(at);
        switch (random() % 3) {
            case 0: doc[pointer] = palette[random() % palette.size()]; break;
            case 1:
                if (!at.empty()) doc.at(pointer.parent_pointer()).is_object()
                                     ? (void)doc.at(pointer.parent_pointer()).erase(pointer.back())
                                     : (void)doc.at(pointer.parent_pointer()).erase(std::stoul(pointer.back()));
                break;
            default:
                if (doc.at(pointer).is_object()) doc.at(pointer)["colour"] = "red";
                else doc[pointer] = palette[random() % palette.size()];
        }
        std::string text = doc.dump(1);
        try {
            testing::load(text);
            ++accepted;
            EXPECT_FALSE(find_schema_violation(doc)) << text;
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::BadInput) << error.what();
            EXPECT_GT(error.loc().line, 0) << error.what();
            EXPECT_EQ(error.message().rfind("layout schema:", 0), std::string::npos)
                << "only the schema saw this: " << error.what() << "\n" << text;
            if (++failures > 2000) break;
        } catch (const std::exception& other) {
            ADD_FAILURE() << "not a koho::Error: " << other.what() << "\n" << text;
        }
    }
    EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace koho::model
