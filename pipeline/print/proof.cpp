#include "print/proof.h"

#include <cairo.h>

#include <cmath>
#include <string>

#include "core/bounded_tasks.h"
#include "core/diagnostic.h"
#include "core/units.h"
#include "raster/encode.h"
#include "scene/render.h"

namespace koho::print {

void SurfaceDeleter::operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }

int proof_pixels(double length_pt, double dpi) {
    // The small tolerance keeps exact sizes exact (e.g. 72 pt at 150 dpi is
    // 150 px, not 151 because of a rounding error in the 15th digit).
    return static_cast<int>(std::ceil(length_pt * dpi / 72.0 - 1e-6));
}

SurfacePtr render_proof(const scene::PageScene& page, double dpi) {
    if (!(dpi >= 1 && dpi <= 2400))
        fail_input({}, "proof resolution " + format_number(dpi) + " dpi is outside 1..2400");

    const double bleed = page.bleed_pt;
    const double w_pt = page.trim_w_pt + 2 * bleed;
    const double h_pt = page.trim_h_pt + 2 * bleed;
    const int w_px = proof_pixels(w_pt, dpi);
    const int h_px = proof_pixels(h_pt, dpi);

    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w_px, h_px));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot make a " + std::to_string(w_px) + " x " + std::to_string(h_px) +
                            " proof image: " + cairo_status_to_string(cairo_surface_status(surface.get())));

    cairo_t* cr = cairo_create(surface.get());
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> owner(cr, cairo_destroy);
    cairo_set_source_rgb(cr, 1, 1, 1);  // the paper
    cairo_paint(cr);
    cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    cairo_translate(cr, bleed, bleed);
    // The same clip as the PDF: what lies beyond the bleed is not printed.
    cairo_rectangle(cr, -bleed, -bleed, w_pt, h_pt);
    cairo_clip(cr);
    scene::render(cr, page);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        fail_system({}, std::string("cairo failed while drawing a proof: ") +
                            cairo_status_to_string(cairo_status(cr)));
    owner.reset();
    cairo_surface_flush(surface.get());
    return surface;
}

std::vector<std::string> draw_proof_pngs(size_t count, double dpi, const std::function<SurfacePtr(size_t)>& draw) {
    std::vector<std::string> pngs(count);
    BoundedTasks encoders;
    for (size_t i = 0; i < count; ++i)
        encoders.submit([surface = draw(i), &png = pngs[i], dpi] {
            png = raster::encode_png(raster::view_of(surface.get()), dpi, raster::PngCompression::Quick);
        });
    encoders.finish();
    return pngs;
}

}  // namespace koho::print
