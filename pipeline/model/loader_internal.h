// Shared between the parts of load_layout (not a public interface).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/json_reader.h"

namespace koho::model::detail {

// "a rect frame", "an image frame", "an ellipse frame", "a qr frame": the
// article goes by the sound of the type name (q is "cue").
inline std::string a_frame(const std::string& type) {
    const bool vowel = !type.empty() && std::string_view("aeiou").find(type[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + type + " frame";
}

struct LoadContext {
    const JsonSource& source;
    Document& doc;
    std::filesystem::path root;
};

// Reads one frame of a page or a master. `owner` names it in messages
// ("page 2", "master 'inner'").
Frame read_frame(const Node& node, LoadContext& context, bool on_master);

// Resolves every `next`, checks the chains and fills Document::chains and
// TextContent::continues_chain; refuses text frames left without text.
void link_chains(Document& doc, const JsonSource& source);

}  // namespace koho::model::detail
