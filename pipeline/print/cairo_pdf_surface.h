// What both PDF editions ask of Cairo first: a PDF surface that writes into
// a string, with the title, creator and dates set, and Cairo's status
// turned into koho errors. Internal to print/.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <optional>
#include <string>

#include "scene/cairo_ptr.h"

namespace koho::print::detail {

// Throws koho::Error (Failure) naming `what` when `status` is an error.
void check_cairo(cairo_status_t status, const std::string& what);

// A PDF surface of w × h points that appends what it writes to `bytes`
// (which must outlive it). With `date_epoch` Cairo's own dates are pinned
// to it (Cairo 1.16 stamps the clock's time unless told otherwise).
scene::SurfacePtr create_pdf_surface(std::string& bytes, double w_pt, double h_pt, const std::string& title,
                                     const std::string& creator, const std::optional<int64_t>& date_epoch);

}  // namespace koho::print::detail
