// Glyph runs and underline rules as a line is rendered.
#include "text/run_builder.h"

#include <algorithm>
#include <cmath>

namespace koho::text {

namespace {
bool same_outline(const std::optional<GlyphOutline>& a, const std::optional<model::TextOutline>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->color == b->color && a->width_pt == b->width_pt);
}
}  // namespace

void RunBuilder::begin(const FontRef& font, double size, const Color& color, double rotation, double scale_x,
                       const std::optional<model::TextOutline>& outline) {
    if (current_ && current_->font.get() == font.get() && current_->size_pt == size && current_->color == color &&
        current_->rotation_deg == rotation && current_->scale_x == scale_x && same_outline(current_->outline, outline))
        return;
    out_.runs.emplace_back();
    current_ = &out_.runs.back();
    current_->font = font;
    current_->size_pt = size;
    current_->color = color;
    current_->rotation_deg = rotation;
    current_->scale_x = scale_x;
    if (outline) current_->outline = GlyphOutline{outline->color, outline->width_pt};
}

void RunBuilder::cluster(char32_t c, int glyphs) {
    const size_t before = current_->utf8.size();
    append_utf8(current_->utf8, c);
    current_->clusters.push_back({static_cast<int>(current_->utf8.size() - before), glyphs});
}

void UnderlineBuilder::add(const SpanLook& look, double from, double to) {
    if (!look.underline) {
        close();
        return;
    }
    const model::Underline& u = *look.underline;
    const double size = look.size_pt;
    const double thickness = u.width_pt > 0 ? u.width_pt : size / 20;
    const double offset = u.offset_pt != 0 ? u.offset_pt : 0.12 * size;
    TextRule r;
    r.color = u.color ? *u.color : look.color;
    if (!vertical_) {
        // Its top edge `offset` below the (shifted) baseline.
        r.x = from, r.w = to - from;
        r.y = cross_ - look.shift_pt + offset, r.h = thickness;
    } else {
        // A side line: its left edge `offset` right of the column's em box.
        r.y = from, r.h = to - from;
        r.x = cross_ + look.shift_pt + size / 2 + offset, r.w = thickness;
    }
    const bool continues = open_ && rule_.color == r.color &&
                           (vertical_ ? rule_.x == r.x && rule_.w == r.w : rule_.y == r.y && rule_.h == r.h);
    if (continues) {
        if (vertical_) rule_.h = std::max(rule_.h, to - rule_.y);
        else rule_.w = std::max(rule_.w, to - rule_.x);
        return;
    }
    close();
    rule_ = r;
    open_ = true;
}

void UnderlineBuilder::close() {
    if (open_ && (vertical_ ? rule_.h : rule_.w) > 0) out_.rules.push_back(rule_);
    open_ = false;
}

}  // namespace koho::text
