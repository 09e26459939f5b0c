// RAII owners for the Cairo handles scene/ creates: every handle is released
// on every path, exceptions included.
#pragma once

#include <cairo.h>

#include <memory>

namespace koho::scene {

struct CairoDestroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
    void operator()(cairo_pattern_t* pattern) const { cairo_pattern_destroy(pattern); }
    void operator()(cairo_scaled_font_t* font) const { cairo_scaled_font_destroy(font); }
    void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDestroy>;
using PatternPtr = std::unique_ptr<cairo_pattern_t, CairoDestroy>;
using ScaledFontPtr = std::unique_ptr<cairo_scaled_font_t, CairoDestroy>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoDestroy>;

// cairo_save on construction, cairo_restore on destruction.
class SavedState {
public:
    explicit SavedState(cairo_t* cr) : cr_(cr) { cairo_save(cr_); }
    ~SavedState() { cairo_restore(cr_); }
    SavedState(const SavedState&) = delete;
    SavedState& operator=(const SavedState&) = delete;

private:
    cairo_t* cr_;
};

}  // namespace koho::scene
