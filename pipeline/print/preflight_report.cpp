// The two faces of a preflight report: a table for people, JSON for tools.
#include <nlohmann/json.hpp>

#include <cstdio>

#include "print/preflight.h"

namespace koho::print {
namespace {

const char* severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

std::string pad(const std::string& text, size_t width) {
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string pad_left(const std::string& text, size_t width) {
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string count_of(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

bool PreflightReport::ok() const {
    for (const Finding& f : findings)
        if (f.severity == Severity::Error) return false;
    return true;
}

std::string format_report_table(const PreflightReport& report, const std::string& source_name) {
    size_t errors = 0, warnings = 0;
    size_t check_width = 5;
    for (const Finding& f : report.findings) {
        (f.severity == Severity::Error ? errors : warnings) += 1;
        check_width = std::max(check_width, f.check.size());
    }
    std::string out = "preflight of " + source_name + "\n";
    if (!report.findings.empty()) {
        out += pad("severity", 9) + pad("check", check_width + 2) + "page  message\n";
        for (const Finding& f : report.findings) {
            out += pad(severity_name(f.severity), 9) + pad(f.check, check_width + 2) +
                   pad_left(f.page > 0 ? std::to_string(f.page) : "-", 4) + "  " + f.message + "\n";
        }
    }
    out += count_of(errors, "error", "errors") + ", " + count_of(warnings, "warning", "warnings") + "\n";
    return out;
}

std::string format_report_json(const PreflightReport& report) {
    // ordered_json: the keys come out in the documented order.
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding& f : report.findings) {
        nlohmann::ordered_json item;
        item["check"] = f.check;
        item["severity"] = severity_name(f.severity);
        item["page"] = f.page;
        item["message"] = f.message;
        findings.push_back(std::move(item));
    }
    nlohmann::ordered_json doc;
    doc["ok"] = report.ok();
    doc["findings"] = std::move(findings);
    // Names come from the PDF as bytes (a Japanese font's BaseFont is often
    // Shift_JIS): whatever is not UTF-8 becomes U+FFFD, never an exception.
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace koho::print
