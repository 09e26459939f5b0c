// Every fault load_timeline refuses, each pinned to its message and to the
// line and column of the value at fault.
#include "model/layout_loader.h"
#include "timeline_support.h"

namespace koho::model {
namespace {

using testing::scene_with;
using testing::timeline_error;
using testing::timeline_with;

// Line 3 of timeline_with() holds `scenes` (2 s, id "a") then `rest`.
std::string two_second_video(const std::string& rest) {
    return timeline_with("\"scenes\": [{\"id\": \"a\", \"duration\": \"2s\"}],\n" + rest);
}

TEST(TimelineErrors, TypeAndTopLevel) {
    EXPECT_EQ(timeline_error(R"({"type": "print", "page": {"size": "A4"}, "pages": [{}]})"),
              "t.json:1:10: error: this is a print layout (\"type\": \"print\"); koho video reads video timelines "
              "(at /type)");
    EXPECT_EQ(timeline_error(R"({"type": "vidoe"})"),
              "t.json:1:10: error: unknown timeline type 'vidoe'; use video; did you mean 'video'? (at /type)");
    EXPECT_EQ(timeline_error(R"({"size": "320x180"})"), "t.json:1:1: error: a timeline needs \"type\"");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [], "overlay": [])")),
              "t.json:3:15: error: unknown key 'overlay' in a video timeline; did you mean 'overlays'? (at /overlay)");
    EXPECT_EQ(timeline_error(R"({"type": "video"})"),
              "t.json:1:1: error: a timeline of zero length: give it \"scenes\" (or a \"duration\" of at least one "
              "frame)");
    EXPECT_EQ(timeline_error(R"({"type": "video", "scenes": []})"),
              "t.json:1:29: error: a timeline of zero length: give it \"scenes\" (or a \"duration\" of at least one "
              "frame) (at /scenes)");
    EXPECT_EQ(timeline_error(R"({"type": "video", "duration": "0s"})"),
              "t.json:1:31: error: a timeline of zero length: give it \"scenes\" (or a \"duration\" of at least one "
              "frame) (at /duration)");
    EXPECT_EQ(timeline_error(R"({"type": "video", "duration": 5})"),
              "t.json:1:31: error: \"duration\" is a bare number (5); times need a unit: \"2.5s\", \"500ms\" or frames "
              "\"15f\" (at /duration)");
}

TEST(TimelineErrors, SizeAndFps) {
    auto with_size = [](const std::string& size) {
        return timeline_error(R"({"type": "video", "size": )" + size + R"(, "scenes": [{"duration": "1s"}]})");
    };
    EXPECT_EQ(with_size("\"1921x1080\""),
              "t.json:1:27: error: \"size\": 1921 is odd; H.264 in 4:2:0 needs an even width and height (at /size)");
    EXPECT_EQ(with_size("\"7682x1080\""),
              "t.json:1:27: error: \"size\": each side must be from 2 to 7680 pixels, not 7682 (at /size)");
    EXPECT_EQ(with_size("\"0x1080\""),
              "t.json:1:27: error: \"size\": each side must be from 2 to 7680 pixels, not 0 (at /size)");
    EXPECT_EQ(with_size("\"1920×1080\""),
              "t.json:1:27: error: \"size\" must be the frame size in pixels written \"WIDTHxHEIGHT\", e.g. "
              "\"1920x1080\", not '1920×1080' (at /size)");
    EXPECT_EQ(with_size("[1920, 1080]"),
              "t.json:1:27: error: \"size\" must be the frame size in pixels written \"WIDTHxHEIGHT\", e.g. "
              "\"1920x1080\", not an array (at /size)");
    auto with_fps = [](const std::string& fps) {
        return timeline_error(R"({"type": "video", "fps": )" + fps + R"(, "scenes": [{"duration": "1s"}]})");
    };
    EXPECT_EQ(with_fps("25.5"),
              "t.json:1:26: error: \"fps\" must be a whole number from 1 to 120, or 23.976, 29.97 or 59.94, not 25.5 "
              "(at /fps)");
    EXPECT_EQ(with_fps("30.0"),
              "t.json:1:26: error: \"fps\" must be a whole number from 1 to 120, or 23.976, 29.97 or 59.94, not 30.0 "
              "(at /fps)");
    EXPECT_EQ(with_fps("121"),
              "t.json:1:26: error: \"fps\" must be a whole number from 1 to 120, or 23.976, 29.97 or 59.94, not 121 "
              "(at /fps)");
    EXPECT_EQ(with_fps("\"30\""),
              "t.json:1:26: error: \"fps\" must be a whole number from 1 to 120, or 23.976, 29.97 or 59.94, not a "
              "string (at /fps)");
}

