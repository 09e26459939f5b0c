#include "people.h"

#include <cmath>

namespace koho::genmedia {

namespace {

void stroke_limb(cairo_t* cr, Point a, Point b, double width, Rgb c, double bend = 0) {
    Point mid{(a.x + b.x) / 2 + bend, (a.y + b.y) / 2};
    cairo_move_to(cr, a.x, a.y);
    cairo_curve_to(cr, mid.x, mid.y, mid.x, mid.y, b.x, b.y);
    cairo_set_line_width(cr, width);
    set_colour(cr, c);
    cairo_stroke(cr);
}

// The rounded shoulders and torso of a bust, as a path.
void torso_path(cairo_t* cr, double cx, double top, double r, double bottom, double width) {
    double half = width / 2;
    // shoulders slope from the neck and round over into the upper arms
    cairo_move_to(cr, cx - half - 0.1 * r, bottom);
    cairo_line_to(cr, cx - half, top + 1.4 * r);
    cairo_curve_to(cr, cx - half, top + 0.55 * r, cx - half * 0.8, top + 0.22 * r, cx - half * 0.5, top + 0.1 * r);
    cairo_curve_to(cr, cx - half * 0.3, top + 0.02 * r, cx - 0.6 * r, top, cx - 0.4 * r, top);
    cairo_line_to(cr, cx + 0.4 * r, top);
    cairo_curve_to(cr, cx + 0.6 * r, top, cx + half * 0.3, top + 0.02 * r, cx + half * 0.5, top + 0.1 * r);
    cairo_curve_to(cr, cx + half * 0.8, top + 0.22 * r, cx + half, top + 0.55 * r, cx + half, top + 1.4 * r);
    cairo_line_to(cr, cx + half + 0.1 * r, bottom);
    cairo_close_path(cr);
}

void hair_back(cairo_t* cr, double cx, double cy, double r, const Look& k) {
    switch (k.hair_style) {
        case Hair::Bob:
            rounded_rect(cr, cx - 1.08 * r, cy - 1.1 * r, 2.16 * r, 2.0 * r, 0.95 * r);
            fill_colour(cr, k.hair);
            break;
        case Hair::Long:
            cairo_move_to(cr, cx - 1.0 * r, cy - 0.2 * r);
            cairo_curve_to(cr, cx - 1.15 * r, cy + 1.2 * r, cx - 1.2 * r, cy + 2.0 * r, cx - 1.0 * r, cy + 2.5 * r);
            cairo_line_to(cr, cx + 1.0 * r, cy + 2.5 * r);
            cairo_curve_to(cr, cx + 1.2 * r, cy + 2.0 * r, cx + 1.15 * r, cy + 1.2 * r, cx + 1.0 * r, cy - 0.2 * r);
            cairo_close_path(cr);
            fill_colour(cr, k.hair);
            ellipse(cr, cx, cy - 0.15 * r, 1.02 * r, 1.05 * r);
            fill_colour(cr, k.hair);
            break;
        case Hair::Bun:
            ellipse(cr, cx + 0.15 * r, cy - 1.05 * r, 0.45 * r, 0.4 * r);
            fill_colour(cr, k.hair);
            [[fallthrough]];
        default:
            ellipse(cr, cx, cy - 0.1 * r, 0.95 * r, 0.98 * r);
            fill_colour(cr, k.hair);
    }
}

void hair_front(cairo_t* cr, double cx, double cy, double r, const Look& k) {
    double lift = k.hair_style == Hair::Cropped ? 0.12 * r : 0;
    cairo_move_to(cr, cx - 0.9 * r, cy + 0.05 * r);
    cairo_curve_to(cr, cx - 1.0 * r, cy - 0.9 * r, cx - 0.45 * r, cy - 1.12 * r - lift, cx + 0.05 * r, cy - 1.1 * r - lift);
    cairo_curve_to(cr, cx + 0.6 * r, cy - 1.1 * r - lift, cx + 1.0 * r, cy - 0.8 * r, cx + 0.9 * r, cy + 0.05 * r);
    switch (k.hair_style) {
        case Hair::Bob:  // straight bangs with a soft curve
            cairo_curve_to(cr, cx + 0.8 * r, cy - 0.4 * r, cx + 0.5 * r, cy - 0.42 * r, cx, cy - 0.4 * r);
            cairo_curve_to(cr, cx - 0.5 * r, cy - 0.42 * r, cx - 0.8 * r, cy - 0.4 * r, cx - 0.9 * r, cy + 0.05 * r);
            break;
        case Hair::Long:
        case Hair::Bun:  // parted and swept to one side
            cairo_curve_to(cr, cx + 0.75 * r, cy - 0.5 * r, cx + 0.35 * r, cy - 0.75 * r, cx + 0.1 * r, cy - 0.82 * r);
            cairo_curve_to(cr, cx - 0.3 * r, cy - 0.6 * r, cx - 0.7 * r, cy - 0.45 * r, cx - 0.9 * r, cy + 0.05 * r);
            break;
        default:  // a short fringe swept across from a side parting
            cairo_curve_to(cr, cx + 0.8 * r, cy - 0.3 * r, cx + 0.6 * r, cy - 0.42 * r - lift, cx + 0.3 * r, cy - 0.44 * r - lift);
            cairo_curve_to(cr, cx - 0.1 * r, cy - 0.46 * r - lift, cx - 0.35 * r, cy - 0.62 * r - lift, cx - 0.45 * r, cy - 0.8 * r);
            cairo_curve_to(cr, cx - 0.6 * r, cy - 0.55 * r, cx - 0.82 * r, cy - 0.35 * r, cx - 0.9 * r, cy + 0.05 * r);
    }
    cairo_close_path(cr);
    fill_colour(cr, k.hair);
}

void face(cairo_t* cr, double cx, double cy, double r, const Look& k) {
    Rgb ink = hex(0x3A2A26);
    for (int side : {-1, 1}) {
        double ex = cx + side * 0.34 * r, ey = cy + 0.1 * r;
        ellipse(cr, ex, ey, 0.065 * r, 0.085 * r);
        fill_colour(cr, ink);
        // brows: soft arcs
        cairo_move_to(cr, ex - 0.13 * r, ey - 0.2 * r);
        cairo_curve_to(cr, ex - 0.05 * r, ey - 0.27 * r, ex + 0.05 * r, ey - 0.27 * r, ex + 0.13 * r, ey - 0.21 * r);
        cairo_set_line_width(cr, 0.045 * r);
        set_colour(cr, darker(k.hair, 0.1), 0.8);
        cairo_stroke(cr);
        // cheeks
        ellipse(cr, cx + side * 0.52 * r, cy + 0.38 * r, 0.14 * r, 0.08 * r);
        fill_colour(cr, hex(0xF08C7E), 0.35);
    }
    // nose: a small shade
    cairo_move_to(cr, cx + 0.02 * r, cy + 0.22 * r);
    cairo_curve_to(cr, cx + 0.07 * r, cy + 0.3 * r, cx + 0.04 * r, cy + 0.33 * r, cx - 0.02 * r, cy + 0.33 * r);
    cairo_set_line_width(cr, 0.035 * r);
    set_colour(cr, darker(k.skin, 0.22));
    cairo_stroke(cr);
    // smile
    cairo_move_to(cr, cx - 0.17 * r, cy + 0.47 * r);
    cairo_curve_to(cr, cx - 0.08 * r, cy + 0.58 * r, cx + 0.08 * r, cy + 0.58 * r, cx + 0.17 * r, cy + 0.47 * r);
    cairo_close_path(cr);
    fill_colour(cr, hex(0xB5524A));
    if (k.glasses) {
        cairo_set_line_width(cr, 0.04 * r);
        for (int side : {-1, 1}) rounded_rect(cr, cx + side * 0.34 * r - 0.2 * r, cy - 0.03 * r, 0.4 * r, 0.27 * r, 0.1 * r);
        cairo_move_to(cr, cx - 0.14 * r, cy + 0.06 * r);
        cairo_line_to(cr, cx + 0.14 * r, cy + 0.06 * r);
        set_colour(cr, hex(0x4A3A34));
        cairo_stroke(cr);
    }
}

}  // namespace

Point walker_shoulder(const Walker& w, bool right) {
    double s = w.height;
    double half = (w.child ? 0.16 : 0.13) * s;
    double y = w.ground - (w.child ? 0.72 : 0.8) * s;
    return {w.x + (right ? half : -half), y};
}

void draw_walker(cairo_t* cr, const Walker& w, Rgb c) {
    double s = w.height;
    double head_r = (w.child ? 0.105 : 0.07) * s;
    double hip_y = w.ground - (w.child ? 0.42 : 0.48) * s;
    double leg_w = (w.child ? 0.075 : 0.065) * s;
    // legs: one foot ahead (higher on the page, seen from behind) of the other
    stroke_limb(cr, {w.x - 0.04 * s, hip_y}, {w.x - 0.05 * s - w.stride * s * 0.3, w.ground - 0.01 * s}, leg_w, c);
    stroke_limb(cr, {w.x + 0.04 * s, hip_y}, {w.x + 0.05 * s + w.stride * s * 0.3, w.ground - 0.035 * s}, leg_w, c);
    // torso: a coat widening a little towards the hem
    Point ls = walker_shoulder(w, false), rs = walker_shoulder(w, true);
    double hem = hip_y + (w.child ? 0.04 : 0.1) * s;
    cairo_move_to(cr, ls.x + 0.02 * s, ls.y);
    cairo_curve_to(cr, ls.x - 0.03 * s, ls.y + 0.02 * s, ls.x - 0.02 * s, hem - 0.1 * s, ls.x - 0.015 * s, hem);
    cairo_line_to(cr, rs.x + 0.015 * s, hem);
    cairo_curve_to(cr, rs.x + 0.02 * s, hem - 0.1 * s, rs.x + 0.03 * s, rs.y + 0.02 * s, rs.x - 0.02 * s, rs.y);
    cairo_curve_to(cr, rs.x - 0.06 * s, ls.y - 0.03 * s, ls.x + 0.06 * s, ls.y - 0.03 * s, ls.x + 0.02 * s, ls.y);
    fill_colour(cr, c);
    // arms
    double arm_w = (w.child ? 0.06 : 0.05) * s;
    for (bool right : {false, true}) {
        Point sh = walker_shoulder(w, right);
        sh.x += (right ? -1 : 1) * 0.02 * s;
        sh.y += 0.03 * s;
        const Point* hand = right ? w.hand_right : w.hand_left;
        Point end = hand ? *hand : Point{sh.x + (right ? 0.04 : -0.04) * s, sh.y + 0.33 * s};
        stroke_limb(cr, sh, end, arm_w, c, (right ? 1 : -1) * 0.02 * s);
        ellipse(cr, end.x, end.y, arm_w * 0.6, arm_w * 0.6);
        fill_colour(cr, c);
    }
    // neck and head
    double head_y = ls.y - head_r * 1.05;
    rounded_rect(cr, w.x - head_r * 0.4, head_y, head_r * 0.8, ls.y - head_y + 0.01 * s, head_r * 0.2);
    fill_colour(cr, c);
    ellipse(cr, w.x, head_y - head_r * 0.15, head_r * 0.95, head_r);
    fill_colour(cr, c);
    if (w.child) {
        // a randoseru-like school bag with its flap, a shade lighter
        double bw = 0.25 * s, bh = 0.24 * s;
        rounded_rect(cr, w.x - bw / 2, ls.y + 0.01 * s, bw, bh, 0.06 * s);
        fill_colour(cr, lighter(c, 0.12));
        rounded_rect(cr, w.x - bw / 2 + 0.01 * s, ls.y + 0.01 * s, bw - 0.02 * s, bh * 0.62, 0.05 * s);
        fill_colour(cr, lighter(c, 0.2));
    }
}

void draw_bust(cairo_t* cr, double cx, double cy, double r, double bottom, const Look& k, bool with_face) {
    double shoulder_top = cy + 1.3 * r;
    const double width = 3.7 * r;
    if (k.hair_style == Hair::Long) hair_back(cr, cx, cy, r, k);
    // torso and open top over a shirt
    torso_path(cr, cx, shoulder_top, r, bottom, width);
    fill_colour(cr, k.top);
    // where the arms hang along the body: a soft darker seam each side
    for (int side : {-1, 1}) {
        double x = cx + side * width * 0.36;
        cairo_move_to(cr, x, shoulder_top + 0.6 * r);
        cairo_curve_to(cr, x - side * 0.08 * r, shoulder_top + 1.4 * r, x - side * 0.06 * r, shoulder_top + 2.2 * r,
                       x - side * 0.02 * r, bottom);
        cairo_set_line_width(cr, 0.05 * r);
        set_colour(cr, darker(k.top, 0.14), 0.6);
        cairo_stroke(cr);
    }
    if (k.open_top) {
        cairo_move_to(cr, cx - 0.62 * r, shoulder_top);
        cairo_line_to(cr, cx, shoulder_top + 1.9 * r);
        cairo_line_to(cr, cx + 0.62 * r, shoulder_top);
        cairo_close_path(cr);
        fill_colour(cr, k.inner);
        // lapels: a darker edge of the top along the opening
        for (int side : {-1, 1}) {
            cairo_move_to(cr, cx + side * 0.62 * r, shoulder_top);
            cairo_line_to(cr, cx + side * 0.05 * r, shoulder_top + 1.9 * r);
            cairo_set_line_width(cr, 0.09 * r);
            set_colour(cr, darker(k.top, 0.15));
            cairo_stroke(cr);
        }
    }
    // neck, with the chin's shadow
    rounded_rect(cr, cx - 0.36 * r, cy + 0.5 * r, 0.72 * r, shoulder_top - cy - 0.3 * r, 0.2 * r);
    fill_colour(cr, darker(k.skin, 0.06));
    ellipse(cr, cx, cy + 0.82 * r, 0.42 * r, 0.2 * r);
    fill_colour(cr, darker(k.skin, 0.16), 0.6);
    if (k.open_top) {
        // shirt collar
        for (int side : {-1, 1}) {
            cairo_move_to(cr, cx + side * 0.38 * r, shoulder_top - 0.15 * r);
            cairo_line_to(cr, cx + side * 0.62 * r, shoulder_top + 0.05 * r);
            cairo_line_to(cr, cx + side * 0.08 * r, shoulder_top + 0.5 * r);
            cairo_close_path(cr);
            fill_colour(cr, darker(k.inner, 0.04));
        }
    }
    if (k.lanyard) {
        cairo_move_to(cr, cx - 0.45 * r, shoulder_top - 0.05 * r);
        cairo_curve_to(cr, cx - 0.35 * r, shoulder_top + 0.9 * r, cx - 0.1 * r, shoulder_top + 1.4 * r, cx, shoulder_top + 1.7 * r);
        cairo_curve_to(cr, cx + 0.1 * r, shoulder_top + 1.4 * r, cx + 0.35 * r, shoulder_top + 0.9 * r, cx + 0.45 * r, shoulder_top - 0.05 * r);
        cairo_set_line_width(cr, 0.08 * r);
        set_colour(cr, hex(0xE8836B));
        cairo_stroke(cr);
        double badge = shoulder_top + 1.65 * r;
        rounded_rect(cr, cx - 0.32 * r, badge, 0.64 * r, 0.85 * r, 0.06 * r);
        fill_colour(cr, hex(0xFFFFFF));
        rounded_rect(cr, cx - 0.22 * r, badge + 0.1 * r, 0.44 * r, 0.3 * r, 0.04 * r);
        fill_colour(cr, hex(0xBFDDEB));
        for (int i = 0; i < 2; ++i) {
            rounded_rect(cr, cx - 0.22 * r, badge + 0.5 * r + i * 0.13 * r, (i ? 0.3 : 0.44) * r, 0.06 * r, 0.03 * r);
            fill_colour(cr, hex(0xC9CED6));
        }
    }
    if (k.hair_style != Hair::Long) hair_back(cr, cx, cy, r, k);
    // ears, head
    for (int side : {-1, 1}) {
        ellipse(cr, cx + side * 0.86 * r, cy + 0.12 * r, 0.15 * r, 0.21 * r);
        fill_colour(cr, darker(k.skin, 0.04));
    }
    ellipse(cr, cx, cy, 0.86 * r, r);
    fill_colour(cr, k.skin);
    if (with_face) face(cr, cx, cy, r, k);
    hair_front(cr, cx, cy, r, k);
}

void draw_back_of_head(cairo_t* cr, double cx, double cy, double r, const Look& k) {
    torso_path(cr, cx, cy + 1.35 * r, r, cy + 5 * r, 4.2 * r);
    fill_colour(cr, k.top);
    rounded_rect(cr, cx - 0.36 * r, cy + 0.4 * r, 0.72 * r, 1.1 * r, 0.2 * r);
    fill_colour(cr, darker(k.skin, 0.1));
    for (int side : {-1, 1}) {
        ellipse(cr, cx + side * 0.86 * r, cy + 0.12 * r, 0.14 * r, 0.2 * r);
        fill_colour(cr, darker(k.skin, 0.05));
    }
    if (k.hair_style == Hair::Long || k.hair_style == Hair::Bob) {
        rounded_rect(cr, cx - 1.0 * r, cy - 1.05 * r, 2.0 * r, (k.hair_style == Hair::Long ? 2.9 : 2.0) * r, 0.9 * r);
    } else {
        ellipse(cr, cx, cy - 0.08 * r, 0.9 * r, 0.98 * r);
    }
    fill_colour(cr, k.hair);
    if (k.hair_style == Hair::Bun) {
        ellipse(cr, cx, cy - 0.75 * r, 0.38 * r, 0.34 * r);
        fill_colour(cr, darker(k.hair, 0.1));
    }
    // a soft highlight where the light from the front catches the hair
    ellipse(cr, cx - 0.25 * r, cy - 0.6 * r, 0.35 * r, 0.18 * r);
    fill_colour(cr, lighter(k.hair, 0.25), 0.35);
}

void draw_standing(cairo_t* cr, double cx, double ground, double height, const Look& k, double arm_raise) {
    double s = height, r = 0.065 * s;
    double hip = ground - 0.47 * s;
    Rgb trousers = hex(0x3C4A60);
    for (int side : {-1, 1}) {
        stroke_limb(cr, {cx + side * 0.045 * s, hip}, {cx + side * 0.05 * s, ground - 0.02 * s}, 0.075 * s, trousers);
        ellipse(cr, cx + side * 0.06 * s, ground - 0.01 * s, 0.05 * s, 0.02 * s);
        fill_colour(cr, hex(0x2E2A2A));
    }
    double cy = ground - 0.9 * s;
    // body as a bust with long hem, then arms
    torso_path(cr, cx, cy + 1.45 * r, r, hip + 0.05 * s, 3.9 * r);
    fill_colour(cr, k.top);
    if (k.open_top) {
        cairo_move_to(cr, cx - 0.5 * r, cy + 1.45 * r);
        cairo_line_to(cr, cx, cy + 3.3 * r);
        cairo_line_to(cr, cx + 0.5 * r, cy + 1.45 * r);
        fill_colour(cr, k.inner);
    }
    Point shoulder_r{cx + 1.75 * r, cy + 2.0 * r}, shoulder_l{cx - 1.75 * r, cy + 2.0 * r};
    stroke_limb(cr, shoulder_l, {cx - 2.1 * r, hip + 0.02 * s}, 0.055 * s, darker(k.top, 0.05), -0.01 * s);
    Point hand{shoulder_r.x + 0.2 * s * std::cos(arm_raise), shoulder_r.y + 0.3 * s * (1 - arm_raise)};
    stroke_limb(cr, shoulder_r, hand, 0.055 * s, darker(k.top, 0.05), 0.01 * s);
    ellipse(cr, hand.x, hand.y, 0.03 * s, 0.03 * s);
    fill_colour(cr, k.skin);
    rounded_rect(cr, cx - 0.36 * r, cy + 0.5 * r, 0.72 * r, 1.1 * r, 0.2 * r);
    fill_colour(cr, darker(k.skin, 0.06));
    hair_back(cr, cx, cy, r, k);
    ellipse(cr, cx, cy, 0.86 * r, r);
    fill_colour(cr, k.skin);
    hair_front(cr, cx, cy, r, k);
}

}  // namespace koho::genmedia
