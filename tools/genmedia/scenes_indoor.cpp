// office.jpg (a bright counselling room) and playroom.jpg (a children's play
// room with toys and soft light): front-on interiors in flat style.
#include <cmath>

#include "people.h"
#include "scenes.h"

namespace koho::genmedia {

namespace {

const Rgb kWall = hex(0xF7EFE4), kFloorLight = hex(0xE6CDA8), kFloorDark = hex(0xD2B288);

void room(const Canvas& c, double floor_y, Rgb wall) {
    cairo_t* cr = c.cr();
    cairo_rectangle(cr, 0, 0, c.w(), floor_y);
    fill_vertical(cr, 0, floor_y, {{0, lighter(wall, 0.3)}, {1, wall}});
    cairo_rectangle(cr, 0, floor_y, c.w(), c.h() - floor_y);
    fill_vertical(cr, floor_y, c.h(), {{0, kFloorLight}, {1, kFloorDark}});
    // floor boards
    set_colour(cr, darker(kFloorDark, 0.1), 0.25);
    cairo_set_line_width(cr, 1.5);
    for (int i = 1; i < 8; ++i) {
        double y = floor_y + (c.h() - floor_y) * (i * i) / 64.0;
        cairo_move_to(cr, 0, y);
        cairo_line_to(cr, c.w(), y);
    }
    cairo_stroke(cr);
    cairo_rectangle(cr, 0, floor_y - 8, c.w(), 8);  // skirting
    fill_colour(cr, hex(0xFFFFFF), 0.8);
}

// A tall window with daylight, greenery outside, and the light it throws.
void window(const Canvas& c, double x, double y, double w, double h, double floor_y) {
    cairo_t* cr = c.cr();
    cairo_save(cr);
    rounded_rect(cr, x, y, w, h, 4);
    cairo_clip(cr);
    cairo_rectangle(cr, x, y, w, h);
    fill_vertical(cr, y, y + h, {{0, hex(0xBFE0EE)}, {1, hex(0xEAF4F0)}});
    cairo_restore(cr);
    blurred_layer(c, 16, [&](cairo_t* l) {
        rounded_rect(l, x, y, w, h, 4);
        cairo_clip(l);
        Rng rng(4);
        for (int i = 0; i < 14; ++i) {
            ellipse(l, x + rng.range(0, w), y + h * rng.range(0.45, 1.0), rng.range(30, 70), rng.range(30, 60));
            fill_colour(l, mix(hex(0x9CCB8A), hex(0xC4E0A8), rng.unit()), 0.9);
        }
    });
    set_colour(cr, hex(0xFFFFFF));
    cairo_set_line_width(cr, 10);
    rounded_rect(cr, x, y, w, h, 4);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 6);
    cairo_move_to(cr, x + w / 2, y);
    cairo_line_to(cr, x + w / 2, y + h);
    cairo_move_to(cr, x, y + h * 0.62);
    cairo_line_to(cr, x + w, y + h * 0.62);
    cairo_stroke(cr);
    // sunlight falling through onto the floor
    cairo_move_to(cr, x, y + h);
    cairo_line_to(cr, x + w, y + h);
    cairo_line_to(cr, x + w * 1.9, c.h());
    cairo_line_to(cr, x + w * 0.6, c.h());
    cairo_close_path(cr);
    PatternPtr beam = linear(0, floor_y - 60, 0, c.h(), {{0, hex(0xFFF6DF)}, {1, hex(0xFFF6DF)}}, 0.0);
    cairo_pattern_add_color_stop_rgba(beam.get(), 0.3, 1, 0.97, 0.87, 0.32);
    cairo_set_source(cr, beam.get());
    cairo_fill(cr);
}

void plant(cairo_t* cr, double x, double floor, double size) {
    ground_shadow(cr, x, floor, size * 0.5, 0.2);
    Rng rng(static_cast<uint64_t>(x * 13));
    for (int i = 0; i < 9; ++i) {
        double a = -M_PI / 2 + rng.range(-1.1, 1.1), len = size * rng.range(0.7, 1.2);
        double ex = x + std::cos(a) * len, ey = floor - size * 0.45 + std::sin(a) * len;
        cairo_save(cr);
        cairo_translate(cr, (x + ex) / 2, (floor - size * 0.45 + ey) / 2);
        cairo_rotate(cr, a);
        ellipse(cr, 0, 0, len / 2, size * 0.12);
        cairo_restore(cr);
        fill_colour(cr, mix(hex(0x4F8A5B), hex(0x86B874), rng.unit()));
    }
    cairo_move_to(cr, x - size * 0.28, floor - size * 0.45);
    cairo_line_to(cr, x + size * 0.28, floor - size * 0.45);
    cairo_line_to(cr, x + size * 0.22, floor);
    cairo_line_to(cr, x - size * 0.22, floor);
    cairo_close_path(cr);
    fill_colour(cr, hex(0xE3D3BE));
}

void books(cairo_t* cr, double x, double y, double w, Rng& rng) {
    const Rgb colours[] = {hex(0xE8836B), hex(0x4E8C8A), hex(0xF2B950), hex(0xA8C3A0), hex(0x8A6FA8), hex(0xF4B6B0)};
    double at = x;
    while (at < x + w - 14) {
        double bw = rng.range(9, 16), bh = rng.range(48, 66);
        if (rng.unit() < 0.12) { at += bw; continue; }
        rounded_rect(cr, at, y - bh, bw - 1.5, bh, 1.5);
        fill_colour(cr, colours[rng.next() % 6]);
        at += bw;
    }
}

}  // namespace