TEST(TimelineErrors, Scenes) {
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [{"id": "a", "duration": "0s"}])")),
              "t.json:3:36: error: \"duration\" of a scene must be greater than zero (at /scenes/0/duration)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [{"id": "a"}])")),
              "t.json:3:12: error: a scene needs \"duration\" (at /scenes/0)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [{"duration": "2 s"}])")),
              "t.json:3:25: error: \"duration\": '2 s' is not a duration: the number is not valid (at "
              "/scenes/0/duration)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [{"duration": "2h"}])")),
              "t.json:3:25: error: \"duration\": '2h' is not a duration; write e.g. \"2.5s\", \"500ms\" or \"15f\" "
              "(at /scenes/0/duration)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [{"id": "a", "duration": "1s"}, {"id": "a", "duration": "1s"}])")),
              "t.json:3:50: error: two scenes have the id 'a' (the first at line 3, column 19) (at /scenes/1/id)");
}

TEST(TimelineErrors, Transitions) {
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [
  {"id": "a", "duration": "1s", "transition": {"type": "crossfade", "duration": "1.5s"}},
  {"id": "b", "duration": "3s"}])")),
              "t.json:4:47: error: this transition (1.5s) is longer than scene 'a' (1s) (at /scenes/0/transition)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [
  {"id": "a", "duration": "3s", "transition": {"type": "wipe", "duration": "1.5s"}},
  {"duration": "1s"}])")),
              "t.json:4:47: error: this transition (1.5s) is longer than scene 2 (1s) (at /scenes/0/transition)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [
  {"id": "a", "duration": "3s", "transition": {"type": "wipe", "duration": "0.6s"}},
  {"id": "b", "duration": "1s", "transition": {"type": "wipe", "duration": "0.6s"}},
  {"id": "c", "duration": "3s"}])")),
              "t.json:5:47: error: the transitions into and out of scene 'b' (0.6s + 0.6s) take longer than the scene "
              "(1s) (at /scenes/1/transition)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [
  {"duration": "3s", "transition": {"type": "dissolve"}}, {"duration": "1s"}])")),
              "t.json:4:45: error: unknown transition 'dissolve'; use crossfade, wipe or slide (at "
              "/scenes/0/transition/type)");
    EXPECT_EQ(timeline_error(timeline_with(R"("scenes": [
  {"duration": "3s", "transition": {"type": "crossfade", "direction": "left"}}, {"duration": "1s"}])")),
              "t.json:4:58: error: \"direction\" applies to wipe and slide transitions, not to a crossfade (at "
              "/scenes/0/transition/direction)");
}

TEST(TimelineErrors, LayerKeysAndTimes) {
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "colour": "#ff0000"})")),
              "t.json:4:18: error: unknown key 'colour' in a rect layer (at /scenes/0/layers/0/colour)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "text", "style": "t", "text": "x", "src": "a.png"})")),
              "t.json:4:45: error: key 'src' does not apply to a text layer (at /scenes/0/layers/0/src)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "motion": {}})")),
              "t.json:4:18: error: key 'motion' does not apply to a rect layer (at /scenes/0/layers/0/motion)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "picture"})")),
              "t.json:4:10: error: unknown layer type 'picture'; use image, text, rect, ellipse, svg or video (at "
              "/scenes/0/layers/0/type)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "text", "text": "x"})")),
              "t.json:4:1: error: a text layer needs \"style\" (at /scenes/0/layers/0)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "start": "1s", "end": "1s"})")),
              "t.json:4:40: error: \"end\" (1s) must come after \"start\" (1s) (at /scenes/0/layers/0/end)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "start": "2s"})")),
              "t.json:4:27: error: \"start\" (2s) is not within scene 'a' (2s long) (at /scenes/0/layers/0/start)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "end": "2.5s"})")),
              "t.json:4:25: error: \"end\" (2.5s) is after the end of scene 'a' (2s) (at /scenes/0/layers/0/end)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "x": "330px"})")),
              "t.json:4:23: error: this layer starts at or past the frame's right edge; give it a \"w\" (at "
              "/scenes/0/layers/0/x)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "w": "0px"})")),
              "t.json:4:23: error: \"w\" must be greater than zero, not '0px' (at /scenes/0/layers/0/w)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "id": "r"}, {"type": "rect", "id": "r"})")),
              "t.json:4:53: error: two layers have the id 'r' (the first at line 4, column 24) (at "
              "/scenes/0/layers/1/id)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "w": "10px", "h": "10px", "radius": "6px"})")),
              "t.json:4:54: error: \"radius\" is more than half the layer's shorter side (at "
              "/scenes/0/layers/0/radius)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "text", "style": "tt", "text": "x"})")),
              "t.json:4:27: error: unknown style 'tt' (at /scenes/0/layers/0/style)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "text", "style": "t", "text": "p. {{page}}"})")),
              "t.json:4:44: error: {{page}} is known only when pages are composed and cannot be used here (at "
              "/scenes/0/layers/0/text)");
}

