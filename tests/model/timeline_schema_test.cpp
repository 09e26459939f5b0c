// The timeline schema: embedded as written, and in step with the semantic
// pass — what the engine refuses and a schema can express, the schema
// refuses too, so that editors flag it as the user types.
#include <fstream>
#include <sstream>

#include "model/layout_schema.h"
#include "model/timeline_schema.h"
#include "timeline_support.h"

namespace koho::model {
namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<SchemaViolation> violation_of(const nlohmann::json& doc) {
    return find_schema_violation(timeline_schema_text(), doc, "timeline schema");
}

// Every kind of layer, a variant, sound, captions, chapters and output.
constexpr const char* kGood = R"({
  "$schema": "schema/timeline.schema.json", "type": "video", "title": "t", "lang": "ja",
  "size": "640x360", "fps": 29.97, "background": "#000000", "duration": "4s",
  "fonts": {"g": "Noto Sans CJK JP"}, "colors": {"brand": "#0068b7"}, "vars": {"v": "x"},
  "styles": {"t": {"font": "g", "size": "30px", "outline": {"width": "2px"}}},
  "scenes": [
    {"id": "a", "duration": "2s", "transition": {"type": "wipe", "duration": "10f", "direction": "up", "easing": "linear"},
     "layers": [
       {"id": "photo", "type": "image", "src": "media/photos/office.jpg", "fit": "cover", "focus": ["50%", "20%"],
        "motion": {"from": {"scale": 1}, "to": {"scale": 1.1, "x": "-10px"}, "easing": "ease-in"}},
       {"id": "title", "type": "text", "style": "t", "text": "{{v}}", "x": "10%", "y": "70%", "w": "80%", "h": "20%",
        "valign": "center", "writing": "horizontal", "overflow": "error", "inset": "4px", "fill": "brand",
        "enter": {"effect": "slide", "direction": "left", "duration": "300ms"}, "exit": {"effect": "fade"}},
       {"type": "rect", "w": "20px", "h": "20px", "radius": "4px", "fill": "brand", "stroke": {"width": "1px"},
        "shadow": {"offset": ["1px", "1px"]}},
       {"type": "ellipse", "w": "20px", "h": "20px", "fill": {"gradient": "radial", "stops": [["0%", "#fff"], ["100%", "#000"]]}},
       {"type": "svg", "src": "media/mark.svg", "w": "40px"},
       {"type": "video", "src": "media/clips/walk.mp4", "trim": {"start": "1s"}, "loop": true, "muted": false, "gain": "-3dB"}
     ]},
    {"id": "b", "duration": "2.5s", "background": "#ffffff"}
  ],
  "overlays": [{"id": "mascot", "type": "image", "src": "media/mascot/placeholder.png", "w": "100px",
                "keyframes": [{"t": "0s", "x": "0px", "y": "10%", "scale": 1, "rotate": 0, "opacity": 1, "easing": "linear"}]}],
  "audio": [{"id": "bgm", "src": "media/audio/bgm.wav", "gain": "-6dB", "loop": true, "fade_in": "1s", "fade_out": "1s",
             "trim": {"start": "0s"}, "end": "4s",
             "duck": {"under": "voice", "by": "-12dB", "attack": "80ms", "release": "500ms", "threshold": "-45dB"}},
            {"id": "voice", "src": "media/audio/narration.wav", "start": "1s"}],
  "loudness": {"integrated": "-14LUFS", "true_peak": "-1dBTP"},
  "captions": [{"start": "0s", "end": "1s", "text": "字幕"}],
  "caption_style": {"style": "t", "burn_in": true, "x": "5%", "y": "80%", "w": "90%", "h": "15%"},
  "chapters": [{"start": "0s", "title": "はじめに"}],
  "output": {"preset": "youtube-1080p", "crf": 23, "encoder_preset": "medium", "thumbnail": {"scene": "b"}},
  "variants": {"9x16": {"size": "360x640", "fps": 30, "output": {"thumbnail": "1s"}, "caption_style": {"h": "10%"},
                        "layers": {"title": {"y": "40%"}, "mascot": {"w": "80px"}}}}
})";

TEST(TimelineSchema, EmbeddedAsWritten) {
    EXPECT_EQ(std::string(timeline_schema_text()),
              read(std::string(KOHO_SOURCE_DIR) + "/layouts/schema/timeline.schema.json"));
}

TEST(TimelineSchema, TheGoodTimelinePassesBoth) {
    auto violation = violation_of(nlohmann::json::parse(kGood));
    EXPECT_FALSE(violation) << violation->pointer << ": " << violation->message;
    EXPECT_EQ(testing::timeline_error(kGood), "no error");
    EXPECT_EQ(testing::timeline_error(kGood, "9x16"), "no error");
}

