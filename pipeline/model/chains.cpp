// Chains: a text story flowing through text frames, or a table through
// table frames, each frame naming the next by `next`.
#include <algorithm>

#include "model/loader_internal.h"
#include "model/suggest.h"

namespace koho::model::detail {
namespace {

bool is_table(const Frame& frame) { return std::holds_alternative<TableContent>(frame.content); }
bool chainable(const Frame& frame) {
    return std::holds_alternative<TextContent>(frame.content) || is_table(frame);
}

std::string describe(const Frame& frame) {
    std::string type = is_table(frame) ? "table" : "text";
    return frame.id.empty() ? "this " + type + " frame" : type + " frame '" + frame.id + "'";
}

const std::string& next_of(const Frame& frame) {
    static const std::string none;
    if (const auto* t = std::get_if<TextContent>(&frame.content)) return t->next;
    if (const auto* t = std::get_if<TableContent>(&frame.content)) return t->next;
    return none;
}

const SourceLoc& next_loc_of(const Frame& frame) {
    if (const auto* t = std::get_if<TableContent>(&frame.content)) return t->next_loc;
    return std::get<TextContent>(frame.content).next_loc;
}

bool has_own_content(const Frame& frame) {
    if (const auto* t = std::get_if<TableContent>(&frame.content)) return !t->rows.empty();
    return !std::get<TextContent>(frame.content).story.paragraphs.empty();
}

bool continues_chain(const Frame& frame) {
    if (const auto* t = std::get_if<TableContent>(&frame.content)) return t->continues_chain;
    if (const auto* t = std::get_if<TextContent>(&frame.content)) return t->continues_chain;
    return false;
}

void mark_continues(Frame& frame) {
    if (auto* t = std::get_if<TableContent>(&frame.content)) t->continues_chain = true;
    if (auto* t = std::get_if<TextContent>(&frame.content)) t->continues_chain = true;
}

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
        for (const auto* list : {&master.frames, &master.odd_frames, &master.even_frames})
            for (const auto& frame : *list) {
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
    auto linked = [&](const Frame& frame) { return chainable(frame) && !next_of(frame).empty(); };

    std::vector<std::string> known_ids;
    for (const auto& [id, _] : page_ids) known_ids.push_back(id);

    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            const Frame& frame = doc.pages[p].frames[f];
            if (!linked(frame)) continue;
            const std::string& next_id = next_of(frame);
            const SourceLoc& at = next_loc_of(frame);
            const bool table = is_table(frame);
            const std::string what = table ? "a table" : "a story";
            auto found = page_ids.find(next_id);
            if (found == page_ids.end()) {
                if (auto m = master_ids.find(next_id); m != master_ids.end())
                    fail_input(at, "\"next\" names frame '" + next_id + "' of master '" + m->second + "'; " + what +
                                       " can continue only in a page's frame");
                fail_input(at, "\"next\" names unknown frame '" + sanitize_utf8(next_id) + "'" +
                                   did_you_mean(next_id, known_ids));
            }
            std::pair<size_t, size_t> target{found->second.page, found->second.frame};
            const Frame& next = frame_at(target);
            if (!chainable(next) || is_table(next) != table)
                fail_input(at, "\"next\" names '" + next_id + "', which is " + a_frame(next.type_name()) + "; " +
                                   what + " can continue only in " + (table ? "a table frame" : "a text frame"));
            if (target == std::make_pair(p, f))
                fail_input(at, describe(frame) + " names itself as \"next\"");
            if (has_own_content(next))
                fail_input(at, table ? "\"next\" names '" + next_id +
                                           "', which has its own rows; a frame that continues a table must have "
                                           "no \"rows\""
                                     : "\"next\" names '" + next_id +
                                           "', which has its own text; a frame that continues a story "
                                           "must have neither \"text\" nor \"content\"");
            if (auto other = previous.find(target); other != previous.end())
                fail_input(at, "frame '" + next_id + "' already continues the " + (table ? "table" : "story") +
                                   " of " + describe(frame_at(other->second)) + " (page " +
                                   std::to_string(other->second.first + 1) + "); a frame can continue only one " +
                                   (table ? "table" : "story"));
            previous[target] = {p, f};
        }
    }

    // Walk every chain from its head; frames with `next` never reached from
    // a head sit on a cycle.
    std::map<std::pair<size_t, size_t>, bool> reached;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            std::pair<size_t, size_t> head{p, f};
            if (!linked(frame_at(head)) || previous.count(head)) continue;
            std::vector<FrameRef> chain;
            auto at = head;
            reached[at] = true;
            while (!next_of(frame_at(at)).empty()) {
                FrameRef ref = page_ids.at(next_of(frame_at(at)));
                at = {ref.page, ref.frame};
                reached[at] = true;
                mark_continues(frame_at(at));
                chain.push_back(ref);
            }
            doc.chains[head] = std::move(chain);
        }
    }
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (size_t f = 0; f < doc.pages[p].frames.size(); ++f) {
            std::pair<size_t, size_t> start{p, f};
            if (!linked(frame_at(start)) || reached.count(start)) continue;
            std::string path = "'" + frame_at(start).id + "'";
            auto at = start;
            do {
                FrameRef ref = page_ids.at(next_of(frame_at(at)));
                at = {ref.page, ref.frame};
                path += " → '" + frame_at(at).id + "'";
            } while (at != start);
            fail_input(next_loc_of(frame_at(start)), "chained frames form a cycle: " + path + "; " +
                                                         (is_table(frame_at(start)) ? "a table" : "a story") +
                                                         " needs a first frame");
        }
    }

    // A text frame must have text and a table frame rows, unless a chain
    // flows into it.
    auto check_has_content = [&](const Frame& frame) {
        if (!chainable(frame) || has_own_content(frame) || continues_chain(frame)) return;
        if (is_table(frame))
            fail_input(frame.loc, describe(frame) + " has no \"rows\", and no table frame's \"next\" names it");
        fail_input(frame.loc, describe(frame) + " has neither \"text\" nor \"content\", and no frame's \"next\" names it");
    };
    for (const auto& [_, master] : doc.masters)
        for (const auto* list : {&master.frames, &master.odd_frames, &master.even_frames})
            for (const auto& frame : *list) check_has_content(frame);
    for (const auto& page : doc.pages)
        for (const auto& frame : page.frames) check_has_content(frame);
}

}  // namespace koho::model::detail
