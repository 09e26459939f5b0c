// The layout model: what a print layout says, parsed once, validated,
// styles resolved, and immutable afterwards (ARCHITECTURE.md: later stages
// never re-read JSON). Every element keeps the SourceLoc of the JSON value it
// came from, so errors found late (a missing image, an overset frame) still
// point at the line and column the user must change.
//
// All lengths are resolved to PostScript points (1/72 in). Frame coordinates
// are measured from the top-left corner of the trimmed page, y downwards.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.h"
#include "core/diagnostic.h"
#include "core/limits.h"

namespace koho::model {

enum class Writing { Horizontal, Vertical };
enum class Align { Start, Center, End, Justify };
enum class Kinsoku { Strict, Normal, Loose };  // JLReq / CSS line-break levels
enum class VerticalAlign { Start, Center, End };  // of the block in its frame
enum class Overflow { Error, Allow };
enum class Fit { Cover, Contain, Fill };
enum class Marks { Tombo, None };
enum class Binding { Left, Right };  // 左綴じ (横組み) / 右綴じ (縦組み)

// How a print PDF is made (top-level "color" and "pdfx"; docs/format.md).
// The CLI's --color, --profile and --pdfx override these.
struct PrintSettings {
    enum class ColorMode { Cmyk, Rgb } color_mode = ColorMode::Cmyk;
    std::filesystem::path profile;     // resolved against the root; empty: koho's default
    SourceLoc profile_loc;
    double tac_percent = 320;          // total ink limit
    enum class Intent { Perceptual, RelativeColorimetric } intent = Intent::Perceptual;
    bool black_point_compensation = true;
    enum class Pdfx { X4, X1a, None } pdfx = Pdfx::X4;
    SourceLoc loc;                     // the "color" object (or the layout when absent)
};

struct Stroke {
    Color color;
    double width_pt = 0.5;
    std::vector<double> dash_pt;    // on/off lengths; empty: solid
};

// A list paragraph's marker (箇条書き): a bullet, or a number in one of the
// forms Japanese documents use. Lines of the item start at the style's
// start_indent; the marker is set flush-start in the `width` before it (a
// hanging indent), or pushes the first line on when it is wider.
enum class ListKind { None, Bullet, Number };
enum class Numbering {
    Decimal,        // "1." "2."
    Circled,        // ① ② … ⑳, then (21)
    Parenthesised,  // (1) (2)   — set with full-width parentheses （1）
    Kanji,          // 一、 二、 … 十、 十一、
};

struct ListStyle {
    ListKind kind = ListKind::None;
    std::string bullet = "・";      // Bullet: the marker text (・, ●, ■ or any string)
    Numbering numbering = Numbering::Decimal;
    int start = 1;                  // Number: the first item's number
    int level = 1;                  // nesting: a level-1 item restarts the numbers of deeper levels
    double width_pt = 0;            // hanging indent given to the marker; 0: 1 em (bullet), 2 em (number)
    double item_gap_pt = 0;         // between two items of the same list (instead of space_after + space_before)
    std::optional<Color> color;     // marker colour; none: the text colour
};

// 縁取り: glyph outlines stroked under their fill (titles on photos).
struct TextOutline {
    Color color = Color::from_rgb(1, 1, 1);
    double width_pt = 1;            // stroke width (half of it shows outside the glyph)
};

struct Underline {
    std::optional<Color> color;     // none: the text colour
    double width_pt = 0;            // 0: 1/20 em
    double offset_pt = 0;           // below the baseline (horizontal) / right of the column (vertical); 0: 0.12 em
};

// A paragraph/character style with `based_on` already applied: every field
// holds its final value.
struct Style {
    std::string name;
    SourceLoc loc;

    std::string font_family;  // e.g. "Noto Serif CJK JP" (aliases resolved)
    SourceLoc font_loc;       // where that family was named
    int weight = 400;         // 100..900
    double size_pt = 10;
    double leading_pt = 0;    // baseline-to-baseline pitch; 0 = 1.75 × size
    Align align = Align::Start;
    Align last_line_align = Align::Start;  // for justified paragraphs
    double indent_em = 0;     // first-line indent, in em of size_pt
    Color color = Color::from_rgb(0, 0, 0);
    Kinsoku kinsoku = Kinsoku::Strict;
    bool hanging = true;      // burasagari of 、。
    double space_before_pt = 0;
    double space_after_pt = 0;
    double tracking_em = 0;   // added after every character

    // What **strong** text looks like (FORMAT.md: "the style's strong variant").
    int strong_weight = 700;
    std::string strong_font_family;  // empty: same family
    SourceLoc strong_font_loc;       // where that family was named
    std::optional<Color> strong_color;

