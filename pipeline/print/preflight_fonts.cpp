// The `fonts` check (embedding, Type 3) and the font metrics the content
// walk needs for glyph boxes.
#include "print/preflight_fonts.h"

#include <algorithm>
#include <set>

namespace koho::print::detail {
namespace {

double number(QPDFObjectHandle o, double fallback) {
    double v = 0;
    return o.getValueAsNumber(v) ? v : fallback;
}

std::string name_of(QPDFObjectHandle o) { return o.isName() ? o.getName() : ""; }

QPDFObjectHandle descendant(QPDFObjectHandle font) {
    QPDFObjectHandle kids = font.getKey("/DescendantFonts");
    if (kids.isArray() && kids.getArrayNItems() > 0 && kids.getArrayItem(0).isDictionary())
        return kids.getArrayItem(0);
    return QPDFObjectHandle::newNull();
}

bool embedded(QPDFObjectHandle font) {
    QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
    if (!descriptor.isDictionary()) return false;
    for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"})
        if (descriptor.getKey(key).isStream()) return true;
    return false;
}

std::string readable_name(QPDFObjectHandle font, const std::string& resource_name) {
    std::string base = name_of(font.getKey("/BaseFont"));
    if (base.empty()) base = name_of(font.getKey("/Name"));
    return base.empty() ? resource_name : base.substr(1);
}

void collect(QPDFObjectHandle font, const std::string& resource_name, std::set<QPDFObjGen>& seen,
             std::vector<FontProblem>& problems, int depth) {
    if (!font.isDictionary() || depth > 8) return;
    const QPDFObjGen id = font.getObjGen();
    if (id.isIndirect() && !seen.insert(id).second) return;
    const std::string subtype = name_of(font.getKey("/Subtype"));
    const std::string shown = readable_name(font, resource_name);
    if (subtype == "/Type3") {
        problems.push_back({id, shown, Severity::Warning,
                            "Type 3 font " + shown +
                                ": Type 3 glyphs (as Chromium and Vivliostyle write Noto CJK) may rasterise or "
                                "print poorly"});
        QPDFObjectHandle resources = font.getKey("/Resources");
        QPDFObjectHandle fonts = resources.isDictionary() ? resources.getKey("/Font") : QPDFObjectHandle::newNull();
        if (fonts.isDictionary()) {
            for (const auto& [key, inner] : fonts.ditems()) collect(inner, key.substr(1), seen, problems, depth + 1);
        }
        return;
    }
    if (subtype == "/Type0") {
        QPDFObjectHandle cid = descendant(font);
        if (!cid.isDictionary() || !embedded(cid))
            problems.push_back({id, shown, Severity::Error, "font " + shown + " (Type0) is not embedded"});
        return;
    }
    if (!embedded(font)) {
        problems.push_back({id, shown, Severity::Error,
                            "font " + shown + " (" + (subtype.empty() ? "no subtype" : subtype.substr(1)) +
                                ") is not embedded"});
    }
}

}  // namespace

double FontMetrics::width(int code) const {
    if (!widths.empty()) {
        const int i = code - first_char;
        if (i >= 0 && i < static_cast<int>(widths.size())) return widths[i];
        return default_width;
    }
    auto it = cid_widths.find(code);
    return it != cid_widths.end() ? it->second : default_width;
}

FontMetrics font_metrics(QPDFObjectHandle font) {
    FontMetrics m;
    if (!font.isDictionary()) return m;
    const std::string subtype = name_of(font.getKey("/Subtype"));
    QPDFObjectHandle metrics_font = font;
    double scale = 0.001;  // glyph space to text space
    if (subtype == "/Type0") {
        m.two_byte = true;
        const std::string encoding = name_of(font.getKey("/Encoding"));
        m.vertical = encoding.size() > 2 && encoding.substr(encoding.size() - 2) == "-V";
        metrics_font = descendant(font);
        if (!metrics_font.isDictionary()) return m;
        m.default_width = number(metrics_font.getKey("/DW"), 1000) * scale;
        // /W: [c [w1 w2 …]] lists widths from c; [cfirst clast w] gives a range.
        QPDFObjectHandle w = metrics_font.getKey("/W");
        if (w.isArray()) {
            const int n = w.getArrayNItems();
            for (int i = 0; i + 1 < n;) {
                const int first = static_cast<int>(number(w.getArrayItem(i), 0));
                QPDFObjectHandle next = w.getArrayItem(i + 1);
                if (next.isArray()) {
                    int code = first;
                    for (QPDFObjectHandle width : next.aitems()) m.cid_widths[code++] = number(width, 1000) * scale;
                    i += 2;
                } else if (i + 2 < n) {
                    const int last = static_cast<int>(number(next, first));
                    const double width = number(w.getArrayItem(i + 2), 1000) * scale;
                    for (int code = first; code <= last && code - first < 65536; ++code) m.cid_widths[code] = width;
                    i += 3;
                } else {
                    break;
                }
            }
        }
    } else {
        if (subtype == "/Type3") {
            QPDFObjectHandle matrix = font.getKey("/FontMatrix");
            if (matrix.isArray() && matrix.getArrayNItems() == 6) scale = number(matrix.getArrayItem(0), 0.001);
            QPDFObjectHandle bbox = font.getKey("/FontBBox");
            const double yscale =
                matrix.isArray() && matrix.getArrayNItems() == 6 ? number(matrix.getArrayItem(3), 0.001) : 0.001;
            if (bbox.isArray() && bbox.getArrayNItems() == 4) {
                const double lo = number(bbox.getArrayItem(1), 0) * yscale;
                const double hi = number(bbox.getArrayItem(3), 0) * yscale;
                if (hi > lo) m.descent = std::min(lo, hi), m.ascent = std::max(lo, hi);
            }
        }
        m.first_char = static_cast<int>(number(font.getKey("/FirstChar"), 0));
        QPDFObjectHandle widths = font.getKey("/Widths");
        if (widths.isArray())
            for (QPDFObjectHandle w : widths.aitems()) m.widths.push_back(number(w, 0) * scale);
    }
    QPDFObjectHandle descriptor = metrics_font.getKey("/FontDescriptor");
    if (descriptor.isDictionary()) {
        const double ascent = number(descriptor.getKey("/Ascent"), 0) * 0.001;
        const double descent = number(descriptor.getKey("/Descent"), 0) * 0.001;
        if (ascent > descent && ascent > 0) m.ascent = ascent, m.descent = std::min(descent, 0.0);
        if (subtype != "/Type0" && descriptor.hasKey("/MissingWidth"))
            m.default_width = number(descriptor.getKey("/MissingWidth"), 500) * scale;
    }
    return m;
}

std::vector<FontProblem> font_problems(QPDFObjectHandle font, const std::string& resource_name) {
    std::vector<FontProblem> problems;
    std::set<QPDFObjGen> seen;
    collect(font, resource_name, seen, problems, 0);
    return problems;
}

}  // namespace koho::print::detail
