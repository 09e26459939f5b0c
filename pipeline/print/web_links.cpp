#include "print/web_links.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/diagnostic.h"

namespace koho::print::detail {
namespace {

// ASCII only, whatever the locale.
bool is_ascii_alnum(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_uri_char(unsigned char c) {
    if (is_ascii_alnum(c)) return true;
    return std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(static_cast<char>(c)) != std::string_view::npos;
}

bool starts_with_ci(std::string_view text, size_t at, std::string_view prefix) {
    if (text.size() - at < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = text[at + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// Leaves out what ends the sentence rather than the address.
size_t trim_end(std::string_view text, size_t begin, size_t end) {
    while (end > begin) {
        char last = text[end - 1];
        if (std::string_view(".,;:!?'\"").find(last) != std::string_view::npos) {
            --end;
            continue;
        }
        if (last == ')' || last == ']') {
            char open = last == ')' ? '(' : '[';
            auto body = text.substr(begin, end - begin);
            if (std::count(body.begin(), body.end(), open) < std::count(body.begin(), body.end(), last)) {
                --end;
                continue;
            }
        }
        break;
    }
    return end;
}

struct Box {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
    double x1 = -x0, y1 = -x0;
    void add(double x, double y) {
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
    }
    bool empty() const { return !(x1 > x0 && y1 > y0); }
};

// The glyph's box (its advance × the em box) at its place on the page,
// turned with the run, grown into `box`.
class RunMetrics {
public:
    explicit RunMetrics(const text::GlyphRun& run) : run_(run) {
        if (!run.font.get()) fail_system({}, "a glyph run has no font");
        scaled_ = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run.font.get()));
        if (!scaled_ || cairo_scaled_font_status(scaled_) != CAIRO_STATUS_SUCCESS)
            fail_system({}, "Pango gave no usable Cairo font for a glyph run");
        cairo_matrix_t matrix;
        cairo_scaled_font_get_font_matrix(scaled_, &matrix);
        double pango_size = std::hypot(matrix.xy, matrix.yy);
        scale_ = pango_size > 0 ? run.size_pt / pango_size : 1;
        // The ideographic em box (0.88 em above the baseline, 0.12 below),
        // not the font's line ascent and descent (1.16 and 0.29 em in Noto
        // CJK), which reach into the lines around.
        ascent_ = 0.88 * run.size_pt;
        descent_ = 0.12 * run.size_pt;
        double angle = run.rotation_deg * M_PI / 180;  // y down: clockwise
        cos_ = std::cos(angle);
        sin_ = std::sin(angle);
    }

    void add_glyph(const text::PositionedGlyph& glyph, double origin_x, double origin_y, Box& box) const {
        cairo_glyph_t g{glyph.id, 0, 0};
        cairo_text_extents_t te;
        cairo_scaled_font_glyph_extents(scaled_, &g, 1, &te);
        double advance = te.x_advance * scale_ * run_.scale_x;
        const double corners[4][2] = {{0, -ascent_}, {advance, -ascent_}, {advance, descent_}, {0, descent_}};
        for (const auto& c : corners) {
            double x = c[0] * cos_ - c[1] * sin_;
            double y = c[0] * sin_ + c[1] * cos_;
            box.add(origin_x + glyph.x + x, origin_y + glyph.y + y);
        }
    }

private:
    const text::GlyphRun& run_;
    cairo_scaled_font_t* scaled_ = nullptr;  // owned by the PangoFont
    double scale_ = 1, ascent_ = 0, descent_ = 0, cos_ = 1, sin_ = 0;
};

}  // namespace

std::vector<UrlSpan> find_urls(std::string_view text) {
    std::vector<UrlSpan> out;
    size_t at = 0;
    while (at < text.size()) {
        size_t scheme = 0;
        if (starts_with_ci(text, at, "https://"))
            scheme = 8;
        else if (starts_with_ci(text, at, "http://"))
            scheme = 7;
        // Not inside a word: "xhttp://" is no address, "URL:https://" is.
        bool word_start = at == 0 || !is_ascii_alnum(static_cast<unsigned char>(text[at - 1]));
        if (scheme == 0 || !word_start) {
            ++at;
            continue;
        }
        size_t end = at + scheme;
        while (end < text.size() && is_uri_char(static_cast<unsigned char>(text[end]))) ++end;
        size_t trimmed = trim_end(text, at + scheme, end);
        if (trimmed > at + scheme) out.push_back({at, trimmed});
        at = end;
    }
    return out;
}

std::vector<LinkArea> text_links(const scene::TextItem& item) {
    std::string joined;
    for (const auto& run : item.text.runs) joined += run.utf8;
    const std::vector<UrlSpan> urls = find_urls(joined);
    std::vector<LinkArea> out;
    for (const UrlSpan& url : urls) {
        LinkArea link;
        link.uri = ascii_uri(std::string_view(joined).substr(url.begin, url.end - url.begin));
        size_t run_begin = 0;
        for (const auto& run : item.text.runs) {
            const size_t run_end = run_begin + run.utf8.size();
            if (run_end > url.begin && run_begin < url.end && !run.glyphs.empty()) {
                RunMetrics metrics(run);
                Box box;
                size_t byte = run_begin, glyph = 0;
                for (const auto& cluster : run.clusters) {
                    const size_t next_byte = byte + static_cast<size_t>(cluster.bytes);
                    const size_t next_glyph = glyph + static_cast<size_t>(cluster.glyphs);
                    if (next_byte > url.begin && byte < url.end) {
                        for (size_t g = glyph; g < next_glyph && g < run.glyphs.size(); ++g)
                            metrics.add_glyph(run.glyphs[g], item.x, item.y, box);
                    }
                    byte = next_byte;
                    glyph = next_glyph;
                }
                if (!box.empty()) link.rects.push_back({box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0});
            }
            run_begin = run_end;
        }
        if (!link.rects.empty()) out.push_back(std::move(link));
    }
    return out;
}

scene::Rect text_bounds(const scene::TextItem& item) {
    Box box;
    for (const auto& run : item.text.runs) {
        if (run.glyphs.empty()) continue;
        RunMetrics metrics(run);
        for (const auto& glyph : run.glyphs) metrics.add_glyph(glyph, item.x, item.y, box);
    }
    if (box.empty()) return {};
    return {box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0};
}

std::string ascii_uri(std::string_view uri) {
    std::string out;
    for (unsigned char c : uri) {
        // Quotes and backslashes too: Cairo's attribute strings are quoted.
        if (c > 0x20 && c < 0x7f && c != '\'' && c != '"' && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

}  // namespace koho::print::detail
