#include "proof/contact_sheet.h"

#include <cairo-pdf.h>
#include <qpdf/QPDF.hh>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/diagnostic.h"
#include "core/source_date.h"
#include "core/units.h"
#include "print/cairo_pdf_surface.h"
#include "print/qpdf_support.h"
#include "proof/pdf_pages.h"
#include "raster/decode.h"
#include "raster/encode.h"

namespace koho::proof {

namespace fs = std::filesystem;

namespace {

enum class SheetFileKind { Pdf, Picture, Other };

SheetFileKind sheet_file_kind(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".pdf") return SheetFileKind::Pdf;
    if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") return SheetFileKind::Picture;
    return SheetFileKind::Other;
}

void add_sheet_file(std::vector<SheetItem>& items, const fs::path& file, const std::string& name) {
    if (sheet_file_kind(file) == SheetFileKind::Pdf) {
        const PdfPages pdf(file);
        for (int i = 0; i < pdf.count(); ++i) {
            SheetItem item{SheetItemKind::PdfPage, file, name, i + 1, pdf.count()};
            item.width = pdf.boxes(i).trim.w / kPtPerMm;
            item.height = pdf.boxes(i).trim.h / kPtPerMm;
            items.push_back(item);
        }
        return;
    }
    // Decoded now so a broken picture fails before anything is drawn.
    auto image = raster::decode_image(file, {file.string()});
    SheetItem item{SheetItemKind::Picture, file, name};
    item.width = image->width;
    item.height = image->height;
    items.push_back(item);
}

bool hidden_name(const fs::path& p) {
    const std::string n = p.filename().string();
    return !n.empty() && n[0] == '.';
}

void add_sheet_directory(std::vector<SheetItem>& items, const fs::path& dir) {
    std::vector<std::pair<std::string, fs::path>> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, ec), end;
    if (ec) fail_input({dir.string()}, "cannot read the directory: " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec) fail_input({dir.string()}, "cannot read the directory: " + ec.message());
        if (hidden_name(it->path())) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && sheet_file_kind(it->path()) != SheetFileKind::Other)
            files.emplace_back(it->path().lexically_relative(dir).generic_string(), it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& [name, path] : files) add_sheet_file(items, path, name);
}

// The sheet's measures, in the units of the surface (pixels or points).
struct SheetGeometry {
    double width = 0;          // the whole sheet
    double margin = 0, gap = 0, header = 0;
    int columns = 1;
    double cell_w = 0, cell_h = 0;  // a tile's picture area
    double label_h = 0, name_size = 0, detail_size = 0, title_size = 0;

    double row_h() const { return cell_h + label_h + gap; }
    double x_of(int column) const { return margin + column * (cell_w + gap); }
};

// Tall pictures (A-series portrait, √2) set the cell's height; a sheet of
// banners gets low cells. Bounded so one odd item cannot squash the rest.
double cell_aspect(const std::vector<SheetItem>& items) {
    double aspect = 0.5;
    for (const auto& it : items)
        if (it.width > 0) aspect = std::max(aspect, it.height / it.width);
    return std::min(aspect, 1.5);
}

std::string sheet_detail(const SheetItem& item) {
    if (item.kind == SheetItemKind::PdfPage)
        return "p." + std::to_string(item.page) + " / " + std::to_string(item.pages) + " · " +
               format_number(item.width, 1) + " × " + format_number(item.height, 1) + " mm";
    return std::to_string(static_cast<int>(item.width)) + " × " + std::to_string(static_cast<int>(item.height)) +
           " px";
}

// The picture shrunk to w × h pixels (a box filter as Cairo shrinks), so a
// sheet never carries full-size proofs.
scene::SurfacePtr sheet_picture(const fs::path& file, int w, int h) {
    auto image = raster::decode_image(file, {file.string()});
    const auto& pixels = image->pixel_data();
    scene::SurfacePtr source(cairo_image_surface_create_for_data(
        reinterpret_cast<unsigned char*>(const_cast<uint32_t*>(pixels.data())), CAIRO_FORMAT_ARGB32, image->width,
        image->height, image->width * 4));
    scene::SurfacePtr out(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(1, w), std::max(1, h)));
    scene::CairoPtr cr(cairo_create(out.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), static_cast<double>(std::max(1, w)) / image->width,
                static_cast<double>(std::max(1, h)) / image->height);
    cairo_set_source_surface(cr.get(), source.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
    cairo_paint(cr.get());
    cairo_surface_flush(out.get());
    return out;
}

