#include "print/cairo_pdf_surface.h"

#include <cairo-pdf.h>

#include "core/diagnostic.h"
#include "print/pdf_date.h"

namespace koho::print::detail {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void check_cairo(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cairo failed while " + what + ": " + cairo_status_to_string(status));
}

scene::SurfacePtr create_pdf_surface(std::string& bytes, double w_pt, double h_pt, const std::string& title,
                                     const std::string& creator, const std::optional<int64_t>& date_epoch) {
    scene::SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, w_pt, h_pt));
    check_cairo(cairo_surface_status(surface.get()), "creating the PDF surface");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, creator.c_str());
    if (date_epoch) {
        // The qpdf stages rewrite the dates anyway; this keeps Cairo's own
        // bytes stable.
        const std::string date = iso8601_date(*date_epoch);
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    }
    return surface;
}

}  // namespace koho::print::detail
