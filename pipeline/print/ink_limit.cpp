#include "print/ink_limit.h"

#include "core/diagnostic.h"
#include "core/units.h"
#include "scene/color_walk.h"

namespace koho::print {

void refuse_ink_over_limit(const std::vector<scene::PageScene>& pages, double tac_percent) {
    for (size_t p = 0; p < pages.size(); ++p) {
        for (const scene::Item& item : pages[p].items) {
            scene::for_each_color(item, [&](const Color& color) {
                if (color.space != Color::Space::Cmyk) return;
                const double total = color.cmyk[0] + color.cmyk[1] + color.cmyk[2] + color.cmyk[3];
                // Half a percent of slack: designers round their percentages.
                if (total <= tac_percent + 0.5) return;
                const std::string frame = item.frame_id.empty() ? "a frame" : "frame '" + item.frame_id + "'";
                fail_input(item.where, "page " + std::to_string(p + 1) + ", " + frame + ": C" +
                                           format_number(color.cmyk[0]) + " M" + format_number(color.cmyk[1]) +
                                           " Y" + format_number(color.cmyk[2]) + " K" + format_number(color.cmyk[3]) +
                                           " is " + format_number(total) + "% ink, over the limit of " +
                                           format_number(tac_percent) + "% (\"color\": {\"tac\": ...}); "
                                           "use less ink, or \"rich-black\" for a deep black");
            });
        }
    }
}

}  // namespace koho::print
