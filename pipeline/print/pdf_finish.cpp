// Stage 2 of the print PDF: libqpdf adds what Cairo 1.16 cannot write.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "core/diagnostic.h"
#include "print/pdf_stages.h"
#include "print/qpdf_support.h"

namespace koho::print::detail {
std::string finish_with_qpdf(const std::string& cairo_pdf, const std::vector<PageGeometry>& geometry,
                             const PdfOptions& options) {
    try {
        QPDF pdf;
        pdf.setLogger(silent_logger());
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("cairo output", cairo_pdf.data(), cairo_pdf.size());

        const std::vector<QPDFObjectHandle>& pages = pdf.getAllPages();
        if (pages.size() != geometry.size()) {
            fail_system({}, "cairo wrote " + std::to_string(pages.size()) + " pages instead of " +
                                std::to_string(geometry.size()));
        }
        for (size_t i = 0; i < pages.size(); ++i) {
            QPDFObjectHandle page = pages[i];
            page.replaceKey("/MediaBox", box_array(geometry[i].media));
            page.replaceKey("/BleedBox", box_array(geometry[i].bleed));
            page.replaceKey("/TrimBox", box_array(geometry[i].trim));
        }
        if (!options.lang.empty())
            pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.lang));
        set_info(pdf, options.title, options.creator, options.date_epoch);
        fail_on_warnings(pdf, "cairo's PDF");
        return write_deterministic(pdf, false);
    } catch (const koho::Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_system({}, std::string("finishing the PDF with qpdf failed: ") + e.what());
    }
}

}  // namespace koho::print::detail
