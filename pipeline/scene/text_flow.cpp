#include "scene/text_flow.h"

#include <algorithm>
#include <vector>

namespace koho::scene {
namespace {

bool has_late_variables(const model::Story& story) {
    for (const auto& paragraph : story.paragraphs)
        for (const auto& span : paragraph.spans)
            if (!span.late_variable.empty()) return true;
    return false;
}

const model::TextContent* text_content_if(const model::Frame& frame) {
    return std::get_if<model::TextContent>(&frame.content);
}

// Where a story went: what each frame received, and where it stopped.
struct Flow {
    std::vector<FramePiece> pieces;  // one per frame, in chain order
    text::StoryPosition end;
    bool done = true;
};

struct StoryPlacement {
    const model::Frame* frame = nullptr;
    size_t page = 0;
};

Flow flow_story(const model::Story& story, const std::vector<StoryPlacement>& frames, TextSetter& setter,
                PageWraps* wraps) {
    Flow flow;
    flow.pieces.resize(frames.size());
    if (story.paragraphs.empty()) return flow;
    flow.done = false;
    for (size_t i = 0; i < frames.size() && !flow.done; ++i) {
        FrameSetting setting = set_frame(story, flow.end, *frames[i].frame, frames[i].page, setter, wraps);
        flow.end = setting.end;
        flow.done = setting.story_done;
        flow.pieces[i] = std::move(setting.piece);
    }
    return flow;
}

[[noreturn]] void fail_text_overset(const model::Frame& head, const std::string& head_name,
                                    const std::string& last_name, size_t chain_length, size_t characters) {
    std::string count = std::to_string(characters) + (characters == 1 ? " character" : " characters");
    if (chain_length <= 1)
        fail_input(head.loc, "overset text: " + count + " did not fit in " + head_name +
                                 " (give the frame more room, chain it with \"next\", or set \"overflow\": \"allow\")");
    fail_input(head.loc, "overset text: " + count + " did not fit in " + head_name +
                             " and the frames it flows into (the chain ends in " + last_name +
                             "; give the frames more room, chain another frame with \"next\", or set "
                             "\"overflow\": \"allow\")");
}

}  // namespace

std::map<std::string, std::string> late_values(const model::Document& document, size_t page_index) {
    return {{"page", std::to_string(page_index + 1)},
            {"pages", std::to_string(document.pages.size())},
            {"section", document.pages.at(page_index).section}};
}

model::Story resolve_story(const model::Story& story, const std::map<std::string, std::string>& values) {
    if (!has_late_variables(story)) return story;
    return model::substitute_late_variables(story, values);
}

Rect inner_box(const model::Frame& frame, const model::TextContent& text) {
    double inset = std::max(0.0, text.inset_pt);
    return {frame.box.x + inset, frame.box.y + inset, frame.box.w - 2 * inset, frame.box.h - 2 * inset};
}

text::FrameGeometry frame_geometry(const model::Frame& frame, const model::TextContent& text) {
    Rect inner = inner_box(frame, text);
    text::FrameGeometry geometry;
    geometry.width_pt = inner.w;
    geometry.height_pt = inner.h;
    geometry.writing = text.writing;
    geometry.vertical_align = model::VerticalAlign::Start;
    if (text.grid) {
        geometry.grid_pitch_pt = text.grid->effective_leading_pt();
        geometry.grid_em_pt = text.grid->size_pt;
    }
    return geometry;
}

std::string describe_frame(const model::Frame& frame, size_t frame_index, size_t page_index,
                           const model::Master* master, const std::string& part) {
    std::string name = frame.id.empty() ? "frame " + std::to_string(frame_index + 1) + " (no id)"
                                        : "frame '" + frame.id + "'";
    if (master) name += " of master '" + master->name + "'";
    if (master && !part.empty()) name += " (" + part + " pages)";
    return name + " on page " + std::to_string(page_index + 1);
}

std::map<std::pair<size_t, size_t>, FramePiece> flow_page_stories(const model::Document& document,
                                                                   TextSetter& setter, PageWraps* wraps) {
    std::map<std::pair<size_t, size_t>, FramePiece> result;
    for (size_t p = 0; p < document.pages.size(); ++p) {
        const auto& frames = document.pages[p].frames;
        for (size_t f = 0; f < frames.size(); ++f) {
            const model::TextContent* head = text_content_if(frames[f]);
            if (!head || head->continues_chain) continue;

            std::vector<model::FrameRef> refs{{p, f}};
            if (auto chain = document.chains.find({p, f}); chain != document.chains.end())
                refs.insert(refs.end(), chain->second.begin(), chain->second.end());
            std::vector<StoryPlacement> chain_frames;
            for (const auto& ref : refs) {
                if (ref.page >= document.pages.size() || ref.frame >= document.pages[ref.page].frames.size() ||
                    !text_content_if(document.pages[ref.page].frames[ref.frame]))
                    fail_system(frames[f].loc, "the chain of " + describe_frame(frames[f], f, p) +
                                                   " names a frame that is not a text frame");
                chain_frames.push_back({&document.pages[ref.page].frames[ref.frame], ref.page});
            }

            model::Story story = resolve_story(head->story, late_values(document, p));
            Flow flow = flow_story(story, chain_frames, setter, wraps);
            if (!flow.done && head->overflow == model::Overflow::Error) {
                const auto& last = refs.back();
                fail_text_overset(frames[f], describe_frame(frames[f], f, p),
                             describe_frame(*chain_frames.back().frame, last.frame, last.page), refs.size(),
                             setter.count_characters(story, flow.end));
            }
            for (size_t i = 0; i < refs.size(); ++i)
                if (!flow.pieces[i].text.runs.empty() || !flow.pieces[i].text.rules.empty())
                    result[{refs[i].page, refs[i].frame}] = std::move(flow.pieces[i]);
        }
    }
    return result;
}

FramePiece set_master_text(const model::Document& document, size_t page_index, const model::Frame& frame,
                           size_t frame_index, TextSetter& setter, PageWraps* wraps, const std::string& part) {
    const model::TextContent* text = text_content_if(frame);
    if (!text) return {};
    model::Story story = resolve_story(text->story, late_values(document, page_index));
    Flow flow = flow_story(story, {{&frame, page_index}}, setter, wraps);
    if (!flow.done && text->overflow == model::Overflow::Error)
        fail_text_overset(frame,
                     describe_frame(frame, frame_index, page_index, document.pages[page_index].master, part), "",
                     1, setter.count_characters(story, flow.end));
    return std::move(flow.pieces[0]);
}

}  // namespace koho::scene
