// `koho typeset`: sets a piece of text with the JLReq engine and reports
// the lines (--json, the format of ../shared/jlreq/README.md) or draws them
// on an em grid (--png). The test bench for the text engine.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/deps_flag.h"
#include "core/atomic_file.h"
#include "core/build_info.h"
#include "core/data_dir.h"
#include "core/diagnostic.h"
#include "model/markup.h"
#include "text/typesetter.h"

namespace koho::cli {

namespace {

struct TypesetOptions {
    std::string text;
    double width_em = 0;
    std::string kinsoku = "strict";
    bool hanging = true;
    double indent_em = 0;
    std::string font = "Noto Sans CJK JP";
    double size = 10;
    std::string writing = "horizontal";
    bool json = false;
    std::string png;
    std::string deps;
    std::vector<std::string> font_dirs;
};

// The layout markup ({base|ruby}, **strong**, 《《bouten》》, [[tcy]], "\n"
// between paragraphs, "\" escapes) so that cases can be written as layouts
// write them; errors point into the option's text. No variables: there is
// no "vars" here and no page.
std::vector<model::Paragraph> read_markup(const std::string& text, const model::Style* style) {
    const SourceLoc origin{"<--text>"};
    std::vector<model::Paragraph> paragraphs;
    for (auto& spans : model::parse_markup(text, model::MarkupContext{nullptr, false}, origin)) {
        model::Paragraph& paragraph = paragraphs.emplace_back();
        paragraph.style = style;
        paragraph.spans = std::move(spans);
        paragraph.loc = origin;
    }
    return paragraphs;
}

model::Kinsoku parse_kinsoku(const std::string& s) {
    if (s == "strict") return model::Kinsoku::Strict;
    if (s == "normal") return model::Kinsoku::Normal;
    return model::Kinsoku::Loose;
}

std::vector<std::filesystem::path> font_dirs(const TypesetOptions& o) {
    std::vector<std::filesystem::path> dirs;
    for (const auto& d : o.font_dirs) {
        if (!std::filesystem::is_directory(d)) fail_input({"--font-dir"}, "font directory not found: " + d);
        dirs.emplace_back(d);
    }
    if (dirs.empty()) {
        dirs.emplace_back(shipped_data_dir() / "fonts");
        std::error_code ec;
        if (std::filesystem::is_directory("fonts", ec) && !std::filesystem::equivalent("fonts", dirs.front(), ec))
            dirs.emplace_back("fonts");
    }
    return dirs;
}

struct SurfaceFree {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

// Draws the set text on an em grid (the measure outlined in red).
void write_png(const std::string& file, const text::FrameFill& fill, double width_pt, double height_pt,
               double em, bool vertical) {
    const double scale = 4, margin = 2 * em;
    const int w = static_cast<int>(std::ceil((width_pt + 2 * margin) * scale));
    const int h = static_cast<int>(std::ceil((height_pt + 2 * margin) * scale));
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    cairo_translate(cr.get(), margin, margin);
    cairo_set_line_width(cr.get(), 0.1);
    cairo_set_source_rgb(cr.get(), 0.75, 0.85, 1);
    for (double x = 0; x <= width_pt + 1e-6; x += em) {
        cairo_move_to(cr.get(), x, 0);
        cairo_line_to(cr.get(), x, height_pt);
    }
    for (double y = 0; y <= height_pt + 1e-6; y += em) {
        cairo_move_to(cr.get(), 0, y);
        cairo_line_to(cr.get(), width_pt, y);
    }
    cairo_stroke(cr.get());
    cairo_set_source_rgb(cr.get(), 0.9, 0.2, 0.2);
    cairo_set_line_width(cr.get(), 0.3);
    cairo_rectangle(cr.get(), 0, 0, width_pt, height_pt);
    cairo_stroke(cr.get());
    for (const auto& run : fill.text.runs) {
        cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run.font.get()));
        cairo_set_scaled_font(cr.get(), font);
        cairo_set_font_size(cr.get(), run.size_pt);
        cairo_set_source_rgba(cr.get(), run.color.rgb.r, run.color.rgb.g, run.color.rgb.b, run.color.alpha);
        for (const auto& g : run.glyphs) {
            cairo_save(cr.get());
            cairo_translate(cr.get(), g.x, g.y);
            cairo_rotate(cr.get(), run.rotation_deg * M_PI / 180);
            cairo_glyph_t glyph{g.id, 0, 0};
            cairo_show_glyphs(cr.get(), &glyph, 1);
            cairo_restore(cr.get());
        }
    }
    (void)vertical;
    cairo_surface_flush(surface.get());
    AtomicFile out(file);
    if (cairo_surface_write_to_png(surface.get(), out.temp_path().c_str()) != CAIRO_STATUS_SUCCESS)
        fail_system({file}, "cannot write PNG");
    out.commit();
}

void run_typeset(const TypesetOptions& o) {
    if (!(o.width_em > 0)) fail_input({"--width-em"}, "--width-em must be positive");
    if (!(o.size > 0)) fail_input({"--size"}, "--size must be positive");
    if (!o.deps.empty() && o.png.empty()) fail_input({"--deps"}, "--deps needs --png: the depfile names the PNG");
    // The font files the lines are set in are the PNG's dependencies.
    DepsRecorder deps(o.deps, nullptr);
    auto fonts = text::FontContext::create(font_dirs(o));
    model::Style style;
    style.name = "typeset";
    style.font_family = o.font;
    style.font_loc = {"--font"};
    style.size_pt = o.size;
    style.align = model::Align::Justify;
    style.last_line_align = model::Align::Start;
    style.indent_em = o.indent_em;
    style.kinsoku = parse_kinsoku(o.kinsoku);
    style.hanging = o.hanging;
    model::Story story;
    story.paragraphs = read_markup(o.text, &style);

    text::Typesetter typesetter(fonts);
    const bool vertical = o.writing == "vertical";
    text::FrameGeometry frame;
    frame.writing = vertical ? model::Writing::Vertical : model::Writing::Horizontal;
    const double measure = o.width_em * o.size;
    const double unbounded = 1e7;
    frame.width_pt = vertical ? unbounded : measure;
    frame.height_pt = vertical ? measure : unbounded;
    text::FrameFill fill = typesetter.fill(story, {}, frame);
    if (vertical) {  // set again in a frame exactly as wide as the lines need
        frame.width_pt = std::max(fill.used_extent_pt, o.size);
        fill = typesetter.fill(story, {}, frame);
    }
    if (!fill.story_done) fail_system({}, "text did not fit an unbounded frame");

    if (!o.png.empty()) {
        write_png(o.png, fill, frame.width_pt, vertical ? measure : std::max(fill.used_extent_pt, o.size), o.size,
                  vertical);
        deps.finish({o.png});
    }
    if (o.json) {
        nlohmann::ordered_json lines = nlohmann::ordered_json::array();
        for (const auto& line : fill.lines) {
            nlohmann::ordered_json j;
            j["text"] = line.text;
            j["hanging"] = line.hanging;
            j["width_em"] = std::round(line.width_pt / line.em_pt * 10000) / 10000;
            lines.push_back(j);
        }
        nlohmann::ordered_json doc;
        doc["lines"] = lines;
        std::cout << doc.dump() << '\n';
    } else if (o.png.empty()) {
        for (const auto& line : fill.lines) std::cout << line.text << (line.hanging ? "  (hanging)" : "") << '\n';
    }
}

}  // namespace

