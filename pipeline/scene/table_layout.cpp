#include "scene/table_layout.h"

#include <deque>
#include <numeric>

#include "core/units.h"
#include "scene/text_flow.h"

namespace koho::scene {
namespace {

// Cells are set with room for all their lines; the row grows to fit.
constexpr double kUnboundedPt = 1e5;

std::string paragraph_text(const model::Paragraph& paragraph) {
    std::string text;
    for (const auto& span : paragraph.spans) text += span.text;
    return text;
}

double padding_across(const model::TableCell& cell) { return cell.padding_pt[1] + cell.padding_pt[3]; }
double padding_along(const model::TableCell& cell) { return cell.padding_pt[0] + cell.padding_pt[2]; }

// Cell alignment over the paragraph style: styles derived once per
// (style, alignment) and kept alive while the table is set.
class AlignedStyles {
public:
    const model::Style* get(const model::Style* style, model::CellAlign align) {
        if (!style || align == model::CellAlign::Style) return style;
        model::Align wanted = align == model::CellAlign::Start    ? model::Align::Start
                              : align == model::CellAlign::Center ? model::Align::Center
                                                                  : model::Align::End;  // End, Decimal
        if (style->align == wanted && style->last_line_align == wanted) return style;
        auto [found, inserted] = cache_.try_emplace({style, wanted}, nullptr);
        if (inserted) {
            model::Style derived = *style;
            derived.align = wanted;
            derived.last_line_align = wanted;
            found->second = &styles_.emplace_back(std::move(derived));
        }
        return found->second;
    }

