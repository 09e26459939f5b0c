// Test helper: timelines built by hand in C++, as model::load_timeline
// would leave them (canvas pages of the frame's size, one frame each;
// layers naming their page; scene starts and layer ends filled in).
#pragma once

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/timeline.h"

namespace koho::video::testing {

inline double pt(double px) { return px * model::kPtPerPx; }
inline model::Box box_px(double x, double y, double w, double h) { return {pt(x), pt(y), pt(w), pt(h)}; }

class TimelineBuilder {
public:
    TimelineBuilder(int w, int h, model::FrameRate fps = {30, 1}) {
        tl.width_px = w;
        tl.height_px = h;
        tl.fps = fps;
        tl.canvas.page.trim_w_pt = pt(w);
        tl.canvas.page.trim_h_pt = pt(h);
        tl.background = Color::from_rgb(1, 1, 1);
    }

    // Adds a scene after the last one (its start: the previous start +
    // duration − the previous transition) and returns it.
    model::Scene& scene(double duration_s, std::optional<Color> background = std::nullopt) {
        model::Scene s;
        s.id = "scene" + std::to_string(tl.scenes.size());
        if (!tl.scenes.empty()) {
            const auto& prev = tl.scenes.back();
            s.start_s = prev.start_s + prev.duration_s - (prev.transition ? prev.transition->duration_s : 0);
        }
        s.duration_s = duration_s;
        s.background = background;
        tl.scenes.push_back(std::move(s));
        tl.duration_s = tl.scenes.back().start_s + duration_s;
        return tl.scenes.back();
    }

    // A canvas page holding `frame`; returns its index.
    size_t page(model::Frame frame) {
        model::Page p;
        p.frames.push_back(std::move(frame));
        tl.canvas.pages.push_back(std::move(p));
        return tl.canvas.pages.size() - 1;
    }

    model::Layer rect(const model::Box& box, const Color& fill, double end_s) {
        model::Frame frame;
        frame.box = box;
        model::ShapeContent shape;
        shape.fill = fill;
        frame.content = shape;
        return layer(model::Layer::Kind::Rect, box, page(std::move(frame)), end_s);
    }

    model::Layer image(const model::Box& box, const std::filesystem::path& file, double end_s,
                       model::Fit fit = model::Fit::Cover) {
        model::Frame frame;
        frame.box = box;
        model::ImageContent content;
        content.path = file;
        content.src = file.filename().string();
        content.fit = fit;
        frame.content = content;
        return layer(model::Layer::Kind::Image, box, page(std::move(frame)), end_s);
    }

    model::Layer svg(const model::Box& box, const std::filesystem::path& file, double end_s,
                     model::Fit fit = model::Fit::Contain) {
        model::Frame frame;
        frame.box = box;
        model::SvgContent content;
        content.path = file;
        content.src = file.filename().string();
        content.fit = fit;
        frame.content = content;
        return layer(model::Layer::Kind::Svg, box, page(std::move(frame)), end_s);
    }

    const model::Style* style(const std::string& name, double size_pt, const Color& color,
                              const std::string& family = "Noto Sans CJK JP") {
        model::Style s;
        s.name = name;
        s.font_family = family;
        s.size_pt = size_pt;
        s.color = color;
        tl.canvas.families_used[family] = {};
        return &(tl.canvas.styles[name] = s);
    }

    model::Frame text_frame(const model::Box& box, const model::Style* style, const std::string& text) {
        model::Frame frame;
        frame.box = box;
        frame.style = style;
        model::TextContent content;
        model::Paragraph paragraph;
        paragraph.style = style;
        paragraph.spans.push_back({.text = text});
        content.story.paragraphs.push_back(paragraph);
        frame.content = content;
        return frame;
    }

    model::Layer text(const model::Box& box, const model::Style* style, const std::string& text, double end_s) {
        return layer(model::Layer::Kind::Text, box, page(text_frame(box, style, text)), end_s);
    }

    void caption(double start_s, double end_s, const model::Box& box, const model::Style* style,
                 const std::string& text) {
        model::Caption c;
        c.start_s = start_s;
        c.end_s = end_s;
        c.text = text;
        c.page = page(text_frame(box, style, text));
        tl.captions.push_back(c);
    }

    model::Timeline tl;

private:
    static model::Layer layer(model::Layer::Kind kind, const model::Box& box, size_t page, double end_s) {
        model::Layer l;
        l.kind = kind;
        l.box = box;
        l.page = page;
        l.end_s = end_s;
        return l;
    }
};

inline model::Keyframe key(double t_s) {
    model::Keyframe k;
    k.t_s = t_s;
    return k;
}

// A PNG of w × h pixels painted by `paint` (a Cairo context in pixels).
template <class Paint>
void write_png(const std::filesystem::path& file, int w, int h, Paint paint) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(surface);
    paint(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(surface, file.string().c_str());
    cairo_surface_destroy(surface);
}

// A drawn frame's pixels (Cairo ARGB32, opaque).
struct Frame {
    int w = 0, h = 0;
    std::vector<uint8_t> data;
    Frame(int width, int height) : w(width), h(height), data(static_cast<size_t>(width) * height * 4) {}
    int stride() const { return w * 4; }
    uint32_t at(int x, int y) const {
        return *reinterpret_cast<const uint32_t*>(data.data() + static_cast<size_t>(y) * stride() + x * 4);
    }
    int r(int x, int y) const { return (at(x, y) >> 16) & 255; }
    int g(int x, int y) const { return (at(x, y) >> 8) & 255; }
    int b(int x, int y) const { return at(x, y) & 255; }
    int a(int x, int y) const { return at(x, y) >> 24; }
};

}  // namespace koho::video::testing
