// A small print PDF made for imposition tests, independently of koho's own
// writer: Cairo draws the pages, qpdf sets the boxes.
//
// Each page is trim + bleed on every side (MediaBox = BleedBox); the bleed
// is mid grey and the trim is filled with the page's own colour
// (booklet_colour), so a rendered sheet shows which page lies where and
// whether a page's bleed shows where it must not.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace koho::test {

struct BookletSpec {
    int pages = 8;
    double trim_w_pt = 50 * 72 / 25.4;  // 50 × 70 mm
    double trim_h_pt = 70 * 72 / 25.4;
    double bleed_pt = 3 * 72 / 25.4;
    int page_without_trim = 0;  // 1-based page left without a TrimBox
    int page_other_size = 0;    // 1-based page 10 mm wider than the rest
    int page_rotated = 0;       // 1-based page with /Rotate 90
    int page_trim_bleed = 0;    // 1-based page whose BleedBox is its TrimBox
    int page_stamped = 0;       // 1-based page with a printing stamp annotation and a link
    bool output_intent = true;  // an /OutputIntents entry and Info /Title
    std::string direction;      // "/R2L" or "/L2R": a /ViewerPreferences /Direction
};

// Distinct, well-separated colours (0–255) for pages 1…12.
inline std::array<int, 3> booklet_colour(int page) {
    static const std::array<std::array<int, 3>, 12> colours{{
        {255, 0, 0}, {0, 160, 0}, {0, 0, 255}, {255, 255, 0}, {255, 0, 255}, {0, 255, 255},
        {128, 0, 0}, {0, 0, 128}, {255, 128, 0}, {128, 0, 255}, {0, 128, 128}, {128, 128, 0}}};
    return colours[(page - 1) % colours.size()];
}
constexpr std::array<int, 3> kBookletBleedGrey{128, 128, 128};

inline cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

inline std::string make_booklet_pdf(const BookletSpec& spec) {
    std::string cairo_pdf;
    std::vector<double> widths;
    {
        auto width_of = [&](int page) { return spec.trim_w_pt + (page == spec.page_other_size ? 10 * 72 / 25.4 : 0); };
        const double b = spec.bleed_pt;
        std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
            cairo_pdf_surface_create_for_stream(append_to_string, &cairo_pdf, width_of(1) + 2 * b,
                                                spec.trim_h_pt + 2 * b),
            cairo_surface_destroy);
        std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
        for (int p = 1; p <= spec.pages; ++p) {
            const double w = width_of(p);
            widths.push_back(w);
            cairo_pdf_surface_set_size(surface.get(), w + 2 * b, spec.trim_h_pt + 2 * b);
            cairo_set_source_rgb(cr.get(), 0.5, 0.5, 0.5);
            cairo_paint(cr.get());
            const auto c = booklet_colour(p);
            cairo_set_source_rgb(cr.get(), c[0] / 255.0, c[1] / 255.0, c[2] / 255.0);
            cairo_rectangle(cr.get(), b, b, w, spec.trim_h_pt);
            cairo_fill(cr.get());
            cairo_show_page(cr.get());
        }
        cr.reset();
        cairo_surface_finish(surface.get());
    }

    QPDF pdf;
    pdf.processMemoryFile("cairo booklet", cairo_pdf.data(), cairo_pdf.size());
    const std::vector<QPDFObjectHandle> pages = pdf.getAllPages();
    const double b = spec.bleed_pt;
    for (size_t i = 0; i < pages.size(); ++i) {
        const double w = widths[i];
        QPDFObjectHandle page = pages[i];
        auto box = [](double x0, double y0, double x1, double y1) {
            return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(x0, y0, x1, y1));
        };
        page.replaceKey("/BleedBox", box(0, 0, w + 2 * b, spec.trim_h_pt + 2 * b));
        const int number = static_cast<int>(i + 1);
        if (number != spec.page_without_trim)
            page.replaceKey("/TrimBox", box(b, b, b + w, b + spec.trim_h_pt));
        if (number == spec.page_trim_bleed)
            page.replaceKey("/BleedBox", box(b, b, b + w, b + spec.trim_h_pt));
        if (number == spec.page_rotated) page.replaceKey("/Rotate", QPDFObjectHandle::newInteger(90));
        if (number == spec.page_stamped) {
            page.replaceKey("/Annots", QPDFObjectHandle::parse(
                                           "[ << /Type /Annot /Subtype /Link /Rect [0 0 10 10] /F 4 >>"
                                           "  << /Type /Annot /Subtype /Stamp /Rect [0 0 10 10] /F 4 >> ]"));
        }
    }
    if (spec.output_intent) {
        QPDFObjectHandle intent = QPDFObjectHandle::parse(
            "<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (Test Condition) >>");
        pdf.getRoot().replaceKey("/OutputIntents",
                                 QPDFObjectHandle::newArray({pdf.makeIndirectObject(intent)}));
        QPDFObjectHandle info = pdf.makeIndirectObject(
            QPDFObjectHandle::parse("<< /Title (Booklet Test) /GTS_PDFXVersion (PDF/X-4) >>"));
        pdf.getTrailer().replaceKey("/Info", info);
    }
    if (!spec.direction.empty()) {
        pdf.getRoot().replaceKey("/ViewerPreferences",
                                 QPDFObjectHandle::parse("<< /Direction " + spec.direction + " >>"));
    }
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// The same booklet drawn in DeviceCMYK straight into content streams (no
// Cairo, so no RGB anywhere): bleed K50, the trim in page p's CMYK
// (booklet_cmyk), as the CMYK pass of `koho print` leaves a page. No output
// intent: the PDF/X stage adds one.
inline std::array<double, 4> booklet_cmyk(int page) {
    static const std::array<std::array<double, 4>, 4> inks{{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0.5, 0.5, 0, 0}}};
    auto c = inks[(page - 1) % inks.size()];
    c[3] = 0.1 * ((page - 1) / 4);  // pages 5… differ from 1… by their black
    return c;
}

inline std::string make_cmyk_booklet_pdf(int page_count) {
    const double w = 50 * 72 / 25.4, h = 70 * 72 / 25.4, b = 3 * 72 / 25.4;
    QPDF pdf;
    pdf.emptyPDF();
    for (int p = 1; p <= page_count; ++p) {
        const auto c = booklet_cmyk(p);
        std::string content = "0 0 0 0.5 k 0 0 " + std::to_string(w + 2 * b) + " " + std::to_string(h + 2 * b) +
                              " re f\n" + std::to_string(c[0]) + " " + std::to_string(c[1]) + " " +
                              std::to_string(c[2]) + " " + std::to_string(c[3]) + " k " + std::to_string(b) +
                              " " + std::to_string(b) + " " + std::to_string(w) + " " + std::to_string(h) +
                              " re f\n";
        QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
        page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
        page.replaceKey("/MediaBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, w + 2 * b, h + 2 * b)));
        page.replaceKey("/BleedBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, w + 2 * b, h + 2 * b)));
        page.replaceKey("/TrimBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(b, b, b + w, b + h)));
        page.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
        page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
        pdf.addPage(pdf.makeIndirectObject(page), false);
    }
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace koho::test
