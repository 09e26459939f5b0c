// Shared by the preflight tests: run preflight on a fixture and expect
// exactly one finding of a check.
#pragma once

#include <gtest/gtest.h>

#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

#include "print/preflight.h"
#include "print/preflight_fixtures.h"

namespace koho::print::preflight_test {

using test::PdfFixture;
using QOH = QPDFObjectHandle;

inline PreflightOptions without_tac() {
    PreflightOptions o;
    o.measure_tac = false;  // no Ghostscript where the test is not about ink
    return o;
}

inline PreflightReport run(PdfFixture& f, const PreflightOptions& options = without_tac(), const std::string& version = "1.6") {
    return preflight_pdf(f.bytes(version), "fixture.pdf", options);
}

inline std::string dump(const PreflightReport& report) { return format_report_table(report, "fixture.pdf"); }

inline std::vector<Finding> of_check(const PreflightReport& report, const std::string& check) {
    std::vector<Finding> out;
    for (const Finding& f : report.findings)
        if (f.check == check) out.push_back(f);
    return out;
}

// Exactly one finding of `check` with `severity` on `page`; returns its message.
inline std::string only_finding(const PreflightReport& report, const std::string& check, Severity severity, int page = 1) {
    std::vector<Finding> found = of_check(report, check);
    EXPECT_EQ(found.size(), 1u) << dump(report);
    if (found.size() != 1) return "";
    EXPECT_EQ(found[0].severity, severity) << dump(report);
    EXPECT_EQ(found[0].page, page) << dump(report);
    return found[0].message;
}

inline QOH page1(PdfFixture& f) { return QOH(f.pdf().getAllPages().at(0)); }

inline double trim0() { return test::trim_origin_pt(3); }
inline std::string num(double v) { return std::to_string(v); }

}  // namespace koho::print::preflight_test
