// Stage 1 of the print PDF: Cairo's PDF surface.
#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>

#include "core/diagnostic.h"
#include "print/pdf_date.h"
#include "print/pdf_stages.h"
#include "print/trim_marks.h"
#include "scene/render.h"

namespace koho::print::detail {
namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        fail_system({}, std::string("cairo failed while ") + what + ": " +
                            cairo_status_to_string(status));
}

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
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes,
                                                               first.width(), first.height()));
        check(cairo_surface_status(surface.get()), "creating the PDF surface");

        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, options.title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                       options.creator.c_str());
        if (options.date_epoch) {
            // Cairo 1.16 stamps the clock's time unless told otherwise; qpdf
            // rewrites the dates anyway, this keeps Cairo's own bytes stable.
            const std::string date = iso8601_date(*options.date_epoch);
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
        }

        ContextPtr cr(cairo_create(surface.get()));
        for (size_t i = 0; i < pages.size(); ++i) {
            // Must come before anything is drawn on the page.
            cairo_pdf_surface_set_size(surface.get(), geometry[i].media.width(),
                                       geometry[i].media.height());
            draw_page(cr.get(), pages[i], geometry[i], marks_ink);
            cairo_show_page(cr.get());
            check(cairo_status(cr.get()), "drawing a page");
        }
        cr.reset();
        cairo_surface_finish(surface.get());
        check(cairo_surface_status(surface.get()), "writing the PDF");
    }
    return bytes;
}

}  // namespace koho::print::detail
