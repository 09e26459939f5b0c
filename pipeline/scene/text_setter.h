// What compose needs from the text engine, as an interface: the real
// Typesetter in production, a fake in tests of chain flow and overset.
#pragma once

#include <cstddef>

#include "model/document.h"
#include "text/typesetter.h"

namespace koho::scene {

class TextSetter {
public:
    virtual ~TextSetter() = default;
    virtual text::FrameFill fill(const model::Story& story, text::StoryPosition from,
                                 const text::FrameGeometry& frame) = 0;
    virtual size_t count_characters(const model::Story& story, text::StoryPosition from) = 0;
    virtual text::ContentWidths measure(const model::Story& story, model::Writing writing) = 0;
};

}  // namespace koho::scene
