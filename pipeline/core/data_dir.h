// Where koho's shipped data is — the fonts it ships and its default press
// profile. An installed koho (cmake --install, the .deb) finds them in
// PREFIX/share/koho beside its PREFIX/bin/koho, wherever PREFIX is; a koho
// run from its build tree finds them in the source tree it was built from.
#pragma once

#include <filesystem>

namespace koho {

// PREFIX/share/koho when it exists beside the running binary (it holds
// fonts/), else the source tree (build_info::kSourceDir).
const std::filesystem::path& shipped_data_dir();

}  // namespace koho
