// The `tac` check: the most ink any spot of a page's printed area carries,
// measured on Ghostscript's separations (overprint and spot inks included),
// against the total area coverage limit.
#include <algorithm>
#include <cmath>

#include "core/units.h"
#include "print/preflight_internal.h"
#include "print/separations.h"

namespace koho::print::detail {
namespace {

constexpr double kTacDpi = 72;
// Each 8-bit plate is within 0.2 % of its ink; four of them within 1 %.
constexpr double kQuantisationPercent = 1;

struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

long long page_rotation(QPDFObjectHandle page) {
    for (QPDFObjectHandle node = page; node.isDictionary(); node = node.getKey("/Parent"))
        if (node.getKey("/Rotate").isInteger()) return ((node.getKey("/Rotate").getIntValue() % 360) + 360) % 360;
    return 0;
}

// The ink area of `page` in the pixels of its rendered MediaBox, turned as
// the page's /Rotate turns it (Ghostscript renders pages turned). The
// raster is a whole number of pixels and Ghostscript puts user space's
// origin at its bottom-left corner, so rows count down from the raster's
// top, not from the MediaBox's.
PixelRect area_in_pixels(QPDFObjectHandle page, const SeparatedPage& sep) {
    const Rect area = ink_area(page);
    const Rect media = page_box(page, "/MediaBox").value_or(Rect{0, 0, 612, 792});
    const double s = sep.dpi / 72;
    const long long rotate = page_rotation(page);
    const bool turned = rotate == 90 || rotate == 270;
    // The unturned raster's size, and the area on it (origin top-left).
    const double w0 = turned ? sep.height_px : sep.width_px, h0 = turned ? sep.width_px : sep.height_px;
    const double ux0 = (area.x0 - media.x0) * s, ux1 = (area.x1 - media.x0) * s;
    const double uy0 = h0 - (area.y1 - media.y0) * s, uy1 = h0 - (area.y0 - media.y0) * s;
    double x0 = ux0, x1 = ux1, y0 = uy0, y1 = uy1;
    if (rotate == 90) {
        x0 = h0 - uy1, x1 = h0 - uy0, y0 = ux0, y1 = ux1;
    } else if (rotate == 180) {
        x0 = w0 - ux1, x1 = w0 - ux0, y0 = h0 - uy1, y1 = h0 - uy0;
    } else if (rotate == 270) {
        x0 = uy0, x1 = uy1, y0 = w0 - ux1, y1 = w0 - ux0;
    }
    // Pixels wholly inside the area: a トンボ drawn along the bleed line
    // paints the pixels it crosses, which are not wholly inside.
    // And one pixel more on every side (1 pt at 72 dpi): a margin for where
    // Ghostscript's whole-pixel raster and its thin-line rule put a mark
    // drawn on the box's edge; artwork bleeds across it, so nothing is lost.
    PixelRect r{static_cast<int>(std::ceil(x0 - 1e-6)) + 1, static_cast<int>(std::ceil(y0 - 1e-6)) + 1,
                static_cast<int>(std::floor(x1 + 1e-6)) - 1, static_cast<int>(std::floor(y1 + 1e-6)) - 1};
    r.x0 = std::clamp(r.x0, 0, sep.width_px);
    r.x1 = std::clamp(r.x1, r.x0, sep.width_px);
    r.y0 = std::clamp(r.y0, 0, sep.height_px);
    r.y1 = std::clamp(r.y1, r.y0, sep.height_px);
    return r;
}

struct InkPeak {
    double percent = 0;
    int x = 0, y = 0;  // the first pixel (top row first) where it is reached
};

InkPeak max_total_ink(const SeparatedPage& sep, const PixelRect& r) {
    InkPeak peak;
    int best = -1;
    std::vector<int> row(static_cast<size_t>(std::max(0, r.x1 - r.x0)));
    for (int y = r.y0; y < r.y1; ++y) {
        std::fill(row.begin(), row.end(), 0);
        for (const Plate& plate : sep.plates) {
            const uint8_t* line = plate.coverage.data() + static_cast<size_t>(y) * sep.width_px;
            for (int x = r.x0; x < r.x1; ++x) row[x - r.x0] += line[x];
        }
        for (int x = r.x0; x < r.x1; ++x) {
            if (row[x - r.x0] > best) best = row[x - r.x0], peak.x = x, peak.y = y;
        }
    }
    peak.percent = std::max(best, 0) * 100.0 / 255.0;
    return peak;
}

// Where a raster pixel is on the page, in mm across and down from the
// trim's top-left corner (of the page as it is drawn, before /Rotate), so
// that a designer can find the spot.
struct SpotMm {
    double x = 0, y = 0;
};

SpotMm where_on_page(QPDFObjectHandle page, const SeparatedPage& sep, int px, int py) {
    const Rect media = page_box(page, "/MediaBox").value_or(Rect{0, 0, 612, 792});
    const Rect trim = page_box(page, "/TrimBox").value_or(ink_area(page));
    const double s = sep.dpi / 72;
    const long long rotate = page_rotation(page);
    const bool turned = rotate == 90 || rotate == 270;
    const double w0 = turned ? sep.height_px : sep.width_px, h0 = turned ? sep.width_px : sep.height_px;
    const double cx = px + 0.5, cy = py + 0.5;  // the pixel's centre on the turned raster
    double ux = cx, uy = cy;                   // … and on the unturned one
    if (rotate == 90) {
        ux = cy, uy = h0 - cx;
    } else if (rotate == 180) {
        ux = w0 - cx, uy = h0 - cy;
    } else if (rotate == 270) {
        ux = w0 - cy, uy = cx;
    }
    const double x = media.x0 + ux / s, y = media.y0 + (h0 - uy) / s;
    return {(x - trim.x0) / kPtPerMm, (trim.y1 - y) / kPtPerMm};
}

std::string spot_text(SpotMm spot) {
    return format_number(std::round(spot.x), 0) + " mm across and " + format_number(std::round(spot.y), 0) +
           " mm down from the trim's top-left corner";
}

}  // namespace

void check_tac(const std::string& pdf_bytes, const std::vector<QPDFObjectHandle>& pages,
               const PreflightOptions& options, std::vector<Finding>& findings) {
    if (pages.empty()) return;
    SeparationOptions sep_options;
    sep_options.dpi = kTacDpi;
    const std::vector<SeparatedPage> separations = render_separations(pdf_bytes, sep_options);
    for (const SeparatedPage& sep : separations) {
        if (sep.page < 1 || sep.page > static_cast<int>(pages.size())) continue;
        QPDFObjectHandle page = pages[sep.page - 1];
        const InkPeak peak = max_total_ink(sep, area_in_pixels(page, sep));
        if (peak.percent > options.tac_percent + kQuantisationPercent) {
            const SpotMm spot = where_on_page(page, sep, peak.x, peak.y);
            findings.push_back({"tac", Severity::Error, sep.page,
                                "total ink reaches " + format_number(std::round(peak.percent), 0) + "% (limit " +
                                    format_number(options.tac_percent) + "%), first at " + spot_text(spot),
                                true, spot.x, spot.y});
        }
    }
}

}  // namespace koho::print::detail
