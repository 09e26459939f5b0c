// The total ink limit (TAC) as the layout's own colours meet it.
//
// Converted colours are brought under the limit by the colour manager; a
// colour the designer gave in CMYK is printed exactly as given, so one over
// the limit is an error at the frame that uses it, not a silent change.
#pragma once

#include <vector>

#include "scene/display_list.h"

namespace koho::print {

// Throws fail_input at the first item (page and drawing order) using a
// CMYK colour whose C + M + Y + K exceeds `tac_percent`.
void refuse_ink_over_limit(const std::vector<scene::PageScene>& pages, double tac_percent);

}  // namespace koho::print
