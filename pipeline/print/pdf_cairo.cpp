// Stage 1 of the print PDF: Cairo's PDF surface.
#include <cairo-pdf.h>
#include <cairo.h>

#include "core/diagnostic.h"
#include "print/cairo_pdf_surface.h"
#include "print/pdf_stages.h"
#include "print/trim_marks.h"
#include "scene/render.h"

namespace koho::print::detail {
namespace {

void draw_page(cairo_t* cr, const scene::PageScene& page, const PageGeometry& g, const Rgb& marks_ink) {
    // The scene, in points from the trim's top-left corner, clipped to the
    // bleed box: anything a frame pushes further out would otherwise land
    // among the marks.
    cairo_save(cr);
    cairo_translate(cr, g.trim_origin_x(), g.trim_origin_y());
    cairo_rectangle(cr, -g.bleed_pt, -g.bleed_pt, g.trim_w_pt + 2 * g.bleed_pt,
                    g.trim_h_pt + 2 * g.bleed_pt);
    cairo_clip(cr);
    scene::render(cr, page);
    cairo_restore(cr);

    draw_trim_marks(cr, g, marks_ink);
}

}  // namespace

std::string draw_with_cairo(const std::vector<scene::PageScene>& pages,
                            const std::vector<PageGeometry>& geometry, const PdfOptions& options,
                            const Rgb& marks_ink) {
    std::string bytes;
    {
        const PdfBox first = geometry.empty() ? PdfBox{0, 0, 1, 1} : geometry.front().media;
        scene::SurfacePtr surface = create_pdf_surface(bytes, first.width(), first.height(), options.title,
                                                       options.creator, options.date_epoch);
        scene::CairoPtr cr(cairo_create(surface.get()));
        for (size_t i = 0; i < pages.size(); ++i) {
            // Must come before anything is drawn on the page.
            cairo_pdf_surface_set_size(surface.get(), geometry[i].media.width(),
                                       geometry[i].media.height());
            draw_page(cr.get(), pages[i], geometry[i], marks_ink);
            cairo_show_page(cr.get());
            check_cairo(cairo_status(cr.get()), "drawing a page");
        }
        cr.reset();
        cairo_surface_finish(surface.get());
        check_cairo(cairo_surface_status(surface.get()), "writing the PDF");
    }
    return bytes;
}

}  // namespace koho::print::detail
