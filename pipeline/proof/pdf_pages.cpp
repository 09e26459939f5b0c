// poppler-glib draws the pages (it renders with Cairo, which koho already
// links); libqpdf reads the boxes poppler-glib does not expose (TrimBox).
#include "proof/pdf_pages.h"

#include <poppler.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "core/diagnostic.h"
#include "print/qpdf_support.h"

namespace koho::proof {

namespace {

struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
struct GBytesUnref {
    void operator()(GBytes* bytes) const { g_bytes_unref(bytes); }
};
struct GErrorFree {
    void operator()(GError* error) const { g_error_free(error); }
};

std::string read_pdf_bytes(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) fail_input({file.string()}, "no such file");
    if (std::filesystem::is_directory(file, ec)) fail_input({file.string()}, "is a directory, not a PDF");
    std::ifstream in(file, std::ios::binary);
    if (!in) fail_input({file.string()}, "cannot be read");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A PDF header may follow up to 1024 bytes of junk (PDF 32000 annex H).
    if (bytes.substr(0, 1024).find("%PDF-") == std::string::npos)
        fail_input({file.string()}, "not a PDF (no %PDF- header)");
    return bytes;
}

// qpdf's rectangle as a box measured from the crop box's top-left.
BoxPt box_from_top_left(const QPDFObjectHandle::Rectangle& r, const QPDFObjectHandle::Rectangle& crop) {
    const double x0 = std::min(r.llx, r.urx), x1 = std::max(r.llx, r.urx);
    const double y0 = std::min(r.lly, r.ury), y1 = std::max(r.lly, r.ury);
    const double crop_top = std::max(crop.lly, crop.ury), crop_left = std::min(crop.llx, crop.urx);
    return {x0 - crop_left, crop_top - y1, x1 - x0, y1 - y0};
}

}  // namespace

struct PdfPages::Impl {
    std::string bytes;  // poppler reads from them for as long as the document lives
    std::unique_ptr<GBytes, GBytesUnref> gbytes;
    std::unique_ptr<PopplerDocument, GObjectUnref> document;
    std::vector<std::unique_ptr<PopplerPage, GObjectUnref>> pages;
    std::vector<PageBoxes> boxes;
};

PdfPages::PdfPages(const std::filesystem::path& file) : file_(file), impl_(std::make_unique<Impl>()) {
    const std::string where = file.string();
    impl_->bytes = read_pdf_bytes(file);
    impl_->gbytes.reset(g_bytes_new_static(impl_->bytes.data(), impl_->bytes.size()));
    GError* raw_error = nullptr;
    impl_->document.reset(poppler_document_new_from_bytes(impl_->gbytes.get(), nullptr, &raw_error));
    std::unique_ptr<GError, GErrorFree> error(raw_error);
    if (!impl_->document) {
        if (error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED)
            fail_input({where}, "the PDF is encrypted (a password is needed to open it); compare an unprotected copy");
        fail_input({where}, std::string("not a readable PDF: ") + (error ? error->message : "poppler cannot open it"));
    }
    const int n = poppler_document_get_n_pages(impl_->document.get());
    if (n <= 0) fail_input({where}, "the PDF has no pages");

    QPDF pdf;
    pdf.setLogger(print::detail::silent_logger());
    pdf.setSuppressWarnings(true);
    std::vector<QPDFPageObjectHelper> qpdf_pages;
    try {
        pdf.processMemoryFile(where.c_str(), impl_->bytes.data(), impl_->bytes.size());
        qpdf_pages = QPDFPageDocumentHelper(pdf).getAllPages();
    } catch (const std::exception& e) {
        fail_input({where}, std::string("not a readable PDF: ") + e.what());
    }
    if (static_cast<int>(qpdf_pages.size()) != n)
        fail_input({where}, "damaged PDF: poppler and qpdf count different numbers of pages");

    for (int i = 0; i < n; ++i) {
        impl_->pages.emplace_back(poppler_document_get_page(impl_->document.get(), i));
        if (!impl_->pages.back()) fail_input({where}, "damaged PDF: page " + std::to_string(i + 1) + " cannot be read");
        PageBoxes b;
        poppler_page_get_size(impl_->pages.back().get(), &b.width_pt, &b.height_pt);
        try {
            auto& page = qpdf_pages[static_cast<size_t>(i)];
            const auto crop = page.getCropBox(false, false).getArrayAsRectangle();
            b.trim = box_from_top_left(page.getTrimBox(false, false).getArrayAsRectangle(), crop);
        } catch (const std::exception& e) {
            fail_input({where}, "page " + std::to_string(i + 1) + ": unreadable page boxes: " + e.what());
        }
        if (!(b.width_pt > 0 && b.height_pt > 0))
            fail_input({where}, "page " + std::to_string(i + 1) + " has an empty page box");
        impl_->boxes.push_back(b);
    }
}

PdfPages::~PdfPages() = default;

int PdfPages::count() const { return static_cast<int>(impl_->pages.size()); }

const PageBoxes& PdfPages::boxes(int page) const { return impl_->boxes.at(static_cast<size_t>(page)); }

scene::SurfacePtr PdfPages::render(int page, double dpi) const {
    const PageBoxes& b = boxes(page);
    const int w = std::max(1, static_cast<int>(std::ceil(b.width_pt * dpi / 72 - 1e-6)));
    const int h = std::max(1, static_cast<int>(std::ceil(b.height_pt * dpi / 72 - 1e-6)));
    scene::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({file_.string()}, "page " + std::to_string(page + 1) + ": cannot make a " + std::to_string(w) +
                                          " × " + std::to_string(h) + " pixel image; lower --dpi");
    scene::CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), dpi / 72, dpi / 72);
    draw(page, cr.get());
    cairo_surface_flush(surface.get());
    return surface;
}

void PdfPages::draw(int page, cairo_t* cr) const {
    scene::SavedState saved(cr);
    poppler_page_render(impl_->pages.at(static_cast<size_t>(page)).get(), cr);
}

}  // namespace koho::proof
