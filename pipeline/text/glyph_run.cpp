// FontRef: a GObject reference to a PangoFont.
#include "text/glyph_run.h"

#include <pango/pango.h>

namespace koho::text {

FontRef::FontRef(PangoFont* font) : font_(font) {
    if (font_) g_object_ref(font_);
}
FontRef::FontRef(const FontRef& other) : font_(other.font_) {
    if (font_) g_object_ref(font_);
}
FontRef& FontRef::operator=(const FontRef& other) {
    if (this != &other) {
        if (other.font_) g_object_ref(other.font_);
        if (font_) g_object_unref(font_);
        font_ = other.font_;
    }
    return *this;
}
FontRef::~FontRef() {
    if (font_) g_object_unref(font_);
}

}  // namespace koho::text
