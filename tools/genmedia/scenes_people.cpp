// team.jpg (staff around a meeting table), session.jpg (an information
// session seen from the back row) and the three interview portraits.
#include <cmath>

#include "people.h"
#include "scenes.h"

namespace koho::genmedia {

namespace {

Look look(uint32_t skin, uint32_t hair, uint32_t top, Hair style, bool open = true, bool glasses = false) {
    Look k;
    k.skin = hex(skin);
    k.hair = hex(hair);
    k.top = hex(top);
    k.hair_style = style;
    k.open_top = open;
    k.glasses = glasses;
    return k;
}

// Out-of-focus office light behind a portrait: window panes, shelves, plants.
void bokeh_office(const Canvas& c, Rgb base, uint64_t seed) {
    cairo_t* cr = c.cr();
    cairo_rectangle(cr, 0, 0, c.w(), c.h());
    fill_vertical(cr, 0, c.h(), {{0, lighter(base, 0.35)}, {1, base}});
    blurred_layer(c, 40, [&](cairo_t* l) {
        Rng rng(seed);
        rounded_rect(l, c.w() * 0.05, c.h() * 0.08, c.w() * 0.38, c.h() * 0.5, 10);
        fill_colour(l, hex(0xFFFDF6), 0.9);
        for (int i = 0; i < 5; ++i) {
            ellipse(l, c.w() * rng.range(0.55, 1.0), c.h() * rng.range(0.1, 0.6), rng.range(60, 140), rng.range(60, 160));
            fill_colour(l, mix(hex(0x8DB87E), hex(0xC4DDA8), rng.unit()), 0.85);
        }
        for (int i = 0; i < 4; ++i) {
            rounded_rect(l, c.w() * rng.range(0.6, 0.9), c.h() * rng.range(0.3, 0.7), 90, 160, 8);
            fill_colour(l, mix(hex(0xE8A48A), hex(0xF2B950), rng.unit()), 0.55);
        }
    });
    for (int i = 0; i < 12; ++i) {  // soft discs of light
        Rng rng(seed + 100 + i);
        glow(cr, rng.range(0, c.w()), rng.range(0, c.h() * 0.6), rng.range(30, 80), hex(0xFFF6E0), 0.45);
    }
}

void portrait(const Canvas& c, const Look& k, Rgb backdrop, uint64_t seed, double lean) {
    bokeh_office(c, backdrop, seed);
    cairo_t* cr = c.cr();
    double cx = c.w() * 0.5 + lean, cy = c.h() * 0.4, r = 185;
    // soft shadow behind the figure, then the figure
    blurred_layer(c, 30, [&](cairo_t* l) {
        draw_bust(l, cx + 24, cy + 16, r, c.h() + 50, k, false);
    }, 0.18);
    draw_bust(cr, cx, cy, r, c.h() + 50, k, true);
    // warm key light from the window side
    glow(cr, c.w() * 0.15, c.h() * 0.2, c.w() * 0.9, hex(0xFFF1D6), 0.22);
}

}  // namespace

void draw_interview_1(const Canvas& c) {
    Look k = look(0xF1C7A3, 0x2E2320, 0x4E8C8A, Hair::Short);
    k.lanyard = true;
    portrait(c, k, hex(0xE7D8C6), 101, -20);
}

void draw_interview_2(const Canvas& c) {
    Look k = look(0xF5D0B0, 0x4A3027, 0xE8A48A, Hair::Bob);
    k.inner = hex(0xFFFFFF);
    k.lanyard = true;
    portrait(c, k, hex(0xDCE6E0), 202, 25);
}

void draw_interview_3(const Canvas& c) {
    Look k = look(0xE8BC96, 0x5A4036, 0x5D6B8C, Hair::Bun, true, true);
    k.inner = hex(0xF7EFE4);
    k.lanyard = true;
    portrait(c, k, hex(0xEFE2CC), 303, 0);
}

void draw_team(const Canvas& c) {
    cairo_t* cr = c.cr();
    cairo_rectangle(cr, 0, 0, c.w(), c.h());
    fill_vertical(cr, 0, c.h(), {{0, hex(0xFBF3E8)}, {1, hex(0xF1E2CF)}});
    // a wall of windows behind, out of focus
    blurred_layer(c, 24, [&](cairo_t* l) {
        for (int i = 0; i < 4; ++i) {
            rounded_rect(l, 60 + i * 290, 60, 250, 330, 8);
            fill_colour(l, hex(0xFFFFFF), 0.9);
            ellipse(l, 160 + i * 290, 330, 110, 70);
            fill_colour(l, hex(0xB8D6A4), 0.8);
        }
        ellipse(l, 1100, 420, 120, 160);
        fill_colour(l, hex(0x8DB87E), 0.9);
    });
    // people behind the table, back row then front row
    const Look row[] = {
        look(0xF2C9A5, 0x2E2320, 0x4E8C8A, Hair::Short),
        look(0xF5D0B0, 0x5A3A2E, 0xE8A48A, Hair::Long, false),
        look(0xE8BC96, 0x2B2422, 0x5D6B8C, Hair::Cropped, true, true),
        look(0xF1C7A3, 0x6B4A3A, 0xF2B950, Hair::Bob, false),
        look(0xEDC29E, 0x3B2A24, 0xA8C3A0, Hair::Bun),
    };
    const double xs[] = {210, 410, 600, 790, 990};
    const double ys[] = {330, 310, 290, 312, 326};
    for (int i = 0; i < 5; ++i) {
        Look k = row[i];
        draw_bust(cr, xs[i], ys[i], 62, 640, k, false);
    }
    // forearms resting on the table edge, hands together
    for (int i = 0; i < 5; ++i) {
        rounded_rect(cr, xs[i] - 95, 522, 190, 40, 20);
        fill_colour(cr, darker(row[i].top, 0.1));
        for (int s : {-1, 1}) {
            ellipse(cr, xs[i] + s * 22, 540, 24, 17);
            fill_colour(cr, row[i].skin);
        }
    }
    // the table, seen slightly from above
    cairo_move_to(cr, 40, 560);
    cairo_line_to(cr, 1160, 560);
    cairo_line_to(cr, 1260, 820);
    cairo_line_to(cr, -60, 820);
    cairo_close_path(cr);
    fill_vertical(cr, 540, 820, {{0, hex(0xE9D3B4)}, {1, hex(0xDCC09A)}});
    cairo_rectangle(cr, 40, 546, 1120, 16);
    fill_colour(cr, hex(0xC99E72));
    // papers, a laptop, mugs, a plant
    Rng rng(44);
    for (int i = 0; i < 5; ++i) {
        double x = xs[i] - 70 + rng.range(-10, 10);
        cairo_save(cr);
        cairo_translate(cr, x + 60, 640);
        cairo_rotate(cr, rng.range(-0.12, 0.12));
        rounded_rect(cr, -55, -38, 110, 76, 3);
        fill_colour(cr, hex(0xFFFFFF));
        for (int line = 0; line < 4; ++line) {
            rounded_rect(cr, -42, -24 + line * 14, line == 3 ? 50 : 84, 5, 2);
            fill_colour(cr, hex(0xC9CED6));
        }
        cairo_restore(cr);
    }
    rounded_rect(cr, 540, 600, 150, 12, 4);  // laptop base
    fill_colour(cr, hex(0xB8BEC6));
    cairo_move_to(cr, 552, 600);
    cairo_line_to(cr, 678, 600);
    cairo_line_to(cr, 668, 520);
    cairo_line_to(cr, 562, 520);
    cairo_close_path(cr);
    fill_colour(cr, hex(0x8E96A3));
    for (double x : {330.0, 880.0, 1080.0}) {
        rounded_rect(cr, x, 690, 34, 40, 6);
        fill_colour(cr, x > 1000 ? hex(0xE8836B) : hex(0xFFFFFF));
    }
    glow(cr, 600, 200, 800, hex(0xFFF3DA), 0.25);
}

void draw_session(const Canvas& c) {
    cairo_t* cr = c.cr();
    // the hall: warm walls, a screen with a simple friendly slide
    cairo_rectangle(cr, 0, 0, c.w(), c.h());
    fill_vertical(cr, 0, c.h(), {{0, hex(0xEFE3D3)}, {1, hex(0xDCCAB4)}});
    for (double x : {120.0, 1080.0}) glow(cr, x, 120, 160, hex(0xFFE7B8), 0.6);
    rounded_rect(cr, 330, 90, 560, 320, 6);
    fill_colour(cr, hex(0x5D5450));
    rounded_rect(cr, 342, 102, 536, 296, 3);
    fill_vertical(cr, 102, 398, {{0, hex(0xFFFDF8)}, {1, hex(0xF6EFE4)}});
    // slide: a house with a heart, and three soft bars
    cairo_move_to(cr, 430, 250);
    cairo_line_to(cr, 500, 190);
    cairo_line_to(cr, 570, 250);
    cairo_line_to(cr, 570, 330);
    cairo_line_to(cr, 430, 330);
    cairo_close_path(cr);
    fill_colour(cr, hex(0xA8C3A0));
    cairo_move_to(cr, 500, 305);
    cairo_curve_to(cr, 465, 280, 475, 250, 500, 265);
    cairo_curve_to(cr, 525, 250, 535, 280, 500, 305);
    fill_colour(cr, hex(0xE8836B));
    const Rgb bars[] = {hex(0xF2B950), hex(0xE8836B), hex(0x4E8C8A)};
    for (int i = 0; i < 3; ++i) {
        rounded_rect(cr, 630, 200 + i * 45, 100 + i * 60, 24, 12);
        fill_colour(cr, bars[i]);
    }
    rounded_rect(cr, 400, 130, 220, 22, 11);
    fill_colour(cr, hex(0x6E7F8C), 0.6);
    // the presenter beside the screen
    Look presenter = look(0xF2C9A5, 0x3B2A24, 0x4E8C8A, Hair::Bob);
    ground_shadow(cr, 990, 470, 60, 0.25);
    draw_standing(cr, 990, 470, 300, presenter, 0.7);
    // floor and rows of chairs with the audience seen from behind
    cairo_rectangle(cr, 0, 430, c.w(), c.h() - 430);
    fill_vertical(cr, 430, c.h(), {{0, hex(0xCDB596)}, {1, hex(0xB89C7A)}});
    const Look audience[] = {
        look(0xF2C9A5, 0x2E2320, 0x6FA3A0, Hair::Short),   look(0xF5D0B0, 0x5A3A2E, 0xE8A48A, Hair::Long),
        look(0xE8BC96, 0x2B2422, 0x5D6B8C, Hair::Cropped), look(0xF1C7A3, 0x6B4A3A, 0xF2B950, Hair::Bob),
        look(0xEDC29E, 0x3B2A24, 0xA8C3A0, Hair::Bun),     look(0xF2C9A5, 0x4A3027, 0xC98B5E, Hair::Short),
        look(0xF5D0B0, 0x2E2320, 0x8A6FA8, Hair::Long),
    };
    Rng rng(77);
    for (int row = 0; row < 3; ++row) {
        double r = 30 + row * 16, y = 470 + row * 120;
        int count = 7 - row;
        double gap = c.w() / count;
        for (int i = 0; i < count; ++i) {
            if (row == 0 && i == count - 1) continue;  // room for the presenter
            double x = gap * (i + 0.5) + (row % 2 ? gap * 0.25 : 0) + rng.range(-12, 12);
            draw_back_of_head(cr, x, y + rng.range(-6, 6), r, audience[(i + row * 3) % 7]);
        }
        // chair backs of the row behind
        cairo_rectangle(cr, 0, y + 4 * r, c.w(), 10);
        fill_colour(cr, hex(0x8A6F5A), 0.0);
    }
    glow(cr, 600, 250, 700, hex(0xFFF6E6), 0.25);
}

}  // namespace koho::genmedia
