// cover.jpg: a morning on the Chiba coast. An adult and a child walk hand in
// hand along a path through rape blossom (菜の花, the prefecture's flower)
// towards the sea and the low hills of Bōsō, under a soft sunrise.
#include <cmath>

#include "people.h"
#include "scenes.h"

namespace koho::genmedia {

namespace {

const Rgb kSkyTop = hex(0x9CC9DE), kSkyMid = hex(0xF7D9BD), kHorizon = hex(0xFFEBC4);
const Rgb kSun = hex(0xFFF4DA), kHaze = hex(0xF6D7B8);
const Rgb kSilhouette = hex(0x3F3552);

void sky_and_sun(const Canvas& c, double horizon, Point sun) {
    cairo_t* cr = c.cr();
    cairo_rectangle(cr, 0, 0, c.w(), horizon + 10);
    fill_vertical(cr, 0, horizon, {{0, kSkyTop}, {0.55, kSkyMid}, {1, kHorizon}});
    glow(cr, sun.x, sun.y, 620, hex(0xFFE1A8), 0.75);
    glow(cr, sun.x, sun.y, 160, kSun, 0.9);
    ellipse(cr, sun.x, sun.y, 44, 44);
    fill_colour(cr, kSun);
    // long soft clouds, lit from below
    blurred_layer(c, 14, [&](cairo_t* l) {
        Rng rng(7);
        for (int i = 0; i < 9; ++i) {
            double x = rng.range(-100, c.w()), y = rng.range(90, 360), w = rng.range(180, 420);
            ellipse(l, x, y, w, rng.range(10, 22));
            fill_colour(l, i % 3 ? hex(0xFFF6EC) : hex(0xF9CDBE), rng.range(0.45, 0.8));
        }
    });
    // a few birds
    set_colour(cr, hex(0x6A5E73), 0.8);
    cairo_set_line_width(cr, 2.2);
    for (auto [x, y, s] : {std::tuple{300.0, 210.0, 1.0}, {332, 228, 0.8}, {280, 240, 0.7}}) {
        cairo_move_to(cr, x - 12 * s, y - 4 * s);
        cairo_curve_to(cr, x - 6 * s, y - 8 * s, x - 2 * s, y - 5 * s, x, y);
        cairo_curve_to(cr, x + 2 * s, y - 5 * s, x + 6 * s, y - 8 * s, x + 12 * s, y - 4 * s);
        cairo_stroke(cr);
    }
}

void sea(const Canvas& c, double horizon, Point sun) {
    cairo_t* cr = c.cr();
    cairo_rectangle(cr, 0, horizon, c.w(), 260);
    fill_vertical(cr, horizon, horizon + 260, {{0, hex(0xF5D7B2)}, {0.35, hex(0xB9CFD0)}, {1, hex(0x7FAEBB)}});
    // the sun's path on the water: short bright strokes, denser near the horizon
    Rng rng(11);
    for (int i = 0; i < 70; ++i) {
        double t = rng.unit();
        double y = horizon + 4 + t * t * 200;
        double spread = 30 + t * 150;
        double x = sun.x + rng.range(-spread, spread);
        double len = 10 + rng.unit() * (20 + 60 * t);
        cairo_move_to(cr, x - len / 2, y);
        cairo_line_to(cr, x + len / 2, y);
        cairo_set_line_width(cr, 1.5 + 2.5 * t);
        set_colour(cr, kSun, 0.75 * (1 - t * 0.6));
        cairo_stroke(cr);
    }
}

void flower_field(cairo_t* cr, Rng& rng, double x0, double x1, double y0, double y1, int count, double size) {
    for (int i = 0; i < count; ++i) {
        double t = rng.unit();
        double y = y0 + (y1 - y0) * t;
        double x = rng.range(x0, x1);
        double s = size * (0.5 + t);
        Rgb petal = mix(hex(0xF7D54A), hex(0xFFE98A), rng.unit());
        ellipse(cr, x, y, s, s * 0.8);
        fill_colour(cr, petal, 0.95);
    }
}

}  // namespace

void draw_cover(const Canvas& c) {
    cairo_t* cr = c.cr();
    const double horizon = 540;
    const Point sun{985, 430};
    sky_and_sun(c, horizon, sun);

    // Bōsō hills across the bay, blue with distance
    ridge(cr, {{700, horizon + 2}, {820, 522}, {930, 510}, {1040, 526}, {1160, 500}, {1290, 518}, {1400, 508}},
          horizon + 30, mix(hex(0xA6B7C9), kHaze, 0.45));
    sea(c, horizon, sun);

    // the near coast: hills stepping down to the water on the left
    ridge(cr, {{-20, 420}, {120, 395}, {260, 430}, {420, 470}, {560, 520}, {690, 560}, {800, 596}, {900, 640}}, 1000,
          mix(hex(0x9DB79A), kHaze, 0.5));
    ridge(cr, {{-20, 500}, {150, 478}, {330, 505}, {520, 560}, {700, 600}, {860, 622}, {1000, 630}, {1120, 650}, {1240, 672}}, 1000,
          mix(hex(0x86AE7E), kHaze, 0.25));
    // a row of trees on the middle hill
    Rng rng(3);
    for (int i = 0; i < 14; ++i) {
        double x = 40 + i * 34 + rng.range(-8, 8);
        double y = 480 + (x - 40) * 0.1 + rng.range(-4, 4);
        double r = rng.range(14, 22);
        ellipse(cr, x, y - r * 0.8, r, r * 1.1);
        fill_colour(cr, mix(hex(0x6F9A6C), kHaze, 0.35));
    }
    // the near hill, warm green, and the rape-blossom field on it
    ridge(cr, {{-20, 640}, {200, 612}, {420, 640}, {700, 690}, {980, 660}, {1200, 640}, {1370, 650}}, 1000,
          hex(0x8DB36B));
    cairo_save(cr);
    smooth_through(cr, {{-20, 660}, {200, 632}, {420, 660}, {700, 708}, {980, 680}, {1200, 660}, {1370, 668}});
    cairo_line_to(cr, 1370, 1000);
    cairo_line_to(cr, -20, 1000);
    cairo_close_path(cr);
    fill_vertical(cr, 640, 1000, {{0, hex(0xE9C94B)}, {0.5, hex(0xF0C43C)}, {1, hex(0xD9A931)}});
    cairo_restore(cr);
    Rng flowers(19);
    flower_field(cr, flowers, -10, 1360, 655, 1000, 1400, 3.2);

    // the path, narrowing into the distance
    smooth_through(cr, {{660, 1000}, {668, 880}, {695, 770}, {724, 700}});
    smooth_through(cr, {{746, 700}, {762, 770}, {812, 880}, {870, 1000}}, false);
    cairo_close_path(cr);
    fill_vertical(cr, 700, 1000, {{0, hex(0xF4E3C6)}, {1, hex(0xE9CFA6)}});

    // the two walkers, the adult on the left holding the child's hand
    Walker adult{690, 842, 250, 0.12, false};
    Walker child{772, 846, 150, 0.12, true};
    Point child_shoulder = walker_shoulder(child, false);
    Point hands{(walker_shoulder(adult, true).x + child_shoulder.x) / 2 + 4, child_shoulder.y + 44};
    adult.hand_right = &hands;
    child.hand_left = &hands;
    ground_shadow(cr, adult.x - 10, adult.ground, 70, 0.22);
    ground_shadow(cr, child.x - 8, child.ground, 48, 0.22);
    // rim light from the sun behind them
    glow(cr, 730, 700, 260, hex(0xFFE7B0), 0.35);
    draw_walker(cr, adult, kSilhouette);
    draw_walker(cr, child, kSilhouette);

    // out-of-focus blossoms in the foreground corners
    blurred_layer(c, 10, [&](cairo_t* l) {
        Rng near(23);
        for (int i = 0; i < 60; ++i) {
            bool left = i % 2 == 0;
            double x = left ? near.range(-40, 260) : near.range(1090, 1390);
            double y = near.range(850, 1040);
            cairo_move_to(l, x, 1010);
            cairo_line_to(l, x + near.range(-15, 15), y);
            cairo_set_line_width(l, 5);
            set_colour(l, hex(0x7FA652));
            cairo_stroke(l);
            ellipse(l, x, y, near.range(14, 26), near.range(12, 20));
            fill_colour(l, mix(hex(0xF5CF3A), hex(0xFFE27A), near.unit()));
        }
    });
    // a warm veil over everything, strongest towards the sun
    glow(cr, sun.x, sun.y, 900, hex(0xFFD9A0), 0.18);
}

}  // namespace koho::genmedia
