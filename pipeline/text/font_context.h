// Hermetic fonts: koho sees only the font files in the directories it is
// given (the project's fonts/, --font-dir, the fonts koho ships), through a
// fontconfig configuration of its own. The machine's system fonts are never
// consulted, so a render is the same on every machine, and a family that is
// not there is an error rather than a silent substitute.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;

namespace koho::text {

// One face fontconfig can give: for `koho fonts`.
struct FontFace {
    std::string family;
    std::string style;  // "Regular", "Bold", ...
    int weight = 400;   // CSS/OpenType 100..900
    std::filesystem::path file;
    int index = 0;      // the face's index in a collection (.ttc)
};

class FontContext {
public:
    // Builds a private fontconfig configuration holding exactly these
    // directories. Throws koho::Error (Failure) if none can be read.
    static std::shared_ptr<FontContext> create(const std::vector<std::filesystem::path>& font_dirs);
    ~FontContext();

    bool has_family(const std::string& family) const;
    std::vector<std::string> families() const;
    // Every face in the directories, by family, weight and file.
    std::vector<FontFace> faces() const;

    // The font file that serves (family, weight), for depfiles and `koho fonts`.
    std::filesystem::path file_for(const std::string& family, int weight) const;

    // The directories actually used (existing ones), and the same as one
    // comma-separated string for messages.
    const std::vector<std::filesystem::path>& font_dirs() const;
    std::string searched_dirs() const;

    PangoFontMap* font_map() const;   // owned by this object
    PangoContext* pango_context() const;  // owned; kern off, no hinting

    struct Impl;
    explicit FontContext(std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> impl_;
};

// The file a loaded font is drawn from (fontconfig's FC_FILE), for
// depfiles. Throws koho::Error (Failure) if Pango cannot say.
std::filesystem::path font_file_of(PangoFont* font);

// Throws koho::Error (BadInput) at `where` naming the family and the font
// directories searched, unless `fonts` has the family.
void require_family(const FontContext& fonts, const std::string& family, const SourceLoc& where);

}  // namespace koho::text
