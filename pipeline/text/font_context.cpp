// FontContext: a fontconfig configuration of koho's own (only the given
// directories, never the system's fonts.conf) and a Pango font map bound to it.
#include "text/font_context.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <tuple>
#include <cstdlib>
#include <set>

#include "core/diagnostic.h"

namespace koho::text {

namespace {
struct FcConfigFree {
    void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
struct FcPatternFree {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FcObjectSetFree {
    void operator()(FcObjectSet* o) const { FcObjectSetDestroy(o); }
};
struct FcFontSetFree {
    void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
struct GObjectUnref {
    void operator()(void* o) const { g_object_unref(o); }
};

// A cache directory of koho's own, so fontconfig need not rescan the large
// CJK collections on every run (and does not complain that it has none).
std::string cache_dir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg) return std::string(xdg) + "/koho/fontconfig";
    if (home && *home) return std::string(home) + "/.cache/koho/fontconfig";
    return {};
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// The CSS-like weight koho uses (100..900) as fontconfig's scale.
int fc_weight(int weight) { return FcWeightFromOpenType(weight); }
}  // namespace

struct FontContext::Impl {
    std::vector<std::filesystem::path> dirs;
    std::unique_ptr<FcConfig, FcConfigFree> config;
    std::unique_ptr<PangoFontMap, GObjectUnref> font_map;
    std::unique_ptr<PangoContext, GObjectUnref> context;
    std::set<std::string> families;
};

std::shared_ptr<FontContext> FontContext::create(const std::vector<std::filesystem::path>& font_dirs) {
    auto impl = std::make_unique<Impl>();
    impl->config.reset(FcConfigCreate());
    if (!impl->config) fail_system({}, "cannot create a fontconfig configuration");
    const std::string cache = cache_dir();
    if (!cache.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(cache, ec);
        const std::string xml = "<?xml version=\"1.0\"?><fontconfig><cachedir>" + xml_escape(cache) +
                                "</cachedir></fontconfig>";
        FcConfigParseAndLoadFromMemory(impl->config.get(), reinterpret_cast<const FcChar8*>(xml.c_str()), FcFalse);
    }
    int added = 0;
    for (const auto& dir : font_dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) continue;
        impl->dirs.push_back(dir);
        if (FcConfigAppFontAddDir(impl->config.get(), reinterpret_cast<const FcChar8*>(dir.c_str())))
            ++added;
    }
    if (added == 0) {
        std::string list;
        for (const auto& d : font_dirs) list += (list.empty() ? "" : ", ") + d.string();
        fail_system({}, "no readable font directory (searched: " + (list.empty() ? "none" : list) + ")");
    }
    // Enumerate families once: every name a face answers to (Noto CJK has
    // localised names too), so has_family is a set lookup.
    std::unique_ptr<FcPattern, FcPatternFree> pattern(FcPatternCreate());
    std::unique_ptr<FcObjectSet, FcObjectSetFree> objects(FcObjectSetBuild(FC_FAMILY, nullptr));
    std::unique_ptr<FcFontSet, FcFontSetFree> set(FcFontList(impl->config.get(), pattern.get(), objects.get()));
    for (int i = 0; set && i < set->nfont; ++i) {
        FcChar8* name = nullptr;
        for (int n = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; ++n)
            impl->families.insert(reinterpret_cast<const char*>(name));
    }

    impl->font_map.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    if (!impl->font_map) fail_system({}, "cannot create a Pango font map");
    // Pango takes its own reference to the configuration.
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(impl->font_map.get()), impl->config.get());
    // Points are the unit everywhere: 72 "dpi" makes 1 Pango pixel = 1 pt.
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(impl->font_map.get()), 72.0);
    impl->context.reset(pango_font_map_create_context(impl->font_map.get()));
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(impl->context.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(impl->context.get(), FALSE);
    return std::make_shared<FontContext>(std::move(impl));
}

FontContext::FontContext(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontContext::~FontContext() = default;

bool FontContext::has_family(const std::string& family) const {
    return impl_->families.count(family) > 0;
}

std::vector<std::string> FontContext::families() const {
    return {impl_->families.begin(), impl_->families.end()};
}

std::vector<FontFace> FontContext::faces() const {
    std::vector<FontFace> faces;
    FcFontSet* set = FcConfigGetFonts(impl_->config.get(), FcSetApplication);  // owned by the config
    for (int i = 0; set && i < set->nfont; ++i) {
        FcPattern* pattern = set->fonts[i];
        FcChar8* text = nullptr;
        FontFace face;
        if (FcPatternGetString(pattern, FC_FAMILY, 0, &text) == FcResultMatch)
            face.family = reinterpret_cast<const char*>(text);
        if (FcPatternGetString(pattern, FC_STYLE, 0, &text) == FcResultMatch)
            face.style = reinterpret_cast<const char*>(text);
        if (FcPatternGetString(pattern, FC_FILE, 0, &text) == FcResultMatch) face.file = reinterpret_cast<const char*>(text);
        int value = 0;
        if (FcPatternGetInteger(pattern, FC_WEIGHT, 0, &value) == FcResultMatch)
            face.weight = int(FcWeightToOpenType(value));
        if (FcPatternGetInteger(pattern, FC_INDEX, 0, &value) == FcResultMatch) face.index = value;
        faces.push_back(std::move(face));
    }
    std::sort(faces.begin(), faces.end(), [](const FontFace& a, const FontFace& b) {
        return std::tie(a.family, a.weight, a.style, a.file, a.index) <
               std::tie(b.family, b.weight, b.style, b.file, b.index);
    });
    return faces;
}

const std::vector<std::filesystem::path>& FontContext::font_dirs() const { return impl_->dirs; }

std::string FontContext::searched_dirs() const {
    std::string list;
    for (const auto& d : impl_->dirs) list += (list.empty() ? "" : ", ") + d.string();
    return list;
}

std::filesystem::path FontContext::file_for(const std::string& family, int weight) const {
    if (!has_family(family)) return {};
    std::unique_ptr<FcPattern, FcPatternFree> pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, fc_weight(weight));
    FcConfigSubstitute(impl_->config.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, FcPatternFree> match(FcFontMatch(impl_->config.get(), pattern.get(), &result));
    FcChar8* file = nullptr;
    if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
    return reinterpret_cast<const char*>(file);
}

PangoFontMap* FontContext::font_map() const { return impl_->font_map.get(); }
PangoContext* FontContext::pango_context() const { return impl_->context.get(); }

std::filesystem::path font_file_of(PangoFont* font) {
    FcChar8* file = nullptr;
    // Pango owns the pattern; it lives as long as the font.
    FcPattern* pattern = PANGO_IS_FC_FONT(font) ? pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : nullptr;
    if (!pattern || FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch)
        fail_system({}, "cannot tell which font file Pango loaded");
    return reinterpret_cast<const char*>(file);
}

void require_family(const FontContext& fonts, const std::string& family, const SourceLoc& where) {
    if (fonts.has_family(family)) return;
    fail_input(where, "font family \"" + family + "\" not found in the project's fonts (searched: " +
                          fonts.searched_dirs() + ")");
}

}  // namespace koho::text
