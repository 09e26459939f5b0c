// Stories into frames: a story is set into its frame and, if it is the head
// of a chain, on into each frame the chain names, possibly on later pages.
// Text left over after the last frame is overset: an error unless the head
// frame says "overflow": "allow".
#pragma once

#include <map>
#include <string>
#include <utility>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/text_setter.h"

namespace koho::scene {

// Late variables for a page: {{page}} (1-based), {{pages}}, {{section}}.
std::map<std::string, std::string> late_values(const model::Document& document, size_t page_index);

// The story with late variables replaced, or the story itself when it has none.
model::Story resolve_story(const model::Story& story, const std::map<std::string, std::string>& values);

// The frame's box less its inset on every side, and how text runs in it.
// Vertical alignment is compose's job (see FramePiece), so the geometry
// always asks the typesetter for Start: the block is never shifted twice.
Rect inner_box(const model::Frame& frame, const model::TextContent& text);
text::FrameGeometry frame_geometry(const model::Frame& frame, const model::TextContent& text);

// What one frame received: the text, relative to the inner box, and the
// shift that places the block by the frame's vertical alignment (down in
// horizontal writing, left in vertical writing, where lines start at the
// right).
struct FramePiece {
    text::SetText text;
    double dx = 0, dy = 0;
};

FramePiece place_block(text::FrameFill fill, const text::FrameGeometry& geometry, const model::TextContent& text);

// "frame 'body' on page 3", or "frame 2 (no id) on page 3".
std::string describe_frame(const model::Frame& frame, size_t frame_index, size_t page_index,
                           const model::Master* master = nullptr);

// Sets every story of the document's pages (chains followed across pages)
// and returns the text of each page text frame, keyed by (page, frame index).
// Frames that receive no text are absent. Throws BadInput for overset text.
std::map<std::pair<size_t, size_t>, FramePiece> flow_page_stories(const model::Document& document,
                                                                      TextSetter& setter);

// Sets the story of a master's text frame for one page (masters do not chain).
FramePiece set_master_text(const model::Document& document, size_t page_index, const model::Frame& frame,
                              size_t frame_index, TextSetter& setter);

}  // namespace koho::scene
