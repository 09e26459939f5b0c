#include "cli/limit_flags.h"

#include <string>

#include "core/units.h"

namespace koho::cli {

void add_limit_flags(CLI::App& cmd, Limits& limits, unsigned which) {
    const Limits defaults;
    if (which & kLimitImagePixels)
        cmd.add_option(limit_flags::kImagePixels, limits.max_image_pixels,
                       "Refuse any picture (image, overlay, video frame) larger than N pixels, width × height")
            ->type_name("N")
            ->check(CLI::PositiveNumber)
            ->default_str(std::to_string(defaults.max_image_pixels))
            ->group("Limits");
    if (which & kLimitPages)
        cmd.add_option(limit_flags::kPages, limits.max_pages, "Refuse a layout of more than N pages")
            ->type_name("N")
            ->check(CLI::PositiveNumber)
            ->default_str(std::to_string(defaults.max_pages))
            ->group("Limits");
    if (which & kLimitTextChars)
        cmd.add_option(limit_flags::kTextChars, limits.max_text_chars,
                       "Refuse a story, text layer or caption of more than N characters")
            ->type_name("N")
            ->check(CLI::PositiveNumber)
            ->default_str(std::to_string(defaults.max_text_chars))
            ->group("Limits");
    if (which & kLimitVideoSeconds)
        cmd.add_option(limit_flags::kVideoSeconds, limits.max_video_seconds, "Refuse a video longer than S seconds")
            ->type_name("S")
            ->check(CLI::PositiveNumber)
            ->default_str(format_number(defaults.max_video_seconds))
            ->group("Limits");
    if (which & kLimitVideoPixels)
        cmd.add_option(limit_flags::kVideoPixels, limits.max_video_pixels,
                       "Refuse an output frame larger than N pixels, width × height")
            ->type_name("N")
            ->check(CLI::PositiveNumber)
            ->default_str(std::to_string(defaults.max_video_pixels))
            ->group("Limits");
}

}  // namespace koho::cli
