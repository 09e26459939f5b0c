// A predictable stand-in for the typesetter: every character (byte — tests
// use ASCII) takes 10 pt of block extent, one per line, drawn as a 5 × 5
// rule. A frame of height h holds floor(h / 10) characters.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "scene/text_setter.h"

namespace koho::scene::testing {

class FakeSetter : public TextSetter {
public:
    struct Call {
        std::string text;  // the whole story's text as the setter saw it
        text::StoryPosition from;
        text::FrameGeometry frame;
    };
    std::vector<Call> calls;

    static std::string paragraph_text(const model::Paragraph& paragraph) {
        std::string text;
        for (const auto& span : paragraph.spans) text += span.text;
        return text;
    }

    static std::string story_text(const model::Story& story) {
        std::string text;
        for (const auto& paragraph : story.paragraphs) text += paragraph_text(paragraph) + "/";
        return text;
    }

    text::FrameFill fill(const model::Story& story, text::StoryPosition from,
                         const text::FrameGeometry& frame) override {
        calls.push_back({story_text(story), from, frame});
        text::FrameFill result;
        size_t room = static_cast<size_t>(frame.height_pt / 10);
        text::StoryPosition at = from;
        size_t line = 0;
        while (at.paragraph < story.paragraphs.size() && line < room) {
            std::string text = paragraph_text(story.paragraphs[at.paragraph]);
            if (at.offset >= text.size()) {
                at = {at.paragraph + 1, 0};
                continue;
            }
            result.text.rules.push_back({0, line * 10.0, 5, 5, Color::from_rgb(0, 0, 0)});
            ++at.offset;
            ++line;
        }
        while (at.paragraph < story.paragraphs.size() &&
               at.offset >= paragraph_text(story.paragraphs[at.paragraph]).size())
            at = {at.paragraph + 1, 0};
        result.end = at;
        result.story_done = at.paragraph >= story.paragraphs.size();
        result.used_extent_pt = line * 10.0;
        return result;
    }

    // Every character is 10 pt wide: min one character, max the longest paragraph.
    text::ContentWidths measure(const model::Story& story, model::Writing) override {
        text::ContentWidths widths;
        for (const auto& paragraph : story.paragraphs) {
            double w = 10.0 * paragraph_text(paragraph).size();
            widths.max_pt = std::max(widths.max_pt, w);
            if (w > 0) widths.min_pt = 10;
        }
        return widths;
    }

    size_t count_characters(const model::Story& story, text::StoryPosition from) override {
        size_t n = 0;
        for (size_t p = from.paragraph; p < story.paragraphs.size(); ++p) {
            size_t length = paragraph_text(story.paragraphs[p]).size();
            n += p == from.paragraph ? length - std::min(length, from.offset) : length;
        }
        return n;
    }
};

}  // namespace koho::scene::testing
