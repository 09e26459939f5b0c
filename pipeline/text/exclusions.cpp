// Free segments of a line among text-wrap exclusions.
#include "text/exclusions.h"

#include <algorithm>
#include <limits>

#include "text/epsilon.h"

namespace koho::text {

namespace {
bool meets(const Exclusion& e, double block, double em) {
    return e.block_begin < block + em - kEpsilon && e.block_end > block + kEpsilon &&
           e.inline_end > e.inline_begin + kEpsilon;
}
}  // namespace

std::vector<FreeSegment> free_segments(const std::vector<Exclusion>& exclusions, double block, double em,
                                       double measure, double text_start, double min_width) {
    std::vector<FreeSegment> blocked;
    for (const Exclusion& e : exclusions)
        if (meets(e, block, em)) blocked.push_back({e.inline_begin, e.inline_end});
    if (blocked.empty()) return {{0, measure}};
    std::sort(blocked.begin(), blocked.end(), [](const FreeSegment& a, const FreeSegment& b) { return a.begin < b.begin; });
    std::vector<FreeSegment> free;
    auto keep = [&](double begin, double end) {
        begin = std::max(begin, 0.0);
        end = std::min(end, measure);
        if (end - std::max(begin, text_start) >= min_width - kEpsilon) free.push_back({begin, end});
    };
    double at = 0;
    for (const FreeSegment& b : blocked) {
        if (b.begin > at) keep(at, b.begin);
        at = std::max(at, b.end);
    }
    if (at < measure) keep(at, measure);
    return free;
}

double next_block_after(const std::vector<Exclusion>& exclusions, double block, double em) {
    double next = std::numeric_limits<double>::infinity();
    for (const Exclusion& e : exclusions)
        if (meets(e, block, em)) next = std::min(next, e.block_end);
    return next;
}

}  // namespace koho::text
