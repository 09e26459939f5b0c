// The layout model: what a print layout says, parsed once, validated,
// styles resolved, and immutable afterwards (ARCHITECTURE.md: later stages
// never re-read JSON). Every element keeps the SourceLoc of the JSON value it
// came from, so errors found late (a missing image, an overset frame) still
// point at the line and column the user must change.
//
// All lengths are resolved to PostScript points (1/72 in). Frame coordinates
// are measured from the top-left corner of the trimmed page, y downwards.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.h"
#include "core/diagnostic.h"

namespace koho::model {

enum class Writing { Horizontal, Vertical };
enum class Align { Start, Center, End, Justify };
enum class Kinsoku { Strict, Normal, Loose };  // JLReq / CSS line-break levels
enum class VerticalAlign { Start, Center, End };  // of the block in its frame
enum class Overflow { Error, Allow };
enum class Fit { Cover, Contain, Fill };
enum class Marks { Tombo, None };

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

    double effective_leading_pt() const { return leading_pt > 0 ? leading_pt : size_pt * 1.75; }
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
};

struct Paragraph {
    const Style* style = nullptr;
    std::vector<Span> spans;
    SourceLoc loc;  // the JSON string the paragraph came from
};

// The text of a frame, or of a chain of frames, in reading order.
struct Story {
    std::vector<Paragraph> paragraphs;
};

// Replaces every late variable by its value ({"page": "3", "pages": "8"}).
// Throws BadInput (at the span's paragraph) for a variable not in `values`.
Story substitute_late_variables(const Story& story, const std::map<std::string, std::string>& values);

struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // points
};

struct Stroke {
    Color color;
    double width_pt = 0.5;
    std::vector<double> dash_pt;    // on/off lengths; empty: solid
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
};

struct ImageContent {
    std::filesystem::path path;     // resolved inside the root, exists
    std::string src;                // as written
    SourceLoc src_loc;
    Fit fit = Fit::Cover;
    double focus_x = 0.5, focus_y = 0.5;  // 0..1 of the image
};

struct ShapeContent {  // rect and ellipse
    bool ellipse = false;
    std::optional<Color> fill;
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

struct Frame {
    std::string id;     // may be empty
    SourceLoc loc;      // the frame object
    Box box;
    double opacity = 1;
    const Style* style = nullptr;  // text frames
    std::variant<TextContent, ImageContent, ShapeContent, LineContent, QrContent> content;

    const char* type_name() const;  // "text", "image", "rect", "ellipse", "line", "qr"
};

struct Master {
    std::string name;
    SourceLoc loc;
    std::vector<Frame> frames;
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

    std::map<std::string, std::string> fonts;  // alias → family
    std::map<std::string, Color> colors;
    std::map<std::string, Style> styles;       // node-stable: Style* stay valid
    std::map<std::string, std::string> vars;
    std::map<std::string, Master> masters;
    std::vector<Page> pages;

    // For each chain head (page, frame), the frames its story continues in,
    // in order; validated acyclic, text frames only.
    std::map<std::pair<size_t, size_t>, std::vector<FrameRef>> chains;

    // Every font family the layout names, with where it was named first.
    std::map<std::string, SourceLoc> families_used;
};

struct LoadOptions {
    std::filesystem::path root = ".";
};

// Reads, validates (JSON Schema and semantic checks) and resolves a print
// layout. Throws koho::Error (BadInput) with the location of the first fault.
Document load_layout(const std::filesystem::path& file, const LoadOptions& options);

}  // namespace koho::model