void draw_office(const Canvas& c) {
    cairo_t* cr = c.cr();
    const double floor_y = 560;
    room(c, floor_y, kWall);
    window(c, 90, 120, 300, 380, floor_y);
    // a framed picture: soft hills
    rounded_rect(cr, 520, 170, 190, 130, 4);
    fill_colour(cr, hex(0xFFFFFF));
    cairo_save(cr);
    cairo_rectangle(cr, 535, 185, 160, 100);
    cairo_clip(cr);
    cairo_rectangle(cr, 535, 185, 160, 100);
    fill_colour(cr, hex(0xFCE7C2));
    ellipse(cr, 650, 220, 18, 18);
    fill_colour(cr, hex(0xF2B950));
    ridge(cr, {{530, 260}, {580, 235}, {640, 255}, {700, 240}}, 290, hex(0xA8C3A0));
    ridge(cr, {{530, 275}, {600, 262}, {700, 270}}, 290, hex(0x4E8C8A));
    cairo_restore(cr);
    // bookshelf
    const Rgb shelf = hex(0xD8B48A);
    rounded_rect(cr, 880, 200, 250, 360, 6);
    fill_colour(cr, shelf);
    Rng rng(21);
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, 895, 215 + i * 86, 220, 74);
        fill_colour(cr, darker(shelf, 0.2));
        books(cr, 900, 289 + i * 86, 210, rng);
    }
    plant(cr, 840, 560, 110);
    // floor lamp with warm light
    glow(cr, 460, 300, 170, hex(0xFFE2A6), 0.5);
    cairo_move_to(cr, 460, 330);
    cairo_line_to(cr, 460, 556);
    set_colour(cr, hex(0x5D5450));
    cairo_set_line_width(cr, 5);
    cairo_stroke(cr);
    ellipse(cr, 460, 558, 30, 6);
    fill_colour(cr, hex(0x5D5450));
    cairo_move_to(cr, 425, 335);
    cairo_line_to(cr, 495, 335);
    cairo_line_to(cr, 480, 280);
    cairo_line_to(cr, 440, 280);
    cairo_close_path(cr);
    fill_colour(cr, hex(0xFFF0D0));
    // rug
    ellipse(cr, 640, 690, 420, 70);
    fill_colour(cr, hex(0xE9B8A0), 0.8);
    ellipse(cr, 640, 690, 380, 56);
    set_colour(cr, hex(0xFFFFFF), 0.5);
    cairo_set_line_width(cr, 3);
    cairo_stroke(cr);
    // sofa (left) and armchair (right) around a low table
    auto sofa = [&](double x, double y, double w, Rgb col) {
        ground_shadow(cr, x + w / 2, y + 130, w * 0.6, 0.25);
        rounded_rect(cr, x, y, w, 110, 26);  // back
        fill_colour(cr, col);
        rounded_rect(cr, x + 10, y + 70, w - 20, 60, 18);  // seat
        fill_colour(cr, lighter(col, 0.12));
        rounded_rect(cr, x - 14, y + 50, 44, 80, 20);  // arms
        fill_colour(cr, darker(col, 0.06));
        rounded_rect(cr, x + w - 30, y + 50, 44, 80, 20);
        fill_colour(cr, darker(col, 0.06));
        for (double lx : {x + 10, x + w - 16}) {
            cairo_rectangle(cr, lx, y + 130, 6, 16);
            fill_colour(cr, hex(0x6B4E3D));
        }
    };
    sofa(200, 540, 300, hex(0xE8A48A));
    sofa(860, 560, 170, hex(0x6FA3A0));
    // cushions
    rounded_rect(cr, 230, 560, 70, 56, 18);
    fill_colour(cr, hex(0xF2B950));
    rounded_rect(cr, 400, 560, 70, 56, 18);
    fill_colour(cr, hex(0xFFF4E6));
    // low round table with tea and a small plant
    ellipse(cr, 680, 660, 120, 24);
    fill_colour(cr, hex(0xC98B5E));
    cairo_rectangle(cr, 674, 664, 12, 50);
    fill_colour(cr, hex(0x8A6048));
    ellipse(cr, 680, 716, 50, 8);
    fill_colour(cr, hex(0x8A6048));
    for (double x : {630.0, 720.0}) {
        rounded_rect(cr, x - 12, 628, 24, 26, 5);
        fill_colour(cr, hex(0xFFFFFF));
        ellipse(cr, x, 656, 20, 4);
        fill_colour(cr, hex(0xF1E6D8));
    }
    cairo_set_line_width(cr, 3);
    set_colour(cr, hex(0xFFFFFF));
    cairo_arc(cr, 734, 640, 7, -M_PI / 2, M_PI / 2);
    cairo_stroke(cr);
    plant(cr, 680, 650, 40);
    // a tall plant in the corner, out of focus in front
    blurred_layer(c, 10, [&](cairo_t* l) { plant(l, 1190, 860, 230); });
}

