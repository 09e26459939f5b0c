// Test helpers: render a display list onto a Cairo image surface and read
// pixels back (un-premultiplied, 0..255).
#pragma once

#include <cairo.h>

#include <cstdint>
#include <string>

#include "scene/cairo_ptr.h"
#include "scene/display_list.h"
#include "scene/render.h"

namespace koho::scene::testing {

struct Rgba {
    int r = 0, g = 0, b = 0, a = 0;
};

class Canvas {
public:
    // A transparent surface of w × h pixels; `scale` pixels per point.
    Canvas(int w, int h, double scale = 1)
        : surface_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)), cr_(cairo_create(surface_.get())) {
        cairo_scale(cr_.get(), scale, scale);
    }
    void draw(const PageScene& page) {
        render(cr_.get(), page);
        cairo_surface_flush(surface_.get());
    }
    Rgba at(int x, int y) const {
        auto* data = cairo_image_surface_get_data(surface_.get());
        int stride = cairo_image_surface_get_stride(surface_.get());
        uint32_t p = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
        Rgba c{int((p >> 16) & 255), int((p >> 8) & 255), int(p & 255), int(p >> 24)};
        if (c.a > 0 && c.a < 255) {
            c.r = (c.r * 255 + c.a / 2) / c.a;
            c.g = (c.g * 255 + c.a / 2) / c.a;
            c.b = (c.b * 255 + c.a / 2) / c.a;
        }
        return c;
    }
    cairo_t* cr() const { return cr_.get(); }
    cairo_surface_t* surface() const { return surface_.get(); }

private:
    SurfacePtr surface_;
    CairoPtr cr_;
};

inline PageScene page_with(Item item, double w = 100, double h = 100) {
    PageScene page;
    page.trim_w_pt = w;
    page.trim_h_pt = h;
    page.items.push_back(std::move(item));
    return page;
}

inline Item item_of(ShapeItem shape, double opacity = 1) {
    Item item;
    item.what = std::move(shape);
    item.opacity = opacity;
    return item;
}

// A cairo_write_func_t that appends what Cairo writes (a PDF made with
// cairo_pdf_surface_create_for_stream) to the std::string `closure`.
inline cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Black, to draw with and to expect back.
inline const Color kBlack = Color::from_rgb(0, 0, 0);

}  // namespace koho::scene::testing
