// The preflight reports of this process (preflight_memo.h).
#include "cli/preflight_memo.h"

#include <cstdio>
#include <atomic>
#include <deque>
#include <mutex>
#include <utility>

namespace koho::cli {
namespace {

// A whole campaign's print PDFs fit; a long watch session does not grow.
constexpr size_t kRemembered = 64;

std::string options_key(const print::PreflightOptions& o) {
    char key[160];
    std::snprintf(key, sizeof key, "%.17g/%.17g/%.17g/%.17g/%.17g/%d/%d", o.tac_percent, o.min_ppi,
                  o.min_bleed_mm, o.safe_zone_mm, o.hairline_pt, o.measure_tac ? 1 : 0, o.require_pdfx ? 1 : 0);
    return key;
}

std::atomic<bool> g_keeping{false};
std::mutex g_lock;
std::deque<std::pair<std::string, print::PreflightReport>> g_reports;  // oldest first

}  // namespace

void keep_preflight_reports() { g_keeping = true; }
bool keeping_preflight_reports() { return g_keeping; }

void remember_preflight(const std::string& fingerprint, const print::PreflightOptions& options,
                        const print::PreflightReport& report) {
    if (!g_keeping) return;
    const std::lock_guard<std::mutex> hold(g_lock);
    g_reports.emplace_back(fingerprint + "|" + options_key(options), report);
    if (g_reports.size() > kRemembered) g_reports.pop_front();
}

std::optional<print::PreflightReport> recall_preflight(const std::string& fingerprint,
                                                       const print::PreflightOptions& options) {
    const std::string key = fingerprint + "|" + options_key(options);
    const std::lock_guard<std::mutex> hold(g_lock);
    for (auto it = g_reports.rbegin(); it != g_reports.rend(); ++it)
        if (it->first == key) return it->second;
    return std::nullopt;
}

}  // namespace koho::cli
