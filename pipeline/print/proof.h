// Page proofs: the trim and bleed of a page as a bitmap, drawn by the same
// scene renderer that draws the PDF, on white paper. raster/ writes it out.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "scene/display_list.h"

typedef struct _cairo_surface cairo_surface_t;

namespace koho::print {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const;
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// Pixels across the bleed box at `dpi`: the bleed box's size in points
// times dpi / 72, rounded up so the whole bleed is shown.
int proof_pixels(double length_pt, double dpi);

// An opaque (RGB24) Cairo image surface of the page's bleed box at `dpi`:
// white, then the scene. Throws koho::Error (BadInput) for a dpi outside
// 1..2400, Failure when Cairo cannot make the surface.
SurfacePtr render_proof(const scene::PageScene& page, double dpi);

// `count` proofs drawn one after another on this thread by `draw(i)` (Pango
// and Cairo state stay here) and encoded as PNG at `dpi` on other threads
// meanwhile, a few in memory at a time (core/bounded_tasks.h: at 300 dpi an
// A4 spread is 70 MB); the PNGs in order. Encoding is two thirds of the work.
std::vector<std::string> draw_proof_pngs(size_t count, double dpi, const std::function<SurfacePtr(size_t)>& draw);

}  // namespace koho::print
