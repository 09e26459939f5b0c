// The generated sample photos: one function per picture, drawn on a
// logical canvas; the registry says each file's name and size.
#pragma once

#include <string>
#include <vector>

#include "paint.h"

namespace koho::genmedia {

struct Scene {
    std::string file;         // e.g. "cover.jpg"
    double logical_w, logical_h;
    void (*draw)(const Canvas&);
};

// Print size is logical × kScale pixels: 1200 × 800 gives 2400 × 1600,
// 203 mm at 300 ppi.
constexpr double kScale = 2.0;

const std::vector<Scene>& all_scenes();

void draw_cover(const Canvas& c);
void draw_facility(const Canvas& c);
void draw_park(const Canvas& c);
void draw_office(const Canvas& c);
void draw_playroom(const Canvas& c);
void draw_team(const Canvas& c);
void draw_session(const Canvas& c);
void draw_interview_1(const Canvas& c);
void draw_interview_2(const Canvas& c);
void draw_interview_3(const Canvas& c);

}  // namespace koho::genmedia
