// The top-level "color" and "pdfx" keys: how the print PDF is made.
#include "core/paths.h"
#include "model/loader_internal.h"
#include "model/print_settings.h"

namespace koho::model {

PrintSettings read_print_settings(const Node* color, const Node* pdfx, const std::filesystem::path& root,
                                  const SourceLoc& layout_loc) {
    PrintSettings settings;
    settings.loc = layout_loc;
    if (color) {
        expect_object(*color, "\"color\"");
        check_keys(*color, {"mode", "profile", "tac", "intent", "black_point_compensation"}, "\"color\"");
        settings.loc = color->loc();
        if (auto n = member(*color, "mode"))
            settings.color_mode = static_cast<PrintSettings::ColorMode>(read_enum(*n, "colour mode", {"cmyk", "rgb"}));
        if (auto n = member(*color, "profile")) {
            const std::string path = read_string(*n, "\"profile\"");
            settings.profile_loc = n->loc();
            settings.profile = resolve_in_root(root, path, settings.profile_loc, "ICC profile");
        }
        // Below 200 % nothing prints as designed; 400 % is no limit at all.
        if (auto n = member(*color, "tac")) settings.tac_percent = read_number(*n, "\"tac\" (total ink, %)", 200, 400);
        if (auto n = member(*color, "intent"))
            settings.intent = static_cast<PrintSettings::Intent>(
                read_enum(*n, "rendering intent", {"perceptual", "relative-colorimetric"}));
        if (auto n = member(*color, "black_point_compensation"))
            settings.black_point_compensation = read_bool(*n, "\"black_point_compensation\"");
    }
    if (pdfx) {
        settings.pdfx = static_cast<PrintSettings::Pdfx>(read_enum(*pdfx, "PDF/X level", {"4", "1a", "none"}));
        if (settings.pdfx != PrintSettings::Pdfx::None && settings.color_mode == PrintSettings::ColorMode::Rgb)
            fail_input(pdfx->loc(), "PDF/X needs CMYK output; \"color\": {\"mode\": \"rgb\"} makes an RGB PDF "
                                    "(set \"pdfx\": \"none\" or use CMYK)");
    } else if (settings.color_mode == PrintSettings::ColorMode::Rgb) {
        settings.pdfx = PrintSettings::Pdfx::None;  // an RGB PDF cannot claim PDF/X
    }
    return settings;
}

void add_builtin_colors(std::map<std::string, Color>& colors) {
    // K100 alone: what text, rules and marks should be. The prepress stage
    // prints it on the K plate with overprint.
    colors.emplace("black", Color::from_cmyk(0, 0, 0, 100));
    // Rich black for large solid areas, where K alone looks grey and thin.
    // Never for small text: four plates never register exactly.
    colors.emplace("rich-black", Color::from_cmyk(40, 0, 0, 100));
}

}  // namespace koho::model
