// What `koho video` and `koho transcode` share: how progress is shown and
// the list of presets their --help ends with.
#pragma once

#include <string>

#include "core/progress.h"

namespace koho::cli {

// Quiet with --quiet; otherwise a live line on a terminal, plain lines when
// stderr is a file or a pipe.
ProgressReporter::Mode progress_mode(bool quiet);

// "Presets:" and one line per preset (name, description), for a --help footer.
std::string preset_list();

}  // namespace koho::cli
