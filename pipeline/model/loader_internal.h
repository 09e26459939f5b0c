// Shared between the parts of load_layout (not a public interface).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "model/document.h"
#include "model/json_reader.h"

namespace koho::model::detail {

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
