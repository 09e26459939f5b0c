#include "cli/video_common.h"

#include <unistd.h>

#include "video/presets.h"

namespace koho::cli {

ProgressReporter::Mode progress_mode(bool quiet) {
    if (quiet) return ProgressReporter::Mode::Quiet;
    return isatty(STDERR_FILENO) ? ProgressReporter::Mode::Terminal : ProgressReporter::Mode::Plain;
}

std::string preset_list() {
    std::string text = "Presets:\n";
    for (const auto& preset : video::video_presets()) text += "  " + preset.name + "  " + preset.description + "\n";
    return text;
}

}  // namespace koho::cli
