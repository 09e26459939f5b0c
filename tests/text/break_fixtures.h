// Hand-made input for the line breaker's tests (no fonts involved).
#pragma once

#include <cstdint>

#include "text/line_breaker.h"

namespace koho::text::testing {

// n atoms of `width`, every gap an ordinary breakable, expandable one.
inline BreakParagraph uniform(int n, double width) {
    BreakParagraph p;
    for (int i = 0; i < n; ++i) p.atoms.push_back({width, uint32_t(i), uint32_t(i + 1), false});
    p.gaps.resize(n + 1);
    for (auto& g : p.gaps) {
        g.breakable = true;
        g.stretch = 1;
        g.stretch_priority = kStretchInterCharacter;
    }
    return p;
}

}  // namespace koho::text::testing
