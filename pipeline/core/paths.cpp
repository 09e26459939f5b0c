#include "core/paths.h"

#include "core/dependency_log.h"

namespace koho {

namespace fs = std::filesystem;

fs::path resolve_in_root(const fs::path& root, const std::string& relative,
                         const SourceLoc& where, const char* what) {
    if (relative.empty()) fail_input(where, std::string("empty ") + what + " path");
    // The operating system would read the name only up to a NUL ("a.png\u0000.txt"
    // opens a.png): refuse it rather than open a file other than the one named.
    if (relative.find('\0') != std::string::npos)
        fail_input(where, std::string(what) + " path contains a NUL character (\\u0000); remove it");
    fs::path asked(relative);
    if (asked.is_absolute())
        fail_input(where, std::string(what) + " path '" + relative +
                              "' is absolute; name it relative to the project root");
    std::error_code ec;
    fs::path canonical_root = fs::canonical(root, ec);
    if (ec) fail_system(where, "project root '" + root.string() + "' cannot be opened: " + ec.message());
    fs::path joined = canonical_root / asked;
    if (!fs::exists(joined, ec))
        fail_input(where, std::string(what) + " '" + relative + "' not found (looked in " +
                              canonical_root.string() + ")");
    fs::path resolved = fs::canonical(joined, ec);
    if (ec) fail_input(where, std::string(what) + " '" + relative + "' cannot be opened: " + ec.message());
    auto [root_end, _] = std::mismatch(canonical_root.begin(), canonical_root.end(), resolved.begin(),
                                       resolved.end());
    if (root_end != canonical_root.end())
        fail_input(where, std::string(what) + " '" + relative + "' resolves to " + resolved.string() +
                              ", outside the project root " + canonical_root.string());
    if (!fs::is_regular_file(resolved, ec))
        fail_input(where, std::string(what) + " '" + relative + "' is not a regular file");
    // Every file a layout or timeline names comes through here: the one
    // place that tells a depfile about media, audio and the layout's profile.
    record_dependency(resolved);
    return resolved;
}

}  // namespace koho