TEST(TimelineSchema, RejectsWhatTheEngineRejects) {
    struct Case {
        const char* pointer;
        nlohmann::json value;
    } cases[] = {
        {"/type", "print"},
        {"/size", "640x360x"},
        {"/size", 640},
        {"/fps", 25.5},
        {"/fps", 0},
        {"/fps", "30"},
        {"/duration", 4},
        {"/duration", "4 s"},
        {"/duration", "-4s"},
        {"/lenght", "4s"},
        {"/styles/koho:x", nlohmann::json::object()},
        {"/vars/page", "1"},
        {"/scenes/0/duration", "2"},
        {"/scenes/0/id", ""},
        {"/scenes/0/transition/type", "dissolve"},
        {"/scenes/0/transition/direction", "sideways"},
        {"/scenes/0/transition/easing", "ease"},
        {"/scenes/0/layers/0/type", "picture"},
        {"/scenes/0/layers/0/fit", "stretch"},
        {"/scenes/0/layers/0/focus/0", "120%"},
        {"/scenes/0/layers/0/motion/to/scale", 0},
        {"/scenes/0/layers/0/motion/to/z", 1},
        {"/scenes/0/layers/0/style", "t"},
        {"/scenes/0/layers/1/writing", "sideways"},
        {"/scenes/0/layers/1/valign", "middle"},
        {"/scenes/0/layers/1/overflow", "hidden"},
        {"/scenes/0/layers/1/x", 10},
        {"/scenes/0/layers/1/w", "0px"},
        {"/scenes/0/layers/1/opacity", 1.5},
        {"/scenes/0/layers/1/enter/effect", "zoom"},
        {"/scenes/0/layers/1/enter/duration", 1},
        {"/scenes/0/layers/1/src", "a.png"},
        {"/scenes/0/layers/2/radius", "1em"},
        {"/scenes/0/layers/3/radius", "4px"},
        {"/scenes/0/layers/5/trim/middle", "1s"},
        {"/scenes/0/layers/5/loop", "yes"},
        {"/scenes/0/layers/5/gain", "-3"},
        {"/overlays/0/keyframes/0/t", 0},
        {"/overlays/0/keyframes/0/opacity", 2},
        {"/overlays/0/keyframes/0/z", 1},
        {"/audio/0/gain", -6},
        {"/audio/0/duck/by", "-12"},
        {"/audio/0/volume", "-6dB"},
        {"/audio/1/src", ""},
        {"/loudness", "none"},
        {"/loudness/integrated", "-14LKFS"},
        {"/loudness/true_peak", -1},
        {"/captions/0/end", 1},
        {"/captions/0/speaker", "a"},
        {"/caption_style/burn_in", "yes"},
        {"/chapters/0/title", ""},
        {"/output/crf", 52},
        {"/output/crf", 20.5},
        {"/output/encoder_preset", "placebo"},
        {"/output/thumbnail", 1},
        {"/output/thumbnail", {{"time", "1s"}}},
        {"/variants/9x16/size", "360 x 640"},
        {"/variants/9x16/sise", "360x640"},
        {"/variants/9x16/layers/title/x", "10"},
        {"/variants/9x16/layers/title/colour", "#fff"},
        {"/variants/9x16/layers/title/type", "rect"},
    };
    for (const auto& c : cases) {
        nlohmann::json doc = nlohmann::json::parse(kGood);
        doc[nlohmann::json::json_pointer(c.pointer)] = c.value;
        EXPECT_TRUE(violation_of(doc)) << "schema accepts " << c.pointer << " = " << c.value.dump();
        EXPECT_NE(testing::timeline_error(doc.dump(), "9x16"), "no error") << "engine accepts " << c.pointer;
    }
    // Required keys.
    for (const char* pointer : {"/scenes/0/duration", "/scenes/0/layers/0/src", "/scenes/0/layers/1/text",
                                "/scenes/0/layers/1/style", "/scenes/0/transition/type", "/audio/0/src",
                                "/audio/0/duck/under", "/captions/0/text", "/chapters/0/start",
                                "/scenes/0/layers/1/enter/effect", "/overlays/0/keyframes/0/t", "/type"}) {
        nlohmann::json doc = nlohmann::json::parse(kGood);
        const nlohmann::json::json_pointer at(pointer);
        doc[at.parent_pointer()].erase(at.back());
        EXPECT_TRUE(violation_of(doc)) << "schema accepts a missing " << pointer;
        EXPECT_NE(testing::timeline_error(doc.dump()), "no error") << "engine accepts a missing " << pointer;
    }
}

}  // namespace
}  // namespace koho::model