// Draws tiles one after another, keeping the PDF of the last tile open
// (a PDF's pages are consecutive).
class TileDrawer {
public:
    TileDrawer(const SheetGeometry& g, const SheetText& text, double picture_px_per_unit)
        : g_(g), text_(text), px_per_unit_(picture_px_per_unit) {}

    void draw(cairo_t* cr, const SheetItem& item, double x, double y) {
        const double scale = std::min(g_.cell_w / item.width, g_.cell_h / item.height);
        const double w = item.width * scale, h = item.height * scale;
        const double left = x + (g_.cell_w - w) / 2, top = y + (g_.cell_h - h);  // on a common baseline
        {
            scene::SavedState saved(cr);
            cairo_set_source_rgba(cr, 0, 0, 0, 0.18);  // a soft drop shadow lifts white pages off the sheet
            const double off = g_.gap / 8;
            cairo_rectangle(cr, left + off, top + off, w, h);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_rectangle(cr, left, top, w, h);
            cairo_fill_preserve(cr);
            cairo_clip(cr);
            if (item.kind == SheetItemKind::PdfPage) {
                if (!pdf_ || pdf_->file() != item.file) pdf_ = std::make_unique<PdfPages>(item.file);
                const BoxPt& trim = pdf_->boxes(item.page - 1).trim;
                cairo_translate(cr, left, top);
                cairo_scale(cr, w / trim.w, h / trim.h);
                cairo_translate(cr, -trim.x, -trim.y);
                pdf_->draw(item.page - 1, cr);
            } else {
                auto picture = sheet_picture(item.file, static_cast<int>(std::lround(w * px_per_unit_)),
                                             static_cast<int>(std::lround(h * px_per_unit_)));
                cairo_translate(cr, left, top);
                cairo_scale(cr, w / cairo_image_surface_get_width(picture.get()),
                            h / cairo_image_surface_get_height(picture.get()));
                cairo_set_source_surface(cr, picture.get(), 0, 0);
                cairo_paint(cr);
            }
        }
        {
            scene::SavedState saved(cr);
            cairo_set_source_rgba(cr, 0, 0, 0, 0.35);
            cairo_set_line_width(cr, g_.gap / 28);
            cairo_rectangle(cr, left, top, w, h);
            cairo_stroke(cr);
        }
        const double label_y = y + g_.cell_h + g_.gap / 3;
        const double name_h = text_.draw(cr, x, label_y, g_.cell_w, item.name, g_.name_size, {0.1, 0.1, 0.1}, true);
        text_.draw(cr, x, label_y + name_h, g_.cell_w, sheet_detail(item), g_.detail_size, {0.4, 0.4, 0.4});
    }

private:
    const SheetGeometry& g_;
    const SheetText& text_;
    double px_per_unit_;
    std::unique_ptr<PdfPages> pdf_;
};

void draw_sheet_header(cairo_t* cr, const SheetGeometry& g, const SheetText& text, const std::string& title,
                       const std::string& subtitle) {
    const double h = text.draw(cr, g.margin, g.margin, g.width - 2 * g.margin, title, g.title_size, {0.1, 0.1, 0.1},
                               true);
    text.draw(cr, g.margin, g.margin + h, g.width - 2 * g.margin, subtitle, g.name_size, {0.4, 0.4, 0.4});
}

std::string tile_count_text(const std::vector<SheetItem>& items) {
    int pdf_pages = 0, pictures = 0;
    for (const auto& it : items) (it.kind == SheetItemKind::PdfPage ? pdf_pages : pictures)++;
    return std::to_string(items.size()) + " tiles: " + std::to_string(pdf_pages) + " PDF pages, " +
           std::to_string(pictures) + " pictures";
}

void check_sheet_options(const SheetOptions& o) {
    if (o.columns < 1 || o.columns > 50) fail_input({"--columns"}, "columns must be 1..50");
    if (o.tile_px < 32 || o.tile_px > 2000) fail_input({"--tile"}, "tile width must be 32..2000 pixels");
}

}  // namespace

std::vector<SheetItem> collect_sheet_items(const std::vector<std::string>& inputs) {
    std::vector<SheetItem> items;
    for (const auto& input : inputs) {
        const fs::path path(input);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            add_sheet_directory(items, path);
        } else if (!fs::exists(path, ec)) {
            fail_input({input}, "no such file or directory");
        } else if (sheet_file_kind(path) == SheetFileKind::Other) {
            fail_input({input}, "not a PDF, PNG or JPEG (for a video, name the .jpg thumbnail koho video writes beside it)");
        } else {
            add_sheet_file(items, path, input);
        }
    }
    if (items.empty()) fail_input({inputs.empty() ? std::string(".") : inputs.front()}, "no PDF, PNG or JPEG to show");
    return items;
}