void add_typeset_command(CLI::App& app) {
    auto options = std::make_shared<TypesetOptions>();
    auto* cmd = app.add_subcommand("typeset", "Set Japanese text to JLReq and report or draw the lines");
    cmd->add_option("--text", options->text, "Text to set (layout markup: {base|ruby}, **strong**, 《《bouten》》, [[tcy]])")->required();
    cmd->add_option("--width-em", options->width_em, "Measure in ems of the font size")->required();
    cmd->add_option("--kinsoku", options->kinsoku, "Kinsoku level")
        ->check(CLI::IsMember({"strict", "normal", "loose"}));
    cmd->add_flag("--hanging,!--no-hanging", options->hanging, "Hang 、。 at line ends (burasagari)");
    cmd->add_option("--indent-em", options->indent_em, "First-line indent in em");
    cmd->add_option("--font", options->font, "Font family");
    cmd->add_option("--size", options->size, "Font size in points");
    cmd->add_option("--writing", options->writing, "Writing mode")
        ->check(CLI::IsMember({"horizontal", "vertical"}));
    cmd->add_flag("--json", options->json, "Print the lines as JSON");
    cmd->add_option("--png", options->png, "Draw the lines on an em grid into this PNG");
    cmd->add_option("--font-dir", options->font_dirs, "Font directory (instead of the project's fonts/)");
    add_deps_flag(*cmd, options->deps);
    cmd->callback([options] { run_typeset(*options); });
}

}  // namespace koho::cli
