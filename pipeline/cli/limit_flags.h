// The resource-limit flags (core/limits.h), wired the same way into every
// command they apply to: one name, one help text, one check each.
#pragma once

#include <CLI/CLI.hpp>

#include "core/limits.h"

namespace koho::cli {

// Which limits a command takes (a command gets only the flags that mean
// something to it: print has pages, transcode has no layout).
enum LimitFlag : unsigned {
    kLimitImagePixels = 1u << 0,
    kLimitPages = 1u << 1,
    kLimitTextChars = 1u << 2,
    kLimitVideoSeconds = 1u << 3,
    kLimitVideoPixels = 1u << 4,
};

// Adds the chosen --max-* options to `cmd`, each writing into `limits`
// (which starts at the defaults; --help shows them). A value of zero or
// less is refused by CLI11 as a bad option (exit 2).
void add_limit_flags(CLI::App& cmd, Limits& limits, unsigned which);

}  // namespace koho::cli
