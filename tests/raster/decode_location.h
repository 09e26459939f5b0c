// The location the decode tests pass with an image: where a layout names
// it, which every decode error must carry.
#pragma once

#include "core/diagnostic.h"

namespace koho::raster::testing {

inline const SourceLoc kWhere{"layouts/test.json", 12, 7, "/pages/0/frames/1/src"};

}  // namespace koho::raster::testing
