// Stage 2 of the print PDF: libqpdf adds what Cairo 1.16 cannot write.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>

#include "core/diagnostic.h"
#include "core/units.h"
#include "print/pdf_date.h"
#include "print/pdf_stages.h"

namespace koho::print::detail {
namespace {

// Four decimals of a point (0.035 µm, far below any device's resolution)
// through koho's locale-independent formatter: the same text everywhere.
QPDFObjectHandle box_array(const PdfBox& box) {
    return QPDFObjectHandle::newArray({
        QPDFObjectHandle::newReal(format_number(box.x0)),
        QPDFObjectHandle::newReal(format_number(box.y0)),
        QPDFObjectHandle::newReal(format_number(box.x1)),
        QPDFObjectHandle::newReal(format_number(box.y1)),
    });
}

// qpdf reports through a logger that prints by default; a library below
// cli/ never prints, so everything goes nowhere and warnings are checked.
std::shared_ptr<QPDFLogger> silent_logger() {
    auto logger = QPDFLogger::create();
    logger->setInfo(logger->discard());
    logger->setWarn(logger->discard());
    logger->setError(logger->discard());
    return logger;
}

void set_info(QPDF& pdf, const PdfOptions& options) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    if (!options.title.empty())
        info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(options.title));
    else
        info.removeKey("/Title");
    if (!options.creator.empty())
        info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(options.creator));
    if (options.date_epoch) {
        const std::string date = pdf_date(*options.date_epoch);
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    } else {
        // Cairo stamped the clock's time: no date is better than that one.
        info.removeKey("/CreationDate");
        info.removeKey("/ModDate");
    }
}

}  // namespace

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
        set_info(pdf, options);

        if (pdf.anyWarnings()) {
            const auto warnings = pdf.getWarnings();
            fail_system({}, std::string("qpdf found a fault in cairo's PDF: ") + warnings.front().what());
        }

        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        writer.setCompressStreams(true);
        writer.write();
        std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const koho::Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_system({}, std::string("finishing the PDF with qpdf failed: ") + e.what());
    }
}

}  // namespace koho::print::detail
