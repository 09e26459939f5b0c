// Shared by the PDF/X tests: a PDF as Cairo 1.16 writes it, a CMYK test
// profile standing for FOGRA39, the options of each level, and the last
// step of the print stage (apply_pdfx, then a deterministic write in the
// form the level asks for), read back with libqpdf.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <string>

#include "cmyk_test_profile.h"
#include "core/diagnostic.h"
#include "print/pdfx.h"

namespace koho::print::pdfx_test {

inline constexpr int64_t kEpoch = 1700000000;  // 2023-11-14 22:13:20 UTC

// The layout a document-wide refusal points at (no line or pointer).
inline const SourceLoc kDocument{"layouts/test.json", 0, 0, ""};

struct SurfaceCloser {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextCloser {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

// What Cairo 1.16 writes (PDF 1.5, its own /Producer, the clock's dates):
// `pages` pages with one square each, grey level `grey`.
inline std::string cairo_pdf(int pages, double grey = 0.2) {
    std::string out;
    auto write = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    {
        std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
            cairo_pdf_surface_create_for_stream(write, &out, 200, 200));
        std::unique_ptr<cairo_t, ContextCloser> cr(cairo_create(surface.get()));
        for (int i = 0; i < pages; ++i) {
            cairo_set_source_rgb(cr.get(), grey, grey, grey);
            cairo_rectangle(cr.get(), 20 + i, 20, 100, 100);
            cairo_fill(cr.get());
            cairo_show_page(cr.get());
        }
        cairo_surface_finish(surface.get());
    }
    return out;
}

inline const OutputProfile& fogra_like_profile() {
    static const OutputProfile profile = [] {
        OutputProfile p;
        p.icc = test::make_cmyk_profile("koho test CMYK (FOGRA39-like)");
        p.description = "Coated FOGRA39 (koho test)";
        p.condition_identifier = "FOGRA39";
        p.registry_name = "http://www.color.org";
        return p;
    }();
    return profile;
}

inline PdfxOptions x4_options() {
    PdfxOptions options;
    options.level = PdfxLevel::X4;
    options.profile = &fogra_like_profile();
    options.title = "千葉県 児童福祉専門職 採用パンフレット";
    options.creator = "koho 0.2.0";
    options.date_epoch = kEpoch;
    return options;
}

inline PdfxOptions x1a_options() {
    PdfxOptions options = x4_options();
    options.level = PdfxLevel::X1a;
    return options;
}

// The whole of what the print stage does after the CMYK pass: the keys,
// then a deterministic write in the form the level asks for.
inline std::string finish(const std::string& input, const PdfxOptions& options, bool object_streams = false) {
    QPDF pdf;
    pdf.processMemoryFile("input", input.data(), input.size());
    apply_pdfx(pdf, options);
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    if (object_streams) writer.setObjectStreamMode(qpdf_o_generate);
    configure_writer_for_pdfx(writer, options.level);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// A PDF read back; keeps its bytes alive as long as the QPDF.
struct ReadBack {
    explicit ReadBack(std::string b) : bytes(std::move(b)) {
        pdf.processMemoryFile("output", bytes.data(), bytes.size());
    }
    QPDFObjectHandle info() { return pdf.getTrailer().getKey("/Info"); }
    QPDFObjectHandle intent() { return pdf.getRoot().getKey("/OutputIntents").getArrayItem(0); }
    std::string bytes;
    QPDF pdf;
};

// The stream's bytes decoded (`decoded`) or as stored in the file.
inline std::string stream_text(QPDFObjectHandle stream, bool decoded) {
    std::shared_ptr<Buffer> data = decoded ? stream.getStreamData(qpdf_dl_generalized) : stream.getRawStreamData();
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

}  // namespace koho::print::pdfx_test