TEST(TimelineErrors, KeyframesEffectsMotion) {
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "keyframes": [
  {"t": "1s", "x": "0px"},
  {"t": "500ms", "x": "10px"}]})")),
              "t.json:6:9: error: keyframes must be in time order: 0.5s comes after 1s (at "
              "/scenes/0/layers/0/keyframes/1/t)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "keyframes": [{"t": "0s"}, {"t": "0s"}]})")),
              "t.json:4:51: error: keyframes must be in time order: 0s comes after 0s (at "
              "/scenes/0/layers/0/keyframes/1/t)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "keyframes": [{"t": "0s", "x": 10}]})")),
              "t.json:4:49: error: \"x\" is a bare number (10); lengths need a unit, e.g. \"10mm\" (units: mm, pt, px, "
              "Q, H or %) (at /scenes/0/layers/0/keyframes/0/x)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "keyframes": [{"t": "0s", "easing": "ease"}]})")),
              "t.json:4:54: error: unknown easing 'ease'; use linear, ease-in, ease-out, ease-in-out or ease-out-back "
              "(at /scenes/0/layers/0/keyframes/0/easing)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "keyframes": [{"t": "0s", "opacity": 1.5}]})")),
              "t.json:4:55: error: \"opacity\" must be between 0 and 1, not 1.5 (at "
              "/scenes/0/layers/0/keyframes/0/opacity)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "enter": {"effect": "fade", "direction": "up"}})")),
              "t.json:4:46: error: \"direction\" applies to the slide effect only (at /scenes/0/layers/0/enter/direction)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "rect", "enter": {"effect": "zoom"}})")),
              "t.json:4:38: error: unknown effect 'zoom'; use fade, slide or pop (at /scenes/0/layers/0/enter/effect)");
    EXPECT_EQ(timeline_error(scene_with(
                  R"({"type": "rect", "enter": {"effect": "fade", "duration": "1.5s"}, "exit": {"effect": "fade", "duration": "1s"}})")),
              "t.json:4:75: error: \"enter\" and \"exit\" (1.5s + 1s) take longer than the layer is shown (2s) (at "
              "/scenes/0/layers/0/exit)");
    EXPECT_EQ(timeline_error(scene_with(
                  R"({"type": "image", "src": "media/mark.svg", "motion": {"from": {"scale": 0}}})")),
              "t.json:4:73: error: \"scale\" of a motion must be greater than zero (at "
              "/scenes/0/layers/0/motion/from/scale)");
}

TEST(TimelineErrors, Media) {
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "image", "src": "media/photos/nothere.jpg"})")),
              "t.json:4:26: error: image 'media/photos/nothere.jpg' not found (looked in " +
                  std::filesystem::canonical(testing::timeline_root()).string() + ") (at /scenes/0/layers/0/src)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "svg", "src": "media/a-folder"})")),
              "t.json:4:24: error: SVG file 'media/a-folder' is not a regular file (at /scenes/0/layers/0/src)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "video", "src": "/etc/passwd"})")),
              "t.json:4:26: error: video file path '/etc/passwd' is absolute; name it relative to the project root (at "
              "/scenes/0/layers/0/src)");
    const std::string outside = timeline_error(scene_with(R"({"type": "image", "src": "../../etc/passwd"})"));
    EXPECT_EQ(outside.substr(0, 58), "t.json:4:26: error: image '../../etc/passwd' resolves to /");
    EXPECT_NE(outside.find(", outside the project root "), std::string::npos) << outside;
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [{"src": "media/audio"}])")),
              "t.json:4:19: error: audio file 'media/audio' is not a regular file (at /audio/0/src)");
    EXPECT_EQ(timeline_error(scene_with(R"({"type": "video", "src": "media/clips/walk.mp4", "trim": {"start": "3s", "end": "2s"}})")),
              "t.json:4:81: error: \"end\" of \"trim\" (2s) must come after its \"start\" (3s) (at "
              "/scenes/0/layers/0/trim/end)");
}

