// Reading the print settings ("color", "pdfx") and the colour names every
// layout has ("black", "rich-black").
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "model/document.h"
#include "model/json_reader.h"

namespace koho::model {

// `color` and `pdfx` are the layout's top-level members, or null when
// absent. A relative "profile" is resolved against `root`.
PrintSettings read_print_settings(const Node* color, const Node* pdfx, const std::filesystem::path& root,
                                  const SourceLoc& layout_loc);

// Adds "black" (K100) and "rich-black" (C40 K100) unless the layout's
// "colors" names them itself.
void add_builtin_colors(std::map<std::string, Color>& colors);

}  // namespace koho::model
