// Internal to the text engine: the Typesetter's state, shared by
// typesetter.cpp (fill) and measure.cpp.
#pragma once

#include <memory>

#include "text/shaper.h"
#include "text/typesetter.h"

namespace koho::text {

struct Typesetter::Impl {
    std::shared_ptr<FontContext> fonts;
    FontCache cache;
    explicit Impl(std::shared_ptr<FontContext> f) : fonts(std::move(f)), cache(*fonts) {}
};

}  // namespace koho::text
