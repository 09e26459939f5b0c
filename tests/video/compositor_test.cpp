// The frame compositor on hand-built timelines: pixels where the layers,
// poses, transitions, captions and clips say, in any drawing order.
#include "video/compositor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>

#include "model/timeline.h"
#include "raster/image_loader.h"
#include "scene/cairo_ptr.h"
#include "support/command.h"
#include "text/font_context.h"
#include "text/typesetter.h"
#include "timeline_builder.h"

namespace koho::video {
namespace {

namespace fs = std::filesystem;
using testing::box_px;
using testing::Frame;
using testing::key;
using testing::pt;
using testing::TimelineBuilder;

const Color kWhite = Color::from_rgb(1, 1, 1);
const Color kRed = Color::from_rgb(1, 0, 0);
const Color kBlue = Color::from_rgb(0, 0, 1);
const Color kGreen = Color::from_rgb(0, 1, 0);

class Compositor : public ::testing::Test {
protected:
    static void SetUpTestSuite() { fonts_ = text::FontContext::create({fs::path(KOHO_SOURCE_DIR) / "fonts"}); }
    static void TearDownTestSuite() { fonts_.reset(); }

    Compositor() : typesetter_(fonts_), loader_(raster::make_cached_image_loader()) {
        dir_ = fs::temp_directory_path() /
               ("koho-compositor-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    ~Compositor() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    std::unique_ptr<FrameCompositor> compositor(const model::Timeline& tl) {
        return std::make_unique<FrameCompositor>(tl, typesetter_, loader_);
    }
    static Frame draw(FrameCompositor& c, int64_t index) {
        Frame f(c.width(), c.height());
        c.draw(index, f.data.data(), f.stride());
        return f;
    }

    static std::shared_ptr<text::FontContext> fonts_;
    text::Typesetter typesetter_;
    scene::ImageLoader loader_;
    fs::path dir_;
};

std::shared_ptr<text::FontContext> Compositor::fonts_;

bool is_color(const Frame& f, int x, int y, int r, int g, int b, int tolerance = 3) {
    return std::abs(f.r(x, y) - r) <= tolerance && std::abs(f.g(x, y) - g) <= tolerance &&
           std::abs(f.b(x, y) - b) <= tolerance;
}

// Makes a test input with the ffmpeg CLI.
void ffmpeg(const std::string& args, const fs::path& out) {
    auto result = test::run_command("ffmpeg -nostdin -loglevel error -y " + args + " " +
                                    test::shell_quote(out.string()) + " 2>&1");
    ASSERT_EQ(result.exit_code, 0) << result.output;
}

model::Layer clip_layer(const model::Box& box, const fs::path& file, double end_s) {
    model::Layer layer;
    layer.kind = model::Layer::Kind::Video;
    layer.box = box;
    layer.end_s = end_s;
    model::ClipSource clip;
    clip.path = file;
    clip.src = file.filename().string();
    layer.clip = clip;
    return layer;
}

bool all_opaque(const Frame& f) {
    for (int y = 0; y < f.h; ++y)
        for (int x = 0; x < f.w; ++x)
            if (f.a(x, y) != 255) return false;
    return true;
}

// The columns [first, last + 1) of row y that are mostly blue (over
// white: more than half covered); {-1, -1} if none.
bool blueish(const Frame& f, int x, int y) { return f.b(x, y) > 200 && f.r(x, y) < 128 && f.g(x, y) < 128; }

std::pair<int, int> blue_span(const Frame& f, int y) {
    int first = -1, last = -1;
    for (int x = 0; x < f.w; ++x)
        if (blueish(f, x, y)) {
            if (first < 0) first = x;
            last = x;
        }
    return {first, last < 0 ? -1 : last + 1};
}

// Pixels darker than mid grey: {count inside box, count outside box}.
std::pair<int, int> dark_pixels(const Frame& f, int x0, int y0, int x1, int y1) {
    int inside = 0, outside = 0;
    for (int y = 0; y < f.h; ++y)
        for (int x = 0; x < f.w; ++x)
            if (f.r(x, y) + f.g(x, y) + f.b(x, y) < 3 * 128) (x >= x0 && x < x1 && y >= y0 && y < y1 ? inside : outside)++;
    return {inside, outside};
}

TEST_F(Compositor, RectLayerFillsItsBoxOnTheBackground) {
    TimelineBuilder b(320, 180);
    auto& s = b.scene(1);
    s.layers.push_back(b.rect(box_px(40, 20, 80, 60), kRed, 1));
    auto c = compositor(b.tl);
    Frame f = draw(*c, 0);
    EXPECT_TRUE(is_color(f, 40, 20, 255, 0, 0));
    EXPECT_TRUE(is_color(f, 119, 79, 255, 0, 0));
    EXPECT_TRUE(is_color(f, 39, 50, 255, 255, 255));
    EXPECT_TRUE(is_color(f, 120, 50, 255, 255, 255));
    EXPECT_TRUE(is_color(f, 80, 80, 255, 255, 255));
    EXPECT_TRUE(all_opaque(f));
    // The cache holds the rectangle's pixels, not a frame's.
    EXPECT_EQ(c->cache_bytes(), 80u * 60u * 4u);
}

TEST_F(Compositor, SceneBackgroundUnderItsLayersAndNothingPastTheEnd) {
    TimelineBuilder b(320, 180, {10, 1});
    b.scene(1, kGreen);
    auto c = compositor(b.tl);
    EXPECT_TRUE(is_color(draw(*c, 5), 10, 10, 0, 255, 0));
    EXPECT_TRUE(is_color(draw(*c, 10), 10, 10, 255, 255, 255));  // past the scene: the timeline's background
}

TEST_F(Compositor, OverlayFollowsItsKeyframes) {
    TimelineBuilder b(320, 180, {20, 1});
    b.scene(2);
    model::Layer overlay = b.rect(box_px(0, 80, 100, 20), kBlue, 2);
    auto k0 = key(0), k1 = key(1);
    k0.x_pt = pt(-80);
    k1.x_pt = pt(240);
    k0.y_pt = k1.y_pt = pt(80);
    overlay.keyframes = {k0, k1};
    b.tl.overlays.push_back(overlay);
    auto c = compositor(b.tl);
    for (double t : {0.0, 0.25, 0.5, 1.0, 1.5}) {
        double x = -80 + 320 * std::min(t, 1.0);
        Frame f = draw(*c, std::lround(t * 20));
        auto [first, end] = blue_span(f, 90);
        SCOPED_TRACE("t = " + std::to_string(t));
        EXPECT_NEAR(first, std::max(0.0, x), 1);
        EXPECT_NEAR(end, std::min(320.0, x + 100), 1);
        EXPECT_EQ(blue_span(f, 79).first, -1);   // y is kept
        EXPECT_NE(blue_span(f, 80).first, -1);
    }
}

TEST_F(Compositor, ScaleRotateAndOpacityKeyframes) {
    TimelineBuilder b(320, 180, {10, 1});
    b.scene(2);
    model::Layer square = b.rect(box_px(140, 70, 40, 40), kBlue, 2);
    auto k0 = key(0), k1 = key(1);
    k0.scale = 0.5;
    k1.scale = 2;
    square.keyframes = {k0, k1};
    b.tl.overlays.push_back(square);
    model::Layer turning = b.rect(box_px(20, 20, 40, 40), kBlue, 2);
    auto r0 = key(0), r1 = key(1);
    r0.rotate_deg = 0;
    r1.rotate_deg = 90;
    turning.keyframes = {r0, r1};
    b.tl.overlays.push_back(turning);
    model::Layer fading = b.rect(box_px(260, 20, 40, 40), kRed, 2);
    auto o0 = key(0), o1 = key(1);
    o0.opacity = 0;
    o1.opacity = 1;
    fading.keyframes = {o0, o1};
    b.tl.overlays.push_back(fading);
    auto c = compositor(b.tl);

    // Scale about the centre (160, 90): 0.5 → 20 px wide, 1.25 → 50, 2 → 80.
    for (auto [index, width] : {std::pair{0, 20.0}, {5, 50.0}, {10, 80.0}, {15, 80.0}}) {
        Frame f = draw(*c, index);
        auto [first, end] = blue_span(f, 90);
        EXPECT_NEAR(end - first, width, 1) << "frame " << index;
        EXPECT_NEAR((first + end) / 2.0, 160, 1) << "frame " << index;
    }
    // Rotated 45° at t = 0.5: the square's diagonal (56.6 px) lies along
    // the row through its centre, and its corner (20, 20) is background.
    Frame half = draw(*c, 5);
    int blue_in_row = 0;
    for (int x = 0; x < 100; ++x) blue_in_row += blueish(half, x, 40);
    EXPECT_NEAR(blue_in_row, 56.6, 2);
    EXPECT_TRUE(is_color(half, 21, 21, 255, 255, 255));
    EXPECT_TRUE(is_color(draw(*c, 0), 21, 21, 0, 0, 255));
    // Opacity 0.5 over white: half red.
    EXPECT_TRUE(is_color(half, 280, 40, 255, 128, 128, 2));
    EXPECT_TRUE(is_color(draw(*c, 0), 280, 40, 255, 255, 255));
    EXPECT_TRUE(all_opaque(half));
}

TEST_F(Compositor, EnterFadeIsHalfWayMidway) {
    TimelineBuilder b(320, 180, {10, 1});
    auto& s = b.scene(1);
    model::Layer layer = b.rect(box_px(0, 0, 100, 100), kBlue, 1);
    model::Effect fade;
    fade.kind = model::Effect::Kind::Fade;
    fade.duration_s = 0.4;
    fade.easing = model::Easing::Linear;
    layer.enter = fade;
    s.layers.push_back(layer);
    auto c = compositor(b.tl);
    EXPECT_TRUE(is_color(draw(*c, 0), 50, 50, 255, 255, 255));
    EXPECT_TRUE(is_color(draw(*c, 2), 50, 50, 128, 128, 255, 2));
    EXPECT_TRUE(is_color(draw(*c, 4), 50, 50, 0, 0, 255));
}

model::Transition transition(model::Transition::Kind kind, model::Direction direction = model::Direction::Right) {
    model::Transition t;
    t.kind = kind;
    t.duration_s = 0.5;
    t.direction = direction;
    t.easing = model::Easing::Linear;
    return t;
}

TEST_F(Compositor, CrossfadeMidwayIsTheAverage) {
    TimelineBuilder b(320, 180, {20, 1});
    b.scene(1, kRed).transition = transition(model::Transition::Kind::Crossfade);
    auto& second = b.scene(1, kBlue);
    second.layers.push_back(b.rect(box_px(0, 0, 80, 180), kGreen, 1));
    ASSERT_DOUBLE_EQ(second.start_s, 0.5);
    auto c = compositor(b.tl);
    Frame f = draw(*c, 15);  // 0.75 s: half way through [0.5, 1)
    EXPECT_TRUE(is_color(f, 200, 90, 128, 0, 128, 2));
    EXPECT_TRUE(is_color(f, 40, 90, 128, 128, 0, 2));  // the layer fades in with its scene
    EXPECT_TRUE(all_opaque(f));
    EXPECT_TRUE(is_color(draw(*c, 9), 200, 90, 255, 0, 0));
    EXPECT_TRUE(is_color(draw(*c, 20), 200, 90, 0, 0, 255));
}

TEST_F(Compositor, WipeHalfWaySplitsTheFrame) {
    TimelineBuilder b(320, 180, {20, 1});
    b.scene(1, kRed).transition = transition(model::Transition::Kind::Wipe, model::Direction::Right);
    b.scene(1, kBlue);
    auto c = compositor(b.tl);
    Frame f = draw(*c, 15);
    EXPECT_TRUE(is_color(f, 158, 90, 255, 0, 0));   // the old scene on the left
    EXPECT_TRUE(is_color(f, 161, 90, 0, 0, 255));   // the new one came in from the right
    EXPECT_TRUE(is_color(f, 5, 5, 255, 0, 0));
    EXPECT_TRUE(is_color(f, 315, 175, 0, 0, 255));
}

TEST_F(Compositor, SlideMovesBothScenes) {
    TimelineBuilder b(320, 180, {20, 1});
    auto& first = b.scene(1, kRed);
    first.transition = transition(model::Transition::Kind::Slide, model::Direction::Right);
    first.layers.push_back(b.rect(box_px(240, 0, 80, 180), kGreen, 1));  // the old scene's right edge
    auto& second = b.scene(1, kBlue);
    second.layers.push_back(b.rect(box_px(0, 0, 40, 180), kGreen, 1));   // the new scene's left edge
    auto c = compositor(b.tl);
    Frame f = draw(*c, 15);
    // The old scene moved left by half the frame: its green edge is at 80..160.
    EXPECT_TRUE(is_color(f, 40, 90, 255, 0, 0));
    EXPECT_TRUE(is_color(f, 100, 90, 0, 255, 0));
    // The new scene came half way in from the right: its green edge at 160..200.
    EXPECT_TRUE(is_color(f, 170, 90, 0, 255, 0));
    EXPECT_TRUE(is_color(f, 250, 90, 0, 0, 255));
    EXPECT_TRUE(all_opaque(f));
}

TEST_F(Compositor, KenBurnsMovesThePictureInsideAFixedClip) {
    fs::path png = dir_ / "halves.png";
    testing::write_png(png, 160, 90, [](cairo_t* cr) {
        cairo_set_source_rgb(cr, 0, 1, 0);
        cairo_rectangle(cr, 0, 0, 80, 90);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 0, 1);
        cairo_rectangle(cr, 80, 0, 80, 90);
        cairo_fill(cr);
    });
    TimelineBuilder b(320, 180, {10, 1});
    auto& s = b.scene(1);
    model::Layer layer = b.image(box_px(80, 45, 160, 90), png, 1, model::Fit::Fill);
    // Zoomed 1.5× about the box centre (the picture spans 40..280 px, its
    // colour edge still at 160), then moved 40 px left over the second.
    model::Motion motion;
    motion.from.scale = motion.to.scale = 1.5;
    motion.to.x_pt = pt(-40);
    layer.motion = motion;
    s.layers.push_back(layer);
    auto c = compositor(b.tl);