    int tcy_max_digits = 2;   // tate-chu-yoko for runs of up to N half-width digits

    // Issue 4: paragraph and character attributes.
    double start_indent_pt = 0;     // every line starts this far in (list items, quotes)
    double horizontal_scale = 1;    // 長体 (<1) / 平体 (>1): glyphs scaled along the line, 0.5..2
    double baseline_shift_pt = 0;   // up (horizontal) / right (vertical), points
    std::optional<Underline> underline;
    std::optional<TextOutline> outline;
    ListStyle list;
    bool keep_with_next = false;    // never the last thing in a frame (headings: 泣き別れ)
    int orphans = 1;                // at least this many lines of a paragraph before a frame break
    int widows = 1;                 // … and after it
    int last_line_min_chars = 1;    // 2: no single-character last line (the char moves up or one more comes down)

    double effective_leading_pt() const { return leading_pt > 0 ? leading_pt : size_pt * 1.75; }
};

// A character style ("character_styles" in the layout, used as
// [[name:text]] in markup): only what it sets overrides the paragraph style.
struct CharStyle {
    std::string name;
    SourceLoc loc;
    std::string font_family;        // empty: the paragraph's
    SourceLoc font_loc;
    std::optional<int> weight;
    std::optional<double> size_pt;  // set on the paragraph's baseline; the leading stays the paragraph's
    std::optional<Color> color;
    std::optional<double> tracking_em;
    std::optional<double> horizontal_scale;
    std::optional<double> baseline_shift_pt;
    std::optional<Underline> underline;
    std::optional<TextOutline> outline;
};

// A run of text with uniform inline attributes. Markup is gone: the parser
// turned {base|ruby}, **strong**, 《《bouten》》, [[tcy]] and {{var}} into spans.
struct Span {
    std::string text;        // UTF-8 base text
    std::string ruby;        // non-empty: ruby over the whole span
    bool mono_ruby = false;  // span came from {x|y} of one base character
    bool strong = false;
    bool bouten = false;
    // Marked tate-chu-yoko ([[!?]]): in vertical text the run is set across
    // the column as one unbreakable unit one em long; in horizontal text it
    // is ordinary text.
    bool tcy = false;
    // Non-empty: a variable known only when pages are composed ("page",
    // "pages", "section"); `text` is empty until compose substitutes it.
    std::string late_variable;
    const CharStyle* char_style = nullptr;  // [[name:text]]
};

struct Paragraph {
    const Style* style = nullptr;
    std::vector<Span> spans;
    SourceLoc loc;  // the JSON string the paragraph came from
    // List items (style->list.kind != None): the marker as it is set
    // ("・", "3.", "③", "（2）", "三、"), numbered by model/ in story order;
    // list_continues: the paragraph before is an item of the same list, so
    // the gap between them is the list's item_gap, not space_after + space_before.
    std::string marker;
    bool list_continues = false;
};

// The text of a frame, or of a chain of frames, in reading order.
struct Story {
    std::vector<Paragraph> paragraphs;
    // Characters of text read into it so far (code points of its spans),
    // held against Limits::max_text_chars while it loads.
    uint64_t chars = 0;
};

// Replaces every late variable by its value ({"page": "3", "pages": "8"}).
// Throws BadInput (at the span's paragraph) for a variable not in `values`.
Story substitute_late_variables(const Story& story, const std::map<std::string, std::string>& values);

struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // points
};

struct TextContent {
    Story story;                    // empty for a frame that continues a chain
    Writing writing = Writing::Horizontal;
    std::string next;               // id of the frame this story continues in
    SourceLoc next_loc;
    bool continues_chain = false;   // some other frame's `next` names this one
    Overflow overflow = Overflow::Error;
    double inset_pt = 0;            // padding inside the frame box
    VerticalAlign vertical_align = VerticalAlign::Start;
    std::optional<Color> fill;      // frame background
    // Line grid (行取り): the style whose leading is the grid pitch and whose
    // size is a grid line's em; every paragraph then starts on the grid and
    // takes whole grid lines. nullptr: no grid.
    const Style* grid = nullptr;
    SourceLoc grid_loc;
    // Columns (段組): the inner box split into `columns` columns (vertical
    // writing: tiers 段, top to bottom) with `gutter_pt` between them, filled
    // in order; `balance` evens them out when the story ends in this frame.
    int columns = 1;
    double gutter_pt = 0;
    bool balance = false;
    std::optional<Stroke> column_rule;  // drawn centred in each gutter
    // Text wrap does not push this frame's text (a caption lying on the
    // photo that pushes the body, a label on a speech bubble).
    bool ignore_wrap = false;
};

