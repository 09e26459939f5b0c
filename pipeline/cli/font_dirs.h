// Where a command's fonts come from, in order of precedence: the project's
// own fonts/, each --font-dir, then the fonts koho ships. Nothing else: the
// machine's fonts never take part (ARCHITECTURE.md, hermetic fonts).
// Shared by print, video and transcode.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace koho::cli {

// Project font directories (fonts/ and each --font-dir) resolve inside the
// root like media, symlinks followed, and may hold no symlink that leads
// out of it; koho's own fonts are exempt. A --font-dir that is not a
// directory or lies outside the root is an error (BadInput).
std::vector<std::filesystem::path> font_directories(const std::string& root,
                                                    const std::vector<std::string>& font_dirs);

}  // namespace koho::cli