std::string contact_sheet_png(const std::vector<SheetItem>& items, const SheetOptions& options,
                              const SheetText& text) {
    check_sheet_options(options);
    SheetGeometry g;
    g.columns = std::min<int>(options.columns, static_cast<int>(items.size()));
    g.cell_w = options.tile_px;
    g.cell_h = std::round(g.cell_w * cell_aspect(items));
    g.margin = 40;
    g.gap = 28;
    g.name_size = 14;
    g.detail_size = 12;
    g.title_size = 24;
    g.label_h = 44;
    g.header = 76;
    g.width = 2 * g.margin + g.columns * g.cell_w + (g.columns - 1) * g.gap;
    const int rows = (static_cast<int>(items.size()) + g.columns - 1) / g.columns;
    const double height = 2 * g.margin + g.header + rows * g.row_h() - g.gap;
    scene::SurfacePtr sheet(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(g.width),
                                                       static_cast<int>(std::ceil(height))));
    if (cairo_surface_status(sheet.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot make a contact sheet that large; use fewer columns or a smaller --tile");
    scene::CairoPtr cr(cairo_create(sheet.get()));
    cairo_set_source_rgb(cr.get(), 0.925, 0.925, 0.925);  // a light grey table, so white paper shows
    cairo_paint(cr.get());
    draw_sheet_header(cr.get(), g, text, options.title, tile_count_text(items));
    TileDrawer drawer(g, text, 1);
    for (size_t i = 0; i < items.size(); ++i) {
        const int row = static_cast<int>(i) / g.columns, column = static_cast<int>(i) % g.columns;
        drawer.draw(cr.get(), items[i], g.x_of(column), g.margin + g.header + row * g.row_h());
    }
    cairo_surface_flush(sheet.get());
    return raster::encode_png(raster::view_of(sheet.get()), 0);
}

std::string contact_sheet_pdf(const std::vector<SheetItem>& items, const SheetOptions& options,
                              const SheetText& text) {
    check_sheet_options(options);
    constexpr double kA3Long = 420 * kPtPerMm, kA3Short = 297 * kPtPerMm;
    SheetGeometry g;
    g.width = kA3Long;
    g.columns = options.columns;
    g.margin = 12 * kPtPerMm;
    g.gap = 6 * kPtPerMm;
    g.name_size = 7.5;
    g.detail_size = 6.5;
    g.title_size = 14;
    g.label_h = 22;
    g.header = 36;
    g.cell_w = (g.width - 2 * g.margin - (g.columns - 1) * g.gap) / g.columns;
    g.cell_h = g.cell_w * cell_aspect(items);
    const double usable = kA3Short - 2 * g.margin - g.header + g.gap;
    if (g.row_h() > usable) g.cell_h = usable - g.label_h - g.gap;  // one row per page, shrunk to fit
    const int rows = std::max(1, static_cast<int>(usable / g.row_h()));
    const int per_page = rows * g.columns;
    const int sheets = (static_cast<int>(items.size()) + per_page - 1) / per_page;

    const auto epoch = source_date_epoch();
    std::string bytes;
    {
        scene::SurfacePtr surface =
            print::detail::create_pdf_surface(bytes, kA3Long, kA3Short, options.title, "koho", epoch);
        scene::CairoPtr cr(cairo_create(surface.get()));
        // Pictures at 200 dpi: sharp on paper, small in the file.
        TileDrawer drawer(g, text, 200.0 / 72);
        for (int s = 0; s < sheets; ++s) {
            draw_sheet_header(cr.get(), g, text, options.title,
                              tile_count_text(items) + " · sheet " + std::to_string(s + 1) + " / " +
                                  std::to_string(sheets));
            for (int k = 0; k < per_page; ++k) {
                const size_t i = static_cast<size_t>(s) * per_page + k;
                if (i >= items.size()) break;
                drawer.draw(cr.get(), items[i], g.x_of(k % g.columns), g.margin + g.header + (k / g.columns) * g.row_h());
            }
            cairo_show_page(cr.get());
        }
        cr.reset();
        cairo_surface_finish(surface.get());
        print::detail::check_cairo(cairo_surface_status(surface.get()), "writing the contact sheet");
    }
    // Through qpdf as koho's other PDFs: its dates are SOURCE_DATE_EPOCH's
    // or none, its /ID derived from the content.
    QPDF pdf;
    print::detail::load_cairo_pdf(pdf, bytes, static_cast<size_t>(sheets));
    print::detail::set_info(pdf, options.title, "koho", epoch);
    return print::detail::write_deterministic(pdf, true);
}

}  // namespace koho::proof
