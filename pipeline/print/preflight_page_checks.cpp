// The checks that look at what a page paints: fonts, colorspace,
// image_resolution, rich_black, hairline, safe_zone. The content walk
// (preflight_content.cpp) reports marks; this file judges them and keeps
// one finding per page and kind, with a count, rather than one per operator.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/units.h"
#include "print/preflight_fonts.h"
#include "print/preflight_internal.h"

namespace koho::print::detail {
namespace {

constexpr double kRichBlackMaxPt = 12;
constexpr double kRichBlackMinK = 0.85;
constexpr double kInkPresent = 0.005;  // half a percent: below it an ink is float noise
constexpr size_t kListedRgbUses = 4;

std::string percent(double v) { return format_number(std::round(v * 100), 0); }

struct ImageWorst {
    std::string name;
    int width_px = 0, height_px = 0;
    double placed_w_pt = 0, placed_h_pt = 0;
    double ppi = 1e9;
};

struct RichBlack {
    int count = 0;
    double smallest_pt = 1e9;
    std::string inks;   // "C 40 M 30 Y 30 K 100" of the first run found
    int ink_count = 0;
};

class PageMarks : public ContentListener {
public:
    PageMarks(const PreflightOptions& options, DocumentFacts& facts, int page_no)
        : options_(options), facts_(facts), page_no_(page_no) {}

    void font_used(const std::string& name, QPDFObjectHandle font) override {
        if (!font.isDictionary()) {
            if (std::find(missing_fonts_.begin(), missing_fonts_.end(), name) != missing_fonts_.end()) return;
            missing_fonts_.push_back(name);
            fonts.push_back({QPDFObjGen(), name, Severity::Error,
                             "text uses font " + name + ", which its resources do not define: a RIP would substitute one"});
            return;
        }
        for (FontProblem& p : font_problems(font, name)) {
            if (p.id.isIndirect() && !facts_.fonts_reported.insert(p.id).second) continue;
            fonts.push_back(std::move(p));
        }
    }
    void colour_used(const ColourSpace& space, const std::string& where) override {
        if (!space.rgb) return;
        const std::string use = where + " in " + space.name;
        if (std::find(rgb.begin(), rgb.end(), use) == rgb.end()) rgb.push_back(use);
    }
    void text_shown(const TextShow& text) override {
        const bool fills = text.render_mode == 0 || text.render_mode == 2 || text.render_mode == 4 || text.render_mode == 6;
        if (!fills || text.size_pt <= 0 || text.size_pt >= kRichBlackMaxPt) return;
        std::string inks;
        int count = 0;
        if (!rich_black_inks(text.fill, inks, count)) return;
        if (rich_black.count == 0) rich_black.inks = inks, rich_black.ink_count = count;
        ++rich_black.count;
        rich_black.smallest_pt = std::min(rich_black.smallest_pt, text.size_pt);
    }
    void text_object(const Rect& box) override { text_boxes.push_back(box); }
    void stroked(double width_pt, double raw_width) override {
        if (raw_width <= 0) {
            ++zero_width;
        } else if (width_pt < options_.hairline_pt - 1e-6) {
            ++thin;
            thinnest = std::min(thinnest, width_pt);
        }
    }
    void image_placed(const ImagePlacement& image) override {
        if (image.mask || image.width_px <= 0 || image.height_px <= 0) return;
        if (image.placed_w_pt < 0.01 || image.placed_h_pt < 0.01) return;  // nothing visible
        const double ppi = std::min(image.width_px / (image.placed_w_pt / 72), image.height_px / (image.placed_h_pt / 72));
        ImageWorst& worst = images[image.name];
        if (ppi < worst.ppi)
            worst = {image.name, image.width_px, image.height_px, image.placed_w_pt, image.placed_h_pt, ppi};
    }
    void transparency(const std::string& what) override { facts_.transparency.emplace_back(page_no_, what); }

    std::vector<FontProblem> fonts;
    std::vector<std::string> rgb;
    std::map<std::string, ImageWorst> images;
    RichBlack rich_black;
    std::vector<Rect> text_boxes;
    int zero_width = 0, thin = 0;
    double thinnest = 1e9;

private:
    // Black (K ≥ 85 %) built from more than one ink.
    static bool rich_black_inks(const Colour& fill, std::string& inks, int& count) {
        const ColourSpace& cs = fill.space;
        if (cs.cmyk && fill.values.size() == 4) {
            const double k = fill.values[3];
            if (k < kRichBlackMinK) return false;
            static const char* names[4] = {"C", "M", "Y", "K"};
            for (int i = 0; i < 4; ++i) {
                if (fill.values[i] < kInkPresent) continue;
                inks += std::string(inks.empty() ? "" : " ") + names[i] + " " + percent(fill.values[i]);
                ++count;
            }
            return count > 1;
        }
        if (cs.family == ColourSpace::Family::DeviceN && fill.values.size() == cs.inks.size()) {
            bool black = false;
            for (size_t i = 0; i < cs.inks.size(); ++i) {
                if (fill.values[i] < kInkPresent) continue;
                if (cs.inks[i] == "Black" && fill.values[i] >= kRichBlackMinK) black = true;
                inks += std::string(inks.empty() ? "" : " ") + cs.inks[i] + " " + percent(fill.values[i]);
                ++count;
            }
            return black && count > 1;
        }
        return false;
    }

