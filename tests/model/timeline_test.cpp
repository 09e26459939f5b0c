// The timeline model: FORMAT.md's example as the contract, then every key
// and its default as load_timeline resolves it.
#include <fstream>
#include <sstream>

#include "model/timeline_internal.h"
#include "timeline_support.h"

namespace koho::model {
namespace {

using testing::load_timeline_text;
using testing::scene_with;
using testing::timeline_error;
using testing::timeline_root;
using testing::timeline_with;

// The JSON block of FORMAT.md's "Video timeline" section.
std::string format_md_example() {
    std::ifstream in(std::string(KOHO_SHARED_DIR) + "/spec/FORMAT.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string md = text.str();
    const auto section = md.find("## Video timeline");
    const auto open = md.find("```json\n", section);
    const auto close = md.find("```", open + 8);
    if (section == std::string::npos || open == std::string::npos || close == std::string::npos) return "";
    return md.substr(open + 8, close - open - 8);
}

const Frame& frame_of(const Timeline& tl, const Layer& layer) {
    return tl.canvas.pages.at(layer.page.value()).frames.at(0);
}

TEST(Timeline, FormatMdExampleLoads) {
    const std::string example = format_md_example();
    ASSERT_FALSE(example.empty()) << "FORMAT.md has no video timeline example";
    Timeline tl = load_timeline_text(example);
    EXPECT_EQ(tl.title, "千葉県の児童福祉職 30秒PR");
    EXPECT_EQ(tl.width_px, 1920);
    EXPECT_EQ(tl.height_px, 1080);
    EXPECT_EQ(tl.fps.num, 30);
    EXPECT_EQ(tl.fps.den, 1);
    EXPECT_EQ(tl.background, Color::from_rgb(1, 1, 1));
    // One 5 s scene; its transition has no next scene to lead into.
    EXPECT_DOUBLE_EQ(tl.duration_s, 5);
    EXPECT_EQ(tl.frame_count(), 150);
    ASSERT_EQ(tl.scenes.size(), 1u);
    const Scene& intro = tl.scenes[0];
    EXPECT_EQ(intro.id, "intro");
    EXPECT_FALSE(intro.transition);
    ASSERT_EQ(intro.layers.size(), 2u);

    const Layer& photo = intro.layers[0];
    EXPECT_EQ(photo.kind, Layer::Kind::Image);
    EXPECT_DOUBLE_EQ(photo.box.w, 1440);  // the whole frame, in points
    EXPECT_DOUBLE_EQ(photo.box.h, 810);
    ASSERT_TRUE(photo.motion);
    EXPECT_DOUBLE_EQ(photo.motion->from.scale, 1);
    EXPECT_DOUBLE_EQ(photo.motion->to.scale, 1.12);
    EXPECT_DOUBLE_EQ(photo.motion->to.x_pt, -30);
    const auto& image = std::get<ImageContent>(frame_of(tl, photo).content);
    EXPECT_EQ(image.src, "media/photos/office.jpg");
    EXPECT_EQ(image.path, std::filesystem::canonical(timeline_root() / "media/photos/office.jpg"));
    EXPECT_EQ(image.fit, Fit::Cover);

    const Layer& title = intro.layers[1];
    EXPECT_EQ(title.kind, Layer::Kind::Text);
    EXPECT_DOUBLE_EQ(title.box.x, 90);
    EXPECT_DOUBLE_EQ(title.box.y, 570);
    EXPECT_DOUBLE_EQ(title.box.w, 1260);
    EXPECT_DOUBLE_EQ(title.box.h, 120);
    EXPECT_DOUBLE_EQ(title.end_s, 5);
    ASSERT_TRUE(title.enter);
    EXPECT_EQ(title.enter->kind, Effect::Kind::Fade);
    EXPECT_DOUBLE_EQ(title.enter->duration_s, 0.4);
    EXPECT_EQ(title.enter->easing, Easing::EaseOut);
    const Frame& title_frame = frame_of(tl, title);
    ASSERT_NE(title_frame.style, nullptr);
    EXPECT_EQ(title_frame.style->font_family, "Noto Sans CJK JP");
    EXPECT_EQ(title_frame.style->weight, 700);
    EXPECT_DOUBLE_EQ(title_frame.style->size_pt, 54);  // 72px
    const auto& text = std::get<TextContent>(title_frame.content);
    ASSERT_EQ(text.story.paragraphs.size(), 1u);
    EXPECT_EQ(text.story.paragraphs[0].spans.at(0).text, "子どもの未来を、千葉で。");

    ASSERT_EQ(tl.overlays.size(), 1u);
    const Layer& mascot = tl.overlays[0];
    EXPECT_EQ(mascot.id, "mascot");
    EXPECT_DOUBLE_EQ(mascot.box.w, 240);
    EXPECT_DOUBLE_EQ(mascot.box.h, 0);  // from the picture's aspect ratio
    EXPECT_DOUBLE_EQ(mascot.end_s, 5);  // written 30s: cut at the video's end
    ASSERT_EQ(mascot.keyframes.size(), 2u);
    EXPECT_DOUBLE_EQ(*mascot.keyframes[0].x_pt, -240);
    EXPECT_DOUBLE_EQ(*mascot.keyframes[1].x_pt, 1125);
    EXPECT_DOUBLE_EQ(*mascot.keyframes[1].y_pt, 540);
    EXPECT_DOUBLE_EQ(mascot.keyframes[1].t_s, 1);
    EXPECT_FALSE(mascot.keyframes[0].scale);

    ASSERT_EQ(tl.audio.size(), 2u);
    EXPECT_EQ(tl.audio[0].id, "bgm");
    EXPECT_DOUBLE_EQ(tl.audio[0].gain_db, -6);
    EXPECT_TRUE(tl.audio[0].loop);
    ASSERT_TRUE(tl.audio[0].duck);
    EXPECT_EQ(tl.audio[0].duck->under, "narration");
    EXPECT_DOUBLE_EQ(tl.audio[0].duck->by_db, -12);
    EXPECT_DOUBLE_EQ(tl.audio[0].duck->attack_s, 0.08);
    EXPECT_DOUBLE_EQ(tl.audio[0].duck->release_s, 0.5);
    EXPECT_DOUBLE_EQ(tl.audio[0].duck->threshold_db, -45);
    EXPECT_DOUBLE_EQ(tl.audio[1].start_s, 1);
    ASSERT_TRUE(tl.loudness);
    EXPECT_DOUBLE_EQ(tl.loudness->integrated_lufs, -14);
    EXPECT_DOUBLE_EQ(tl.loudness->true_peak_dbtp, -1);

    ASSERT_EQ(tl.captions.size(), 1u);
    EXPECT_DOUBLE_EQ(tl.captions[0].start_s, 0.5);
    EXPECT_DOUBLE_EQ(tl.captions[0].end_s, 3);
    EXPECT_EQ(tl.captions[0].text, "千葉県では児童福祉の専門職を募集しています。");
    ASSERT_EQ(tl.chapters.size(), 1u);
    EXPECT_EQ(tl.chapters[0].title, "はじめに");
    EXPECT_EQ(tl.output.preset, "youtube-1080p");

    // Pages: the photo, the title, the mascot, the caption.
    EXPECT_EQ(tl.canvas.pages.size(), 4u);
    EXPECT_EQ(tl.captions[0].page, 3u);
    EXPECT_DOUBLE_EQ(tl.canvas.page.trim_w_pt, 1440);
    EXPECT_DOUBLE_EQ(tl.canvas.page.trim_h_pt, 810);
    EXPECT_DOUBLE_EQ(tl.canvas.page.bleed_pt, 0);
    EXPECT_EQ(tl.canvas.page.marks, Marks::None);
    EXPECT_TRUE(tl.canvas.families_used.count("Noto Sans CJK JP"));
}

TEST(Timeline, DefaultsOfAnEmptyScene) {
    Timeline tl = load_timeline_text(R"({"type": "video", "scenes": [{"duration": "1s"}]})");
    EXPECT_EQ(tl.width_px, 1920);
    EXPECT_EQ(tl.height_px, 1080);
    EXPECT_EQ(tl.fps.num, 30);
    EXPECT_EQ(tl.lang, "ja");
    EXPECT_EQ(tl.frame_count(), 30);
    ASSERT_TRUE(tl.loudness);
    EXPECT_DOUBLE_EQ(tl.loudness->integrated_lufs, -14);
    EXPECT_EQ(tl.output.preset, "youtube-1080p");
    EXPECT_FALSE(tl.output.crf);
    EXPECT_TRUE(tl.output.encoder_preset.empty());
    EXPECT_TRUE(tl.variant_names.empty());
    // The built-in caption style, ready for captions: 1/20 of the frame
    // height, bold, white with a dark outline, centred.
    const Style* caption = tl.caption_style.style;
    ASSERT_NE(caption, nullptr);
    EXPECT_EQ(caption->name, detail::kCaptionStyleName);
    EXPECT_EQ(&tl.canvas.styles.at(detail::kCaptionStyleName), caption);
    EXPECT_DOUBLE_EQ(caption->size_pt, 1080 * 0.75 / 20);
    EXPECT_EQ(caption->weight, 700);
    EXPECT_EQ(caption->align, Align::Center);
    ASSERT_TRUE(caption->outline);
    EXPECT_EQ(caption->color, Color::from_rgb(1, 1, 1));
    EXPECT_TRUE(tl.caption_style.burn_in);
    // The title-safe box: 10% in from the sides, bottom edge at 90%.
    const Box& box = tl.caption_style.box;
    EXPECT_DOUBLE_EQ(box.x, 144);
    EXPECT_DOUBLE_EQ(box.w, 1152);
    EXPECT_DOUBLE_EQ(box.y + box.h, 729);
    EXPECT_DOUBLE_EQ(box.h, 2 * caption->effective_leading_pt());
    // No captions: no caption font is needed.
    EXPECT_TRUE(tl.canvas.families_used.empty());
}

TEST(Timeline, PortraitCaptionsSitAboveTheShortsControls) {
    Timeline tl = load_timeline_text(R"({"type": "video", "size": "1080x1920", "scenes": [{"duration": "1s"}]})");
    const Box& box = tl.caption_style.box;
    EXPECT_DOUBLE_EQ(box.y + box.h, 1920 * 0.75 * 0.85);
    EXPECT_DOUBLE_EQ(tl.caption_style.style->size_pt, 1920 * 0.75 / 20);
}

TEST(Timeline, BuiltInCaptionLookForOtherCaptions) {
    // koho transcode --captions uses the same look and place.
    const Style style = builtin_caption_style(1440, SourceLoc{"x.srt"});
    EXPECT_EQ(style.name, "koho:caption");
    EXPECT_DOUBLE_EQ(style.size_pt, 72);
    EXPECT_EQ(style.font_family, "Noto Sans CJK JP");
    EXPECT_EQ(style.loc.file, "x.srt");
    const Box box = default_caption_box(810, 1440, style);
    EXPECT_DOUBLE_EQ(box.x, 81);
    EXPECT_DOUBLE_EQ(box.w, 648);
    EXPECT_DOUBLE_EQ(box.h, 2 * 1.75 * 72);
    EXPECT_DOUBLE_EQ(box.y + box.h, 0.85 * 1440);
}

TEST(Timeline, FrameRatesAreExact) {
    auto rate = [](const std::string& fps) {
        return load_timeline_text(R"({"type": "video", "fps": )" + fps + R"(, "scenes": [{"duration": "10s"}]})").fps;
    };
    EXPECT_EQ(rate("29.97").num, 30000);
    EXPECT_EQ(rate("29.97").den, 1001);
    EXPECT_EQ(rate("23.976").num, 24000);
    EXPECT_EQ(rate("59.94").num, 60000);
    EXPECT_EQ(rate("25").num, 25);
    EXPECT_EQ(rate("25").den, 1);
    Timeline ntsc = load_timeline_text(R"({"type": "video", "fps": 29.97, "scenes": [{"duration": "10s"}]})");
    EXPECT_EQ(ntsc.frame_count(), 300);  // llround(10 × 29.97…) = 299.7 → 300
}

TEST(Timeline, FramesCountAtTheTimelinesRate) {
    Timeline tl = load_timeline_text(R"({"type": "video", "fps": 25, "scenes": [{"duration": "15f"}]})");
    EXPECT_DOUBLE_EQ(tl.duration_s, 0.6);
    EXPECT_EQ(tl.frame_count(), 15);
}

TEST(Timeline, TransitionsOverlapTheirScenes) {
    Timeline tl = load_timeline_text(timeline_with(R"("scenes": [
        {"id": "a", "duration": "3s", "transition": {"type": "wipe", "duration": "1s", "direction": "up"}},
        {"id": "b", "duration": "2s", "transition": {"type": "slide", "easing": "linear"}},
        {"id": "c", "duration": "4s", "background": "#000000"}])"));
    ASSERT_EQ(tl.scenes.size(), 3u);
    EXPECT_DOUBLE_EQ(tl.scenes[1].start_s, 2);
    EXPECT_DOUBLE_EQ(tl.scenes[2].start_s, 3.5);
    EXPECT_DOUBLE_EQ(tl.duration_s, 7.5);
    const Transition& wipe = *tl.scenes[0].transition;
    EXPECT_EQ(wipe.kind, Transition::Kind::Wipe);
    EXPECT_EQ(wipe.direction, Direction::Up);
    EXPECT_EQ(wipe.easing, Easing::EaseInOut);
    const Transition& slide = *tl.scenes[1].transition;
    EXPECT_EQ(slide.kind, Transition::Kind::Slide);
    EXPECT_DOUBLE_EQ(slide.duration_s, 0.5);
    EXPECT_EQ(slide.direction, Direction::Right);
    EXPECT_EQ(slide.easing, Easing::Linear);
    EXPECT_FALSE(tl.scenes[2].transition);
    ASSERT_TRUE(tl.scenes[2].background);
    EXPECT_FALSE(tl.scenes[0].background);
}

TEST(Timeline, DurationOverridesTheScenesSum) {
    Timeline tl = load_timeline_text(timeline_with(R"("duration": "3s", "scenes": [{"duration": "2s"}])"));
    EXPECT_DOUBLE_EQ(tl.duration_s, 3);
    EXPECT_EQ(tl.frame_count(), 90);
}

TEST(Timeline, LayerBoxes) {
    Timeline tl = load_timeline_text(scene_with(R"(
        {"type": "rect", "fill": "#ff0000"},
        {"type": "rect", "x": "10%", "y": "50%"},
        {"type": "image", "src": "media/photos/office.jpg", "h": "40px"},
        {"type": "svg", "src": "media/mark.svg", "x": "8px", "y": "4px", "w": "50%", "h": "25%"},
        {"type": "video", "src": "media/clips/walk.mp4", "w": "160px"})"));
    const auto& layers = tl.scenes.at(0).layers;
    ASSERT_EQ(layers.size(), 5u);
    // None written: the whole frame (320×180 px = 240×135 pt).
    EXPECT_DOUBLE_EQ(layers[0].box.w, 240);
    EXPECT_DOUBLE_EQ(layers[0].box.h, 135);
    // x and y only: to the frame's edges.
    EXPECT_DOUBLE_EQ(layers[1].box.x, 24);
    EXPECT_DOUBLE_EQ(layers[1].box.y, 67.5);
    EXPECT_DOUBLE_EQ(layers[1].box.w, 216);
    EXPECT_DOUBLE_EQ(layers[1].box.h, 67.5);
    // A picture with one side keeps its aspect ratio: the other is 0.
    EXPECT_DOUBLE_EQ(layers[2].box.w, 0);
    EXPECT_DOUBLE_EQ(layers[2].box.h, 30);
    EXPECT_DOUBLE_EQ(frame_of(tl, layers[2]).box.h, 30);
    EXPECT_DOUBLE_EQ(layers[3].box.x, 6);
    EXPECT_DOUBLE_EQ(layers[3].box.y, 3);
    EXPECT_DOUBLE_EQ(layers[3].box.w, 120);
    EXPECT_DOUBLE_EQ(layers[3].box.h, 33.75);
    EXPECT_EQ(std::get<SvgContent>(frame_of(tl, layers[3]).content).fit, Fit::Contain);
    // A video layer written with only w reaches the frame's bottom edge.
    EXPECT_DOUBLE_EQ(layers[4].box.w, 120);
    EXPECT_DOUBLE_EQ(layers[4].box.h, 135);
    EXPECT_FALSE(layers[4].page);
    // Every layer but the video one has its page.
    EXPECT_EQ(tl.canvas.pages.size(), 4u);
}

TEST(Timeline, TextLayerKeys) {
    Timeline tl = load_timeline_text(timeline_with(R"("vars": {"site": "chiba.jp"},
"scenes": [{"duration": "2s", "layers": [
  {"type": "text", "id": "t1", "style": "t", "text": "{児童|じどう}**相談**\n{{site}}", "writing": "vertical",
   "valign": "end", "inset": "0.5em", "fill": "#00000080", "overflow": "allow", "opacity": 0.5,
   "start": "0.5s", "end": "1500ms"}]}])"));
    const Layer& layer = tl.scenes.at(0).layers.at(0);
    EXPECT_EQ(layer.id, "t1");
    EXPECT_DOUBLE_EQ(layer.opacity, 0.5);
    EXPECT_DOUBLE_EQ(layer.start_s, 0.5);
    EXPECT_DOUBLE_EQ(layer.end_s, 1.5);
    const Frame& frame = frame_of(tl, layer);
    EXPECT_EQ(frame.id, "t1");
    EXPECT_DOUBLE_EQ(frame.opacity, 1);  // the layer's opacity is video/'s to apply
    const auto& text = std::get<TextContent>(frame.content);
    EXPECT_EQ(text.writing, Writing::Vertical);
    EXPECT_EQ(text.vertical_align, VerticalAlign::End);
    EXPECT_DOUBLE_EQ(text.inset_pt, 7.5);
    ASSERT_TRUE(text.fill);
    EXPECT_EQ(text.overflow, Overflow::Allow);
    ASSERT_EQ(text.story.paragraphs.size(), 2u);
    EXPECT_EQ(text.story.paragraphs[0].spans.at(0).ruby, "じどう");
    EXPECT_TRUE(text.story.paragraphs[0].spans.at(1).strong);
    EXPECT_EQ(text.story.paragraphs[1].spans.at(0).text, "chiba.jp");
}

TEST(Timeline, ShapesAndPictures) {
    Timeline tl = load_timeline_text(timeline_with(R"("colors": {"brand": "#0068b7"},
"scenes": [{"duration": "2s", "layers": [
  {"type": "rect", "w": "100px", "h": "40px", "radius": "10px", "stroke": {"color": "brand", "width": "2px"},
   "fill": {"gradient": "linear", "stops": [["0%", "brand"], ["100%", "#ffffff"]]},
   "shadow": {"offset": ["2px", "2px"]}},
  {"type": "ellipse", "fill": "brand"},
  {"type": "image", "src": "media/photos/office.jpg", "fit": "contain", "focus": ["20%", "80%"],
   "motion": {"from": {"scale": 1.2, "y": "10%"}, "to": {"x": "-8px"}, "easing": "ease-in-out"}}]}])"));
    const auto& layers = tl.scenes.at(0).layers;
    const Frame& rect = frame_of(tl, layers[0]);
    const auto& shape = std::get<ShapeContent>(rect.content);
    EXPECT_FALSE(shape.ellipse);
    EXPECT_DOUBLE_EQ(shape.radius_pt, 7.5);
    ASSERT_TRUE(shape.gradient);
    EXPECT_EQ(shape.gradient->stops.size(), 2u);
    ASSERT_TRUE(shape.stroke);
    EXPECT_DOUBLE_EQ(shape.stroke->width_pt, 1.5);
    ASSERT_TRUE(rect.shadow);
    EXPECT_DOUBLE_EQ(rect.shadow->dx_pt, 1.5);
    const auto& ellipse = std::get<ShapeContent>(frame_of(tl, layers[1]).content);
    EXPECT_TRUE(ellipse.ellipse);
    ASSERT_TRUE(ellipse.fill);
    const auto& image = std::get<ImageContent>(frame_of(tl, layers[2]).content);
    EXPECT_EQ(image.fit, Fit::Contain);
    EXPECT_DOUBLE_EQ(image.focus_x, 0.2);
    EXPECT_DOUBLE_EQ(image.focus_y, 0.8);
    const Motion& motion = *layers[2].motion;
    EXPECT_DOUBLE_EQ(motion.from.scale, 1.2);
    EXPECT_DOUBLE_EQ(motion.from.y_pt, 13.5);
    EXPECT_DOUBLE_EQ(motion.to.scale, 1);
    EXPECT_DOUBLE_EQ(motion.to.x_pt, -6);
    EXPECT_EQ(motion.easing, Easing::EaseInOut);
}

TEST(Timeline, VideoLayerKeys) {
    Timeline tl = load_timeline_text(scene_with(R"(
        {"type": "video", "src": "media/clips/walk.mp4", "trim": {"start": "2s", "end": "8s"}, "loop": true,
         "muted": true, "gain": "-3dB", "fit": "fill", "focus": ["50%", "0%"]},
        {"type": "video", "src": "media/clips/walk.mp4"})"));
    const ClipSource& clip = *tl.scenes.at(0).layers.at(0).clip;
    EXPECT_EQ(clip.path, std::filesystem::canonical(timeline_root() / "media/clips/walk.mp4"));
    EXPECT_DOUBLE_EQ(clip.trim_start_s, 2);
    EXPECT_DOUBLE_EQ(*clip.trim_end_s, 8);
    EXPECT_TRUE(clip.loop);
    EXPECT_TRUE(clip.muted);
    EXPECT_DOUBLE_EQ(clip.gain_db, -3);
    EXPECT_EQ(clip.fit, Fit::Fill);
    EXPECT_DOUBLE_EQ(clip.focus_y, 0);
    const ClipSource& plain = *tl.scenes.at(0).layers.at(1).clip;
    EXPECT_DOUBLE_EQ(plain.trim_start_s, 0);
    EXPECT_FALSE(plain.trim_end_s);
    EXPECT_FALSE(plain.loop);
    EXPECT_FALSE(plain.muted);
    EXPECT_EQ(plain.fit, Fit::Cover);
}

TEST(Timeline, KeyframesAndEffects) {
    Timeline tl = load_timeline_text(scene_with(R"(
        {"type": "rect", "w": "10px", "h": "10px",
         "keyframes": [{"t": "0s", "x": "50%", "scale": 0.5, "rotate": -90, "opacity": 0},
                       {"t": "10f", "y": "10px", "easing": "ease-out-back"}],
         "enter": {"effect": "slide", "duration": "300ms", "direction": "down"},
         "exit": {"effect": "pop"}})"));
    const Layer& layer = tl.scenes.at(0).layers.at(0);
    ASSERT_EQ(layer.keyframes.size(), 2u);
    const Keyframe& k0 = layer.keyframes[0];
    EXPECT_DOUBLE_EQ(*k0.x_pt, 120);
    EXPECT_FALSE(k0.y_pt);
    EXPECT_DOUBLE_EQ(*k0.scale, 0.5);
    EXPECT_DOUBLE_EQ(*k0.rotate_deg, -90);
    EXPECT_DOUBLE_EQ(*k0.opacity, 0);
    EXPECT_EQ(k0.easing, Easing::Linear);
    EXPECT_EQ(k0.loc.line, 6);
    const Keyframe& k1 = layer.keyframes[1];
    EXPECT_NEAR(k1.t_s, 1.0 / 3, 1e-12);
    EXPECT_DOUBLE_EQ(*k1.y_pt, 7.5);
    EXPECT_EQ(k1.easing, Easing::EaseOutBack);
    EXPECT_EQ(layer.enter->kind, Effect::Kind::Slide);
    EXPECT_DOUBLE_EQ(layer.enter->duration_s, 0.3);
    EXPECT_EQ(layer.enter->direction, Direction::Down);
    EXPECT_EQ(layer.enter->easing, Easing::EaseOut);
    EXPECT_EQ(layer.exit->kind, Effect::Kind::Pop);
    EXPECT_DOUBLE_EQ(layer.exit->duration_s, 0.4);
    EXPECT_EQ(layer.exit->direction, Direction::Left);
    EXPECT_EQ(layer.exit->easing, Easing::EaseOutBack);
    EXPECT_DOUBLE_EQ(layer.end_s, 2);  // the scene's end
}

TEST(Timeline, AudioTracks) {
    Timeline tl = load_timeline_text(timeline_with(R"("scenes": [{"duration": "10s"}],
"audio": [
  {"id": "music", "src": "media/audio/bgm.wav", "start": "1s", "end": "20s", "trim": {"start": "500ms"},
   "gain": "-9.5dB", "loop": true, "fade_in": "1s", "fade_out": "2s",
   "duck": {"under": "voice", "by": "-18dB", "attack": "50ms", "release": "1s", "threshold": "-40dB"}},
  {"id": "voice", "src": "media/audio/narration.wav"}],
"loudness": {"integrated": "-24LUFS", "true_peak": "-2dBTP"})"));
    ASSERT_EQ(tl.audio.size(), 2u);
    const AudioTrack& music = tl.audio[0];
    EXPECT_EQ(music.path, std::filesystem::canonical(timeline_root() / "media/audio/bgm.wav"));
    EXPECT_DOUBLE_EQ(music.start_s, 1);
    EXPECT_DOUBLE_EQ(*music.end_s, 10);  // cut at the video's end
    EXPECT_DOUBLE_EQ(music.trim_start_s, 0.5);
    EXPECT_DOUBLE_EQ(music.gain_db, -9.5);
    EXPECT_DOUBLE_EQ(music.fade_in_s, 1);
    EXPECT_DOUBLE_EQ(music.fade_out_s, 2);
    EXPECT_DOUBLE_EQ(music.duck->by_db, -18);
    EXPECT_DOUBLE_EQ(music.duck->attack_s, 0.05);
    EXPECT_DOUBLE_EQ(music.duck->release_s, 1);
    EXPECT_DOUBLE_EQ(music.duck->threshold_db, -40);
    EXPECT_EQ(music.duck->under_loc.pointer, "/audio/0/duck/under");
    const AudioTrack& voice = tl.audio[1];
    EXPECT_FALSE(voice.end_s);
    EXPECT_FALSE(voice.loop);
    EXPECT_DOUBLE_EQ(voice.gain_db, 0);
    EXPECT_FALSE(voice.duck);
    EXPECT_DOUBLE_EQ(tl.loudness->integrated_lufs, -24);
    EXPECT_DOUBLE_EQ(tl.loudness->true_peak_dbtp, -2);
    Timeline off = load_timeline_text(timeline_with(R"("scenes": [{"duration": "1s"}], "loudness": "off")"));
    EXPECT_FALSE(off.loudness);
}

TEST(Timeline, CaptionsChaptersOutput) {
    Timeline tl = load_timeline_text(timeline_with(R"("scenes": [{"id": "a", "duration": "4s"}, {"id": "b", "duration": "8s"}],
"captions": [{"start": "0s", "end": "2s", "text": "{児童|じどう}の**未来**\n二行目"},
             {"start": "2s", "end": "3s", "text": "次"}],
"caption_style": {"style": "t", "x": "5%", "w": "90%", "h": "60px"},
"chapters": [{"start": "0s", "title": "はじめに"}, {"start": "5s", "title": "仕事"}],
"output": {"preset": "web-720p", "crf": 20, "encoder_preset": "veryfast", "thumbnail": {"scene": "b"}})"));
    ASSERT_EQ(tl.captions.size(), 2u);
    EXPECT_EQ(tl.captions[0].text, "児童の未来\n二行目");
    EXPECT_EQ(tl.captions[0].loc.line, 4);
    const Frame& first = tl.canvas.pages.at(tl.captions[0].page).frames.at(0);
    EXPECT_EQ(first.style, &tl.canvas.styles.at("t"));
    EXPECT_EQ(std::get<TextContent>(first.content).vertical_align, VerticalAlign::End);
    EXPECT_EQ(tl.captions[1].page, tl.captions[0].page + 1);
    const Box& box = tl.caption_style.box;
    EXPECT_DOUBLE_EQ(box.x, 12);
    EXPECT_DOUBLE_EQ(box.w, 216);
    EXPECT_DOUBLE_EQ(box.h, 45);
    EXPECT_DOUBLE_EQ(box.y, 135 * 0.9 - 45);
    EXPECT_DOUBLE_EQ(first.box.y, box.y);
    // The user's style: no built-in one is made.
    EXPECT_FALSE(tl.canvas.styles.count(detail::kCaptionStyleName));
    ASSERT_EQ(tl.chapters.size(), 2u);
    EXPECT_DOUBLE_EQ(tl.chapters[1].start_s, 5);
    EXPECT_EQ(tl.output.preset, "web-720p");
    EXPECT_EQ(tl.output.preset_loc.pointer, "/output/preset");
    EXPECT_EQ(*tl.output.crf, 20);
    EXPECT_EQ(tl.output.encoder_preset, "veryfast");
    EXPECT_EQ(tl.output.thumbnail_scene, "b");
    EXPECT_FALSE(tl.output.thumbnail_s);

    Timeline at = load_timeline_text(timeline_with(R"("scenes": [{"duration": "4s"}], "output": {"thumbnail": "1.5s"},
"captions": [{"start": "0s", "end": "1s", "text": "x"}], "caption_style": {"burn_in": false})"));
    EXPECT_DOUBLE_EQ(*at.output.thumbnail_s, 1.5);
    EXPECT_FALSE(at.caption_style.burn_in);
    EXPECT_TRUE(at.canvas.pages.empty());  // captions only in the sidecars
    EXPECT_EQ(at.captions.at(0).text, "x");
}

TEST(Timeline, BurnedInCaptionsNeedTheCaptionFont) {
    Timeline tl = load_timeline_text(timeline_with(R"("scenes": [{"duration": "4s"}],
"captions": [{"start": "0s", "end": "1s", "text": "字幕"}])"));
    ASSERT_EQ(tl.canvas.families_used.count("Noto Sans CJK JP"), 1u);
}

}  // namespace
}  // namespace koho::model
