// Labels on proof sheets (file names, page numbers, a diff's summary),
// set with Pango in a font from koho's hermetic font directories, so a
// Japanese file name reads as it is written, the same on every machine.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>

#include "text/font_context.h"

namespace koho::proof {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

class SheetText {
public:
    // Throws koho::Error (BadInput) when `family` is not in `fonts`.
    SheetText(std::shared_ptr<text::FontContext> fonts, std::string family);

    // Draws `text` with its top-left at (x, y) in the user units of `cr`,
    // `size` units high, in at most `max_lines` lines of `width` (0: one
    // unbounded line). A label longer than that is shortened in the middle
    // with "…": the sheet's labels name files, and both ends of a name say
    // the most. Returns the height used.
    double draw(cairo_t* cr, double x, double y, double width, const std::string& text, double size, Rgb colour,
                bool bold = false, int max_lines = 1) const;

private:
    std::shared_ptr<text::FontContext> fonts_;
    std::string family_;
};

}  // namespace koho::proof
