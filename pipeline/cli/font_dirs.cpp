#include "cli/font_dirs.h"

#include "core/build_info.h"
#include "core/diagnostic.h"

namespace koho::cli {

namespace fs = std::filesystem;

std::vector<fs::path> font_directories(const std::string& root, const std::vector<std::string>& font_dirs) {
    std::vector<fs::path> dirs;
    auto add = [&](const fs::path& dir) {
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(dir, ec);
        const fs::path& key = ec ? dir : canonical;
        for (const fs::path& seen : dirs)
            if (seen == key) return;
        dirs.push_back(key);
    };
    std::error_code ec;
    if (fs::is_directory(fs::path(root) / "fonts", ec)) add(fs::path(root) / "fonts");
    for (const std::string& dir : font_dirs) {
        if (!fs::is_directory(dir, ec)) fail_input({"--font-dir"}, "font directory '" + dir + "' does not exist");
        add(dir);
    }
    add(fs::path(build_info::kSourceDir) / "fonts");
    return dirs;
}

}  // namespace koho::cli
