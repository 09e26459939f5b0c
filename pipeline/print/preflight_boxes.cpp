// The `boxes` check: TrimBox and BleedBox on every page, enough bleed on
// every side, and Trim ⊂ Bleed ⊂ Media.
#include <cmath>

#include "core/units.h"
#include "print/preflight_internal.h"

namespace koho::print::detail {
namespace {

// koho writes boxes to 4 decimals of a point; other tools round to a
// hundredth of a millimetre or so. Neither should fail a page.
constexpr double kNestTolerancePt = 0.01;
constexpr double kBleedToleranceMm = 0.02;

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x0 >= outer.x0 - kNestTolerancePt && inner.y0 >= outer.y0 - kNestTolerancePt &&
           inner.x1 <= outer.x1 + kNestTolerancePt && inner.y1 <= outer.y1 + kNestTolerancePt;
}

}  // namespace

std::string mm_text(double pt) { return format_number(std::round(pt / kPtPerMm * 10) / 10, 1); }

std::optional<Rect> page_box(QPDFObjectHandle page, const std::string& key) {
    // Boxes other than MediaBox and CropBox are not inheritable in the
    // standard, but some writers put them on /Pages nodes and every RIP
    // honours that; so do we. The depth guards against a cyclic tree.
    QPDFObjectHandle node = page;
    for (int depth = 0; depth < 64 && node.isDictionary(); ++depth) {
        QPDFObjectHandle box = node.getKey(key);
        if (!box.isNull()) {
            if (!box.isArray() || box.getArrayNItems() != 4) return std::nullopt;
            double v[4];
            for (int i = 0; i < 4; ++i)
                if (!box.getArrayItem(i).getValueAsNumber(v[i])) return std::nullopt;
            Rect r{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
            r.has_points = true;
            return r;
        }
        node = node.getKey("/Parent");
    }
    return std::nullopt;
}

Rect ink_area(QPDFObjectHandle page) {
    for (const char* key : {"/BleedBox", "/TrimBox", "/CropBox", "/MediaBox"})
        if (auto box = page_box(page, key)) return *box;
    return Rect{0, 0, 612, 792};  // the default a reader assumes (US Letter)
}

void check_boxes(QPDFObjectHandle page, int page_no, const PreflightOptions& options,
                 std::vector<Finding>& findings) {
    auto add = [&](std::string message) {
        findings.push_back({"boxes", Severity::Error, page_no, std::move(message)});
    };
    const std::optional<Rect> media = page_box(page, "/MediaBox");
    const std::optional<Rect> trim = page_box(page, "/TrimBox");
    const std::optional<Rect> bleed = page_box(page, "/BleedBox");
    if (!media) add("the page has no valid MediaBox");
    if (!trim) add("the page has no TrimBox");
    if (!bleed) add("the page has no BleedBox");
    if (trim && bleed) {
        const double sides[4] = {trim->x0 - bleed->x0, bleed->x1 - trim->x1, bleed->y1 - trim->y1,
                                 trim->y0 - bleed->y0};
        static const char* names[4] = {"left", "right", "top", "bottom"};
        std::string short_sides;
        for (int i = 0; i < 4; ++i) {
            if (sides[i] / kPtPerMm + kBleedToleranceMm < options.min_bleed_mm)
                short_sides += std::string(short_sides.empty() ? "" : ", ") + names[i] + " " + mm_text(sides[i]) + " mm";
        }
        if (!short_sides.empty())
            add("bleed is less than " + format_number(options.min_bleed_mm) + " mm: " + short_sides);
        if (!inside(*trim, *bleed)) add("the TrimBox is not inside the BleedBox");
    }
    if (bleed && media && !inside(*bleed, *media)) add("the BleedBox is not inside the MediaBox");
    if (trim && media && !bleed && !inside(*trim, *media)) add("the TrimBox is not inside the MediaBox");
}

}  // namespace koho::print::detail
