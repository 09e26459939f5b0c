// Every colour on a page, visited in a fixed order.
//
// The print stage gives each colour a code Cairo will draw (print/
// ink_palette.h) and must reach all of them: one missed colour would reach
// the PDF in plain sRGB and print as the wrong ink. A new kind of colour in
// the display list (or in text::SetText) must be added here.
#pragma once

#include <functional>

#include "scene/display_list.h"

namespace koho::scene {

// Calls `visit` on every colour of `page` in drawing order: for each item
// its shadow first, then, by kind, a shape's backdrop, fill, gradient stops
// (in offset order as stored) and stroke; a text frame's background, then
// each run's outline and colour, then the text rules; images and SVG art
// carry no colour of their own (SVG colours stay inside the art).
void for_each_color(PageScene& page, const std::function<void(Color&)>& visit);

// The same for one item, and read-only.
void for_each_color(Item& item, const std::function<void(Color&)>& visit);
void for_each_color(const Item& item, const std::function<void(const Color&)>& visit);

}  // namespace koho::scene
