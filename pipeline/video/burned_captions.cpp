// Burned-in SubRip captions (see burned_captions.h): a model::Document
// built in code, one page per caption holding one text frame in the
// caption area, composed once by scene::compose and drawn by scene::render.
#include "video/burned_captions.h"

#include <cairo.h>

#include <algorithm>

#include "core/diagnostic.h"
#include "model/timeline.h"
#include "raster/image_loader.h"
#include "scene/cairo_ptr.h"
#include "scene/compose.h"
#include "scene/render.h"
#include "text/font_context.h"

namespace koho::video {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        if (nl > pos) lines.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return lines;
}

}  // namespace

struct BurnedCaptions::Impl {
    std::vector<model::Caption> captions;
    model::Document document;
    std::vector<scene::PageScene> pages;
    int width = 0, height = 0;
    double band_x = 0, band_y = 0, band_w = 0, band_h = 0;  // px: where caption ink can be
    scene::SurfacePtr layer;                                  // the caption drawn last, full frame
    size_t layer_caption = SIZE_MAX;
    size_t hint = 0;                                          // where the last lookup ended

    // The caption on screen at `t`, or SIZE_MAX. Frames ask in order, so the
    // search starts where the last one ended.
    size_t caption_at(double t) {
        if (hint >= captions.size() || captions[hint].start_s > t) hint = 0;
        while (hint < captions.size() && captions[hint].end_s <= t) ++hint;
        if (hint < captions.size() && captions[hint].start_s <= t) return hint;
        return SIZE_MAX;
    }

    void render_layer(size_t index) {
        if (!layer) {
            layer.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
            if (cairo_surface_status(layer.get()) != CAIRO_STATUS_SUCCESS)
                fail_system({document.file}, "cannot allocate the caption layer");
        }
        scene::CairoPtr cr(cairo_create(layer.get()));
        cairo_set_operator(cr.get(), CAIRO_OPERATOR_CLEAR);
        cairo_paint(cr.get());
        cairo_set_operator(cr.get(), CAIRO_OPERATOR_OVER);
        cairo_scale(cr.get(), 1 / model::kPtPerPx, 1 / model::kPtPerPx);
        scene::render(cr.get(), pages[index]);
        cairo_surface_flush(layer.get());
        layer_caption = index;
    }
};

BurnedCaptions::BurnedCaptions(const std::vector<model::Caption>& captions, const std::string& file, int width,
                               int height, text::Typesetter& typesetter)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.captions = captions;
    m.width = width;
    m.height = height;
    if (captions.empty()) return;

    model::Document& doc = m.document;
    doc.file = file;
    doc.page.trim_w_pt = width * model::kPtPerPx;
    doc.page.trim_h_pt = height * model::kPtPerPx;
    doc.page.marks = model::Marks::None;
    const SourceLoc file_loc{file};
    auto [it, inserted] = doc.styles.emplace("caption", model::builtin_caption_style(doc.page.trim_h_pt, file_loc));
    const model::Style* style = &it->second;
    doc.families_used.emplace(style->font_family, file_loc);
    text::require_family(typesetter.fonts(), style->font_family, file_loc);
    // The timelines' caption look and place (model/timeline.h).
    const model::Box box = model::default_caption_box(doc.page.trim_w_pt, doc.page.trim_h_pt, *style);

    for (const model::Caption& caption : captions) {
        model::TextContent text;
        text.vertical_align = model::VerticalAlign::End;
        text.overflow = model::Overflow::Error;
        for (const std::string& line : lines_of(caption.text)) {
            model::Paragraph paragraph;
            paragraph.style = style;
            paragraph.loc = caption.loc;
            model::Span span;
            span.text = line;
            paragraph.spans.push_back(std::move(span));
            text.story.paragraphs.push_back(std::move(paragraph));
        }
        model::Frame frame;
        frame.loc = caption.loc;
        frame.box = box;
        frame.style = style;
        frame.content = std::move(text);
        model::Page page;
        page.loc = caption.loc;
        page.frames.push_back(std::move(frame));
        doc.pages.push_back(std::move(page));
    }

    try {
        m.pages = scene::compose(doc, typesetter, raster::make_cached_image_loader());
    } catch (const Error& e) {
        const std::string& message = e.message();
        const std::string prefix = "overset text: ";
        if (e.kind() != ErrorKind::BadInput || message.rfind(prefix, 0) != 0) throw;
        const size_t end = message.find(" did not fit");
        const std::string count = message.substr(prefix.size(), end - prefix.size());
        fail_input(e.loc(), "this caption does not fit the caption area (two lines across the middle 80 % of the "
                            "frame): " + count + " did not fit; split it into shorter cues");
    }

    // Caption ink stays near its box: the outline and descenders reach a
    // little outside. Painting only this band keeps the per-frame cost low.
    const double px = 1 / model::kPtPerPx;
    m.band_x = std::max(0.0, (box.x - 0.05 * doc.page.trim_w_pt) * px);
    m.band_y = std::max(0.0, (box.y - box.h / 2) * px);
    m.band_w = std::min(double(width) - m.band_x, (box.w + 0.1 * doc.page.trim_w_pt) * px);
    m.band_h = std::min(double(height) - m.band_y, box.h * 2 * px);
}

BurnedCaptions::~BurnedCaptions() = default;

void BurnedCaptions::draw(cairo_t* cr, double t_s) {
    Impl& m = *impl_;
    const size_t index = m.caption_at(t_s);
    if (index == SIZE_MAX) return;
    if (index != m.layer_caption) m.render_layer(index);
    scene::SavedState saved(cr);
    cairo_rectangle(cr, m.band_x, m.band_y, m.band_w, m.band_h);
    cairo_clip(cr);
    cairo_set_source_surface(cr, m.layer.get(), 0, 0);
    cairo_paint(cr);
}

}  // namespace koho::video