// Paint for areas: a flat colour or a gradient. Gradient geometry is
// relative to the frame box: (0,0) top-left, (1,1) bottom-right.
struct GradientStop {
    double offset = 0;              // 0..1 along the gradient
    Color color;
};

struct Gradient {
    enum class Kind { Linear, Radial } kind = Kind::Linear;
    double angle_deg = 90;          // linear: direction of travel, 0 = left→right, 90 = top→bottom
    double center_x = 0.5, center_y = 0.5;  // radial: centre, fraction of the box
    double radius = 0.5;            // radial: fraction of the box's longer side
    std::vector<GradientStop> stops;  // at least two, offsets non-decreasing
};

// Text wrap: the frame pushes text out of the text frames it overlaps on its
// page (both writing modes). Box: its bounding box plus offset; Contour: its
// shape (ellipse, rounded rect, an image's or SVG's opaque pixels) plus offset.
struct Wrap {
    enum class Mode { Box, Contour } mode = Mode::Box;
    double offset_pt = 0;
    SourceLoc loc;
    // Which side of the object text may use on a line it crosses: Both (the
    // default), Start only (left of it in horizontal text, above it in
    // vertical text) or End only. Start keeps a column from resuming below a
    // speech bubble in 縦組み, or to the right of a photo a reader would skip.
    enum class Side { Both, Start, End } side = Side::Both;
};

// A vector shadow under a frame's shape (no blur: it must stay vector art
// and print sharp).
struct Shadow {
    double dx_pt = 0, dy_pt = 0;
    Color color = Color::from_rgb(0, 0, 0);
};

// What an image or SVG is clipped to inside its frame box.
enum class ClipShape { Box, Ellipse, Circle, RoundedBox };


struct ImageContent {
    std::filesystem::path path;     // resolved inside the root, exists
    std::string src;                // as written
    SourceLoc src_loc;
    Fit fit = Fit::Cover;
    double focus_x = 0.5, focus_y = 0.5;  // 0..1 of the image
    ClipShape clip = ClipShape::Box;      // Circle: the largest circle centred in the box
    double clip_radius_pt = 0;            // RoundedBox
};

// Vector art (librsvg): drawn as paths into the PDF, never rasterised for
// print; rendered at the needed size on bitmap surfaces.
struct SvgContent {
    std::filesystem::path path;     // resolved inside the root, exists
    std::string src;
    SourceLoc src_loc;
    Fit fit = Fit::Contain;
    double focus_x = 0.5, focus_y = 0.5;
    ClipShape clip = ClipShape::Box;
    double clip_radius_pt = 0;
};

struct ShapeContent {  // rect and ellipse
    bool ellipse = false;
    std::optional<Color> fill;
    std::optional<Gradient> gradient;  // instead of `fill` ("fill": {"gradient": ...})
    std::optional<Stroke> stroke;
    double radius_pt = 0;           // rounded corners (rect)
};

struct LineContent {
    double x2 = 0, y2 = 0;          // end point; the start is (box.x, box.y)
    Stroke stroke;
};

struct QrContent {
    std::string data;               // variables substituted
    SourceLoc data_loc;             // the "data" value: where encoding errors point
    Color color = Color::from_rgb(0, 0, 0);
    std::optional<Color> background;
    char error_correction = 'M';    // L, M, Q, H
    int quiet_zone_modules = 4;     // included in the frame size
};

enum class CellAlign { Style, Start, Center, End, Decimal };  // Style: as the paragraph style says

// Tables (`"type": "table"`). Column widths: fixed lengths, fractions of
// what is left ("1fr"), or "auto" (the widest unbreakable content, up to its
// natural one-line width, as far as the frame allows).
struct TableColumn {
    enum class Kind { Fixed, Fraction, Auto } kind = Kind::Auto;
    double value = 0;               // Fixed: points; Fraction: the fr count
    CellAlign align = CellAlign::Style;  // default for the column's cells (model/ applies it to TableCell::align)
    SourceLoc loc;
};

// Per side: top, right, bottom, left. nullopt: no line.
// The level a cell side was decided at: the table's "border", the row's, or
// the cell's own. A "none" given at a level is a decision at that level too.
// On a grid edge two cells share, the side decided at the higher level wins
// (scene/ table_paint); see docs/format.md for the whole rule.
enum class BorderLevel : uint8_t { Table, Row, Cell };

struct CellBorders {
    std::optional<Stroke> top, right, bottom, left;
    BorderLevel top_level = BorderLevel::Table, right_level = BorderLevel::Table,
                bottom_level = BorderLevel::Table, left_level = BorderLevel::Table;
};

