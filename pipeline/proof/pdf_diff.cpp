#include "proof/pdf_diff.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/diagnostic.h"
#include "core/units.h"

namespace koho::proof {

namespace {

double pt_to_mm(double pt) { return pt / kPtPerMm; }

ChangeBox to_trim_mm(const PixelBox& b, const PageBoxes& boxes, double dpi) {
    const double pt_per_px = 72.0 / dpi;
    return {pt_to_mm(b.x0 * pt_per_px - boxes.trim.x), pt_to_mm(b.y0 * pt_per_px - boxes.trim.y),
            pt_to_mm((b.x1 - b.x0) * pt_per_px), pt_to_mm((b.y1 - b.y0) * pt_per_px)};
}

void check_options(const DiffOptions& o) {
    if (!(o.dpi >= 10 && o.dpi <= 1200))
        fail_input({"--dpi"}, "resolution " + format_number(o.dpi) + " dpi is outside 10..1200");
    if (o.threshold < 0 || o.threshold > 255)
        fail_input({"--threshold"}, "tolerance " + std::to_string(o.threshold) + " is outside 0..255");
    if (!(o.group_mm >= 0 && o.group_mm <= 100))
        fail_input({"--group"}, "grouping distance " + format_number(o.group_mm) + " mm is outside 0..100");
}

std::string size_text(double w_mm, double h_mm) {
    return format_number(w_mm, 1) + " × " + format_number(h_mm, 1) + " mm";
}

}  // namespace

const char* status_name(PageStatus status) {
    switch (status) {
        case PageStatus::Same: return "unchanged";
        case PageStatus::Changed: return "changed";
        case PageStatus::Added: return "added";
        case PageStatus::Removed: return "removed";
    }
    return "?";
}

int DocumentDiff::changed_pages() const {
    return static_cast<int>(
        std::count_if(pages.begin(), pages.end(), [](const PageDiff& p) { return p.status != PageStatus::Same; }));
}

DocumentDiff diff_pdfs(const std::string& old_file, const std::string& new_file, const DiffOptions& options,
                       const PageVisitor& visit) {
    check_options(options);
    const PdfPages old_pdf(old_file), new_pdf(new_file);
    DocumentDiff diff;
    diff.old_file = old_file;
    diff.new_file = new_file;
    diff.old_pages = old_pdf.count();
    diff.new_pages = new_pdf.count();
    diff.options = options;
    const int group_px = std::max(1, static_cast<int>(std::lround(options.group_mm * kPtPerMm * options.dpi / 72)));

    for (int i = 0; i < std::max(diff.old_pages, diff.new_pages); ++i) {
        PageDiff page;
        page.number = i + 1;
        const bool has_old = i < diff.old_pages, has_new = i < diff.new_pages;
        scene::SurfacePtr old_image, new_image;
        if (has_old) {
            old_image = old_pdf.render(i, options.dpi);
            page.old_w_mm = pt_to_mm(old_pdf.boxes(i).trim.w);
            page.old_h_mm = pt_to_mm(old_pdf.boxes(i).trim.h);
        }
        if (has_new) {
            new_image = new_pdf.render(i, options.dpi);
            page.new_w_mm = pt_to_mm(new_pdf.boxes(i).trim.w);
            page.new_h_mm = pt_to_mm(new_pdf.boxes(i).trim.h);
        }
        std::unique_ptr<PixelDiff> pixels;
        if (has_old && has_new) {
            pixels = std::make_unique<PixelDiff>(
                compare_pixels(old_image.get(), new_image.get(), options.threshold, group_px));
            page.total_pixels = static_cast<uint64_t>(pixels->width) * static_cast<uint64_t>(pixels->height);
            page.changed_pixels = pixels->changed;
            // A hundredth of a millimetre is below any press's register.
            page.size_changed = std::abs(page.old_w_mm - page.new_w_mm) > 0.01 ||
                                std::abs(page.old_h_mm - page.new_h_mm) > 0.01;
            for (const PixelBox& b : pixels->boxes) page.boxes.push_back(to_trim_mm(b, new_pdf.boxes(i), options.dpi));
            page.status = (pixels->changed || page.size_changed) ? PageStatus::Changed : PageStatus::Same;
        } else {
            page.status = has_new ? PageStatus::Added : PageStatus::Removed;
        }
        diff.pages.push_back(page);
        if (visit) visit(PageImages{diff.pages.back(), old_image.get(), new_image.get(), pixels.get()});
    }
    return diff;
}

std::string diff_summary_text(const DocumentDiff& diff) {
    std::string out = diff.old_file + " (" + std::to_string(diff.old_pages) + " pages) → " + diff.new_file + " (" +
                      std::to_string(diff.new_pages) + " pages) at " + format_number(diff.options.dpi) + " dpi: ";
    if (diff.identical()) return out + "no changes\n";
    out += std::to_string(diff.changed_pages()) + " of " + std::to_string(diff.pages.size()) + " pages differ\n";
    for (const PageDiff& p : diff.pages) {
        if (p.status == PageStatus::Same) continue;
        out += "page " + std::to_string(p.number) + ": " + status_name(p.status);
        if (p.status == PageStatus::Added) out += " (" + size_text(p.new_w_mm, p.new_h_mm) + ")";
        if (p.status == PageStatus::Removed) out += " (" + size_text(p.old_w_mm, p.old_h_mm) + ")";
        if (p.status == PageStatus::Changed) {
            out += ", " + format_number(p.changed_percent(), 2) + "% of pixels";
            if (p.size_changed)
                out += ", size " + size_text(p.old_w_mm, p.old_h_mm) + " → " + size_text(p.new_w_mm, p.new_h_mm);
        }
        out += "\n";
        for (const ChangeBox& b : p.boxes)
            out += "  at x " + format_number(b.x_mm, 1) + " mm, y " + format_number(b.y_mm, 1) + " mm: " +
                   size_text(b.w_mm, b.h_mm) + "\n";
    }
    return out;
}

}  // namespace koho::proof
