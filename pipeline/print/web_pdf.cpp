#include "print/web_pdf.h"

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "print/web_finish.h"
#include "print/web_images.h"
#include "print/web_tags.h"

namespace koho::print {

std::string render_web_pdf(const std::vector<scene::PageScene>& pages, const WebPdfOptions& options) {
    if (pages.empty()) fail_system({}, "there are no pages to write");
    if (!(options.max_image_ppi > 0))
        fail_system({}, "the web PDF's image resolution must be above 0 ppi");
    if (options.jpeg_quality < 1 || options.jpeg_quality > 100)
        fail_system({}, "the web PDF's JPEG quality must be between 1 and 100, not " +
                            std::to_string(options.jpeg_quality));
    const std::vector<scene::PageScene> screen_pages =
        detail::web_images(pages, {options.max_image_ppi, options.jpeg_quality});
    const detail::TaggedPdf drawn = detail::draw_tagged(screen_pages, options);
    return detail::finish_web_pdf(drawn.bytes, screen_pages, drawn.elements, options);
}

void write_web_pdf(const std::filesystem::path& target, const std::vector<scene::PageScene>& pages,
                   const WebPdfOptions& options) {
    // Rendered whole in memory first: an error anywhere leaves no file.
    const std::string bytes = render_web_pdf(pages, options);
    write_file_atomically(target, bytes);
}

}  // namespace koho::print
