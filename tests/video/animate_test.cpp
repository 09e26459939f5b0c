// video/animate.h: easing curves, layer poses (keyframe tracks, enter/exit
// effects, Ken Burns, visibility) and the scenes on screen across
// transitions. The model structs are built by hand: no JSON involved.
#include "video/animate.h"

#include <gtest/gtest.h>

#include <cmath>

namespace koho::video {
namespace {

using model::Direction;
using model::Easing;
using model::Effect;
using model::Keyframe;
using model::Layer;

constexpr double kEps = 1e-9;
constexpr double kW = 1440, kH = 810;  // a 1920×1080 frame in points

const Easing kAllEasings[] = {Easing::Linear, Easing::EaseIn, Easing::EaseOut, Easing::EaseInOut,
                              Easing::EaseOutBack};

// --- ease -------------------------------------------------------------------

TEST(Ease, EndpointsAreExactForEveryEasing) {
    for (Easing e : kAllEasings) {
        EXPECT_EQ(ease(e, 0.0), 0.0) << static_cast<int>(e);
        EXPECT_EQ(ease(e, 1.0), 1.0) << static_cast<int>(e);
        // Outside [0, 1] the curve holds its ends.
        EXPECT_EQ(ease(e, -0.5), 0.0);
        EXPECT_EQ(ease(e, 1.5), 1.0);
    }
}

TEST(Ease, KnownValues) {
    EXPECT_NEAR(ease(Easing::Linear, 0.25), 0.25, kEps);
    EXPECT_NEAR(ease(Easing::EaseIn, 0.5), 0.125, kEps);
    EXPECT_NEAR(ease(Easing::EaseIn, 0.25), 0.015625, kEps);
    EXPECT_NEAR(ease(Easing::EaseOut, 0.5), 0.875, kEps);
    EXPECT_NEAR(ease(Easing::EaseOut, 0.25), 1 - 0.75 * 0.75 * 0.75, kEps);
    EXPECT_NEAR(ease(Easing::EaseInOut, 0.5), 0.5, kEps);
    EXPECT_NEAR(ease(Easing::EaseInOut, 0.25), 0.0625, kEps);
    EXPECT_NEAR(ease(Easing::EaseInOut, 0.75), 0.9375, kEps);
    // Back curve: 1 + 2.70158 (u−1)³ + 1.70158 (u−1)².
    EXPECT_NEAR(ease(Easing::EaseOutBack, 0.5), 1 + 2.70158 * -0.125 + 1.70158 * 0.25, kEps);
}

TEST(Ease, CubicCurvesAreMonotonic) {
    for (Easing e : {Easing::Linear, Easing::EaseIn, Easing::EaseOut, Easing::EaseInOut}) {
        double last = ease(e, 0);
        for (int i = 1; i <= 1000; ++i) {
            double v = ease(e, i / 1000.0);
            EXPECT_GT(v, last) << "easing " << static_cast<int>(e) << " at " << i;
            EXPECT_LE(v, 1.0);
            last = v;
        }
    }
}

TEST(Ease, InOutIsSymmetric) {
    for (int i = 0; i <= 100; ++i) {
        double u = i / 100.0;
        EXPECT_NEAR(ease(Easing::EaseInOut, u) + ease(Easing::EaseInOut, 1 - u), 1.0, 1e-12) << u;
        EXPECT_NEAR(ease(Easing::EaseIn, u), 1 - ease(Easing::EaseOut, 1 - u), 1e-12) << u;
    }
}

TEST(Ease, OutBackOvershootsAboutTenPercentThenSettles) {
    double peak = 0, peak_u = 0;
    for (int i = 0; i <= 10000; ++i) {
        double u = i / 10000.0;
        double v = ease(Easing::EaseOutBack, u);
        if (v > peak) peak = v, peak_u = u;
    }
    EXPECT_NEAR(peak, 1.1, 0.005);  // the classic c1 = 1.70158 gives a 10 % overshoot
    EXPECT_GT(peak_u, 0.5);
    EXPECT_LT(peak_u, 0.7);
    EXPECT_GT(ease(Easing::EaseOutBack, 0.9), 1.0);
    // It never undershoots below 0 at the start.
    for (int i = 0; i <= 100; ++i) EXPECT_GE(ease(Easing::EaseOutBack, i / 100.0), 0.0);
}

// --- pose_at: keyframes -----------------------------------------------------

Layer make_layer(double x, double y, double w, double h, double start = 0, double end = 10) {
    Layer layer;
    layer.box = {x, y, w, h};
    layer.start_s = start;
    layer.end_s = end;
    return layer;
}

Keyframe key(double t) {
    Keyframe k;
    k.t_s = t;
    return k;
}

TEST(PoseKeyframes, NoKeyframesKeepsTheLayersOwnValues) {
    Layer layer = make_layer(100, 50, 200, 80);
    layer.opacity = 0.7;
    LayerPose pose = pose_at(layer, 3, kW, kH);
    EXPECT_TRUE(pose.visible);
    EXPECT_DOUBLE_EQ(pose.x_pt, 100);
    EXPECT_DOUBLE_EQ(pose.y_pt, 50);
    EXPECT_DOUBLE_EQ(pose.scale, 1);
    EXPECT_DOUBLE_EQ(pose.rotate_deg, 0);
    EXPECT_DOUBLE_EQ(pose.opacity, 0.7);
    EXPECT_DOUBLE_EQ(pose.content_scale, 1);
    EXPECT_DOUBLE_EQ(pose.local_s, 3);
}

TEST(PoseKeyframes, HoldsBeforeTheFirstAndAfterTheLast) {
    Layer layer = make_layer(0, 0, 100, 100);
    Keyframe a = key(2), b = key(4);
    a.x_pt = -240;
    b.x_pt = 1125;
    layer.keyframes = {a, b};
    EXPECT_DOUBLE_EQ(pose_at(layer, 0, kW, kH).x_pt, -240);
    EXPECT_DOUBLE_EQ(pose_at(layer, 2, kW, kH).x_pt, -240);
    EXPECT_DOUBLE_EQ(pose_at(layer, 4, kW, kH).x_pt, 1125);
    EXPECT_DOUBLE_EQ(pose_at(layer, 9, kW, kH).x_pt, 1125);
    // Linear by default: a quarter of the way at a quarter of the time.
    EXPECT_NEAR(pose_at(layer, 2.5, kW, kH).x_pt, -240 + 0.25 * 1365, kEps);
    EXPECT_NEAR(pose_at(layer, 3, kW, kH).x_pt, -240 + 0.5 * 1365, kEps);
    // y is not keyed: the box's own.
    EXPECT_DOUBLE_EQ(pose_at(layer, 3, kW, kH).y_pt, 0);
}

TEST(PoseKeyframes, EachPropertyIsItsOwnTrack) {
    Layer layer = make_layer(10, 20, 100, 100);
    Keyframe a = key(0), b = key(1), c = key(2);
    a.x_pt = 0;
    a.opacity = 0;
    b.scale = 2;  // only b sets scale: it holds 2 everywhere
    b.y_pt = 100;
    c.x_pt = 200;
    c.opacity = 1;
    c.rotate_deg = 90;
    c.y_pt = 300;
    layer.keyframes = {a, b, c};

    LayerPose at_half = pose_at(layer, 0.5, kW, kH);
    // x moves from a to c (b does not set it): a quarter of the way at 0.5 s.
    EXPECT_NEAR(at_half.x_pt, 50, kEps);
    EXPECT_NEAR(at_half.opacity, 0.25, kEps);
    // y: only b and c set it; before b it holds b's value.
    EXPECT_NEAR(at_half.y_pt, 100, kEps);
    EXPECT_NEAR(at_half.scale, 2, kEps);
    EXPECT_NEAR(at_half.rotate_deg, 90, kEps);  // held from c, its only keyframe

    LayerPose at_1_5 = pose_at(layer, 1.5, kW, kH);
    EXPECT_NEAR(at_1_5.x_pt, 150, kEps);
    EXPECT_NEAR(at_1_5.y_pt, 200, kEps);
    EXPECT_NEAR(at_1_5.scale, 2, kEps);
}

TEST(PoseKeyframes, TheLaterKeyframesEasingShapesTheSegment) {
    Layer layer = make_layer(0, 0, 100, 100);
    Keyframe a = key(0), b = key(1), c = key(2);
    a.scale = 1;
    a.easing = Easing::EaseIn;  // the first keyframe's easing is unused
    b.scale = 3;
    b.easing = Easing::EaseOut;
    c.scale = 1;
    c.easing = Easing::EaseIn;
    layer.keyframes = {a, b, c};
    EXPECT_NEAR(pose_at(layer, 0.5, kW, kH).scale, 1 + 2 * 0.875, kEps);  // ease-out
    EXPECT_NEAR(pose_at(layer, 1.5, kW, kH).scale, 3 - 2 * 0.125, kEps);  // ease-in
}

TEST(PoseKeyframes, OpacityMultipliesTheLayersOwn) {
    Layer layer = make_layer(0, 0, 100, 100);
    layer.opacity = 0.5;
    Keyframe a = key(0), b = key(2);
    a.opacity = 1;
    b.opacity = 0;
    layer.keyframes = {a, b};
    EXPECT_NEAR(pose_at(layer, 1, kW, kH).opacity, 0.25, kEps);
    LayerPose gone = pose_at(layer, 3, kW, kH);
    EXPECT_DOUBLE_EQ(gone.opacity, 0);
    EXPECT_FALSE(gone.visible);  // opacity 0: nothing to draw
}

TEST(PoseKeyframes, FormatExampleMascotCrossesTheFrame) {
    // FORMAT.md: from x −320 px to 1500 px over the first second, y 720 px.
    Layer mascot = make_layer(0, 0, 240, 240, 0, 30);
    Keyframe a = key(0), b = key(1);
    a.x_pt = -240;
    a.y_pt = 540;
    b.x_pt = 1125;
    b.y_pt = 540;
    mascot.keyframes = {a, b};
    EXPECT_DOUBLE_EQ(pose_at(mascot, 0, kW, kH).x_pt, -240);
    EXPECT_NEAR(pose_at(mascot, 0.5, kW, kH).x_pt, 442.5, kEps);
    EXPECT_DOUBLE_EQ(pose_at(mascot, 20, kW, kH).x_pt, 1125);
    EXPECT_DOUBLE_EQ(pose_at(mascot, 20, kW, kH).y_pt, 540);
}

TEST(PoseKeyframes, RotationInterpolatesAndBackEasingOvershoots) {
    Layer layer = make_layer(0, 0, 100, 100);
    Keyframe a = key(0), b = key(1);
    a.rotate_deg = -10;
    b.rotate_deg = 350;
    b.x_pt = 1000;  // only b sets x: it holds 1000 before b too
    b.easing = Easing::EaseOutBack;
    layer.keyframes = {a, b};
    EXPECT_NEAR(pose_at(layer, 0.5, kW, kH).rotate_deg, -10 + 360 * ease(Easing::EaseOutBack, 0.5), kEps);
    EXPECT_GT(pose_at(layer, 0.7, kW, kH).rotate_deg, 350);  // past the target, then back
    EXPECT_DOUBLE_EQ(pose_at(layer, 1, kW, kH).rotate_deg, 350);
    EXPECT_DOUBLE_EQ(pose_at(layer, 0.2, kW, kH).x_pt, 1000);
}

TEST(PoseKeyframes, KeyframeTimesShareTheLayersTimeBase) {
    // An overlay from 5 s with keyframes at 5 s and 6 s: times are video
    // times, not counted from the layer's start.
    Layer layer = make_layer(0, 0, 100, 100, 5, 10);
    Keyframe a = key(5), b = key(6);
    a.y_pt = 0;
    b.y_pt = 100;
    layer.keyframes = {a, b};
    EXPECT_NEAR(pose_at(layer, 5.5, kW, kH).y_pt, 50, kEps);
    EXPECT_DOUBLE_EQ(pose_at(layer, 5.5, kW, kH).local_s, 0.5);
}

// --- pose_at: visibility and local time -------------------------------------

TEST(PoseVisibility, HalfOpenLifetime) {
    Layer layer = make_layer(0, 0, 100, 100, 2, 5);
    EXPECT_FALSE(pose_at(layer, 1.999, kW, kH).visible);
    EXPECT_TRUE(pose_at(layer, 2, kW, kH).visible);
    EXPECT_TRUE(pose_at(layer, 4.999, kW, kH).visible);
    EXPECT_FALSE(pose_at(layer, 5, kW, kH).visible);
    EXPECT_DOUBLE_EQ(pose_at(layer, 3.25, kW, kH).local_s, 1.25);
}

TEST(PoseVisibility, ZeroOpacityIsInvisible) {
    Layer layer = make_layer(0, 0, 100, 100);
    layer.opacity = 0;
    EXPECT_FALSE(pose_at(layer, 1, kW, kH).visible);
}

// --- pose_at: effects -------------------------------------------------------

Effect effect(Effect::Kind kind, double duration, Easing easing, Direction dir = Direction::Left) {
    Effect e;
    e.kind = kind;
    e.duration_s = duration;
    e.easing = easing;
    e.direction = dir;
    return e;
}

TEST(PoseEffects, FadeInAndOut) {
    Layer layer = make_layer(0, 0, 100, 100, 1, 5);
    layer.opacity = 0.8;
    layer.enter = effect(Effect::Kind::Fade, 0.4, Easing::Linear);
    layer.exit = effect(Effect::Kind::Fade, 1, Easing::EaseIn);
    LayerPose start = pose_at(layer, 1, kW, kH);
    EXPECT_DOUBLE_EQ(start.opacity, 0);
    EXPECT_FALSE(start.visible);
    EXPECT_NEAR(pose_at(layer, 1.2, kW, kH).opacity, 0.4, kEps);
    EXPECT_NEAR(pose_at(layer, 1.4, kW, kH).opacity, 0.8, kEps);
    EXPECT_NEAR(pose_at(layer, 3, kW, kH).opacity, 0.8, kEps);
    EXPECT_NEAR(pose_at(layer, 4, kW, kH).opacity, 0.8, kEps);  // exit starts at 4 s
    EXPECT_NEAR(pose_at(layer, 4.5, kW, kH).opacity, 0.8 * (1 - 0.125), kEps);  // ease-in out
    EXPECT_NEAR(pose_at(layer, 4.999999, kW, kH).opacity, 0, 1e-5);
    // Box and scale untouched by a fade.
    EXPECT_DOUBLE_EQ(pose_at(layer, 1.2, kW, kH).x_pt, 0);
    EXPECT_DOUBLE_EQ(pose_at(layer, 1.2, kW, kH).scale, 1);
}

TEST(PoseEffects, SlideInFromEachSideStartsJustOutsideTheFrame) {
    struct Case {
        Direction dir;
        double dx, dy;  // offset at the start
    };
    // Box 100,50 200×80 in a 1440×810 frame.
    const Case cases[] = {
        {Direction::Left, -(100 + 200), 0},
        {Direction::Right, 1440 - 100, 0},
        {Direction::Up, 0, -(50 + 80)},
        {Direction::Down, 0, 810 - 50},
    };
    for (const Case& c : cases) {
        Layer layer = make_layer(100, 50, 200, 80, 0, 10);
        layer.enter = effect(Effect::Kind::Slide, 1, Easing::Linear, c.dir);
        LayerPose start = pose_at(layer, 0, kW, kH);
        EXPECT_NEAR(start.x_pt, 100 + c.dx, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(start.y_pt, 50 + c.dy, kEps) << static_cast<int>(c.dir);
        EXPECT_DOUBLE_EQ(start.opacity, 1);  // a slide does not fade
        // Exactly outside: touching the edge it came from.
        switch (c.dir) {
        case Direction::Left: EXPECT_NEAR(start.x_pt + 200, 0, kEps); break;
        case Direction::Right: EXPECT_NEAR(start.x_pt, kW, kEps); break;
        case Direction::Up: EXPECT_NEAR(start.y_pt + 80, 0, kEps); break;
        case Direction::Down: EXPECT_NEAR(start.y_pt, kH, kEps); break;
        }
        LayerPose middle = pose_at(layer, 0.5, kW, kH);
        EXPECT_NEAR(middle.x_pt, 100 + c.dx / 2, kEps);
        EXPECT_NEAR(middle.y_pt, 50 + c.dy / 2, kEps);
        LayerPose end = pose_at(layer, 1, kW, kH);
        EXPECT_NEAR(end.x_pt, 100, kEps);
        EXPECT_NEAR(end.y_pt, 50, kEps);
    }
}

TEST(PoseEffects, SlideOutLeavesTowardsItsSide) {
    Layer layer = make_layer(100, 50, 200, 80, 0, 10);
    layer.exit = effect(Effect::Kind::Slide, 2, Easing::EaseIn, Direction::Right);
    EXPECT_NEAR(pose_at(layer, 8, kW, kH).x_pt, 100, kEps);
    EXPECT_NEAR(pose_at(layer, 9, kW, kH).x_pt, 100 + 1340 * 0.125, kEps);
    EXPECT_NEAR(pose_at(layer, 9.999999, kW, kH).x_pt, kW, 1e-2);
    EXPECT_NEAR(pose_at(layer, 9, kW, kH).y_pt, 50, kEps);
}

TEST(PoseEffects, SlideAddsToKeyframedPositionAndScale) {
    Layer layer = make_layer(0, 0, 200, 100, 0, 10);
    Keyframe a = key(0);
    a.x_pt = 300;
    a.scale = 2;  // drawn 400 wide about the centre (400): 200..600
    layer.keyframes = {a};
    layer.enter = effect(Effect::Kind::Slide, 1, Easing::Linear, Direction::Left);
    LayerPose start = pose_at(layer, 0, kW, kH);
    // The scaled right edge (centre 400 + 200) must end at the frame's left edge.
    EXPECT_NEAR(start.x_pt, 300 - 600, kEps);
    EXPECT_NEAR(pose_at(layer, 0.5, kW, kH).x_pt, 0, kEps);
    EXPECT_NEAR(pose_at(layer, 1, kW, kH).x_pt, 300, kEps);
    EXPECT_DOUBLE_EQ(start.scale, 2);
}

TEST(PoseEffects, PopScalesUpWithOvershootAndFadesInOverTheFirstHalf) {
    Layer layer = make_layer(0, 0, 100, 100, 0, 10);
    layer.enter = effect(Effect::Kind::Pop, 1, Easing::EaseOutBack);
    LayerPose start = pose_at(layer, 0, kW, kH);
    EXPECT_DOUBLE_EQ(start.scale, 0);
    EXPECT_DOUBLE_EQ(start.opacity, 0);
    EXPECT_FALSE(start.visible);
    LayerPose quarter = pose_at(layer, 0.25, kW, kH);
    EXPECT_NEAR(quarter.opacity, 0.5, kEps);
    EXPECT_NEAR(quarter.scale, ease(Easing::EaseOutBack, 0.25), kEps);
    LayerPose middle = pose_at(layer, 0.5, kW, kH);
    EXPECT_NEAR(middle.opacity, 1, kEps);
    LayerPose late = pose_at(layer, 0.7, kW, kH);
    EXPECT_GT(late.scale, 1.05);  // the overshoot
    EXPECT_DOUBLE_EQ(pose_at(layer, 1, kW, kH).scale, 1);
    // The box itself does not move: scale is about its centre.
    EXPECT_DOUBLE_EQ(middle.x_pt, 0);
}

TEST(PoseEffects, PopOutIsTheEntrancePlayedBackwards) {
    Layer layer = make_layer(0, 0, 100, 100, 0, 10);
    layer.exit = effect(Effect::Kind::Pop, 1, Easing::EaseOutBack);
    EXPECT_DOUBLE_EQ(pose_at(layer, 9, kW, kH).scale, 1);
    EXPECT_NEAR(pose_at(layer, 9.3, kW, kH).scale, ease(Easing::EaseOutBack, 0.7), kEps);
    EXPECT_GT(pose_at(layer, 9.3, kW, kH).scale, 1);
    EXPECT_NEAR(pose_at(layer, 9.75, kW, kH).opacity, 0.5, kEps);
    EXPECT_NEAR(pose_at(layer, 9.75, kW, kH).scale, ease(Easing::EaseOutBack, 0.25), kEps);
    EXPECT_NEAR(pose_at(layer, 9.9999999, kW, kH).scale, 0, 1e-5);
    for (int i = 0; i <= 100; ++i) EXPECT_GE(pose_at(layer, 9 + i / 100.0, kW, kH).scale, 0.0);
}

TEST(PoseEffects, PopMultipliesKeyframedScale) {
    Layer layer = make_layer(0, 0, 100, 100, 0, 10);
    Keyframe a = key(0);
    a.scale = 0.5;
    layer.keyframes = {a};
    layer.enter = effect(Effect::Kind::Pop, 1, Easing::Linear);
    EXPECT_NEAR(pose_at(layer, 0.5, kW, kH).scale, 0.25, kEps);
    EXPECT_NEAR(pose_at(layer, 2, kW, kH).scale, 0.5, kEps);
}

TEST(PoseEffects, EnterAndExitBothApplyOnAShortLayer) {
    Layer layer = make_layer(0, 0, 100, 100, 0, 1);
    layer.enter = effect(Effect::Kind::Fade, 1, Easing::Linear);
    layer.exit = effect(Effect::Kind::Fade, 1, Easing::Linear);
    // u = 0.25 into both: 0.25 × 0.75.
    EXPECT_NEAR(pose_at(layer, 0.25, kW, kH).opacity, 0.25 * 0.75, kEps);
}

TEST(PoseEffects, EffectsFollowTheLayersStart) {
    // An overlay starting at 3 s: its fade runs 3 s … 3.4 s.
    Layer layer = make_layer(0, 0, 100, 100, 3, 8);
    layer.enter = effect(Effect::Kind::Fade, 0.4, Easing::Linear);
    EXPECT_NEAR(pose_at(layer, 3.1, kW, kH).opacity, 0.25, kEps);
    EXPECT_NEAR(pose_at(layer, 3.4, kW, kH).opacity, 1, kEps);
}

// --- pose_at: Ken Burns -----------------------------------------------------

TEST(PoseMotion, MovesThePictureOverTheLayersLife) {
    Layer layer = make_layer(0, 0, kW, kH, 1, 5);
    model::Motion m;
    m.from = {1.0, 0, 0};
    m.to = {1.12, -30, 12};
    layer.motion = m;
    LayerPose start = pose_at(layer, 1, kW, kH);
    EXPECT_DOUBLE_EQ(start.content_scale, 1.0);
    EXPECT_DOUBLE_EQ(start.content_dx_pt, 0);
    LayerPose middle = pose_at(layer, 3, kW, kH);
    EXPECT_NEAR(middle.content_scale, 1.06, kEps);
    EXPECT_NEAR(middle.content_dx_pt, -15, kEps);
    EXPECT_NEAR(middle.content_dy_pt, 6, kEps);
    LayerPose near_end = pose_at(layer, 4.999999, kW, kH);
    EXPECT_NEAR(near_end.content_scale, 1.12, 1e-6);
    // The box (the clip) stays.
    EXPECT_DOUBLE_EQ(middle.x_pt, 0);
    EXPECT_DOUBLE_EQ(middle.scale, 1);
}

TEST(PoseMotion, UsesItsEasing) {
    Layer layer = make_layer(0, 0, kW, kH, 0, 2);
    model::Motion m;
    m.from = {1.0, 0, 0};
    m.to = {2.0, 0, 0};
    m.easing = Easing::EaseInOut;
    layer.motion = m;
    EXPECT_NEAR(pose_at(layer, 0.5, kW, kH).content_scale, 1.0625, kEps);
}

// --- scenes_at --------------------------------------------------------------

// Three scenes of 4 s; scene 0 hands over to 1 with `tr` (1 s), 1 to 2 with
// nothing: starts 0, 3, 7; the video is 11 s.
model::Timeline three_scenes(std::optional<model::Transition> tr) {
    model::Timeline tl;
    tl.width_px = 1920;
    tl.height_px = 1080;
    tl.canvas.page.trim_w_pt = kW;
    tl.canvas.page.trim_h_pt = kH;
    double start = 0;
    for (int i = 0; i < 3; ++i) {
        model::Scene s;
        s.id = "s" + std::to_string(i);
        s.start_s = start;
        s.duration_s = 4;
        if (i == 0) s.transition = tr;
        start += s.duration_s - (s.transition ? s.transition->duration_s : 0);
        tl.scenes.push_back(std::move(s));
    }
    tl.duration_s = start;
    return tl;
}

model::Transition transition(model::Transition::Kind kind, Direction dir = Direction::Right,
                             Easing easing = Easing::Linear) {
    model::Transition t;
    t.kind = kind;
    t.duration_s = 1;
    t.direction = dir;
    t.easing = easing;
    return t;
}

TEST(ScenesAt, OneSceneOutsideTransitions) {
    model::Timeline tl = three_scenes(std::nullopt);
    auto parts = scenes_at(tl, 1.5);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].scene, 0u);
    EXPECT_DOUBLE_EQ(parts[0].t_s, 1.5);
    EXPECT_DOUBLE_EQ(parts[0].alpha, 1);
    EXPECT_FALSE(parts[0].clip.has_value());
    EXPECT_DOUBLE_EQ(parts[0].dx_pt, 0);
}

TEST(ScenesAt, BoundaryBelongsToTheLaterScene) {
    model::Timeline tl = three_scenes(std::nullopt);  // starts 0, 4, 8
    auto at4 = scenes_at(tl, 4);
    ASSERT_EQ(at4.size(), 1u);
    EXPECT_EQ(at4[0].scene, 1u);
    EXPECT_DOUBLE_EQ(at4[0].t_s, 0);
    auto before4 = scenes_at(tl, 3.999);
    ASSERT_EQ(before4.size(), 1u);
    EXPECT_EQ(before4[0].scene, 0u);
    EXPECT_EQ(scenes_at(tl, 0).at(0).scene, 0u);
}

TEST(ScenesAt, EmptyPastTheLastSceneAndBeforeTheFirst) {
    model::Timeline tl = three_scenes(std::nullopt);  // ends at 12
    EXPECT_EQ(scenes_at(tl, 11.999).size(), 1u);
    EXPECT_TRUE(scenes_at(tl, 12).empty());
    EXPECT_TRUE(scenes_at(tl, 100).empty());
    EXPECT_TRUE(scenes_at(tl, -0.1).empty());
    model::Timeline none;
    EXPECT_TRUE(scenes_at(none, 0).empty());
}

TEST(ScenesAt, CrossfadeOverlapsAndBlends) {
    model::Timeline tl = three_scenes(transition(model::Transition::Kind::Crossfade));  // 1 s at 3 s
    EXPECT_DOUBLE_EQ(tl.scenes[1].start_s, 3);
    auto before = scenes_at(tl, 2.99);
    ASSERT_EQ(before.size(), 1u);
    auto start = scenes_at(tl, 3);
    ASSERT_EQ(start.size(), 2u);
    EXPECT_EQ(start[0].scene, 0u);
    EXPECT_EQ(start[1].scene, 1u);
    EXPECT_DOUBLE_EQ(start[1].alpha, 0);
    auto middle = scenes_at(tl, 3.25);
    ASSERT_EQ(middle.size(), 2u);
    EXPECT_EQ(middle[0].scene, 0u);  // outgoing drawn whole, under
    EXPECT_DOUBLE_EQ(middle[0].alpha, 1);
    EXPECT_DOUBLE_EQ(middle[0].t_s, 3.25);
    EXPECT_EQ(middle[1].scene, 1u);
    EXPECT_NEAR(middle[1].alpha, 0.25, kEps);
    EXPECT_NEAR(middle[1].t_s, 0.25, kEps);
    EXPECT_FALSE(middle[1].clip.has_value());
    EXPECT_DOUBLE_EQ(middle[1].dx_pt, 0);
    // The transition ends when the outgoing scene does (4 s): only the new one.
    auto end = scenes_at(tl, 4);
    ASSERT_EQ(end.size(), 1u);
    EXPECT_EQ(end[0].scene, 1u);
    EXPECT_DOUBLE_EQ(end[0].alpha, 1);
    EXPECT_DOUBLE_EQ(end[0].t_s, 1);
    // Scene 1 → 2 has no transition: a cut at 7 s.
    auto cut = scenes_at(tl, 7);
    ASSERT_EQ(cut.size(), 1u);
    EXPECT_EQ(cut[0].scene, 2u);
}

TEST(ScenesAt, CrossfadeUsesItsEasing) {
    model::Timeline tl = three_scenes(
        transition(model::Transition::Kind::Crossfade, Direction::Right, Easing::EaseInOut));
    EXPECT_NEAR(scenes_at(tl, 3.25).at(1).alpha, 0.0625, kEps);
    EXPECT_NEAR(scenes_at(tl, 3.5).at(1).alpha, 0.5, kEps);
}

TEST(ScenesAt, WipeClipGrowsFromTheDirectionSide) {
    struct Case {
        Direction dir;
        model::Box at_quarter;
    };
    const Case cases[] = {
        {Direction::Right, {kW * 0.75, 0, kW * 0.25, kH}},
        {Direction::Left, {0, 0, kW * 0.25, kH}},
        {Direction::Up, {0, 0, kW, kH * 0.25}},
        {Direction::Down, {0, kH * 0.75, kW, kH * 0.25}},
    };
    for (const Case& c : cases) {
        model::Timeline tl = three_scenes(transition(model::Transition::Kind::Wipe, c.dir));
        auto parts = scenes_at(tl, 3.25);
        ASSERT_EQ(parts.size(), 2u);
        EXPECT_FALSE(parts[0].clip.has_value());
        ASSERT_TRUE(parts[1].clip.has_value());
        const model::Box& clip = *parts[1].clip;
        EXPECT_NEAR(clip.x, c.at_quarter.x, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(clip.y, c.at_quarter.y, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(clip.w, c.at_quarter.w, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(clip.h, c.at_quarter.h, kEps) << static_cast<int>(c.dir);
        EXPECT_DOUBLE_EQ(parts[1].alpha, 1);
        // Empty at the start, almost the whole frame near the end.
        auto start = scenes_at(tl, 3);
        ASSERT_EQ(start.size(), 2u);
        EXPECT_NEAR(start[1].clip->w * start[1].clip->h, 0, kEps);
        auto late = scenes_at(tl, 3.999999);
        EXPECT_NEAR(late[1].clip->w, kW, 1e-2);
        EXPECT_NEAR(late[1].clip->h, kH, 1e-2);
    }
}

TEST(ScenesAt, SlidePushesTheOldSceneOffTheFarSide) {
    struct Case {
        Direction dir;
        double in_dx, in_dy;  // the incoming scene at a quarter
    };
    const Case cases[] = {
        {Direction::Right, kW * 0.75, 0},
        {Direction::Left, -kW * 0.75, 0},
        {Direction::Up, 0, -kH * 0.75},
        {Direction::Down, 0, kH * 0.75},
    };
    for (const Case& c : cases) {
        model::Timeline tl = three_scenes(transition(model::Transition::Kind::Slide, c.dir));
        auto parts = scenes_at(tl, 3.25);
        ASSERT_EQ(parts.size(), 2u);
        EXPECT_NEAR(parts[1].dx_pt, c.in_dx, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(parts[1].dy_pt, c.in_dy, kEps) << static_cast<int>(c.dir);
        // The old one moved the same quarter, the other way: the two stay joined.
        double sx = c.in_dx == 0 ? 0 : (c.in_dx > 0 ? -1 : 1) * kW * 0.25;
        double sy = c.in_dy == 0 ? 0 : (c.in_dy > 0 ? -1 : 1) * kH * 0.25;
        EXPECT_NEAR(parts[0].dx_pt, sx, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(parts[0].dy_pt, sy, kEps) << static_cast<int>(c.dir);
        EXPECT_NEAR(std::abs(parts[1].dx_pt - parts[0].dx_pt), c.in_dx == 0 ? 0 : kW, kEps);
        EXPECT_NEAR(std::abs(parts[1].dy_pt - parts[0].dy_pt), c.in_dy == 0 ? 0 : kH, kEps);
        EXPECT_FALSE(parts[1].clip.has_value());
        EXPECT_DOUBLE_EQ(parts[1].alpha, 1);
        // At the start the new scene is wholly outside; at the end in place.
        auto start = scenes_at(tl, 3);
        EXPECT_NEAR(std::abs(start[1].dx_pt) + std::abs(start[1].dy_pt), c.in_dx == 0 ? kH : kW, kEps);
        EXPECT_DOUBLE_EQ(start[0].dx_pt, 0);
        auto after = scenes_at(tl, 4);
        ASSERT_EQ(after.size(), 1u);
        EXPECT_DOUBLE_EQ(after[0].dx_pt, 0);
        EXPECT_DOUBLE_EQ(after[0].dy_pt, 0);
    }
}

TEST(ScenesAt, BackEasingOvershootsASlideButNeverAFadeOrWipe) {
    model::Timeline slide = three_scenes(
        transition(model::Transition::Kind::Slide, Direction::Right, Easing::EaseOutBack));
    EXPECT_LT(scenes_at(slide, 3.7).at(1).dx_pt, 0);  // a little past its place, then back
    model::Timeline fade = three_scenes(
        transition(model::Transition::Kind::Crossfade, Direction::Right, Easing::EaseOutBack));
    EXPECT_DOUBLE_EQ(scenes_at(fade, 3.7).at(1).alpha, 1);
    model::Timeline wipe = three_scenes(
        transition(model::Transition::Kind::Wipe, Direction::Left, Easing::EaseOutBack));
    EXPECT_DOUBLE_EQ(scenes_at(wipe, 3.7).at(1).clip->w, kW);
}

TEST(ScenesAt, LayerTimesCountFromEachScenesStart) {
    model::Timeline tl = three_scenes(transition(model::Transition::Kind::Crossfade));
    auto parts = scenes_at(tl, 9.5);  // scene 2 started at 7 s
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].scene, 2u);
    EXPECT_DOUBLE_EQ(parts[0].t_s, 2.5);
}

TEST(ScenesAt, FrameSizeFallsBackToPixels) {
    model::Timeline tl = three_scenes(transition(model::Transition::Kind::Slide, Direction::Right));
    tl.canvas.page.trim_w_pt = 0;
    tl.canvas.page.trim_h_pt = 0;
    tl.width_px = 320;
    tl.height_px = 180;
    EXPECT_NEAR(scenes_at(tl, 3).at(1).dx_pt, 240, kEps);
}

}  // namespace
}  // namespace koho::video