void draw_playroom(const Canvas& c) {
    cairo_t* cr = c.cr();
    const double floor_y = 540;
    room(c, floor_y, hex(0xFBEFDC));
    // a painted rainbow and clouds on the wall
    for (int i = 0; i < 5; ++i) {
        const Rgb bands[] = {hex(0xE8836B), hex(0xF2B950), hex(0xF7D98A), hex(0xA8C3A0), hex(0x8FC3D6)};
        cairo_arc(cr, 620, 330, 200 - i * 26, M_PI, 2 * M_PI);
        set_colour(cr, bands[i], 0.85);
        cairo_set_line_width(cr, 24);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        cairo_stroke(cr);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
    for (double x : {420.0, 820.0}) {
        for (int k = 0; k < 3; ++k) {
            ellipse(cr, x - 30 + k * 30, 330 - (k == 1 ? 18 : 0), 34, 28);
            fill_colour(cr, hex(0xFFFFFF));
        }
    }
    window(c, 60, 110, 220, 330, floor_y);
    // low shelves with toy boxes
    rounded_rect(cr, 860, 380, 300, 170, 8);
    fill_colour(cr, hex(0xE2C29A));
    const Rgb boxes[] = {hex(0xE8836B), hex(0x6FA3A0), hex(0xF2B950), hex(0xA8C3A0), hex(0xF4B6B0), hex(0x8FC3D6)};
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col) {
            rounded_rect(cr, 875 + col * 95, 395 + row * 78, 80, 64, 8);
            fill_colour(cr, boxes[row * 3 + col]);
            rounded_rect(cr, 900 + col * 95, 410 + row * 78, 30, 8, 4);
            fill_colour(cr, hex(0xFFFFFF), 0.7);
        }
    // a teddy bear on the shelf
    double bx = 930, by = 340;
    for (int s : {-1, 1}) {
        ellipse(cr, bx + s * 22, by - 42, 11, 11);
        fill_colour(cr, hex(0xB98060));
    }
    ellipse(cr, bx, by + 8, 34, 32);
    fill_colour(cr, hex(0xC68E6C));
    ellipse(cr, bx, by - 26, 27, 25);
    fill_colour(cr, hex(0xC68E6C));
    ellipse(cr, bx, by - 18, 10, 8);
    fill_colour(cr, hex(0xF0D6BF));
    for (int s : {-1, 1}) {
        ellipse(cr, bx + s * 9, by - 30, 3, 3.5);
        fill_colour(cr, hex(0x3A2A26));
    }
    // a play tent
    cairo_move_to(cr, 330, 560);
    cairo_line_to(cr, 430, 330);
    cairo_line_to(cr, 530, 560);
    cairo_close_path(cr);
    fill_colour(cr, hex(0xF4E3C6));
    cairo_move_to(cr, 430, 330);
    cairo_line_to(cr, 400, 560);
    cairo_line_to(cr, 460, 560);
    cairo_close_path(cr);
    fill_colour(cr, hex(0x9E7A5E), 0.55);
    cairo_set_line_width(cr, 4);
    set_colour(cr, hex(0xC98B5E));
    cairo_move_to(cr, 420, 312);
    cairo_line_to(cr, 440, 348);
    cairo_move_to(cr, 440, 312);
    cairo_line_to(cr, 420, 348);
    cairo_stroke(cr);
    // a soft round play mat with blocks, a ball and a train
    ellipse(cr, 640, 680, 460, 90);
    fill_colour(cr, hex(0xBFDCCB));
    ellipse(cr, 640, 680, 400, 72);
    fill_colour(cr, hex(0xD4E8D6));
    auto block = [&](double x, double y, double s, Rgb col) {
        rounded_rect(cr, x, y, s, s, s * 0.12);
        fill_colour(cr, col);
        rounded_rect(cr, x + s * 0.2, y + s * 0.2, s * 0.6, s * 0.6, s * 0.1);
        fill_colour(cr, lighter(col, 0.3));
    };
    ground_shadow(cr, 560, 690, 90, 0.25);
    block(500, 630, 60, hex(0xE8836B));
    block(562, 630, 60, hex(0x6FA3A0));
    block(531, 570, 60, hex(0xF2B950));
    block(720, 640, 50, hex(0xA8C3A0));
    // ball
    ground_shadow(cr, 830, 700, 60, 0.25);
    ellipse(cr, 830, 660, 42, 42);
    fill_colour(cr, hex(0xF4B6B0));
    cairo_save(cr);
    ellipse(cr, 830, 660, 42, 42);
    cairo_clip(cr);
    cairo_rectangle(cr, 780, 648, 100, 22);
    fill_colour(cr, hex(0xFFFFFF));
    ellipse(cr, 816, 640, 12, 8);
    fill_colour(cr, hex(0xFFFFFF), 0.5);
    cairo_restore(cr);
    // a little train on its track
    cairo_set_line_width(cr, 4);
    set_colour(cr, hex(0xB98A5E));
    cairo_move_to(cr, 200, 740);
    cairo_line_to(cr, 470, 740);
    cairo_stroke(cr);
    const Rgb cars[] = {hex(0xE8836B), hex(0xF2B950), hex(0x6FA3A0)};
    for (int i = 0; i < 3; ++i) {
        double x = 220 + i * 82;
        rounded_rect(cr, x, 690, 72, 42, 8);
        fill_colour(cr, cars[i]);
        for (double wx : {x + 16, x + 56}) {
            ellipse(cr, wx, 736, 11, 11);
            fill_colour(cr, hex(0x4A4A58));
        }
    }
    rounded_rect(cr, 220, 662, 34, 30, 5);
    fill_colour(cr, hex(0xC9604A));
    // soft light from the window over everything
    glow(cr, 170, 300, 640, hex(0xFFF4DC), 0.35);
    blurred_layer(c, 10, [&](cairo_t* l) {
        ellipse(l, 1120, 760, 90, 90);
        fill_colour(l, hex(0x8FC3D6));
        ellipse(l, 90, 780, 70, 60);
        fill_colour(l, hex(0xF2B950));
    });
}

}  // namespace koho::genmedia