TEST(TimelineErrors, Overlays) {
    EXPECT_EQ(timeline_error(two_second_video(R"("overlays": [{"type": "rect", "start": "2s"}])")),
              "t.json:4:40: error: \"start\" (2s) is not within the video (2s long) (at /overlays/0/start)");
    EXPECT_EQ(timeline_error(two_second_video(R"("overlays": [{"type": "rect", "start": "1s", "end": "0.5s"}])")),
              "t.json:4:53: error: \"end\" (0.5s) must come after \"start\" (1s) (at /overlays/0/end)");
}

TEST(TimelineErrors, Audio) {
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [
  {"id": "bgm", "src": "media/audio/bgm.wav", "duck": {"under": "narraton"}},
  {"id": "narration", "src": "media/audio/narration.wav"}])")),
              "t.json:5:65: error: \"under\" names no audio track: 'narraton'; did you mean 'narration'? (at "
              "/audio/0/duck/under)");
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [
  {"id": "bgm", "src": "media/audio/bgm.wav", "duck": {"under": "bgm"}}])")),
              "t.json:5:65: error: a track cannot duck under itself ('bgm') (at /audio/0/duck/under)");
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [{"src": "media/audio/bgm.wav", "gain": "-6"}])")),
              "t.json:4:50: error: \"gain\": '-6' is not written like \"-6dB\" (at /audio/0/gain)");
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [{"src": "media/audio/bgm.wav", "gain": -6}])")),
              "t.json:4:50: error: \"gain\" is a bare number (-6); write it with its unit, e.g. \"-6dB\" (at "
              "/audio/0/gain)");
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [{"src": "media/audio/bgm.wav", "start": "2s"}])")),
              "t.json:4:51: error: \"start\" (2s) is not within the video (2s long) (at /audio/0/start)");
    EXPECT_EQ(timeline_error(two_second_video(R"("audio": [{"id": "x", "src": "media/audio/bgm.wav"},
  {"id": "x", "src": "media/audio/bgm.wav"}])")),
              "t.json:5:10: error: two audio tracks have the id 'x' (the first at line 4, column 18) (at /audio/1/id)");
    EXPECT_EQ(timeline_error(two_second_video(R"("loudness": {"integrated": "-14LKFS"})")),
              "t.json:4:28: error: \"integrated\": '-14LKFS' is not written like \"-6LUFS\" (at /loudness/integrated)");
    EXPECT_EQ(timeline_error(two_second_video(R"("loudness": {"true_peak": "1dBTP"})")),
              "t.json:4:27: error: \"true_peak\" must be between -9dBTP and 0dBTP, not '1dBTP' (at /loudness/true_peak)");
    EXPECT_EQ(timeline_error(two_second_video(R"("loudness": "none")")),
              "t.json:4:13: error: unknown loudness 'none'; use off (at /loudness)");
}

TEST(TimelineErrors, Captions) {
    EXPECT_EQ(timeline_error(two_second_video(R"("captions": [
  {"start": "0s", "end": "1s", "text": "a"},
  {"start": "0.5s", "end": "1.5s", "text": "b"}])")),
              "t.json:6:13: error: this caption starts at 0.5s, before the previous one ends (1s); captions must be in "
              "time order and must not overlap (at /captions/1/start)");
    EXPECT_EQ(timeline_error(two_second_video(R"("captions": [{"start": "1s", "end": "2.5s", "text": "a"}])")),
              "t.json:4:37: error: \"end\" (2.5s) is after the end of the video (2s) (at /captions/0/end)");
    EXPECT_EQ(timeline_error(two_second_video(R"("captions": [{"start": "1s", "end": "1s", "text": "a"}])")),
              "t.json:4:37: error: \"end\" (1s) must come after \"start\" (1s) (at /captions/0/end)");
    EXPECT_EQ(timeline_error(two_second_video(R"("captions": [{"start": "1s", "end": "2s", "text": ""}])")),
              "t.json:4:51: error: \"text\" must not be empty (at /captions/0/text)");
    EXPECT_EQ(timeline_error(two_second_video(R"("caption_style": {"style": "title"})")),
              "t.json:4:28: error: unknown style 'title' (at /caption_style/style)");
    EXPECT_EQ(timeline_error(two_second_video(R"("caption_style": {"burnin": false})")),
              "t.json:4:19: error: unknown key 'burnin' in \"caption_style\"; did you mean 'burn_in'? (at "
              "/caption_style/burnin)");
}

