#include "print/spread_proof.h"

#include <cairo.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "core/output_set.h"
#include "core/units.h"
#include "scene/render.h"

namespace koho::print {
namespace {

// The desk the booklet lies on: light enough not to distract, dark enough
// that white paper stands out against it.
constexpr double kDeskGrey = 0.85;
constexpr double kGutterGrey = 0.6;

using CairoPtr = std::unique_ptr<cairo_t, void (*)(cairo_t*)>;

// Draws `page` trimmed, its trim's top-left corner at device (x_px, 0).
void draw_page(cairo_t* cr, const scene::PageScene& page, double x_px, double dpi) {
    cairo_save(cr);
    cairo_translate(cr, x_px, 0);
    cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    cairo_rectangle(cr, 0, 0, page.trim_w_pt, page.trim_h_pt);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);  // the paper
    cairo_paint(cr);
    scene::render(cr, page);
    cairo_restore(cr);
}

SpreadProof render_spread(const std::vector<scene::PageScene>& pages, int left, int right,
                          double dpi, bool gutter_line) {
    const scene::PageScene* l = left > 0 ? &pages[left - 1] : nullptr;
    const scene::PageScene* r = right > 0 ? &pages[right - 1] : nullptr;
    // An empty side is as large as the page opposite.
    const double left_w = (l ? l : r)->trim_w_pt;
    const double right_w = (r ? r : l)->trim_w_pt;
    const double h = std::max((l ? l : r)->trim_h_pt, (r ? r : l)->trim_h_pt);
    const int left_px = proof_pixels(left_w, dpi);
    const int w_px = left_px + proof_pixels(right_w, dpi);
    const int h_px = proof_pixels(h, dpi);

    SpreadProof proof;
    proof.left_page = left;
    proof.right_page = right;
    proof.surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w_px, h_px));
    if (cairo_surface_status(proof.surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot make a " + std::to_string(w_px) + " x " + std::to_string(h_px) +
                            " spread proof image: " +
                            cairo_status_to_string(cairo_surface_status(proof.surface.get())));
    CairoPtr owner(cairo_create(proof.surface.get()), cairo_destroy);
    cairo_t* cr = owner.get();
    cairo_set_source_rgb(cr, kDeskGrey, kDeskGrey, kDeskGrey);
    cairo_paint(cr);
    // Both pages touch the spine exactly; any rounding goes to the outer edges.
    if (l) draw_page(cr, *l, left_px - l->trim_w_pt * dpi / 72.0, dpi);
    if (r) draw_page(cr, *r, left_px, dpi);
    if (l && r && gutter_line) {
        cairo_set_source_rgb(cr, kGutterGrey, kGutterGrey, kGutterGrey);
        cairo_rectangle(cr, left_px - 1, 0, 1, h_px);  // the left page's last column
        cairo_fill(cr);
    }
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        fail_system({}, std::string("cairo failed while drawing a spread proof: ") +
                            cairo_status_to_string(cairo_status(cr)));
    owner.reset();
    cairo_surface_flush(proof.surface.get());
    return proof;
}

}  // namespace

std::vector<std::pair<int, int>> reader_spread_pages(int page_count, Binding binding) {
    std::vector<std::pair<int, int>> spreads;
    if (page_count <= 0) return spreads;
    // In reading order each spread is (earlier page, later page); a
    // left-bound book shows the earlier one on the left, a right-bound one
    // on the right. The cover has nothing before it.
    auto add = [&](int earlier, int later) {
        if (binding == Binding::Left)
            spreads.emplace_back(earlier, later);
        else
            spreads.emplace_back(later, earlier);
    };
    add(0, 1);
    for (int p = 2; p <= page_count; p += 2) add(p, p + 1 <= page_count ? p + 1 : 0);
    return spreads;
}

namespace {

void check_dpi(double dpi) {
    if (!(dpi >= 1 && dpi <= 2400))
        fail_input({}, "proof resolution " + format_number(dpi) + " dpi is outside 1..2400");
}

}  // namespace

std::vector<SpreadProof> reader_spreads(const std::vector<scene::PageScene>& pages, Binding binding,
                                        double dpi, bool gutter_line) {
    check_dpi(dpi);
    std::vector<SpreadProof> proofs;
    for (const auto& [left, right] : reader_spread_pages(static_cast<int>(pages.size()), binding))
        proofs.push_back(render_spread(pages, left, right, dpi, gutter_line));
    return proofs;
}

void write_spread_proofs(OutputSet& outputs, const std::filesystem::path& dir, const std::string& stem,
                         const std::vector<scene::PageScene>& pages, Binding binding, double dpi) {
    check_dpi(dpi);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) fail_system({dir.string()}, "cannot create the proof directory: " + ec.message());
    const std::vector<std::pair<int, int>> spreads = reader_spread_pages(static_cast<int>(pages.size()), binding);
    const std::vector<std::string> pngs = draw_proof_pngs(spreads.size(), dpi, [&](size_t i) {
        return render_spread(pages, spreads[i].first, spreads[i].second, dpi, true).surface;
    });
    for (size_t i = 0; i < pngs.size(); ++i)
        outputs.write(dir / (stem + "-spread-" + std::to_string(i + 1) + ".png"), pngs[i]);
}

void write_spread_proofs(const std::filesystem::path& dir, const std::string& stem,
                         const std::vector<scene::PageScene>& pages, Binding binding, double dpi) {
    OutputSet outputs;
    write_spread_proofs(outputs, dir, stem, pages, binding, dpi);
    outputs.commit();
}

}  // namespace koho::print
