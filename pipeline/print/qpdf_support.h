// Small pieces every libqpdf stage of print/ needs: a logger that never
// prints, the document information dictionary, and the deterministic write.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <qpdf/QPDFObjectHandle.hh>

#include "print/page_geometry.h"

class QPDF;
class QPDFLogger;
class QPDFWriter;

namespace koho::print::detail {

// A box as a PDF array, four decimals of a point (0.035 µm, far below any
// device's resolution) through koho's locale-independent formatter.
QPDFObjectHandle box_array(const PdfBox& box);

// qpdf reports through a logger that prints by default; a library below
// cli/ never prints, so everything goes nowhere and warnings are checked.
std::shared_ptr<QPDFLogger> silent_logger();

// /Info: the title (removed when empty), the creator (kept when empty) and
// both dates from `date_epoch` — or no dates at all, rather than the clock's
// time Cairo stamped.
void set_info(QPDF& pdf, const std::string& title, const std::string& creator,
              const std::optional<int64_t>& date_epoch);

// Reads the PDF Cairo wrote into `pdf` (silently, warnings kept for
// fail_on_warnings) and returns its pages; Failure unless there are
// `expected_pages`.
std::vector<QPDFObjectHandle> load_cairo_pdf(QPDF& pdf, const std::string& bytes, size_t expected_pages);

// Throws koho::Error (Failure) with qpdf's first warning, if it had any.
void fail_on_warnings(QPDF& pdf, const std::string& what);

// The PDF written to memory with compressed streams and a deterministic
// /ID; `object_streams` packs objects into compressed object streams
// (PDF 1.5, smaller files, for screen editions).
// `configure` may set more (a PDF/X version) before the write.
std::string write_deterministic(QPDF& pdf, bool object_streams,
                                const std::function<void(QPDFWriter&)>& configure = {});

}  // namespace koho::print::detail
