// Stories into frames: a story is set into its frame and, if it is the head
// of a chain, on into each frame the chain names, possibly on later pages.
// A frame of several columns (columns.h) is that many boxes filled in order
// before the story moves on; a balanced frame in which the story ends gets
// the smallest column extent at which the rest still fits, so its columns
// end level. Frames with `wrap` on the page and its masters push the text
// (wrap.h). Text left over after the last frame is overset: an error unless
// the head frame says "overflow": "allow".
#pragma once

#include <map>
#include <string>
#include <utility>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/text_setter.h"
#include "scene/wrap.h"

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

// What one frame received: the text, relative to the inner box (all its
// columns), and the shift that places the block by the frame's vertical
// alignment (down in horizontal writing, left in vertical writing, where
// lines start at the right). With columns the block is shifted as one: by
// the room the fullest column leaves, so column tops stay level.
struct FramePiece {
    text::SetText text;
    double dx = 0, dy = 0;
};


// "frame 'body' on page 3", or "frame 2 (no id) on page 3"; with a master,
// "frame 'folio' of master 'inner' on page 3" (`part` "odd"/"even": "… of
// master 'inner' (odd pages) on page 3").
std::string describe_frame(const model::Frame& frame, size_t frame_index, size_t page_index,
                           const model::Master* master = nullptr, const std::string& part = "");

// What a story puts into one text frame, starting at `from`: all its columns
// (balanced when the frame asks and the story ends here), pushed by the wrap
// objects of page `page_index` when `wraps` is given.
struct FrameSetting {
    FramePiece piece;
    text::StoryPosition end;
    bool story_done = false;
};
FrameSetting set_frame(const model::Story& story, text::StoryPosition from, const model::Frame& frame,
                       size_t page_index, TextSetter& setter, PageWraps* wraps);

// Sets every story of the document's pages (chains followed across pages)
// and returns the text of each page text frame, keyed by (page, frame index).
// Frames that receive no text are absent. Throws BadInput for overset text.
// `wraps`: the document's wrap objects (none: no text wrap).
std::map<std::pair<size_t, size_t>, FramePiece> flow_page_stories(const model::Document& document,
                                                                   TextSetter& setter, PageWraps* wraps = nullptr);

// Sets the story of a master's text frame for one page (masters do not
// chain); `part` as for describe_frame.
FramePiece set_master_text(const model::Document& document, size_t page_index, const model::Frame& frame,
                           size_t frame_index, TextSetter& setter, PageWraps* wraps = nullptr,
                           const std::string& part = "");

}  // namespace koho::scene
