// Chained text frames: one story flowing through frames named by `next`.
#include <algorithm>

#include "model/loader_internal.h"
#include "model/suggest.h"

namespace koho::model::detail {
namespace {

std::string describe(const Frame& frame) {
    return frame.id.empty() ? "this text frame" : "text frame '" + frame.id + "'";
}

const TextContent* text_of(const Frame& frame) { return std::get_if<TextContent>(&frame.content); }

SourceLoc id_loc(const JsonSource& source, const Frame& frame) {
    return source.loc(frame.loc.pointer + "/id");
}

}  // namespace

void link_chains(Document& doc, const JsonSource& source) {
    // Ids are unique in the whole layout: chains cross pages.
    std::map<std::string, FrameRef> page_ids;
    std::map<std::string, std::string> master_ids;  // id → master name
    std::map<std::string, SourceLoc> first_seen;
    auto claim = [&](const Frame& frame) {
        if (frame.id.empty()) return;
        auto [it, fresh] = first_seen.emplace(frame.id, id_loc(source, frame));
        if (!fresh)
            fail_input(id_loc(source, frame), "duplicate frame id '" + frame.id + "' (first used at line " +
                                                  std::to_string(it->second.line) + ", " + it->second.pointer + ")");
    };
    for (const auto& [name, master] : doc.masters)
        for (const auto& frame : master.frames) {
            claim(frame);
            if (!frame.id.empty()) master_ids[frame.id] = name;
        }
    for (size_t p = 0; p < doc.pages.size(); ++p)
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            const Frame& frame = doc.pages[p].frames[f];
            claim(frame);
            if (!frame.id.empty()) page_ids[frame.id] = FrameRef{p, f};
        }

    std::map<std::pair<size_t, size_t>, std::pair<size_t, size_t>> previous;  // target → source
    auto frame_at = [&](std::pair<size_t, size_t> at) -> Frame& { return doc.pages[at.first].frames[at.second]; };

    std::vector<std::string> known_ids;
    for (const auto& [id, _] : page_ids) known_ids.push_back(id);

    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            const Frame& frame = doc.pages[p].frames[f];
            const TextContent* text = text_of(frame);
            if (!text || text->next.empty()) continue;
            auto found = page_ids.find(text->next);
            if (found == page_ids.end()) {
                if (auto m = master_ids.find(text->next); m != master_ids.end())
                    fail_input(text->next_loc, "\"next\" names frame '" + text->next + "' of master '" + m->second +
                                                   "'; a story can continue only in a page's frame");
                fail_input(text->next_loc, "\"next\" names unknown frame '" + sanitize_utf8(text->next) + "'" +
                                               did_you_mean(text->next, known_ids));
            }
            std::pair<size_t, size_t> target{found->second.page, found->second.frame};
            const Frame& next = frame_at(target);
            const TextContent* next_text = text_of(next);
            if (!next_text)
                fail_input(text->next_loc, "\"next\" names '" + text->next + "', which is " +
                                               a_frame(next.type_name()) + "; a story can continue only in a text frame");
            if (target == std::make_pair(p, f))
                fail_input(text->next_loc, "text frame '" + frame.id + "' names itself as \"next\"");
            if (!next_text->story.paragraphs.empty())
                fail_input(text->next_loc, "\"next\" names '" + text->next +
                                               "', which has its own text; a frame that continues a story "
                                               "must have neither \"text\" nor \"content\"");
            if (auto other = previous.find(target); other != previous.end())
                fail_input(text->next_loc, "frame '" + text->next + "' already continues the story of " +
                                               describe(frame_at(other->second)) + " (page " +
                                               std::to_string(other->second.first + 1) +
                                               "); a frame can continue only one story");
            previous[target] = {p, f};
        }
    }

    // Walk every chain from its head; frames with `next` never reached from
    // a head sit on a cycle.
    std::map<std::pair<size_t, size_t>, bool> reached;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            std::pair<size_t, size_t> head{p, f};
            const TextContent* text = text_of(frame_at(head));
            if (!text || text->next.empty() || previous.count(head)) continue;
            std::vector<FrameRef> chain;
            auto at = head;
            reached[at] = true;
            while (!text_of(frame_at(at))->next.empty()) {
                FrameRef ref = page_ids.at(text_of(frame_at(at))->next);
                at = {ref.page, ref.frame};
                reached[at] = true;
                std::get<TextContent>(frame_at(at).content).continues_chain = true;
                chain.push_back(ref);
            }
            doc.chains[head] = std::move(chain);
        }
    }
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            std::pair<size_t, size_t> start{p, f};
            const TextContent* text = text_of(frame_at(start));
            if (!text || text->next.empty() || reached.count(start)) continue;
            std::string path = "'" + frame_at(start).id + "'";
            auto at = start;
            do {
                FrameRef ref = page_ids.at(text_of(frame_at(at))->next);
                at = {ref.page, ref.frame};
                path += " → '" + frame_at(at).id + "'";
            } while (at != start);
            fail_input(text->next_loc, "chained frames form a cycle: " + path + "; a story needs a first frame");
        }
    }

    // A text frame must have text, unless a story flows into it.
    auto check_has_text = [&](const Frame& frame) {
        const TextContent* text = text_of(frame);
        if (text && text->story.paragraphs.empty() && !text->continues_chain)
            fail_input(frame.loc, describe(frame) +
                                      " has neither \"text\" nor \"content\", and no frame's \"next\" names it");
    };
    for (const auto& [_, master] : doc.masters)
        for (const auto& frame : master.frames) check_has_text(frame);
    for (const auto& page : doc.pages)
        for (const auto& frame : page.frames) check_has_text(frame);
}

}  // namespace koho::model::detail
