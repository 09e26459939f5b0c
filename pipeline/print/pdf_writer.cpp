#include "print/pdf_writer.h"

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "print/ink_limit.h"
#include "print/ink_palette.h"
#include "print/pdf_stages.h"
#include "print/pdfx_transparency.h"
#include "print/trim_marks.h"

namespace koho::print {

std::vector<PageGeometry> page_geometries(const std::vector<scene::PageScene>& pages,
                                          MarkStyle marks) {
    std::vector<PageGeometry> out;
    out.reserve(pages.size());
    for (const scene::PageScene& page : pages)
        out.push_back(page_geometry(page.trim_w_pt, page.trim_h_pt, page.bleed_pt, marks));
    return out;
}

namespace {

std::string render_rgb_pdf(const std::vector<scene::PageScene>& pages, const std::vector<PageGeometry>& geometry,
                           const PdfOptions& options) {
    const std::string drawn = detail::draw_with_cairo(pages, geometry, options, registration_color().rgb);
    return detail::finish_with_qpdf(drawn, geometry, options, nullptr, pages);
}

std::string render_cmyk_pdf(const std::vector<scene::PageScene>& pages, const std::vector<PageGeometry>& geometry,
                            const PdfOptions& options) {
    const PrintColor& color = options.color;
    if (!color.profile) fail_system({}, "a CMYK PDF needs an output profile");
    // What the layout asks for that this job refuses, at the frame that asks.
    if (color.pdfx == PdfxLevel::X1a) refuse_transparency_for_x1a(pages);
    refuse_ink_over_limit(pages, color.settings.tac_percent);

    // Cairo draws a copy whose colours are the palette's codes; the proofs
    // and the caller's pages keep their display colours.
    std::vector<scene::PageScene> coded = pages;
    InkPalette palette = InkPalette::assign(coded);
    const Rgb marks_ink = palette.registration_rgb();
    const std::string drawn = detail::draw_with_cairo(coded, geometry, options, marks_ink);
    coded.clear();
    const ColorManager inks(*color.profile, color.settings, std::move(palette));
    return detail::finish_with_qpdf(drawn, geometry, options, &inks, pages);
}

}  // namespace

std::string render_pdf(const std::vector<scene::PageScene>& pages, const PdfOptions& options) {
    if (pages.empty()) fail_system({}, "there are no pages to write");
    if (!options.color.cmyk && options.color.pdfx != PdfxLevel::None)
        fail_input(options.color.layout, std::string(pdfx_level_name(options.color.pdfx)) +
                                             " needs CMYK output, not RGB");
    const std::vector<PageGeometry> geometry = page_geometries(pages, options.marks);
    return options.color.cmyk ? render_cmyk_pdf(pages, geometry, options) : render_rgb_pdf(pages, geometry, options);
}

void write_pdf(const std::filesystem::path& target, const std::vector<scene::PageScene>& pages,
               const PdfOptions& options) {
    // Rendered whole in memory first: an error anywhere leaves no file.
    const std::string bytes = render_pdf(pages, options);
    write_file_atomically(target, bytes);
}

}  // namespace koho::print
