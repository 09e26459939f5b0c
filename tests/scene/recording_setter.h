// The real typesetter (fonts/ of the source tree) behind the TextSetter
// interface, keeping each frame's fill so tests can look at the set lines.
#pragma once

#include <filesystem>
#include <vector>

#include "scene/text_setter.h"
#include "text/typesetter.h"

namespace koho::scene::testing {

class RecordingSetter : public TextSetter {
public:
    RecordingSetter()
        : typesetter_(text::FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"})) {}
    text::FrameFill fill(const model::Story& story, text::StoryPosition from,
                         const text::FrameGeometry& frame) override {
        text::FrameFill fill = typesetter_.fill(story, from, frame);
        fills.push_back(fill);
        return fill;
    }
    size_t count_characters(const model::Story& story, text::StoryPosition from) override {
        return text::Typesetter::count_characters(story, from);
    }
    text::ContentWidths measure(const model::Story& story, model::Writing writing) override {
        return typesetter_.measure(story, writing);
    }
    std::vector<text::FrameFill> fills;

private:
    text::Typesetter typesetter_;
};

}  // namespace koho::scene::testing
