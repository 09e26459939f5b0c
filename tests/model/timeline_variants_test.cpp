// Variants: another size (and fps, output, caption style) for the same
// timeline, % lengths measured against the variant's frame, per-layer
// overrides whose values keep their own place in the file.
#include "timeline_support.h"

namespace koho::model {
namespace {

using testing::timeline_error;
using testing::timeline_root;

const std::string kFile = std::string(KOHO_SOURCE_DIR) + "/tests/model/data/timeline/variants.json";

Timeline load_variant(const std::string& name) {
    return load_timeline(kFile, TimelineOptions{timeline_root(), name});
}

const Layer& layer_named(const Timeline& tl, const std::string& id) {
    for (const auto& scene : tl.scenes)
        for (const auto& layer : scene.layers)
            if (layer.id == id) return layer;
    for (const auto& layer : tl.overlays)
        if (layer.id == id) return layer;
    throw std::runtime_error("no layer " + id);
}

TEST(TimelineVariants, TheMainTimeline) {
    Timeline tl = load_variant("");
    EXPECT_EQ(tl.variant, "");
    EXPECT_EQ(tl.variant_names, (std::vector<std::string>{"9x16", "square"}));
    EXPECT_EQ(tl.width_px, 1920);
    EXPECT_EQ(tl.output.preset, "youtube-1080p");
    const Layer& title = layer_named(tl, "title");
    EXPECT_DOUBLE_EQ(title.box.y, 0.7 * 810);
    EXPECT_EQ(std::get<TextContent>(tl.canvas.pages.at(*title.page).frames.at(0).content).writing,
              Writing::Horizontal);
    EXPECT_DOUBLE_EQ(layer_named(tl, "mascot").box.w, 240);
}

TEST(TimelineVariants, NineBySixteen) {
    Timeline tl = load_variant("9x16");
    EXPECT_EQ(tl.variant, "9x16");
    EXPECT_EQ(tl.width_px, 1080);
    EXPECT_EQ(tl.height_px, 1920);
    EXPECT_DOUBLE_EQ(tl.canvas.page.trim_w_pt, 810);
    EXPECT_DOUBLE_EQ(tl.canvas.page.trim_h_pt, 1440);
    // The variant's output keys replace the main ones; the others stay.
    EXPECT_EQ(tl.output.preset, "shorts-1080x1920");
    EXPECT_EQ(tl.output.preset_loc.line, 25);
    EXPECT_EQ(*tl.output.crf, 20);
    // Overridden keys come from the variant, % of its frame; the rest
    // of the layer's keys stay, measured against the same frame.
    const Layer& title = layer_named(tl, "title");
    EXPECT_DOUBLE_EQ(title.box.x, 0.1 * 810);
    EXPECT_DOUBLE_EQ(title.box.y, 0.4 * 1440);
    EXPECT_DOUBLE_EQ(title.box.w, 0.8 * 810);
    EXPECT_DOUBLE_EQ(title.box.h, 0.1 * 1440);
    EXPECT_EQ(std::get<TextContent>(tl.canvas.pages.at(*title.page).frames.at(0).content).writing, Writing::Vertical);
    const Layer& mascot = layer_named(tl, "mascot");
    EXPECT_DOUBLE_EQ(mascot.box.w, 300);
    EXPECT_DOUBLE_EQ(*mascot.keyframes.at(0).x_pt, 0.8 * 810);
    // Caption style: the variant's h on the main one's keys, the bottom of
    // the portrait title-safe area.
    EXPECT_DOUBLE_EQ(tl.caption_style.box.h, 150);
    EXPECT_DOUBLE_EQ(tl.caption_style.box.y + tl.caption_style.box.h, 0.85 * 1440);
    EXPECT_DOUBLE_EQ(tl.caption_style.style->size_pt, 1440.0 / 20);
}

TEST(TimelineVariants, SquareAtItsOwnFps) {
    Timeline tl = load_variant("square");
    EXPECT_EQ(tl.fps.num, 25);
    EXPECT_EQ(tl.frame_count(), 75);
    EXPECT_DOUBLE_EQ(*tl.output.thumbnail_s, 1);
    const auto& band = std::get<ShapeContent>(tl.canvas.pages.at(*layer_named(tl, "band").page).frames.at(0).content);
    EXPECT_EQ(*band.fill, Color::from_rgb(1, 0, 0));
}

TEST(TimelineVariants, UnknownVariantNamesTheOthers) {
    try {
        load_variant("9x61");
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.formatted(), kFile.substr(0) + ":22:15: error: unknown variant '9x61'; did you mean '9x16'? "
                                                      "(this timeline's variants: 9x16, square) (at /variants)");
    }
    EXPECT_EQ(timeline_error(R"({"type": "video", "scenes": [{"duration": "1s"}]})", "9x16"),
              "t.json:1:1: error: unknown variant '9x16': this timeline has no \"variants\"");
}

// An override line 3 of the variants object; the layer on line 2.
std::string with_override(const std::string& override_json, const std::string& extra_variant = "") {
    return "{\"type\": \"video\", \"styles\": {\"t\": {\"size\": \"20px\"}}, \"scenes\": [{\"duration\": \"2s\", \"layers\": [\n"
           "{\"id\": \"title\", \"type\": \"text\", \"style\": \"t\", \"text\": \"x\", \"x\": \"10%\"}]}],\n"
           "\"variants\": {\"v\": {\"size\": \"1080x1920\", \"layers\": " + override_json + "}" + extra_variant + "}}";
}

TEST(TimelineVariants, OverrideErrorsPointIntoTheVariant) {
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"x": "10"}})"), "v"),
              "t.json:3:67: error: \"x\": '10' has no unit; write it with one of mm, pt, px, Q, H, em, % (at "
              "/variants/v/layers/title/x)");
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"colour": "#fff"}})"), "v"),
              "t.json:3:62: error: unknown key 'colour' in a text layer (at /variants/v/layers/title/colour)");
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"src": "a.png"}})"), "v"),
              "t.json:3:62: error: key 'src' does not apply to a text layer (at /variants/v/layers/title/src)");
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"type": "rect"}})"), "v"),
              "t.json:3:62: error: a variant cannot change a layer's \"type\" (at /variants/v/layers/title/type)");
    EXPECT_EQ(timeline_error(with_override(R"({"titel": {"x": "5%"}})"), "v"),
              "t.json:3:52: error: variant 'v' overrides layer 'titel', but no layer has that id; did you mean "
              "'title'? (at /variants/v/layers/titel)");
    // Another variant's unknown layer is found while loading this one.
    EXPECT_EQ(timeline_error(with_override(R"({})", R"(, "w": {"layers": {"mascot": {}}})"), "v"),
              "t.json:3:73: error: variant 'w' overrides layer 'mascot', but no layer has that id (at "
              "/variants/w/layers/mascot)");
    // Inside an overriding string, at the character.
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"text": "ab{{nope}}"}})"), "v"),
              "t.json:3:73: error: unknown variable '{{nope}}' (\"vars\" defines none) (at /variants/v/layers/title/text)");
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"style": "tt"}})"), "v"),
              "t.json:3:71: error: unknown style 'tt' (at /variants/v/layers/title/style)");
    // The main timeline does not apply the override, but the schema
    // checks every variant's values.
    EXPECT_EQ(timeline_error(with_override(R"({"title": {"x": "10"}})")),
              "t.json:3:67: error: timeline schema: '10' is not written the way this key needs (e.g. a length with its "
              "unit, or \"#rrggbb\") (at /variants/v/layers/title/x)");
    EXPECT_EQ(timeline_error(with_override(R"({})", R"(, "w": {"size": "1081x1920"})")),
              "t.json:3:70: error: \"size\": 1081 is odd; H.264 in 4:2:0 needs an even width and height (at "
              "/variants/w/size)");
    EXPECT_EQ(timeline_error(with_override(R"({})", R"(, "w": {"sise": "1080x1920"})")),
              "t.json:3:62: error: unknown key 'sise' in variant 'w'; did you mean 'size'? (at /variants/w/sise)");
}

}  // namespace
}  // namespace koho::model
