#include "proof/diff_report.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostic.h"
#include "core/units.h"
#include "proof/base64.h"
#include "raster/encode.h"

namespace koho::proof {

namespace {

constexpr int kReportPad = 24, kReportGap = 16, kCaptionPx = 22;
constexpr Rgb kInk{0.14, 0.09, 0.08}, kMuted{0.42, 0.42, 0.42}, kChangeRed{0.86, 0.0, 0.16};

scene::SurfacePtr report_surface(int w, int h) {
    scene::SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot make a " + std::to_string(w) + " × " + std::to_string(h) +
                            " pixel report image; lower --dpi");
    scene::CairoPtr cr(cairo_create(s.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    return s;
}

int width_of(cairo_surface_t* s) { return s ? cairo_image_surface_get_width(s) : 0; }
int height_of(cairo_surface_t* s) { return s ? cairo_image_surface_get_height(s) : 0; }

// A page picture with a hairline frame, so white paper shows on white.
void paint_panel(cairo_t* cr, cairo_surface_t* picture, double x, double y) {
    scene::SavedState saved(cr);
    cairo_set_source_surface(cr, picture, x, y);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, x - 0.5, y - 0.5, width_of(picture) + 1, height_of(picture) + 1);
    cairo_stroke(cr);
}

std::string page_heading(const PageDiff& p) {
    std::string s = "page " + std::to_string(p.number) + ": " + status_name(p.status);
    if (p.status == PageStatus::Changed) {
        s += ", " + format_number(p.changed_percent(), 2) + "% of pixels, " + std::to_string(p.boxes.size()) +
             (p.boxes.size() == 1 ? " region" : " regions");
        if (p.size_changed)
            s += ", size " + format_number(p.old_w_mm, 1) + " × " + format_number(p.old_h_mm, 1) + " → " +
                 format_number(p.new_w_mm, 1) + " × " + format_number(p.new_h_mm, 1) + " mm";
    }
    return s;
}

std::string box_text(const ChangeBox& b) {
    return "x " + format_number(b.x_mm, 1) + " mm, y " + format_number(b.y_mm, 1) + " mm: " +
           format_number(b.w_mm, 1) + " × " + format_number(b.h_mm, 1) + " mm";
}

std::string png_bytes(cairo_surface_t* s) { return raster::encode_png(raster::view_of(s), 0); }

scene::SurfacePtr shrunk(cairo_surface_t* s, double factor) {
    const int w = std::max(1, static_cast<int>(std::lround(width_of(s) * factor)));
    const int h = std::max(1, static_cast<int>(std::lround(height_of(s) * factor)));
    scene::SurfacePtr out = report_surface(w, h);
    scene::CairoPtr cr(cairo_create(out.get()));
    cairo_scale(cr.get(), factor, factor);
    cairo_set_source_surface(cr.get(), s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
    cairo_paint(cr.get());
    cairo_surface_flush(out.get());
    return out;
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string html_image(cairo_surface_t* s, const std::string& caption) {
    return "<figure><img alt=\"" + html_escape(caption) + "\" width=\"" + std::to_string(width_of(s)) +
           "\" height=\"" + std::to_string(height_of(s)) + "\" src=\"data:image/png;base64," +
           base64_encode(png_bytes(s)) + "\"><figcaption>" + html_escape(caption) + "</figcaption></figure>";
}

}  // namespace

scene::SurfacePtr changes_overlay(cairo_surface_t* new_page, const PixelDiff& pixels) {
    scene::SurfacePtr out = report_surface(pixels.width, pixels.height);
    scene::CairoPtr cr(cairo_create(out.get()));
    cairo_set_source_surface(cr.get(), new_page, 0, 0);
    cairo_paint(cr.get());
    cairo_set_source_rgba(cr.get(), 1, 1, 1, 0.7);  // fade the page: the changes stand out
    cairo_paint(cr.get());
    cairo_surface_flush(out.get());
    uint8_t* data = cairo_image_surface_get_data(out.get());
    const int stride = cairo_image_surface_get_stride(out.get());
    for (int y = 0; y < pixels.height; ++y) {
        auto* row = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(y) * stride);
        for (int x = 0; x < pixels.width; ++x)
            if (pixels.is_changed(x, y)) row[x] = 0xFFDC0029;  // opaque red
    }
    cairo_surface_mark_dirty(out.get());
    cairo_set_source_rgb(cr.get(), kChangeRed.r, kChangeRed.g, kChangeRed.b);
    cairo_set_line_width(cr.get(), 2);
    for (const PixelBox& b : pixels.boxes) {
        const double margin = 4;
        cairo_rectangle(cr.get(), b.x0 - margin, b.y0 - margin, b.x1 - b.x0 + 2 * margin, b.y1 - b.y0 + 2 * margin);
    }
    cairo_stroke(cr.get());
    cairo_surface_flush(out.get());
    return out;
}

void DiffPngReport::add(const PageImages& page) {
    if (page.page.status == PageStatus::Same) return;
    scene::SurfacePtr overlay;
    if (page.pixels) overlay = changes_overlay(page.new_page, *page.pixels);
    cairo_surface_t* panels[3] = {page.old_page, page.new_page, overlay.get()};
    const char* captions[3] = {"old", "new", "changes"};
    int panel_w = 0, panel_h = 0;
    for (auto* p : panels) {
        panel_w = std::max(panel_w, width_of(p));
        panel_h = std::max(panel_h, height_of(p));
    }
    const int heading = 30;
    const int w = 3 * panel_w + 2 * kReportGap + 2;  // + the last panel's frame
    const int h = heading + kCaptionPx + panel_h + kReportGap;
    scene::SurfacePtr row = report_surface(w, h);
    scene::CairoPtr cr(cairo_create(row.get()));
    text_.draw(cr.get(), 0, 0, w, page_heading(page.page), 18, kInk, true);
    for (int i = 0; i < 3; ++i) {
        const double x = i * (panel_w + kReportGap);
        if (!panels[i]) {
            text_.draw(cr.get(), x, heading, panel_w, std::string(captions[i]) + ": —", 14, kMuted);
            continue;
        }
        text_.draw(cr.get(), x, heading, panel_w, captions[i], 14, kMuted);
        paint_panel(cr.get(), panels[i], x, heading + kCaptionPx);
    }
    cairo_surface_flush(row.get());
    rows_.push_back(std::move(row));
}

std::string DiffPngReport::finish(const DocumentDiff& diff) const {
    std::vector<std::string> lines;
    {
        std::string summary = diff_summary_text(diff), line;
        for (char c : summary) {
            if (c == '\n') {
                lines.push_back(line);
                line.clear();
            } else {
                line += c;
            }
        }
    }
    int w = 900;
    for (const auto& row : rows_) w = std::max(w, width_of(row.get()));
    const int line_px = 20;
    const int header = 34 + line_px * static_cast<int>(lines.size()) + kReportGap;
    int h = header;
    for (const auto& row : rows_) h += height_of(row.get()) + kReportGap;
    scene::SurfacePtr sheet = report_surface(w + 2 * kReportPad, h + 2 * kReportPad);
    scene::CairoPtr cr(cairo_create(sheet.get()));
    text_.draw(cr.get(), kReportPad, kReportPad, w, "koho diff", 24, kInk, true);
    double y = kReportPad + 34;
    for (const auto& line : lines) {
        text_.draw(cr.get(), kReportPad, y, w, line, 14, kInk);
        y += line_px;
    }
    y = kReportPad + header;
    for (const auto& row : rows_) {
        cairo_set_source_surface(cr.get(), row.get(), kReportPad, y);
        cairo_paint(cr.get());
        y += height_of(row.get()) + kReportGap;
    }
    cairo_surface_flush(sheet.get());
    return png_bytes(sheet.get());
}

void DiffHtmlReport::add(const PageImages& page) {
    const PageDiff& p = page.page;
    std::string s = "<section id=\"page-" + std::to_string(p.number) + "\" class=\"" + status_name(p.status) +
                    "\">\n<h2>" + html_escape(page_heading(p)) + "</h2>\n";
    if (!p.boxes.empty()) {
        s += "<ol class=\"regions\">";
        for (const ChangeBox& b : p.boxes) s += "<li>" + html_escape(box_text(b)) + "</li>";
        s += "</ol>\n";
    }
    s += "<div class=\"panels\">";
    switch (p.status) {
        case PageStatus::Same: s += html_image(shrunk(page.new_page, 0.25).get(), "unchanged"); break;
        case PageStatus::Added: s += html_image(page.new_page, "new"); break;
        case PageStatus::Removed: s += html_image(page.old_page, "old"); break;
        case PageStatus::Changed:
            s += html_image(page.old_page, "old") + html_image(page.new_page, "new") +
                 html_image(changes_overlay(page.new_page, *page.pixels).get(), "changes");
            break;
    }
    s += "</div>\n</section>\n";
    sections_.push_back(std::move(s));
}

std::string DiffHtmlReport::finish(const DocumentDiff& diff) const {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>koho diff: " +
        html_escape(diff.old_file) + " → " + html_escape(diff.new_file) +
        "</title>\n<style>\n"
        "body{font-family:sans-serif;margin:2em;color:#231815}\n"
        "section{border-top:1px solid #ccc;padding:1em 0}\n"
        "section.changed h2,section.added h2,section.removed h2{color:#dc0029}\n"
        "section.unchanged h2{color:#777;font-weight:normal}\n"
        ".panels{display:flex;gap:16px;align-items:flex-start;overflow-x:auto}\n"
        "figure{margin:0}img{border:1px solid #bbb;max-width:none}\n"
        "figcaption{color:#666;font-size:90%}\n"
        "</style>\n</head>\n<body>\n<h1>koho diff</h1>\n<pre class=\"summary\">" +
        html_escape(diff_summary_text(diff)) + "</pre>\n";
    for (const auto& s : sections_) html += s;
    html += "</body>\n</html>\n";
    return html;
}

}  // namespace koho::proof
