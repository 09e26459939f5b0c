#include "cli/render_args.h"

#include "cli/font_dirs.h"
#include "core/diagnostic.h"

namespace koho::cli {

std::shared_ptr<text::FontContext> project_fonts(const RenderArgs& args) {
    return text::FontContext::create(font_directories(args.root, args.font_dirs));
}

void refuse_records_without_merge(const RenderArgs& args) {
    if (!args.records.empty() || args.list_records)
        fail_input({args.records.empty() ? "--list-records" : "--records"},
                   "records are chosen in data merge, with --output-dir DIR");
}

}  // namespace koho::cli