    model::Story apply(model::Story story, model::CellAlign align) {
        for (auto& paragraph : story.paragraphs) paragraph.style = get(paragraph.style, align);
        return story;
    }

private:
    std::deque<model::Style> styles_;
    std::map<std::pair<const model::Style*, model::Align>, const model::Style*> cache_;
};

// The first paragraph of `story` from its integer part's end on: what
// stands right of the decimal point (the point included). Empty when there
// is no number or nothing after it.
model::Story fraction_of(const model::Story& story) {
    model::Story fraction;
    if (story.paragraphs.empty()) return fraction;
    const model::Paragraph& first = story.paragraphs.front();
    size_t split = decimal_split_offset(paragraph_text(first));
    if (split == std::string::npos) return fraction;
    model::Paragraph tail;
    tail.style = first.style;
    tail.loc = first.loc;
    size_t at = 0;
    for (const auto& span : first.spans) {
        size_t end = at + span.text.size();
        if (end > split) {
            model::Span part = span;
            if (at < split) {
                part.text = span.text.substr(split - at);
                part.ruby.clear();  // ruby belongs to the whole base; the part is measured bare
            }
            tail.spans.push_back(std::move(part));
        }
        at = end;
    }
    if (!tail.spans.empty()) fraction.paragraphs.push_back(std::move(tail));
    return fraction;
}

struct Utf8Char {
    char32_t c = 0;
    size_t at = 0;
};

std::vector<Utf8Char> decode(const std::string& text) {
    std::vector<Utf8Char> chars;
    for (size_t i = 0; i < text.size();) {
        unsigned char b = static_cast<unsigned char>(text[i]);
        size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
        char32_t c = length == 1 ? b : b & (0xFF >> (length + 1));
        for (size_t k = 1; k < length && i + k < text.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        chars.push_back({c, i});
        i += length;
    }
    return chars;
}

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool is_group_separator(char32_t c) { return c == U',' || c == U'，'; }

}  // namespace

size_t decimal_split_offset(const std::string& text) {
    std::vector<Utf8Char> chars = decode(text);
    size_t i = 0;
    while (i < chars.size() && !is_digit(chars[i].c)) ++i;
    if (i == chars.size()) return std::string::npos;
    while (i < chars.size()) {
        if (is_digit(chars[i].c))
            ++i;
        else if (is_group_separator(chars[i].c) && i + 1 < chars.size() && is_digit(chars[i + 1].c))
            i += 2;
        else
            break;
    }
    // At the decimal point, or at whatever follows the digits (the fraction part is then empty of digits).
    return i < chars.size() ? chars[i].at : text.size();
}

double TableLayout::width_pt() const { return std::accumulate(column_widths.begin(), column_widths.end(), 0.0); }

std::vector<double> TableLayout::column_edges() const {
    std::vector<double> edges{0};
    for (double w : column_widths) edges.push_back(edges.back() + w);
    return edges;
}

TableLayout lay_out_table(const model::TableContent& table, double width_pt, const SourceLoc& frame_loc,
                          const std::string& frame_name, TextSetter& setter,
                          const std::map<std::string, std::string>& late_values) {
    TableLayout layout;
    while (layout.header_rows < table.rows.size() && table.rows[layout.header_rows].header) ++layout.header_rows;

    // Stories with the cells' alignment, and what each fraction is wide.
    AlignedStyles styles;
    std::vector<model::Story> stories;
    std::vector<double> fractions;
    std::map<size_t, double> widest_fraction;  // by column
    for (size_t r = 0; r < table.rows.size(); ++r)
        for (const model::TableCell& cell : table.rows[r].cells) {
            if (cell.column + static_cast<size_t>(std::max(1, cell.col_span)) > table.columns.size())
                fail_system(cell.loc, "table cell lies outside the table's " + std::to_string(table.columns.size()) +
                                          " columns");
            TableCellLayout placed;
            placed.cell = &cell;
            placed.row = r;
            placed.column = cell.column;
            placed.col_span = static_cast<size_t>(std::max(1, cell.col_span));
            placed.row_span = static_cast<size_t>(std::max(1, cell.row_span));
            layout.cells.push_back(std::move(placed));
            // Header cells are labels: a decimal column's default leaves
            // them as their (header) style aligns them.
            model::CellAlign align = cell.align;
            if (align == model::CellAlign::Decimal && table.rows[r].header) align = model::CellAlign::Style;
            stories.push_back(styles.apply(resolve_story(cell.story, late_values), align));
            double fraction = -1;  // not decimal-aligned
            if (align == model::CellAlign::Decimal) {
                model::Story tail = fraction_of(stories.back());
                fraction = tail.paragraphs.empty() ? 0 : setter.measure(tail, model::Writing::Horizontal).max_pt;
                widest_fraction[cell.column] = std::max(widest_fraction[cell.column], fraction);
            }
            fractions.push_back(fraction);
        }

    std::vector<CellWidthNeed> width_needs;
    for (size_t i = 0; i < layout.cells.size(); ++i) {
        TableCellLayout& placed = layout.cells[i];
        if (fractions[i] >= 0) placed.decimal_pad_pt = widest_fraction[placed.column] - fractions[i];
        text::ContentWidths widths;
        if (!stories[i].paragraphs.empty()) widths = setter.measure(stories[i], model::Writing::Horizontal);
        double extra = padding_across(*placed.cell) + placed.decimal_pad_pt;
        width_needs.push_back({placed.column, placed.col_span, widths.min_pt + extra, widths.max_pt + extra});
    }
    layout.column_widths = table_column_widths(table.columns, width_needs, width_pt, frame_loc, frame_name);
    std::vector<double> edges = layout.column_edges();

    std::vector<CellHeightNeed> height_needs;
    for (size_t i = 0; i < layout.cells.size(); ++i) {
        TableCellLayout& placed = layout.cells[i];
        const model::TableCell& cell = *placed.cell;
        double across = edges[placed.column + placed.col_span] - edges[placed.column];
        double inner = across - padding_across(cell) - placed.decimal_pad_pt;
        if (!stories[i].paragraphs.empty()) {
            if (inner <= 0)
                fail_input(cell.loc, "no room for this cell's text: its column is " + format_mm(across) +
                                         " wide and the cell's padding takes " +
                                         format_mm(padding_across(cell) + placed.decimal_pad_pt) +
                                         " (widen the column or reduce \"padding\")");
            text::FrameGeometry geometry;
            geometry.width_pt = inner;
            geometry.height_pt = kUnboundedPt;
            geometry.writing = model::Writing::Horizontal;
            text::FrameFill fill = setter.fill(stories[i], {0, 0}, geometry);
            if (!fill.story_done)
                fail_input(cell.loc, "the text of this cell could not be set in its column (" +
                                         std::to_string(setter.count_characters(stories[i], fill.end)) +
                                         " characters left over)");
            placed.text = std::move(fill.text);
            placed.text_height_pt = fill.used_extent_pt;
        }
        height_needs.push_back({placed.row, placed.row_span, placed.text_height_pt + padding_along(cell)});
    }
    std::vector<double> min_heights;
    for (const auto& row : table.rows) min_heights.push_back(row.min_height_pt);
    layout.row_heights = table_row_heights(min_heights, height_needs);
    layout.body_groups = table_row_groups(layout.header_rows, table.rows.size(), height_needs);
    return layout;
}

}  // namespace koho::scene