struct TableCell {
    Story story;                    // may be empty (an empty cell)
    SourceLoc loc;
    size_t column = 0;              // grid position, spans resolved by model/
    int row_span = 1, col_span = 1;
    CellAlign align = CellAlign::Style;
    VerticalAlign valign = VerticalAlign::Center;
    std::optional<Color> fill;      // overrides row and zebra fills
    double padding_pt[4] = {0, 0, 0, 0};  // top, right, bottom, left (table default applied)
    CellBorders borders;            // table default, then row, then cell (each side's level kept)
};

struct TableRow {
    std::vector<TableCell> cells;   // cells starting in this row, left to right
    SourceLoc loc;
    bool header = false;            // repeated at the top of every frame the table continues in
    std::optional<Color> fill;
    double min_height_pt = 0;
};

struct TableContent {
    std::vector<TableColumn> columns;
    std::vector<TableRow> rows;     // header rows first; empty for a frame that continues a table
    std::optional<Color> zebra;     // fill of every second body row (the 2nd, 4th, …)
    std::string next;               // id of the table frame the table continues in
    SourceLoc next_loc;
    bool continues_chain = false;   // some other table frame's `next` names this one
    Overflow overflow = Overflow::Error;
};

struct Frame {
    std::string id;     // may be empty
    SourceLoc loc;      // the frame object
    Box box;
    double opacity = 1;
    const Style* style = nullptr;  // text and table frames
    std::optional<Wrap> wrap;      // image, svg, rect, ellipse, qr, text frames
    std::optional<Shadow> shadow;  // image, svg, rect, ellipse
    // For the tagged web PDF: "alt" (image, svg, qr: the figure's text
    // alternative) and "role" ("h1".."h6", "p", "figure", "artifact";
    // empty: text frames are paragraphs, pictures figures).
    std::string alt;
    std::string role;
    std::variant<TextContent, ImageContent, ShapeContent, LineContent, QrContent, SvgContent, TableContent> content;

    const char* type_name() const;  // "text", "image", "rect", "ellipse", "line", "qr", "svg", "table"
};

struct Master {
    std::string name;
    SourceLoc loc;
    std::vector<Frame> frames;       // on every page
    std::vector<Frame> odd_frames;   // added on odd pages (1, 3, …: right-hand pages of a left-bound book)
    std::vector<Frame> even_frames;  // added on even pages
};

struct Page {
    SourceLoc loc;
    const Master* master = nullptr;
    std::string section;            // for {{section}}
    std::vector<Frame> frames;
};

struct PageSetup {
    double trim_w_pt = 0, trim_h_pt = 0;  // orientation applied
    double bleed_pt = 0;
    Marks marks = Marks::Tombo;
    Binding binding = Binding::Left;      // "page.binding": which edge the spine is on
    SourceLoc loc;
};

// Where a chained story continues: page index (into Document::pages) and
// frame index (into that page's frames).
struct FrameRef {
    size_t page = 0;
    size_t frame = 0;
};

// Holds pointers into its own maps (Style*, Master*): movable, not copyable.
struct Document {
    Document() = default;
    Document(Document&&) = default;
    Document& operator=(Document&&) = default;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    std::string file;                 // as the user named it, for messages
    std::filesystem::path root;       // the project root
    std::string title;
    std::string lang = "ja";
    PageSetup page;
    PrintSettings print;

    std::map<std::string, std::string> fonts;  // alias → family
    std::map<std::string, Color> colors;
    std::map<std::string, Style> styles;       // node-stable: Style* stay valid
    std::map<std::string, CharStyle> char_styles;  // "character_styles"
    // Styles model/ derives (a table cell's alignment over its paragraph
    // style); node-stable like `styles`.
    std::deque<Style> derived_styles;
    std::map<std::string, std::string> vars;
    std::map<std::string, Master> masters;
    std::vector<Page> pages;

    // For each chain head (page, frame), the frames its story (or table)
    // continues in, in order; validated acyclic, text→text or table→table.
    std::map<std::pair<size_t, size_t>, std::vector<FrameRef>> chains;

    // Every font family the layout names, with where it was named first.
    std::map<std::string, SourceLoc> families_used;
};

struct LoadOptions {
    std::filesystem::path root = ".";
    Limits limits;  // pages and story length are checked while loading
};

// Reads, validates (JSON Schema and semantic checks) and resolves a print
// layout. Throws koho::Error (BadInput) with the location of the first fault.
Document load_layout(const std::filesystem::path& file, const LoadOptions& options);

}  // namespace koho::model
