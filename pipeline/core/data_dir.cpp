// koho's shipped data, found from the running binary (data_dir.h).
#include "core/data_dir.h"

#include "core/build_info.h"

namespace koho {

namespace fs = std::filesystem;

namespace {

fs::path find_shipped_data_dir() {
    std::error_code ec;
    // The binary itself, not argv[0]: a koho started through a symbolic
    // link or from PATH finds the data of the file that is running.
    const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = binary.parent_path().parent_path() / "share" / "koho";
        if (fs::is_directory(installed / "fonts", ec)) return installed;
    }
    return fs::path(build_info::kSourceDir);
}

}  // namespace

const fs::path& shipped_data_dir() {
    static const fs::path dir = find_shipped_data_dir();
    return dir;
}

}  // namespace koho
