#include "proof/sheet_text.h"

#include <pango/pangocairo.h>

#include "scene/cairo_ptr.h"

namespace koho::proof {

namespace {

struct PangoUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

}  // namespace

SheetText::SheetText(std::shared_ptr<text::FontContext> fonts, std::string family)
    : fonts_(std::move(fonts)), family_(std::move(family)) {
    text::require_family(*fonts_, family_, {"<sheet labels>"});
}

double SheetText::draw(cairo_t* cr, double x, double y, double width, const std::string& text, double size,
                       Rgb colour, bool bold, int max_lines) const {
    scene::SavedState saved(cr);
    // A context of koho's own font map (never the machine's fonts), set up
    // for this surface's transformation.
    std::unique_ptr<PangoContext, PangoUnref> context(pango_font_map_create_context(fonts_->font_map()));
    pango_cairo_update_context(cr, context.get());
    std::unique_ptr<PangoLayout, PangoUnref> layout(pango_layout_new(context.get()));
    std::unique_ptr<PangoFontDescription, FontDescriptionFree> font(pango_font_description_new());
    pango_font_description_set_family(font.get(), family_.c_str());
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_height(layout.get(), -max_lines);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_MIDDLE);
    }
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

}  // namespace koho::proof
