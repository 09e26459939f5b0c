// Paths that layouts name resolve inside the project root, or not at all.
#pragma once

#include <filesystem>
#include <string>

#include "core/diagnostic.h"

namespace koho {

// Resolves `relative` against `root` (both made canonical, symlinks
// followed) and refuses anything that ends up outside the root, an absolute
// path, or a file that does not exist. Errors point at `where`.
std::filesystem::path resolve_in_root(const std::filesystem::path& root,
                                      const std::string& relative, const SourceLoc& where,
                                      const char* what = "file");

}  // namespace koho