TEST(TimelineErrors, Chapters) {
    EXPECT_EQ(timeline_error(two_second_video(R"("chapters": [{"start": "0.5s", "title": "a"}])")),
              "t.json:4:24: error: the first chapter must start at 0s (video sites read chapters only then), not 0.5s "
              "(at /chapters/0/start)");
    EXPECT_EQ(timeline_error(two_second_video(R"("chapters": [{"start": "0s", "title": "a"},
  {"start": "1s", "title": "b"}, {"start": "1s", "title": "c"}])")),
              "t.json:5:44: error: chapters must be in time order: 1s does not come after 1s (at /chapters/2/start)");
    EXPECT_EQ(timeline_error(two_second_video(R"("chapters": [{"start": "0s", "title": "a"}, {"start": "2s", "title": "b"}])")),
              "t.json:4:55: error: \"start\" (2s) is not within the video (2s long) (at /chapters/1/start)");
    EXPECT_EQ(timeline_error(two_second_video(R"("chapters": [{"start": "0s"}])")),
              "t.json:4:14: error: a chapter needs \"title\" (at /chapters/0)");
}

TEST(TimelineErrors, Output) {
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"crf": 52})")),
              "t.json:4:19: error: \"crf\" must be between 0 and 51, not 52 (at /output/crf)");
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"crf": 20.5})")),
              "t.json:4:19: error: \"crf\" must be a whole number, not a number (at /output/crf)");
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"encoder_preset": "fastest"})")),
              "t.json:4:30: error: unknown encoder_preset 'fastest'; use ultrafast, superfast, veryfast, faster, fast, "
              "medium, slow, slower or veryslow; did you mean 'faster'? (at /output/encoder_preset)");
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"thumbnail": "2s"})")),
              "t.json:4:25: error: \"thumbnail\" (2s) is not within the video (2s long) (at /output/thumbnail)");
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"thumbnail": {"scene": "b"}})")),
              "t.json:4:35: error: no scene has the id 'b' (at /output/thumbnail/scene)");
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"thumbnail": 3})")),
              "t.json:4:25: error: \"thumbnail\" must be a time such as \"12s\" or {\"scene\": \"id\"}, not a number (at "
              "/output/thumbnail)");
    EXPECT_EQ(timeline_error(two_second_video(R"("output": {"presett": "web-720p"})")),
              "t.json:4:12: error: unknown key 'presett' in \"output\"; did you mean 'preset'? (at /output/presett)");
}

TEST(TimelineErrors, TablesSharedWithPrint) {
    EXPECT_EQ(timeline_error(R"({"type": "video", "styles": {"koho:caption": {}}, "scenes": [{"duration": "1s"}]})"),
              "t.json:1:30: error: style names starting with \"koho:\" are koho's own (the built-in caption style is "
              "\"koho:caption\") (at /styles/koho:caption)");
    EXPECT_EQ(timeline_error(R"({"type": "video", "vars": {"pages": "3"}, "scenes": [{"duration": "1s"}]})"),
              "t.json:1:28: error: 'pages' is reserved for print layouts' {{pages}} (at /vars/pages)");
    EXPECT_EQ(timeline_error(R"({"type": "video", "background": "#ffff", "scenes": [{"duration": "1s"}]})"),
              "t.json:1:33: error: \"background\": '#ffff' is not a colour; write \"#rrggbb\", \"#rrggbbaa\", {\"cmyk\": "
              "[c, m, y, k]} or a name from \"colors\" (at /background)");
}

TEST(TimelineErrors, SchemaChecksWhatThePassAccepted) {
    // Leading zeros pass the semantic reading of "size" but not the
    // published schema's pattern.
    EXPECT_EQ(timeline_error(R"({"type": "video", "size": "0320x180", "scenes": [{"duration": "1s"}]})"),
              "t.json:1:27: error: timeline schema: '0320x180' is not written the way this key needs (e.g. a length "
              "with its unit, or \"#rrggbb\") (at /size)");
}

}  // namespace
}  // namespace koho::model

namespace koho::model {
namespace {

// koho print, given a timeline, says so before it trips over the
// timeline's keys.
TEST(TimelineErrors, PrintRefusesATimelineByItsType) {
    JsonSource source = JsonSource::parse(R"({"size": "1920x1080", "scenes": [], "type": "video"})", "t.json");
    try {
        load_layout_source(source, LoadOptions{"."});
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()),
                  "t.json:1:45: error: this is a video timeline (\"type\": \"video\"); koho print reads print layouts "
                  "(at /type)");
    }
}

}  // namespace
}  // namespace koho::model
