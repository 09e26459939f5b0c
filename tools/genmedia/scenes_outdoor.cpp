// facility.jpg (a child guidance centre among trees) and park.jpg (a park
// with a playground on a clear day).
#include <cmath>

#include "people.h"
#include "scenes.h"

namespace koho::genmedia {

namespace {

void clear_sky(const Canvas& c, double horizon, uint64_t seed) {
    cairo_t* cr = c.cr();
    cairo_rectangle(cr, 0, 0, c.w(), horizon + 20);
    fill_vertical(cr, 0, horizon, {{0, hex(0x8EC5E0)}, {0.7, hex(0xCFE6EE)}, {1, hex(0xF4EFE2)}});
    glow(cr, c.w() * 0.15, -40, 520, hex(0xFFF8E8), 0.7);
    // puffy clouds: clusters of circles with a flat, slightly shaded base
    Rng rng(seed);
    for (int i = 0; i < 4; ++i) {
        double x = rng.range(60, c.w() - 60), y = rng.range(90, horizon - 180), s = rng.range(0.7, 1.25);
        for (int k = 0; k < 6; ++k) {
            double dx = (k - 2.5) * 34 * s, r = (38 - std::abs(k - 2.5) * 8) * s;
            ellipse(cr, x + dx, y - r * 0.45, r, r);
            fill_colour(cr, hex(0xFFFFFF), 0.92);
        }
        rounded_rect(cr, x - 110 * s, y - 14 * s, 220 * s, 28 * s, 14 * s);
        fill_colour(cr, hex(0xF3F7FA), 0.95);
    }
}

// A round deciduous tree: trunk and three overlapping crowns, lit from the left.
void tree(cairo_t* cr, double x, double ground, double size, Rgb leaf) {
    ground_shadow(cr, x + size * 0.15, ground, size * 0.7, 0.2);
    rounded_rect(cr, x - size * 0.06, ground - size * 0.9, size * 0.12, size * 0.9, size * 0.04);
    fill_colour(cr, hex(0x8A6048));
    struct Blob { double dx, dy, r; };
    for (auto [dx, dy, r] : {Blob{-0.28, 1.05, 0.42}, Blob{0.3, 1.0, 0.4}, Blob{0, 1.35, 0.48}}) {
        ellipse(cr, x + dx * size, ground - dy * size, r * size, r * size);
        fill_colour(cr, leaf);
    }
    ellipse(cr, x - 0.15 * size, ground - 1.45 * size, 0.25 * size, 0.2 * size);
    fill_colour(cr, lighter(leaf, 0.25), 0.6);
}

void conifer(cairo_t* cr, double x, double ground, double size, Rgb leaf) {
    rounded_rect(cr, x - size * 0.05, ground - size * 0.3, size * 0.1, size * 0.3, 2);
    fill_colour(cr, hex(0x7A5440));
    cairo_move_to(cr, x, ground - size * 1.6);
    cairo_curve_to(cr, x + size * 0.2, ground - size * 1.0, x + size * 0.45, ground - size * 0.5, x + size * 0.42, ground - size * 0.28);
    cairo_line_to(cr, x - size * 0.42, ground - size * 0.28);
    cairo_curve_to(cr, x - size * 0.45, ground - size * 0.5, x - size * 0.2, ground - size * 1.0, x, ground - size * 1.6);
    fill_colour(cr, leaf);
}

void window_grid(cairo_t* cr, double x, double y, double w, double h, int cols, Rgb frame) {
    rounded_rect(cr, x, y, w, h, 3);
    fill_vertical(cr, y, y + h, {{0, hex(0xCFE7F0)}, {1, hex(0x9FC8D8)}});
    // a diagonal reflection
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_move_to(cr, x + w * 0.2, y + h);
    cairo_line_to(cr, x + w * 0.55, y);
    cairo_line_to(cr, x + w * 0.75, y);
    cairo_line_to(cr, x + w * 0.4, y + h);
    fill_colour(cr, hex(0xFFFFFF), 0.35);
    cairo_restore(cr);
    set_colour(cr, frame);
    cairo_set_line_width(cr, 4);
    rounded_rect(cr, x, y, w, h, 3);
    cairo_stroke(cr);
    for (int i = 1; i < cols; ++i) {
        cairo_move_to(cr, x + w * i / cols, y);
        cairo_line_to(cr, x + w * i / cols, y + h);
    }
    cairo_set_line_width(cr, 3);
    cairo_stroke(cr);
}

}  // namespace

void draw_facility(const Canvas& c) {
    cairo_t* cr = c.cr();
    const double ground = 610;
    clear_sky(c, ground, 5);
    // far treeline
    ridge(cr, {{-10, 540}, {120, 520}, {260, 535}, {420, 515}, {600, 530}, {800, 512}, {980, 530}, {1210, 518}},
          ground + 5, hex(0xA9C9A0));
    // lawn
    cairo_rectangle(cr, 0, ground, c.w(), c.h() - ground);
    fill_vertical(cr, ground, c.h(), {{0, hex(0xA8CC8C)}, {1, hex(0x7FAF6A)}});

    // the building: a two-storey block with a wooden wing and a wide canopy
    const Rgb wall = hex(0xF7F1E6), wood = hex(0xC98B5E), trim = hex(0x6E7F8C);
    rounded_rect(cr, 300, 330, 560, 290, 6);  // main block
    fill_colour(cr, wall);
    cairo_rectangle(cr, 300, 330, 560, 14);
    fill_colour(cr, hex(0xE4DCCD));
    cairo_rectangle(cr, 860, 400, 220, 220);  // wooden wing
    fill_colour(cr, wood);
    for (int i = 0; i < 22; ++i) {
        cairo_move_to(cr, 866 + i * 10, 404);
        cairo_line_to(cr, 866 + i * 10, 618);
    }
    set_colour(cr, darker(wood, 0.12), 0.5);
    cairo_set_line_width(cr, 2);
    cairo_stroke(cr);
    cairo_rectangle(cr, 850, 392, 240, 12);
    fill_colour(cr, hex(0x5D6B78));
    // rows of windows
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 5; ++col)
            window_grid(cr, 330 + col * 104, 370 + row * 120, 80, 80, 2, trim);
    window_grid(cr, 900, 450, 140, 110, 3, hex(0x5D6B78));
    // entrance with a canopy
    cairo_rectangle(cr, 540, 520, 120, 100);
    fill_vertical(cr, 520, 620, {{0, hex(0xBFDDEB)}, {1, hex(0x8DB6C8)}});
    cairo_move_to(cr, 600, 520);
    cairo_line_to(cr, 600, 620);
    set_colour(cr, trim);
    cairo_set_line_width(cr, 4);
    cairo_stroke(cr);
    rounded_rect(cr, 500, 500, 200, 18, 4);
    fill_colour(cr, hex(0xE8836B));
    // a soft shadow under the eaves
    cairo_rectangle(cr, 300, 344, 560, 16);
    fill_vertical(cr, 344, 360, {{0, hex(0x000000)}, {1, wall}}, 0.08);
    // path to the door
    cairo_move_to(cr, 560, 620);
    cairo_line_to(cr, 640, 620);
    cairo_line_to(cr, 760, 800);
    cairo_line_to(cr, 470, 800);
    cairo_close_path(cr);
    fill_vertical(cr, 620, 800, {{0, hex(0xEADFCB)}, {1, hex(0xDCCBAE)}});

