#include "cli/font_dirs.h"

#include <algorithm>

#include "core/data_dir.h"
#include "core/diagnostic.h"

namespace koho::cli {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& path, const fs::path& dir) {
    auto [dir_end, _] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
    return dir_end == dir.end();
}

// fontconfig reads every file under a font directory and follows symbolic
// links: a link inside the root that points out of it is refused, as a
// layout's media path would be.
void refuse_links_out(const fs::path& dir, const fs::path& root) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_symlink(ec)) continue;
        std::error_code resolve_ec;
        const fs::path target = fs::canonical(it->path(), resolve_ec);
        if (resolve_ec) continue;  // a dangling link gives fontconfig nothing to read
        if (!inside(target, root))
            fail_input({it->path().string()}, "font file resolves to " + target.string() +
                                                  ", outside the project root " + root.string() +
                                                  "; copy the font into the project instead of linking it");
    }
}

}  // namespace

std::vector<fs::path> font_directories(const std::string& root, const std::vector<std::string>& font_dirs) {
    std::error_code ec;
    const fs::path canonical_root = fs::canonical(root, ec);
    if (ec) fail_input({"--root"}, "project root '" + root + "' cannot be opened: " + ec.message());
    const fs::path shipped = fs::weakly_canonical(shipped_data_dir() / "fonts", ec);

    std::vector<fs::path> dirs;
    // Each directory once, by where it really is; a project directory must
    // lie inside the root with everything it links to. koho's own fonts are
    // koho's, not the project's: they are trusted wherever koho is installed.
    auto add = [&](const fs::path& dir, const SourceLoc& where, const std::string& named) {
        std::error_code dir_ec;
        const fs::path real = fs::canonical(dir, dir_ec);
        if (dir_ec) fail_input(where, "font directory '" + named + "' cannot be opened: " + dir_ec.message());
        for (const fs::path& seen : dirs)
            if (seen == real) return;
        if (real != shipped) {
            if (!inside(real, canonical_root))
                fail_input(where, "font directory '" + named + "' resolves to " + real.string() +
                                      ", outside the project root " + canonical_root.string() +
                                      "; put the fonts in the project's fonts/ or a directory under the root");
            refuse_links_out(real, canonical_root);
        }
        dirs.push_back(real);
    };
    const fs::path project_fonts = fs::path(root) / "fonts";
    if (fs::is_directory(project_fonts, ec)) add(project_fonts, {project_fonts.string()}, project_fonts.string());
    for (const std::string& dir : font_dirs) {
        if (!fs::is_directory(dir, ec)) fail_input({"--font-dir"}, "font directory '" + dir + "' does not exist");
        add(dir, {"--font-dir"}, dir);
    }
    if (fs::is_directory(shipped, ec)) add(shipped, {}, "koho's fonts");
    return dirs;
}

}  // namespace koho::cli
