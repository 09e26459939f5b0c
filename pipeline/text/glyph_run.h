// What the text engine returns: positioned glyphs, never pixels. The scene
// renderer draws them on any Cairo surface (PDF, PNG proof, video frame).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/color.h"

typedef struct _PangoFont PangoFont;

namespace koho::text {

// A reference-counted PangoFont (g_object_ref / g_object_unref).
class FontRef {
public:
    FontRef() = default;
    explicit FontRef(PangoFont* font);  // takes a new reference
    FontRef(const FontRef& other);
    FontRef& operator=(const FontRef& other);
    ~FontRef();
    PangoFont* get() const { return font_; }

private:
    PangoFont* font_ = nullptr;
};

struct PositionedGlyph {
    uint32_t id = 0;
    // Where Cairo must put the glyph's (horizontal) origin, in points,
    // relative to the frame's top-left corner, y downwards — already
    // adjusted for vertical metrics when the run is upright in vertical text.
    double x = 0, y = 0;
};

// One cluster: `bytes` of the run's UTF-8 map to `glyphs` glyphs (for
// cairo_show_text_glyphs, so PDF text extracts as Unicode).
struct Cluster {
    int bytes = 0;
    int glyphs = 0;
};

// 縁取り: the run's glyph outlines stroked (round joins) under their fill.
struct GlyphOutline {
    Color color;
    double width_pt = 1;
};

struct GlyphRun {
    FontRef font;
    double size_pt = 10;
    Color color;
    // Rotation in degrees clockwise about each glyph's origin: 0 for
    // horizontal text and upright CJK in vertical text, 90 for Latin set
    // sideways in vertical text.
    double rotation_deg = 0;
    // 長体/平体: the glyphs' scale across their own upright x axis (1: as
    // designed); positions already account for the changed advances.
    double scale_x = 1;
    std::optional<GlyphOutline> outline;
    std::vector<PositionedGlyph> glyphs;
    std::string utf8;
    std::vector<Cluster> clusters;
};

// A filled rectangle the text engine asks for (underline, ruby guide, …).
struct TextRule {
    double x = 0, y = 0, w = 0, h = 0;
    Color color;
};

struct SetText {
    std::vector<GlyphRun> runs;
    std::vector<TextRule> rules;
};

}  // namespace koho::text
