// Stage 2 of the print PDF: libqpdf adds what Cairo 1.16 cannot write.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/diagnostic.h"
#include "print/pdf_cmyk.h"
#include "print/pdf_stages.h"
#include "print/pdfx.h"
#include "print/pdfx_transparency.h"
#include "print/qpdf_support.h"

namespace koho::print::detail {

std::string finish_with_qpdf(const std::string& cairo_pdf, const std::vector<PageGeometry>& geometry,
                             const PdfOptions& options, const InkConverter* inks,
                             const std::vector<scene::PageScene>& scenes) {
    try {
        QPDF pdf;
        const std::vector<QPDFObjectHandle> pages = load_cairo_pdf(pdf, cairo_pdf, geometry.size());
        for (size_t i = 0; i < pages.size(); ++i) {
            QPDFObjectHandle page = pages[i];
            page.replaceKey("/MediaBox", box_array(geometry[i].media));
            page.replaceKey("/BleedBox", box_array(geometry[i].bleed));
            page.replaceKey("/TrimBox", box_array(geometry[i].trim));
        }
        if (!options.lang.empty())
            pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.lang));
        set_info(pdf, options.title, options.creator, options.date_epoch);
        if (options.right_to_left) {
            QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
            preferences.replaceKey("/Direction", QPDFObjectHandle::newName("/R2L"));
            pdf.getRoot().replaceKey("/ViewerPreferences", preferences);
        }
        fail_on_warnings(pdf, "cairo's PDF");

        const PdfxLevel level = options.color.pdfx;
        if (inks) {
            const CmykPassResult converted = convert_to_cmyk(pdf, *inks);
            if (level == PdfxLevel::X1a)
                refuse_leftover_transparency_for_x1a(converted.transparency, scenes, options.color.layout);
        }
        if (level != PdfxLevel::None) {
            PdfxOptions pdfx;
            pdfx.level = level;
            pdfx.profile = options.color.profile;
            pdfx.title = options.title;
            pdfx.creator = options.creator;
            pdfx.date_epoch = options.date_epoch;
            apply_pdfx(pdf, pdfx);
            // Last: what the 1.3 header would otherwise misstate.
            if (level == PdfxLevel::X1a) refuse_features_above_pdf13(pdf, options.color.layout);
        }
        return write_deterministic(pdf, false, [level](QPDFWriter& writer) {
            if (level != PdfxLevel::None) configure_writer_for_pdfx(writer, level);
        });
    } catch (const koho::Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_system({}, std::string("finishing the PDF with qpdf failed: ") + e.what());
    }
}

}  // namespace koho::print::detail
