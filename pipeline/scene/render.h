// The one renderer: draws a display list on a Cairo context.
#pragma once

#include "scene/display_list.h"

typedef struct _cairo cairo_t;

namespace koho::scene {

// Draws `page` with the context's current transformation mapping points
// (origin at the trim's top-left corner) to the surface. The caller sets up
// the surface, its scale and any clip (bleed box).
void render(cairo_t* cr, const PageScene& page);

// Draws one item exactly as render() does (render() is this, item by item,
// in list order). For callers that put something around each item, like
// the structure tags of the web PDF. Throws koho::Error (Failure) naming
// the frame when Cairo fails.
void render_item(cairo_t* cr, const Item& item);

}  // namespace koho::scene
