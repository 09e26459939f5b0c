// Hand-made documents for the flow tests (columns, wrap, masters).
#pragma once

#include <initializer_list>
#include <string>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/image.h"

namespace koho::scene::testing {

inline model::Story story_of(std::initializer_list<std::string> paragraphs) {
    model::Story story;
    for (const auto& text : paragraphs) {
        model::Paragraph paragraph;
        paragraph.spans.push_back({.text = text});
        story.paragraphs.push_back(paragraph);
    }
    return story;
}

inline model::Frame text_frame(std::string id, model::Box box, model::Story story = {}) {
    model::Frame frame;
    frame.id = std::move(id);
    frame.loc = {"layout.json", 10, 5, "/pages/0/frames/0"};
    frame.box = box;
    model::TextContent content;
    content.story = std::move(story);
    frame.content = std::move(content);
    return frame;
}

inline model::Frame rect_frame(std::string id, model::Box box) {
    model::Frame frame;
    frame.id = std::move(id);
    frame.box = box;
    frame.content = model::ShapeContent{};
    return frame;
}

inline model::TextContent& text_of(model::Frame& frame) { return std::get<model::TextContent>(frame.content); }

inline model::Document document_with_pages(size_t count) {
    model::Document document;
    document.file = "layout.json";
    document.page.trim_w_pt = 400;
    document.page.trim_h_pt = 600;
    document.pages.resize(count);
    return document;
}

inline ImageLoader no_images() {
    return [](const std::filesystem::path&, const SourceLoc&) -> std::shared_ptr<const Image> { return nullptr; };
}

// The rules (FakeSetter's 5 × 5 characters) of a text item, as page positions.
inline std::vector<std::pair<double, double>> rule_positions(const PageScene& page, size_t item) {
    const auto& text = std::get<TextItem>(page.items.at(item).what);
    std::vector<std::pair<double, double>> at;
    for (const auto& rule : text.text.rules) at.push_back({text.x + rule.x, text.y + rule.y});
    return at;
}

}  // namespace koho::scene::testing
