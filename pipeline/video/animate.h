// Timeline evaluation: where every layer is at an instant, and which scenes
// are on screen (with how far a transition has gone). Pure functions of the
// model and the time, so that any frame can be computed alone (the
// compositor draws frame N without drawing frame N−1; split renders rely on
// that).
#pragma once

#include <optional>
#include <vector>

#include "model/timeline.h"

namespace koho::video {

// u in [0, 1] → eased progress. Linear, ease-in (cubic), ease-out (cubic),
// ease-in-out (cubic), ease-out-back (overshoots ~10 % then settles).
// ease(e, 0) == 0 and ease(e, 1) == 1 for every easing.
double ease(model::Easing easing, double u);

// How a layer is drawn at one instant. The box (x, y, w, h) is where its
// unscaled content sits; scale and rotation are about the box centre.
struct LayerPose {
    bool visible = false;            // inside [start, end) and opacity > 0
    double x_pt = 0, y_pt = 0;       // top-left corner of the box
    double scale = 1;
    double rotate_deg = 0;
    double opacity = 1;              // layer opacity × keyframes × fade effects
    // Ken Burns: the picture inside the box, relative to its fitted place.
    double content_scale = 1;
    double content_dx_pt = 0, content_dy_pt = 0;
    // Seconds since the layer started (for video clips: which source frame).
    double local_s = 0;
};

// `t_s` is in the layer's time base (scene layers: seconds since the scene
// started; overlays: since the video started). `frame_w_pt`/`frame_h_pt`
// is the video frame, for slide effects that start outside it.
LayerPose pose_at(const model::Layer& layer, double t_s, double frame_w_pt, double frame_h_pt);

// One scene on screen in one frame. A transition draws the outgoing scene,
// then the incoming one with its alpha, offset and clip.
struct ScenePart {
    size_t scene = 0;                // index into Timeline::scenes
    double t_s = 0;                  // seconds since that scene started
    double alpha = 1;                // crossfade
    double dx_pt = 0, dy_pt = 0;     // slide: the whole scene moved
    // wipe: only this part of the frame shows the scene (canvas pt)
    std::optional<model::Box> clip;
};

// The scenes visible at `t_s` (seconds since the video started), bottom to
// top: one outside transitions, two inside one. Empty past the end of the
// last scene (the background shows).
std::vector<ScenePart> scenes_at(const model::Timeline& timeline, double t_s);

}  // namespace koho::video
