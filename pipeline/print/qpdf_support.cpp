#include "print/qpdf_support.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/diagnostic.h"
#include "core/units.h"
#include "print/pdf_date.h"

namespace koho::print::detail {

QPDFObjectHandle box_array(const PdfBox& box) {
    return QPDFObjectHandle::newArray({
        QPDFObjectHandle::newReal(format_number(box.x0)),
        QPDFObjectHandle::newReal(format_number(box.y0)),
        QPDFObjectHandle::newReal(format_number(box.x1)),
        QPDFObjectHandle::newReal(format_number(box.y1)),
    });
}

std::shared_ptr<QPDFLogger> silent_logger() {
    auto logger = QPDFLogger::create();
    logger->setInfo(logger->discard());
    logger->setWarn(logger->discard());
    logger->setError(logger->discard());
    return logger;
}

void set_info(QPDF& pdf, const std::string& title, const std::string& creator,
              const std::optional<int64_t>& date_epoch) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    if (!title.empty())
        info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title));
    else
        info.removeKey("/Title");
    if (!creator.empty()) info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(creator));
    if (date_epoch) {
        const std::string date = pdf_date(*date_epoch);
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    } else {
        // Cairo stamped the clock's time: no date is better than that one.
        info.removeKey("/CreationDate");
        info.removeKey("/ModDate");
    }
}

std::vector<QPDFObjectHandle> load_cairo_pdf(QPDF& pdf, const std::string& bytes, size_t expected_pages) {
    pdf.setLogger(silent_logger());
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("cairo output", bytes.data(), bytes.size());
    std::vector<QPDFObjectHandle> pages = pdf.getAllPages();
    if (pages.size() != expected_pages)
        fail_system({}, "cairo wrote " + std::to_string(pages.size()) + " pages instead of " +
                            std::to_string(expected_pages));
    return pages;
}

void fail_on_warnings(QPDF& pdf, const std::string& what) {
    if (!pdf.anyWarnings()) return;
    const auto warnings = pdf.getWarnings();
    fail_system({}, "qpdf found a fault in " + what + ": " + warnings.front().what());
}

std::string write_deterministic(QPDF& pdf, bool object_streams,
                                const std::function<void(QPDFWriter&)>& configure) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    if (object_streams) writer.setObjectStreamMode(qpdf_o_generate);
    if (configure) configure(writer);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace koho::print::detail
