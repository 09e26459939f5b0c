// Shared between the parts of load_layout (not a public interface).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "model/document.h"
#include "model/json_reader.h"

namespace koho::model::detail {

// "a rect frame", "an image frame", "an ellipse frame", "a qr frame", "an
// svg frame": the article goes by the sound of the type name (q is "cue",
// s of svg is "ess").
inline std::string a_frame(const std::string& type) {
    const bool vowel = type == "svg" ||
                       (!type.empty() && std::string_view("aeiou").find(type[0]) != std::string_view::npos);
    return (vowel ? "an " : "a ") + type + " frame";
}

struct LoadContext {
    const JsonSource& source;
    Document& doc;
    std::filesystem::path root;
    Limits limits;
    // Derived styles already made (a style with a cell's alignment), so
    // that each combination exists once in Document::derived_styles.
    std::map<std::pair<const Style*, Align>, const Style*> aligned_styles = {};
    // {{page}}, {{pages}} and {{section}} are filled in when pages are
    // composed; a video timeline has no pages and refuses them.
    bool allow_late_variables = true;
};

// The paragraph style `node` names, with "did you mean" when unknown.
const Style* style_named(const Node& node, const Document& doc);

// Appends the paragraphs of the markup string `text` in `style` to `story`
// (an empty string adds none when `allow_empty`).
void add_paragraphs(Story& story, const Node& text, const Style* style, LoadContext& context,
                    bool allow_empty = false);

// `style` with another alignment, kept in Document::derived_styles.
const Style* aligned_style(const Style* style, Align align, LoadContext& context);

// A table frame's content (frame.style is set from its "style").
TableContent read_table(const Node& node, Frame& frame, LoadContext& context, bool on_master);

// "focus": ["x%", "y%"] of an image, SVG or video → fractions 0..1.
std::pair<double, double> read_focus(const Node& node);

// Reads one frame of a page or a master. `owner` names it in messages
// ("page 2", "master 'inner'").
Frame read_frame(const Node& node, LoadContext& context, bool on_master);

// Resolves every `next` (text → text, table → table), checks the chains
// and fills Document::chains and continues_chain; refuses text frames left
// without text and table frames left without rows.
void link_chains(Document& doc, const JsonSource& source);

}  // namespace koho::model::detail
