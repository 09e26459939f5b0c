// Timeline evaluation (animate.h): easing curves, a layer's pose at an
// instant (keyframe tracks, enter/exit effects, Ken Burns) and the scenes on
// screen at an instant (transitions). Everything here is a pure function of
// the model and the time, so the compositor can draw any frame alone.
#include "video/animate.h"

#include <algorithm>
#include <cmath>

namespace koho::video {

namespace {

double clamp01(double u) { return std::clamp(u, 0.0, 1.0); }

double lerp(double a, double b, double p) { return a + (b - a) * p; }

// Fraction of the way through [begin, begin + length): 0 before, 1 after.
// A zero-length span counts as already done.
double progress(double t, double begin, double length) {
    if (length <= 0) return t >= begin ? 1.0 : 0.0;
    return clamp01((t - begin) / length);
}

// One property's keyframe track: the keyframes that set it, in time order.
// Between two of them the value moves by the later one's easing; outside
// them it holds the nearest one's value; with none, `fallback`.
template <typename Get>
double track_value(const std::vector<model::Keyframe>& keyframes, double t, double fallback, Get get) {
    const model::Keyframe* before = nullptr;
    for (const model::Keyframe& k : keyframes) {
        const std::optional<double>& value = get(k);
        if (!value) continue;
        if (k.t_s <= t) {
            before = &k;
            continue;
        }
        // k is the first keyframe after t that sets the property.
        if (!before) return *value;
        double u = (t - before->t_s) / (k.t_s - before->t_s);
        return lerp(*get(*before), *value, ease(k.easing, u));
    }
    return before ? *get(*before) : fallback;
}

// How far a slide effect moves the box so that it sits just outside the
// frame on `side`: its distance to that edge plus its own (scaled) size.
// The offset is measured from the box's resting place, pointing out.
void offscreen_offset(model::Direction side, double cx, double cy, double half_w, double half_h,
                      double frame_w, double frame_h, double* dx, double* dy) {
    *dx = 0;
    *dy = 0;
    switch (side) {
    case model::Direction::Left: *dx = -(cx + half_w); break;
    case model::Direction::Right: *dx = frame_w - (cx - half_w); break;
    case model::Direction::Up: *dy = -(cy + half_h); break;
    case model::Direction::Down: *dy = frame_h - (cy - half_h); break;
    }
}

// The part of an effect that applies at `presence` (1: fully there, 0: gone).
struct EffectState {
    double opacity = 1;
    double scale = 1;
    double dx = 0, dy = 0;
};

// `u` is raw time progress through the effect, 0 at its start, 1 at its end;
// `entering` says which way it runs.
EffectState apply_effect(const model::Effect& effect, bool entering, double u, double cx, double cy,
                         double half_w, double half_h, double frame_w, double frame_h) {
    EffectState state;
    switch (effect.kind) {
    case model::Effect::Kind::Fade: {
        double p = ease(effect.easing, u);
        state.opacity = entering ? p : 1 - p;
        break;
    }
    case model::Effect::Kind::Slide: {
        double p = ease(effect.easing, u);
        double away = entering ? 1 - p : p;  // 1: outside the frame
        double dx, dy;
        offscreen_offset(effect.direction, cx, cy, half_w, half_h, frame_w, frame_h, &dx, &dy);
        state.dx = dx * away;
        state.dy = dy * away;
        break;
    }
    case model::Effect::Kind::Pop: {
        // An exit pop is the entrance played backwards, so an overshooting
        // easing swells a little before shrinking away (never below 0).
        double v = entering ? u : 1 - u;
        state.scale = std::max(0.0, ease(effect.easing, v));
        state.opacity = std::min(1.0, 2 * v);  // fully opaque from half way
        break;
    }
    }
    return state;
}

}  // namespace

double ease(model::Easing easing, double u) {
    if (!(u > 0)) return 0;  // also NaN
    if (u >= 1) return 1;
    switch (easing) {
    case model::Easing::Linear: return u;
    case model::Easing::EaseIn: return u * u * u;
    case model::Easing::EaseOut: {
        double v = 1 - u;
        return 1 - v * v * v;
    }
    case model::Easing::EaseInOut: {
        if (u < 0.5) return 4 * u * u * u;
        double v = 2 - 2 * u;
        return 1 - v * v * v / 2;
    }
    case model::Easing::EaseOutBack: {
        // The usual back curve: overshoots by about 10 % near u = 0.6.
        constexpr double c1 = 1.70158;
        constexpr double c3 = c1 + 1;
        double v = u - 1;
        return 1 + c3 * v * v * v + c1 * v * v;
    }
    }
    return u;
}

LayerPose pose_at(const model::Layer& layer, double t_s, double frame_w_pt, double frame_h_pt) {
    LayerPose pose;
    const auto& kf = layer.keyframes;
    pose.x_pt = track_value(kf, t_s, layer.box.x, [](const model::Keyframe& k) -> const auto& { return k.x_pt; });
    pose.y_pt = track_value(kf, t_s, layer.box.y, [](const model::Keyframe& k) -> const auto& { return k.y_pt; });
    pose.scale = track_value(kf, t_s, 1.0, [](const model::Keyframe& k) -> const auto& { return k.scale; });
    pose.rotate_deg =
        track_value(kf, t_s, 0.0, [](const model::Keyframe& k) -> const auto& { return k.rotate_deg; });
    pose.opacity = layer.opacity *
                   track_value(kf, t_s, 1.0, [](const model::Keyframe& k) -> const auto& { return k.opacity; });
    pose.local_s = t_s - layer.start_s;

    // Effects see the keyframed box (where it rests at this instant) and
    // its keyframed scale, so a slide always starts or ends just outside.
    double half_w = layer.box.w * std::abs(pose.scale) / 2;
    double half_h = layer.box.h * std::abs(pose.scale) / 2;
    double cx = pose.x_pt + layer.box.w / 2;
    double cy = pose.y_pt + layer.box.h / 2;
    auto apply = [&](const model::Effect& effect, bool entering, double u) {
        EffectState s = apply_effect(effect, entering, u, cx, cy, half_w, half_h, frame_w_pt, frame_h_pt);
        pose.opacity *= s.opacity;
        pose.scale *= s.scale;
        pose.x_pt += s.dx;
        pose.y_pt += s.dy;
    };
    if (layer.enter && t_s < layer.start_s + layer.enter->duration_s)
        apply(*layer.enter, true, progress(t_s, layer.start_s, layer.enter->duration_s));
    if (layer.exit && t_s >= layer.end_s - layer.exit->duration_s)
        apply(*layer.exit, false, progress(t_s, layer.end_s - layer.exit->duration_s, layer.exit->duration_s));
    pose.opacity = clamp01(pose.opacity);

    if (layer.motion) {
        const model::Motion& m = *layer.motion;
        double p = ease(m.easing, progress(t_s, layer.start_s, layer.end_s - layer.start_s));
        pose.content_scale = lerp(m.from.scale, m.to.scale, p);
        pose.content_dx_pt = lerp(m.from.x_pt, m.to.x_pt, p);
        pose.content_dy_pt = lerp(m.from.y_pt, m.to.y_pt, p);
    }

    pose.visible = t_s >= layer.start_s && t_s < layer.end_s && pose.opacity > 0;
    return pose;
}

std::vector<ScenePart> scenes_at(const model::Timeline& timeline, double t_s) {
    std::vector<ScenePart> parts;
    const auto& scenes = timeline.scenes;
    // The latest scene that has started: at a boundary the later one wins.
    size_t count = 0;
    while (count < scenes.size() && scenes[count].start_s <= t_s) ++count;
    if (count == 0) return parts;
    size_t now = count - 1;
    const model::Scene& scene = scenes[now];
    if (t_s >= scene.start_s + scene.duration_s) return parts;  // past the last scene

    ScenePart incoming;
    incoming.scene = now;
    incoming.t_s = t_s - scene.start_s;
    const model::Scene* prev = now > 0 ? &scenes[now - 1] : nullptr;
    if (!prev || !prev->transition || t_s >= prev->start_s + prev->duration_s) {
        parts.push_back(incoming);
        return parts;
    }

    // Inside the transition from `prev`: it is drawn whole, this one over it.
    const model::Transition& tr = *prev->transition;
    double w = timeline.canvas.page.trim_w_pt > 0 ? timeline.canvas.page.trim_w_pt
                                                  : timeline.width_px * model::kPtPerPx;
    double h = timeline.canvas.page.trim_h_pt > 0 ? timeline.canvas.page.trim_h_pt
                                                  : timeline.height_px * model::kPtPerPx;
    double p = ease(tr.easing, progress(t_s, scene.start_s, tr.duration_s));
    ScenePart outgoing;
    outgoing.scene = now - 1;
    outgoing.t_s = t_s - prev->start_s;
    switch (tr.kind) {
    case model::Transition::Kind::Crossfade: incoming.alpha = clamp01(p); break;
    case model::Transition::Kind::Wipe: {
        double q = clamp01(p);
        model::Box clip{0, 0, w, h};
        switch (tr.direction) {
        case model::Direction::Left: clip.w = w * q; break;
        case model::Direction::Right: clip.x = w * (1 - q); clip.w = w * q; break;
        case model::Direction::Up: clip.h = h * q; break;
        case model::Direction::Down: clip.y = h * (1 - q); clip.h = h * q; break;
        }
        incoming.clip = clip;
        break;
    }
    case model::Transition::Kind::Slide: {
        // Both scenes move together: the new one from outside the frame on
        // the `direction` side to its place, the old one off the far side.
        double dx = 0, dy = 0;  // the new scene's start offset
        switch (tr.direction) {
        case model::Direction::Left: dx = -w; break;
        case model::Direction::Right: dx = w; break;
        case model::Direction::Up: dy = -h; break;
        case model::Direction::Down: dy = h; break;
        }
        incoming.dx_pt = dx * (1 - p);
        incoming.dy_pt = dy * (1 - p);
        outgoing.dx_pt = -dx * p;
        outgoing.dy_pt = -dy * p;
        break;
    }
    }
    parts.push_back(outgoing);
    parts.push_back(incoming);
    return parts;
}

}  // namespace koho::video
