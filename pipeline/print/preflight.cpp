// `koho preflight`: reads any PDF with libqpdf and runs every check page by
// page; findings come out in page order (the document's own first), then
// in the order of check_order().
#include "print/preflight.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/diagnostic.h"
#include "print/preflight_internal.h"
#include "print/qpdf_support.h"

namespace koho::print {
namespace detail {

const std::vector<std::string>& check_order() {
    static const std::vector<std::string> order{"boxes", "fonts", "colorspace", "image_resolution", "tac",
                                                "rich_black", "hairline", "safe_zone", "pdfx"};
    return order;
}

}  // namespace detail

namespace {

size_t check_rank(const std::string& check) {
    const auto& order = detail::check_order();
    return static_cast<size_t>(std::find(order.begin(), order.end(), check) - order.begin());
}

bool looks_like_pdf(const std::string& bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string::npos;
}

}  // namespace

PreflightReport preflight_pdf(const std::string& pdf_bytes, const std::string& source_name,
                              const PreflightOptions& options) {
    const SourceLoc loc{source_name, 0, 0, ""};
    if (!looks_like_pdf(pdf_bytes)) fail_input(loc, "not a PDF (no %PDF- header)");
    PreflightReport report;
    try {
        QPDF pdf;
        pdf.setLogger(detail::silent_logger());
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile(source_name.c_str(), pdf_bytes.data(), pdf_bytes.size());
        const std::vector<QPDFObjectHandle>& pages = pdf.getAllPages();
        if (pages.empty()) fail_input(loc, "the PDF has no pages");

        detail::DocumentFacts facts;
        for (size_t i = 0; i < pages.size(); ++i) {
            const int page_no = static_cast<int>(i) + 1;
            detail::check_boxes(pages[i], page_no, options, report.findings);
            detail::check_page_content(pages[i], page_no, options, facts, report.findings);
        }
        if (options.measure_tac) {
            try {
                detail::check_tac(pdf_bytes, pages, options, report.findings);
            } catch (const Error& e) {
                // Ghostscript's failures name no file; this one is about ours.
                if (!e.loc().file.empty()) throw;
                throw Error(e.kind(), loc, "cannot measure the ink: " + e.message());
            }
        }
        if (options.require_pdfx) detail::check_pdfx(pdf, facts, report.findings);
    } catch (const QPDFExc& e) {
        fail_input(loc, std::string("qpdf cannot read it: ") + e.getMessageDetail());
    } catch (const std::logic_error& e) {
        // qpdf reports malformed objects met while walking as logic errors.
        fail_input(loc, std::string("qpdf cannot read it: ") + e.what());
    }
    std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        if (a.page != b.page) return a.page < b.page;
        return check_rank(a.check) < check_rank(b.check);
    });
    return report;
}

PreflightReport preflight_file(const std::filesystem::path& path, const PreflightOptions& options) {
    const SourceLoc loc{path.string(), 0, 0, ""};
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) fail_input(loc, "no such file");
    if (std::filesystem::is_directory(path, ec)) fail_input(loc, "is a directory, not a PDF");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(loc, "cannot open the file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) fail_input(loc, "cannot read the file");
    return preflight_pdf(bytes.str(), path.string(), options);
}

}  // namespace koho::print
