#include "print/pdf_writer.h"

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "print/pdf_stages.h"

namespace koho::print {

std::vector<PageGeometry> page_geometries(const std::vector<scene::PageScene>& pages,
                                          MarkStyle marks) {
    std::vector<PageGeometry> out;
    out.reserve(pages.size());
    for (const scene::PageScene& page : pages)
        out.push_back(page_geometry(page.trim_w_pt, page.trim_h_pt, page.bleed_pt, marks));
    return out;
}

std::string render_pdf(const std::vector<scene::PageScene>& pages, const PdfOptions& options) {
    if (pages.empty()) fail_system({}, "there are no pages to write");
    const std::vector<PageGeometry> geometry = page_geometries(pages, options.marks);
    const std::string drawn = detail::draw_with_cairo(pages, geometry, options);
    return detail::finish_with_qpdf(drawn, geometry, options);
}

void write_pdf(const std::filesystem::path& target, const std::vector<scene::PageScene>& pages,
               const PdfOptions& options) {
    // Rendered whole in memory first: an error anywhere leaves no file.
    const std::string bytes = render_pdf(pages, options);
    write_file_atomically(target, bytes);
}

}  // namespace koho::print
