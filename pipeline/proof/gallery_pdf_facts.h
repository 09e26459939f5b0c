// What the gallery shows of a PDF that qpdf reads from its objects: each
// page's media, bleed and trim boxes, the PDF/X version and the output
// intent's colour. (The gallery's part of proof/; gallery.h.)
#pragma once

#include <filesystem>

#include "proof/gallery.h"

namespace koho::proof {

// Fills pdf.pages (numbers and boxes; proofs are left empty), pdf.pdfx and
// pdf.colour from `file`. Throws koho::Error (BadInput) naming `file` when
// qpdf cannot read it.
void read_gallery_pdf_facts(const std::filesystem::path& file, GalleryPdf& pdf);

}  // namespace koho::proof
