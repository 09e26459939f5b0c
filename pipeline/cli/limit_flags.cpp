#include "cli/limit_flags.h"

#include <string>

#include "core/units.h"

namespace koho::cli {

namespace {

// One limit's flag: in the "Limits" group, positive, its default shown.
template <typename T>
void add_limit(CLI::App& cmd, const char* flag, T& value, const std::string& help, const char* type_name,
               const std::string& default_text) {
    cmd.add_option(flag, value, help)
        ->type_name(type_name)
        ->check(CLI::PositiveNumber)
        ->default_str(default_text)
        ->group("Limits");
}

}  // namespace

void add_limit_flags(CLI::App& cmd, Limits& limits, unsigned which) {
    const Limits defaults;
    if (which & kLimitImagePixels)
        add_limit(cmd, limit_flags::kImagePixels, limits.max_image_pixels,
                  "Refuse any picture (image, overlay, video frame) larger than N pixels, width × height", "N",
                  std::to_string(defaults.max_image_pixels));
    if (which & kLimitPages)
        add_limit(cmd, limit_flags::kPages, limits.max_pages, "Refuse a layout of more than N pages", "N",
                  std::to_string(defaults.max_pages));
    if (which & kLimitTextChars)
        add_limit(cmd, limit_flags::kTextChars, limits.max_text_chars,
                  "Refuse a story, text layer or caption of more than N characters", "N",
                  std::to_string(defaults.max_text_chars));
    if (which & kLimitVideoSeconds)
        add_limit(cmd, limit_flags::kVideoSeconds, limits.max_video_seconds, "Refuse a video longer than S seconds",
                  "S", format_number(defaults.max_video_seconds));
    if (which & kLimitVideoPixels)
        add_limit(cmd, limit_flags::kVideoPixels, limits.max_video_pixels,
                  "Refuse an output frame larger than N pixels, width × height", "N",
                  std::to_string(defaults.max_video_pixels));
}

}  // namespace koho::cli