    auto edge = [](const Frame& f) {  // first magenta column in row 90
        for (int x = 0; x < f.w; ++x)
            if (f.r(x, 90) > 200 && f.b(x, 90) > 200 && f.g(x, 90) < 60) return x;
        return -1;
    };
    Frame start = draw(*c, 0), half = draw(*c, 5);
    EXPECT_NEAR(edge(start), 160, 1);
    EXPECT_NEAR(edge(half), 140, 1);
    // The clip stays: left of the box is background although the picture moved left.
    EXPECT_TRUE(is_color(half, 78, 90, 255, 255, 255));
    EXPECT_TRUE(is_color(half, 81, 90, 0, 255, 0));
    EXPECT_TRUE(is_color(half, 238, 90, 255, 0, 255));
    EXPECT_TRUE(is_color(half, 241, 90, 255, 255, 255));
    EXPECT_TRUE(is_color(half, 160, 43, 255, 255, 255));
}

// The first column of row y that is magenta; -1 if none.
int magenta_edge(const Frame& f, int y) {
    for (int x = 0; x < f.w; ++x)
        if (f.r(x, y) > 200 && f.b(x, y) > 200 && f.g(x, y) < 60) return x;
    return -1;
}

TEST_F(Compositor, KenBurnsOnSvgArt) {
    fs::path svg = dir_ / "halves.svg";
    std::ofstream(svg) << "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='90' viewBox='0 0 160 90'>"
                          "<rect width='80' height='90' fill='#00ff00'/>"
                          "<rect x='80' width='80' height='90' fill='#ff00ff'/></svg>";
    TimelineBuilder b(320, 180, {10, 1});
    auto& s = b.scene(1);
    model::Layer layer = b.svg(box_px(80, 45, 160, 90), svg, 1);
    model::Motion motion;
    motion.from.scale = 1;
    motion.to.scale = 2;  // about the box centre, where the colour edge is
    motion.to.x_pt = pt(40);
    layer.motion = motion;
    s.layers.push_back(layer);
    auto c = compositor(b.tl);
    Frame start = draw(*c, 0), half = draw(*c, 5);
    EXPECT_NEAR(magenta_edge(start, 90), 160, 1);
    EXPECT_NEAR(magenta_edge(half, 90), 180, 1);
    // Zoomed 1.5×: the green half reaches past the box's left edge, which clips it.
    EXPECT_TRUE(is_color(half, 81, 90, 0, 255, 0));
    EXPECT_TRUE(is_color(half, 78, 90, 255, 255, 255));
    EXPECT_TRUE(is_color(half, 120, 46, 0, 255, 0));
    EXPECT_TRUE(is_color(half, 120, 43, 255, 255, 255));
}

TEST_F(Compositor, KenBurnsOnAVideoLayer) {
    fs::path halves = dir_ / "halves.mp4";
    ffmpeg("-f lavfi -i \"color=c=green:s=64x48:r=10:d=2,drawbox=x=32:y=0:w=32:h=48:c=magenta:t=fill\" "
           "-c:v libx264 -preset ultrafast -crf 0 -pix_fmt yuv444p",
           halves);
    TimelineBuilder b(320, 180, {10, 1});
    auto& s = b.scene(2);
    model::Layer layer = clip_layer(box_px(100, 50, 128, 96), halves, 2);
    model::Motion motion;
    motion.from.scale = motion.to.scale = 1.5;
    motion.to.x_pt = pt(-32);
    layer.motion = motion;
    s.layers.push_back(layer);
    auto c = compositor(b.tl);
    auto edge = [](const Frame& f, int y) {  // where red crosses half way (swscale's bicubic blurs the edge)
        for (int x = 0; x < f.w; ++x)
            if (f.r(x, y) > 127 && f.g(x, y) < 100) return x;
        return -1;
    };
    EXPECT_NEAR(edge(draw(*c, 0), 98), 164, 1);
    Frame half = draw(*c, 10);
    EXPECT_NEAR(edge(half, 98), 148, 1);
    EXPECT_TRUE(is_color(half, 226, 98, 255, 0, 255, 12));
    EXPECT_TRUE(is_color(half, 229, 98, 255, 255, 255));
    EXPECT_TRUE(is_color(half, 101, 51, 0, 128, 0, 12));
    EXPECT_TRUE(is_color(half, 98, 51, 255, 255, 255));
}

TEST_F(Compositor, FullFramePhotoIsCachedFrameSized) {
    fs::path png = dir_ / "photo.png";
    testing::write_png(png, 64, 36, [](cairo_t* cr) {
        cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
        cairo_paint(cr);
    });
    TimelineBuilder b(320, 180);
    auto& s = b.scene(1, kRed);  // hidden under the photo
    s.layers.push_back(b.image(box_px(0, 0, 320, 180), png, 1));
    s.layers.push_back(b.rect(box_px(10, 10, 20, 20), kBlue, 1));
    auto c = compositor(b.tl);
    EXPECT_EQ(c->cache_bytes(), 320u * 180u * 4u + 20u * 20u * 4u);
    Frame f = draw(*c, 0);
    EXPECT_TRUE(is_color(f, 0, 0, 51, 102, 153, 2));
    EXPECT_TRUE(is_color(f, 319, 179, 51, 102, 153, 2));
    EXPECT_TRUE(is_color(f, 20, 20, 0, 0, 255));
    EXPECT_TRUE(all_opaque(f));
}

TEST_F(Compositor, ImageWithOnlyWidthKeepsItsAspectRatio) {
    fs::path png = dir_ / "wide.png";
    testing::write_png(png, 200, 100, [](cairo_t* cr) {
        cairo_set_source_rgb(cr, 0, 0, 1);
        cairo_paint(cr);
    });
    TimelineBuilder b(320, 180);
    auto& s = b.scene(1);
    model::Layer layer = b.image(box_px(20, 20, 100, 0), png, 1);
    s.layers.push_back(layer);
    auto c = compositor(b.tl);
    Frame f = draw(*c, 0);
    EXPECT_TRUE(is_color(f, 21, 21, 0, 0, 255));
    EXPECT_TRUE(is_color(f, 118, 68, 0, 0, 255));
    EXPECT_TRUE(is_color(f, 118, 71, 255, 255, 255));  // 100 px wide → 50 px tall
    EXPECT_TRUE(is_color(f, 121, 40, 255, 255, 255));
}

TEST_F(Compositor, LargeJpegIsDecodedOnlyAsLargeAsShown) {
    fs::path jpeg = dir_ / "big.jpg";
    ffmpeg("-f lavfi -i color=c=0x2040c0:s=1600x1200 -frames:v 1 -q:v 2", jpeg);
    TimelineBuilder b(320, 180);
    auto& s = b.scene(1);
    s.layers.push_back(b.image(box_px(10, 10, 160, 120), jpeg, 1, model::Fit::Contain));
    auto c = compositor(b.tl);
    Frame f = draw(*c, 0);
    EXPECT_TRUE(is_color(f, 90, 70, 0x20, 0x40, 0xc0, 6));
    EXPECT_TRUE(is_color(f, 171, 70, 255, 255, 255));
    // The loader's own copy was never decoded at full size (it keeps the bytes).
    auto original = loader_(jpeg, {});
    ASSERT_TRUE(original->jpeg_data);
    EXPECT_TRUE(original->pixels_pending());
}

TEST_F(Compositor, TextLayerInksInsideItsBoxOnly) {
    TimelineBuilder b(320, 180);
    auto& s = b.scene(1);
    const model::Style* style = b.style("title", pt(24), Color::from_rgb(0, 0, 0));
    s.layers.push_back(b.text(box_px(40, 40, 240, 60), style, "子どもの未来を", 1));
    auto c = compositor(b.tl);
    auto [inside, outside] = dark_pixels(draw(*c, 0), 40, 40, 280, 100);
    EXPECT_GT(inside, 200);
    EXPECT_EQ(outside, 0);
}

TEST_F(Compositor, MissingFontIsAnErrorUpFront) {
    TimelineBuilder b(320, 180);
    auto& s = b.scene(1);
    const model::Style* style = b.style("title", 12, Color::from_rgb(0, 0, 0), "No Such Family");
    s.layers.push_back(b.text(box_px(40, 40, 240, 60), style, "文字", 1));
    EXPECT_THROW(compositor(b.tl), Error);
}

TEST_F(Compositor, OversetCaptionIsAnErrorUpFront) {
    TimelineBuilder b(320, 180);
    b.scene(2);
    const model::Style* style = b.style("caption", pt(20), kWhite);
    b.caption(0, 1, box_px(32, 130, 256, 10), style, "とても長い字幕は入りきらない");
    EXPECT_THROW(compositor(b.tl), Error);
}

TEST_F(Compositor, CaptionsShowOnlyInTheirTime) {
    TimelineBuilder b(320, 180, {10, 1});
    b.scene(2);
    const model::Style* style = b.style("caption", pt(16), Color::from_rgb(0, 0, 0));
    b.caption(0.5, 1.0, box_px(32, 130, 256, 40), style, "募集しています");
    b.caption(1.0, 1.5, box_px(32, 130, 256, 40), style, "千葉県");
    auto c = compositor(b.tl);
    EXPECT_EQ(dark_pixels(draw(*c, 4), 0, 0, 320, 180).first, 0);
    auto shown = dark_pixels(draw(*c, 5), 32, 130, 288, 170);
    EXPECT_GT(shown.first, 100);
    EXPECT_EQ(shown.second, 0);
    Frame second = draw(*c, 10);  // the next caption, not the first
    EXPECT_GT(dark_pixels(second, 32, 130, 288, 170).first, 50);
    EXPECT_NE(second.data, draw(*c, 9).data);
    EXPECT_EQ(dark_pixels(draw(*c, 15), 0, 0, 320, 180).first, 0);

    b.tl.caption_style.burn_in = false;
    auto sidecar_only = compositor(b.tl);
    EXPECT_EQ(dark_pixels(draw(*sidecar_only, 5), 0, 0, 320, 180).first, 0);
}

TEST_F(Compositor, AnyOrderGivesTheSamePixels) {
    TimelineBuilder b(160, 90, {10, 1});
    auto& first = b.scene(1, kRed);
    first.transition = transition(model::Transition::Kind::Crossfade);
    first.layers.push_back(b.rect(box_px(10, 10, 30, 30), kGreen, 1));
    auto& second = b.scene(1, kBlue);
    model::Layer moving = b.rect(box_px(0, 40, 20, 20), kGreen, 1);
    auto k0 = key(0), k1 = key(1);
    k0.x_pt = 0;
    k1.x_pt = pt(140);
    k1.rotate_deg = 30;
    moving.keyframes = {k0, k1};
    second.layers.push_back(moving);
    b.tl.overlays.push_back(b.rect(box_px(120, 5, 30, 10), kWhite, 1.5));
    auto c = compositor(b.tl);
    int64_t n = 15;
    std::vector<std::vector<uint8_t>> in_order;
    for (int64_t i = 0; i < n; ++i) in_order.push_back(draw(*c, i).data);
    for (int64_t i : {14, 3, 7, 0, 12, 5, 9, 1, 13, 6, 10, 2, 11, 4, 8})
        EXPECT_EQ(draw(*c, i).data, in_order[i]) << "frame " << i;
    EXPECT_NE(in_order[3], in_order[7]);
}




// Scenes off screen keep their big bitmaps deflated (bitmap_store.h): the
// cache holds one scene's raw pixels at a time, and a scene shown again —
// in any order — gives the same pixels as a compositor that never parked it.
TEST_F(Compositor, OffScreenScenesAreDeflatedAndComeBackTheSame) {
    TimelineBuilder b(640, 480, {10, 1});
    auto& first = b.scene(1);
    first.layers.push_back(b.rect(box_px(0, 0, 640, 480), kRed, 1));       // 1.2 MB raw
    first.layers.push_back(b.rect(box_px(10, 10, 30, 30), kGreen, 1));
    auto& second = b.scene(1);
    second.layers.push_back(b.rect(box_px(5, 30, 630, 420), kBlue, 1));    // 1.06 MB raw
    const size_t raw_big = 640u * 480u * 4u + 630u * 420u * 4u;
    auto c = compositor(b.tl);
    // Made and parked: both big bitmaps are deflated (flat colour: tiny).
    EXPECT_LT(c->cache_bytes(), raw_big / 10);
    std::vector<uint8_t> second_frame = draw(*c, 15).data;
    const size_t showing_second = c->cache_bytes();
    EXPECT_GE(showing_second, 630u * 420u * 4u);
    EXPECT_LT(showing_second, 630u * 420u * 4u + raw_big / 10);
    std::vector<uint8_t> first_frame = draw(*c, 3).data;
    EXPECT_GE(c->cache_bytes(), 640u * 480u * 4u);
    EXPECT_LT(c->cache_bytes(), 640u * 480u * 4u + raw_big / 10);
    EXPECT_EQ(draw(*c, 15).data, second_frame);
    EXPECT_EQ(draw(*c, 3).data, first_frame);
    auto fresh = compositor(b.tl);
    EXPECT_EQ(draw(*fresh, 3).data, first_frame);
    Frame f = draw(*fresh, 15);
    EXPECT_EQ(f.data, second_frame);
    EXPECT_TRUE(is_color(f, 320, 240, 0, 0, 255));
    EXPECT_TRUE(is_color(f, 2, 2, 255, 255, 255));
}

TEST_F(Compositor, VideoLayersShowTheRightSourceFrame) {
    // 40 frames at 10 fps, frame n with red = 6n (lossless 4:4:4).
    fs::path counter = dir_ / "counter.mp4";
    ffmpeg("-f lavfi -i \"nullsrc=s=64x48:r=10:d=4,format=gbrp,geq=r='6*N':g='128':b='64'\" "
           "-c:v libx264 -preset ultrafast -crf 0 -pix_fmt yuv444p",
           counter);
    TimelineBuilder b(320, 180, {10, 1});
    auto& s = b.scene(3);
    s.layers.push_back(clip_layer(box_px(0, 0, 64, 48), counter, 3));  // as it is
    model::Layer trimmed = clip_layer(box_px(80, 0, 64, 48), counter, 3);
    trimmed.clip->trim_start_s = 0.5;
    s.layers.push_back(trimmed);
    model::Layer looped = clip_layer(box_px(160, 0, 64, 48), counter, 3);
    looped.clip->trim_end_s = 1.0;
    looped.clip->loop = true;
    s.layers.push_back(looped);
    model::Layer held = clip_layer(box_px(240, 0, 64, 48), counter, 3);
    held.clip->trim_end_s = 1.0;
    s.layers.push_back(held);
    model::Layer later = clip_layer(box_px(0, 60, 128, 96), counter, 3);  // twice the size, from 0.5 s
    later.start_s = 0.5;
    s.layers.push_back(later);
    auto c = compositor(b.tl);

    auto red_at = [](const Frame& f, int x, int y) { return f.r(x, y); };
    for (int pass = 0; pass < 2; ++pass) {  // the second pass seeks back
        Frame f = draw(*c, 13);           // 1.3 s
        SCOPED_TRACE("pass " + std::to_string(pass));
        EXPECT_NEAR(red_at(f, 32, 24), 6 * 13, 3);
        EXPECT_NEAR(red_at(f, 112, 24), 6 * 18, 3);   // 0.5 + 1.3
        EXPECT_NEAR(red_at(f, 192, 24), 6 * 3, 3);    // 1.3 looped over [0, 1)
        EXPECT_NEAR(red_at(f, 272, 24), 6 * 9, 3);    // the last frame before 1.0 holds
        EXPECT_NEAR(red_at(f, 64, 108), 6 * 8, 3);    // 1.3 − 0.5
        EXPECT_NEAR(f.g(64, 108), 128, 3);
        EXPECT_NEAR(f.g(127, 155), 128, 3);           // the whole box is the clip…
        EXPECT_TRUE(is_color(f, 129, 108, 255, 255, 255));  // …and nothing past it
        EXPECT_TRUE(is_color(f, 66, 24, 255, 255, 255));
        EXPECT_TRUE(all_opaque(f));
        Frame early = draw(*c, 2);
        EXPECT_NEAR(red_at(early, 32, 24), 6 * 2, 3);
        EXPECT_TRUE(is_color(early, 64, 108, 255, 255, 255));  // not started yet
    }
}

// Timelines read by model::load_timeline from tests/video/data.
class LoadedTimeline : public Compositor {
protected:
    model::Timeline load(const char* name) {
        model::TimelineOptions options;
        options.root = dir_;
        return model::load_timeline(fs::path(KOHO_SOURCE_DIR) / "tests/video/data" / name, options);
    }
};

TEST_F(LoadedTimeline, OverlayKeyframesFromJson) {
    model::Timeline tl = load("overlay-keyframes.json");
    auto c = compositor(tl);
    ASSERT_EQ(c->width(), 320);
    for (double t : {0.0, 0.25, 0.5, 1.0, 1.5}) {
        double x = -80 + 320 * std::min(t, 1.0);
        Frame f = draw(*c, std::lround(t * 20));
        auto [first, end] = blue_span(f, 90);
        SCOPED_TRACE("t = " + std::to_string(t));
        EXPECT_NEAR(first, std::max(0.0, x), 1);
        EXPECT_NEAR(end, std::min(320.0, x + 100), 1);
        EXPECT_TRUE(is_color(f, 300, 170, 255, 0, 0));  // the scene's background
    }
}

TEST_F(LoadedTimeline, CrossfadeFromJson) {
    model::Timeline tl = load("crossfade.json");
    auto c = compositor(tl);
    EXPECT_TRUE(is_color(draw(*c, 15), 200, 90, 128, 0, 128, 2));
    EXPECT_TRUE(is_color(draw(*c, 5), 200, 90, 255, 0, 0));
    EXPECT_TRUE(is_color(draw(*c, 25), 200, 90, 0, 0, 255));
}

TEST_F(LoadedTimeline, ClipsImageAndWipeFromJson) {
    ffmpeg("-f lavfi -i \"nullsrc=s=64x48:r=10:d=4,format=gbrp,geq=r='6*N':g='128':b='64'\" "
           "-c:v libx264 -preset ultrafast -crf 0 -pix_fmt yuv444p",
           dir_ / "counter.mp4");
    testing::write_png(dir_ / "square.png", 20, 10, [](cairo_t* cr) {  // 2:1, shown 40 px high
        cairo_set_source_rgb(cr, 0, 0, 1);
        cairo_paint(cr);
    });
    model::Timeline tl = load("clips-and-wipe.json");
    auto c = compositor(tl);
    Frame f = draw(*c, 13);  // 1.3 s
    EXPECT_NEAR(f.r(32, 24), 6 * 13, 3);
    EXPECT_NEAR(f.r(112, 24), 6 * 18, 3);
    EXPECT_NEAR(f.r(192, 24), 6 * 3, 3);
    EXPECT_TRUE(is_color(f, 240, 0, 0, 0, 255));   // upscaled 4×, edges sharp
    EXPECT_TRUE(is_color(f, 319, 39, 0, 0, 255));  // 80 px wide from its 40 px height
    EXPECT_TRUE(is_color(f, 318, 42, 255, 255, 255));
    // The wipe (over [2 s, 3 s), from the left): at 2.5 s the left half is the next scene.
    Frame half = draw(*c, 25);
    EXPECT_TRUE(is_color(half, 150, 100, 0, 255, 0));
    EXPECT_TRUE(is_color(half, 170, 100, 255, 255, 255));
    EXPECT_NEAR(half.r(192, 24), 6 * 5, 3);  // the old scene's clip still plays under the wipe
}

// FORMAT.md's "Video timeline" example as it is written, with test media.
TEST_F(LoadedTimeline, FormatExample) {
    fs::create_directories(dir_ / "media/photos");
    fs::create_directories(dir_ / "media/mascot");
    fs::create_directories(dir_ / "media/audio");
    ffmpeg("-f lavfi -i color=c=0x808080:s=640x360 -frames:v 1", dir_ / "media/photos/office.jpg");
    testing::write_png(dir_ / "media/mascot/placeholder.png", 320, 400, [](cairo_t* cr) {
        cairo_set_source_rgb(cr, 1, 0, 1);
        cairo_paint(cr);
    });
    ffmpeg("-f lavfi -i sine=f=220:r=48000:d=6", dir_ / "media/audio/bgm.wav");
    ffmpeg("-f lavfi -i sine=f=660:r=48000:d=3", dir_ / "media/audio/narration.wav");
    model::Timeline tl = load("format-example.json");
    auto c = compositor(tl);
    ASSERT_EQ(c->width(), 1920);
    ASSERT_EQ(c->height(), 1080);

    auto magenta_span = [](const Frame& f, int y) {
        int first = -1, last = -1;
        for (int x = 0; x < f.w; ++x)
            if (f.r(x, y) > 200 && f.b(x, y) > 200 && f.g(x, y) < 60) {
                if (first < 0) first = x;
                last = x;
            }
        return std::pair{first, last + 1};
    };
    // The mascot, 320 px wide (400 tall from its picture), from x −320 to
    // 1500 over the first second, y 720.
    for (int index : {0, 15, 30, 60}) {
        double x = -320 + 1820 * std::min(index / 30.0, 1.0);
        Frame f = draw(*c, index);
        auto [first, end] = magenta_span(f, 740);
        SCOPED_TRACE("frame " + std::to_string(index));
        if (x + 320 <= 0) {
            EXPECT_EQ(first, -1);
        } else {
            EXPECT_NEAR(first, std::max(0.0, x), 1);
            EXPECT_NEAR(end, x + 320, 1);
        }
        EXPECT_EQ(magenta_span(f, 715).first, -1);
        if (x + 320 > 0) EXPECT_NE(magenta_span(f, 1079).first, -1);  // 400 px tall
        EXPECT_TRUE(is_color(f, 1910, 10, 128, 128, 128, 4));  // the photo under it
    }
    // The title fades in over 400 ms (white on the grey photo).
    auto white_in = [](const Frame& f, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) n += f.r(x, y) > 240 && f.g(x, y) > 240 && f.b(x, y) > 240;
        return n;
    };
    EXPECT_EQ(white_in(draw(*c, 0), 120, 760, 1500, 920), 0);
    EXPECT_GT(white_in(draw(*c, 60), 120, 760, 1500, 920), 1000);
    // The caption burns in during [0.5 s, 3 s) only, in its box (which the
    // title, still from 0.4 s on, overlaps at the top).
    const model::Box& box = tl.caption_style.box;
    int x0 = static_cast<int>(box.x / 0.75), y0 = static_cast<int>(box.y / 0.75);
    int x1 = static_cast<int>((box.x + box.w) / 0.75), y1 = static_cast<int>((box.y + box.h) / 0.75);
    EXPECT_GT(white_in(draw(*c, 60), x0, y0, x1, y1), white_in(draw(*c, 90), x0, y0, x1, y1) + 500);
    int below_title = std::max(y0, 921);  // the title's box ends at 920
    EXPECT_EQ(white_in(draw(*c, 14), x0, below_title, x1, y1), 0);
    EXPECT_GT(white_in(draw(*c, 15), x0, below_title, x1, y1), 300);
    EXPECT_EQ(white_in(draw(*c, 90), x0, below_title, x1, y1), 0);
}

// Cost of a busy 1080p frame (printed, not asserted: machines differ), and
// what the cache of a long many-layer timeline costs in memory.
TEST_F(Compositor, Busy1080pFrame) {
    fs::path photo = dir_ / "photo.png", mascot = dir_ / "mascot.png";
    testing::write_png(photo, 1920, 1080, [](cairo_t* cr) {
        cairo_pattern_t* g = cairo_pattern_create_linear(0, 0, 1920, 1080);
        cairo_pattern_add_color_stop_rgb(g, 0, 0.2, 0.4, 0.6);
        cairo_pattern_add_color_stop_rgb(g, 1, 0.9, 0.7, 0.3);
        cairo_set_source(cr, g);
        cairo_paint(cr);
        cairo_pattern_destroy(g);
    });
    testing::write_png(mascot, 320, 400, [](cairo_t* cr) {
        cairo_set_source_rgba(cr, 1, 0.5, 0, 1);
        cairo_arc(cr, 160, 200, 150, 0, 6.3);
        cairo_fill(cr);
    });
    TimelineBuilder b(1920, 1080, {30, 1});
    const model::Style* title = b.style("title", pt(72), kWhite);
    const model::Style* body = b.style("body", pt(40), kWhite);
    const model::Style* cap = b.style("caption", pt(54), kWhite);
    const int scenes = 20;
    for (int i = 0; i < scenes; ++i) {
        auto& s = b.scene(9.5);
        s.transition = transition(model::Transition::Kind::Crossfade);
        s.layers.push_back(b.image(box_px(0, 0, 1920, 1080), photo, 9.5));
        if (i == 0) {
            model::Motion motion;
            motion.to.scale = 1.12;
            motion.to.x_pt = pt(-40);
            s.layers.back().motion = motion;
        }
        s.layers.push_back(b.text(box_px(120, 700, 1680, 120), title, "子どもの未来を、千葉で。", 9.5));
        s.layers.push_back(b.text(box_px(120, 840, 1680, 60), body, "児童福祉の専門職を募集しています", 9.5));
    }
    b.tl.scenes.back().transition.reset();
    b.tl.duration_s = b.tl.scenes.back().start_s + 9.5;
    model::Layer overlay = b.image(box_px(0, 0, 320, 400), mascot, b.tl.duration_s);
    auto k0 = key(0), k1 = key(3);
    k0.x_pt = pt(-320);
    k1.x_pt = pt(1500);
    k0.y_pt = k1.y_pt = pt(600);
    k1.rotate_deg = 10;
    overlay.keyframes = {k0, k1};
    b.tl.overlays.push_back(overlay);
    for (int i = 0; i < 30; ++i)
        b.caption(i * 6.0, i * 6.0 + 5, box_px(192, 864, 1536, 108), cap, "千葉県では児童福祉の専門職を募集しています。");

    auto started = std::chrono::steady_clock::now();
    auto c = compositor(b.tl);
    double setup_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    size_t layers = scenes * 3 + 1;
    std::cout << "[ compositor ] " << layers << " layers + 30 captions, " << b.tl.duration_s
              << " s at 1080p: cache " << c->cache_bytes() / 1e6 << " MB, set up in " << setup_s << " s\n";
    EXPECT_LT(c->cache_bytes(), 250'000'000u);  // 20 full-frame photos are 166 MB of it

    // CPU time of this thread: the machine may be busy with other work.
    auto cpu_ms = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    };
    auto cost = [&](int64_t from, int count) {
        Frame f(1920, 1080);
        c->draw(from, f.data.data(), f.stride());  // pages touched once
        double t0 = cpu_ms();
        for (int i = 0; i < count; ++i) c->draw(from + i, f.data.data(), f.stride());
        return (cpu_ms() - t0) / count;
    };
    std::cout << "[ compositor ] 1080p CPU ms/frame: Ken Burns photo + 2 text + moving mascot + caption "
              << cost(30, 30) << ", still photo + text + caption " << cost(int64_t(9.5 * 30) + 30, 30)
              << ", crossfade " << cost(int64_t(9 * 30) + 1, 14) << "\n";
    Frame f = draw(*c, 60);
    EXPECT_TRUE(all_opaque(f));
}

}  // namespace
}  // namespace koho::video
