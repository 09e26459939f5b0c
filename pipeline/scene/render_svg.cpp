// Placeholder until scene/svg_art lands (issue 4, item 5): refuses to draw.
#include "core/diagnostic.h"
#include "scene/render_parts.h"

namespace koho::scene::detail {

void draw_svg(cairo_t*, const SvgItem&, double) { fail_system({}, "SVG art is not supported yet"); }

}  // namespace koho::scene::detail
