#include "scene/columns.h"

#include <algorithm>

namespace koho::scene {
namespace {

bool vertical(const model::TextContent& text) { return text.writing == model::Writing::Vertical; }

int column_count(const model::TextContent& text) { return std::max(1, text.columns); }

// The length of one column across the columns (a column's width, or a
// tier's height) when the inner box's `span` holds them with their gutters.
double column_span(double span, const model::TextContent& text) {
    int n = column_count(text);
    return (span - (n - 1) * std::max(0.0, text.gutter_pt)) / n;
}

}  // namespace

std::vector<Rect> column_boxes(const Rect& inner, const model::TextContent& text) {
    int n = column_count(text);
    if (n == 1) return {inner};
    double gutter = std::max(0.0, text.gutter_pt);
    std::vector<Rect> boxes;
    boxes.reserve(n);
    if (vertical(text)) {
        double tier = std::max(0.0, column_span(inner.h, text));
        for (int i = 0; i < n; ++i) boxes.push_back({inner.x, inner.y + i * (tier + gutter), inner.w, tier});
    } else {
        double column = std::max(0.0, column_span(inner.w, text));
        for (int i = 0; i < n; ++i) boxes.push_back({inner.x + i * (column + gutter), inner.y, column, inner.h});
    }
    return boxes;
}

std::vector<ShapeItem> column_rules(const Rect& inner, const model::TextContent& text) {
    std::vector<ShapeItem> rules;
    int n = column_count(text);
    if (n == 1 || !text.column_rule || text.column_rule->width_pt <= 0) return rules;
    double gutter = std::max(0.0, text.gutter_pt);
    StrokeStyle stroke{text.column_rule->color, text.column_rule->width_pt, text.column_rule->dash_pt};
    for (int i = 1; i < n; ++i) {
        ShapeItem rule;
        rule.kind = ShapeKind::Line;
        rule.stroke = stroke;
        if (vertical(text)) {
            double y = inner.y + i * column_span(inner.h, text) + (i - 0.5) * gutter;
            rule.x1 = inner.x;
            rule.x2 = inner.x + inner.w;
            rule.y1 = rule.y2 = y;
        } else {
            double x = inner.x + i * column_span(inner.w, text) + (i - 0.5) * gutter;
            rule.x1 = rule.x2 = x;
            rule.y1 = inner.y;
            rule.y2 = inner.y + inner.h;
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

}  // namespace koho::scene
