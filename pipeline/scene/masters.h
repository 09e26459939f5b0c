// Which master frames a page gets: the master's `frames` on every page that
// names the master, then its `odd` frames on odd pages or its `even` frames
// on even pages (page numbers 1-based, as {{page}} counts them: page 1 is
// odd). A page without a master gets none (the cover without a folio).
#pragma once

#include <cstddef>
#include <vector>

#include "model/document.h"

namespace koho::scene {

struct MasterFrame {
    const model::Frame* frame = nullptr;
    size_t index = 0;           // in its list (frames, odd or even), for messages
    const char* part = "";      // "" (every page), "odd" or "even"
};

// In drawing order: every-page frames first, then the odd or even ones.
std::vector<MasterFrame> master_frames(const model::Document& document, size_t page_index);

}  // namespace koho::scene
