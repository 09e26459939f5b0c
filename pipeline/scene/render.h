// The one renderer: draws a display list on a Cairo context.
#pragma once

#include "scene/display_list.h"

typedef struct _cairo cairo_t;

namespace koho::scene {

// Draws `page` with the context's current transformation mapping points
// (origin at the trim's top-left corner) to the surface. The caller sets up
// the surface, its scale and any clip (bleed box).
void render(cairo_t* cr, const PageScene& page);

}  // namespace koho::scene