    // trees around it
    conifer(cr, 250, 620, 150, hex(0x5E9366));
    conifer(cr, 200, 630, 110, hex(0x6FA174));
    tree(cr, 1130, 640, 150, hex(0x79AD6E));
    tree(cr, 90, 680, 170, hex(0x86B874));
    tree(cr, 1010, 700, 110, hex(0x8FC07C));
    // flower beds along the wall
    Rng rng(8);
    for (int i = 0; i < 40; ++i) {
        double x = rng.range(310, 520), y = rng.range(616, 632);
        ellipse(cr, x, y, 7, 6);
        fill_colour(cr, i % 3 ? hex(0x8DBA6E) : hex(0xF4B6B0));
        double x2 = rng.range(680, 850), y2 = rng.range(616, 632);
        ellipse(cr, x2, y2, 7, 6);
        fill_colour(cr, i % 3 ? hex(0x8DBA6E) : hex(0xF7D54A));
    }
    glow(cr, 0, 0, 700, hex(0xFFF3D6), 0.25);
}

void draw_park(const Canvas& c) {
    cairo_t* cr = c.cr();
    const double ground = 560;
    clear_sky(c, ground, 12);
    ridge(cr, {{-10, 500}, {200, 470}, {400, 492}, {640, 460}, {900, 488}, {1210, 470}}, ground + 5, hex(0xB3D0A8));
    for (int i = 0; i < 12; ++i) tree(cr, 40 + i * 105, 520 + (i % 3) * 8, 60 + (i * 37 % 25), hex(0x8DBB7E));
    cairo_rectangle(cr, 0, ground, c.w(), c.h() - ground);
    fill_vertical(cr, ground, c.h(), {{0, hex(0xB5D58F)}, {1, hex(0x8CBC6C)}});
    // sand area under the playground
    ellipse(cr, 640, 690, 420, 90);
    fill_colour(cr, hex(0xF1DFC0));

    // slide: ladder tower, platform with a roof, curving slide
    const Rgb post = hex(0x4E8C8A), slide = hex(0xF2B950), roof = hex(0xE8836B);
    for (double x : {420.0, 500.0}) {
        cairo_rectangle(cr, x - 6, 470, 12, 230);
        fill_colour(cr, post);
    }
    rounded_rect(cr, 400, 560, 120, 18, 4);
    fill_colour(cr, hex(0xC98B5E));
    cairo_move_to(cr, 380, 480);
    cairo_line_to(cr, 460, 420);
    cairo_line_to(cr, 540, 480);
    cairo_close_path(cr);
    fill_colour(cr, roof);
    for (int i = 0; i < 5; ++i) {  // ladder rungs
        cairo_move_to(cr, 398, 590 + i * 22);
        cairo_line_to(cr, 372, 590 + i * 22);
    }
    cairo_move_to(cr, 398, 575);
    cairo_line_to(cr, 398, 700);
    cairo_move_to(cr, 372, 575);
    cairo_line_to(cr, 372, 700);
    set_colour(cr, post);
    cairo_set_line_width(cr, 6);
    cairo_stroke(cr);
    cairo_move_to(cr, 520, 560);
    cairo_curve_to(cr, 600, 570, 620, 690, 720, 700);
    cairo_line_to(cr, 720, 722);
    cairo_curve_to(cr, 610, 712, 590, 596, 520, 584);
    cairo_close_path(cr);
    fill_colour(cr, slide);

    // swings
    const double sx = 840;
    cairo_set_line_width(cr, 10);
    set_colour(cr, post);
    cairo_move_to(cr, sx, 700);
    cairo_line_to(cr, sx + 40, 500);
    cairo_line_to(cr, sx + 280, 500);
    cairo_line_to(cr, sx + 320, 700);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 3);
    set_colour(cr, hex(0x6E7F8C));
    for (double x : {sx + 100, sx + 220}) {
        cairo_move_to(cr, x - 18, 504);
        cairo_line_to(cr, x - 18, 640);
        cairo_move_to(cr, x + 18, 504);
        cairo_line_to(cr, x + 18, 640);
        cairo_stroke(cr);
        rounded_rect(cr, x - 26, 636, 52, 10, 4);
        fill_colour(cr, roof);
    }
    // a bench and two trees in front
    rounded_rect(cr, 120, 700, 170, 14, 5);
    fill_colour(cr, hex(0xC98B5E));
    rounded_rect(cr, 120, 672, 170, 12, 5);
    fill_colour(cr, hex(0xB87A50));
    for (double x : {140.0, 270.0}) {
        cairo_rectangle(cr, x - 4, 714, 8, 30);
        fill_colour(cr, hex(0x5D6B78));
    }
    tree(cr, 1120, 760, 190, hex(0x6FA66A));
    tree(cr, 60, 800, 150, hex(0x7DB36E));
    // a family walking on the far path
    Walker adult{250, 600, 90, 0.1, false}, kid{282, 602, 58, 0.1, true};
    Point hands{266, 571};
    adult.hand_right = &hands;
    kid.hand_left = &hands;
    draw_walker(cr, adult, hex(0x6E6A86));
    draw_walker(cr, kid, hex(0x6E6A86));
    // grass tufts
    Rng rng(31);
    cairo_set_line_width(cr, 2.5);
    for (int i = 0; i < 120; ++i) {
        double x = rng.range(0, c.w()), y = rng.range(740, 800);
        set_colour(cr, hex(0x6E9E5A), 0.7);
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + rng.range(-4, 4), y - rng.range(8, 16));
        cairo_stroke(cr);
    }
    glow(cr, c.w(), 0, 800, hex(0xFFF1CF), 0.3);
}

}  // namespace koho::genmedia
