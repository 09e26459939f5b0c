// Figures for the illustrations: back-view silhouettes (cover), seated or
// standing flat figures without faces (team, session), and head-and-shoulder
// portraits with a simple friendly face (interviews). None depicts a real
// person.
#pragma once

#include "paint.h"

namespace koho::genmedia {

enum class Hair { Short, Bob, Long, Bun, Cropped };

struct Look {
    Rgb skin = hex(0xF2C9A5);
    Rgb hair = hex(0x3B2A24);
    Rgb top = hex(0x4E8C8A);    // jacket, cardigan or shirt
    Rgb inner = hex(0xFFF8EE);  // shirt under an open top
    bool open_top = true;       // a jacket or cardigan over a shirt
    Hair hair_style = Hair::Short;
    bool glasses = false;
    bool lanyard = false;       // staff ID on a strap
};

// A standing figure seen from behind, as a flat silhouette; feet at
// (x, ground). `hand_right`/`hand_left` is where the arm on that side ends
// (holding a hand), or nothing for an arm hanging down.
struct Walker {
    double x = 0, ground = 0, height = 0;
    double stride = 0.1;       // how far apart the feet are, in heights
    bool child = false;        // a child's proportions and a school bag
    const Point* hand_right = nullptr;
    const Point* hand_left = nullptr;
};
void draw_walker(cairo_t* cr, const Walker& w, Rgb colour);
// Where a walker's shoulder on either side is: to aim a joined hand.
Point walker_shoulder(const Walker& w, bool right);

// Head and shoulders, head centre (cx, cy), head half-height r; the body
// runs down to `bottom`. `face` adds eyes, brows and a smile.
void draw_bust(cairo_t* cr, double cx, double cy, double r, double bottom, const Look& look, bool face);

// A head and shoulders seen from behind (an audience).
void draw_back_of_head(cairo_t* cr, double cx, double cy, double r, const Look& look);

// A whole standing figure seen from the front, no face (a presenter).
void draw_standing(cairo_t* cr, double cx, double ground, double height, const Look& look, double arm_raise);

}  // namespace koho::genmedia