    std::vector<std::string> missing_fonts_;
    const PreflightOptions& options_;
    DocumentFacts& facts_;
    int page_no_;
};

std::string pt_text(double pt) { return format_number(pt, pt < 1 ? 2 : 1); }

// Which trim edge a text box is nearest, and how near: "1 mm from the
// left edge", or "across the top edge" when it crosses it.
std::string nearest_edge(const Rect& box, const Rect& trim) {
    const double gaps[4] = {box.x0 - trim.x0, trim.x1 - box.x1, trim.y1 - box.y1, box.y0 - trim.y0};
    static const char* names[4] = {"left", "right", "top", "bottom"};
    int nearest = 0;
    for (int i = 1; i < 4; ++i)
        if (gaps[i] < gaps[nearest]) nearest = i;
    if (gaps[nearest] < 0) return std::string("across the ") + names[nearest] + " edge";
    return mm_text(gaps[nearest]) + " mm from the " + names[nearest] + " edge";
}

void safe_zone(const PageMarks& marks, QPDFObjectHandle page, int page_no, const PreflightOptions& options,
               std::vector<Finding>& findings) {
    const std::optional<Rect> trim = page_box(page, "/TrimBox");
    if (!trim) return;  // `boxes` reports the missing box; no trim, no zone
    const double inset = options.safe_zone_mm * kPtPerMm;
    const Rect safe{trim->x0 + inset, trim->y0 + inset, trim->x1 - inset, trim->y1 - inset};
    int near = 0;
    std::string first;
    Rect first_box{};
    for (const Rect& box : marks.text_boxes) {
        // Text wholly outside the trim (slug labels) is not on the piece.
        const bool on_page = box.x1 > trim->x0 && box.x0 < trim->x1 && box.y1 > trim->y0 && box.y0 < trim->y1;
        const bool safe_inside = box.x0 >= safe.x0 && box.x1 <= safe.x1 && box.y0 >= safe.y0 && box.y1 <= safe.y1;
        if (!on_page || safe_inside) continue;
        if (near++ == 0) first = nearest_edge(box, *trim), first_box = box;
    }
    if (near > 0) {
        findings.push_back({"safe_zone", Severity::Warning, page_no,
                            std::to_string(near) + (near == 1 ? " text object" : " text objects") + " within " +
                                format_number(options.safe_zone_mm) + " mm of the trim or across it (" +
                                (near == 1 ? "" : "the first ") + first + "): text there may be cut off",
                            true, ((first_box.x0 + first_box.x1) / 2 - trim->x0) / kPtPerMm,
                            (trim->y1 - (first_box.y0 + first_box.y1) / 2) / kPtPerMm});
    }
}

}  // namespace

void check_page_content(QPDFObjectHandle page, int page_no, const PreflightOptions& options, DocumentFacts& facts,
                        std::vector<Finding>& findings) {
    PageMarks marks(options, facts, page_no);
    walk_page_content(page, marks);
    auto add = [&](const char* check, Severity severity, std::string message) {
        findings.push_back({check, severity, page_no, std::move(message)});
    };

    for (const FontProblem& p : marks.fonts) add("fonts", p.severity, p.message);

    if (!marks.rgb.empty()) {
        std::string uses;
        for (size_t i = 0; i < marks.rgb.size() && i < kListedRgbUses; ++i) uses += (i ? "; " : "") + marks.rgb[i];
        if (marks.rgb.size() > kListedRgbUses)
            uses += "; and " + std::to_string(marks.rgb.size() - kListedRgbUses) + " more";
        add("colorspace", Severity::Error, "RGB colour in a print PDF: " + uses);
    }

    for (const auto& [name, img] : marks.images) {
        const std::string what = "image " + name + " (" + std::to_string(img.width_px) + "×" +
                                 std::to_string(img.height_px) + " px placed at " + mm_text(img.placed_w_pt) + "×" +
                                 mm_text(img.placed_h_pt) + " mm) is " + format_number(std::floor(img.ppi), 0) + " ppi";
        if (img.ppi + 0.5 < kErrorPpi)
            add("image_resolution", Severity::Error, what + "; print needs at least " + format_number(kErrorPpi) + " ppi");
        else if (img.ppi + 0.5 < options.min_ppi)
            add("image_resolution", Severity::Warning, what + ", below " + format_number(options.min_ppi) + " ppi");
    }

    if (marks.rich_black.count > 0) {
        const RichBlack& rb = marks.rich_black;
        add("rich_black", Severity::Error,
            std::to_string(rb.count) + (rb.count == 1 ? " text run" : " text runs") + " under " +
                format_number(kRichBlackMaxPt) + " pt (smallest " + pt_text(rb.smallest_pt) + " pt) in " + rb.inks +
                ": small black text in " + std::to_string(rb.ink_count) + " inks misregisters; use K100");
    }

    if (marks.zero_width > 0) {
        add("hairline", Severity::Error,
            std::to_string(marks.zero_width) + (marks.zero_width == 1 ? " stroke has" : " strokes have") +
                " width 0, the thinnest line a device can draw: it may vanish on a platesetter");
    }
    if (marks.thin > 0) {
        add("hairline", Severity::Warning,
            std::to_string(marks.thin) + (marks.thin == 1 ? " stroke is" : " strokes are") + " thinner than " +
                format_number(options.hairline_pt) + " pt (thinnest " + pt_text(marks.thinnest) + " pt)");
    }

    safe_zone(marks, page, page_no, options, findings);
}

}  // namespace koho::print::detail
