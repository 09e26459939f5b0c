// Orphans, widows and keep_with_next (keep_rules.h).
#include "text/keep_rules.h"

#include <algorithm>

namespace koho::text {

size_t lines_to_keep(size_t fit, size_t total, int orphans, int widows, bool first_in_frame) {
    if (fit >= total) return total;
    size_t keep = fit;
    const size_t after = static_cast<size_t>(std::max(widows, 1));
    if (total - keep < after) keep = total > after ? total - after : 0;
    if (keep < static_cast<size_t>(std::max(orphans, 1))) keep = 0;
    if (keep == 0 && first_in_frame) keep = fit;
    return keep;
}

size_t keep_with_next_cut(const std::vector<SetParagraph>& set) {
    size_t cut = set.size();
    while (cut > 0 && set[cut - 1].keep_with_next) --cut;
    if (cut < set.size() && set[cut].first_in_frame) ++cut;
    return cut;
}

}  // namespace koho::text
