#include "text/font_license.h"

#include <memory>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H

#include "core/diagnostic.h"

namespace koho::text {
namespace {

struct FtLibraryDone {
    void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FtFaceDone {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};

// A name record's text as UTF-8: Windows Unicode names are UTF-16BE,
// Macintosh Roman names (ASCII in practice) are taken byte for byte.
std::string name_record_utf8(const FT_SfntName& name) {
    std::string out;
    if (name.platform_id == TT_PLATFORM_MICROSOFT || name.platform_id == TT_PLATFORM_APPLE_UNICODE) {
        for (FT_UInt i = 0; i + 1 < name.string_len; i += 2) {
            char32_t c = (char32_t(name.string[i]) << 8) | name.string[i + 1];
            if (c >= 0xD800 && c <= 0xDBFF && i + 3 < name.string_len) {
                const char32_t low = (char32_t(name.string[i + 2]) << 8) | name.string[i + 3];
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
            if (c < 0x80) {
                out += char(c);
            } else if (c < 0x800) {
                out += char(0xC0 | (c >> 6));
                out += char(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                out += char(0xE0 | (c >> 12));
                out += char(0x80 | ((c >> 6) & 0x3F));
                out += char(0x80 | (c & 0x3F));
            } else {
                out += char(0xF0 | (c >> 18));
                out += char(0x80 | ((c >> 12) & 0x3F));
                out += char(0x80 | ((c >> 6) & 0x3F));
                out += char(0x80 | (c & 0x3F));
            }
        }
        return out;
    }
    for (FT_UInt i = 0; i < name.string_len; ++i)
        if (name.string[i] < 0x80) out += char(name.string[i]);
    return out;
}

// English first (Windows en-US), else the first record with the ID.
std::string find_name(FT_Face face, FT_UShort name_id) {
    std::string fallback;
    const FT_UInt count = FT_Get_Sfnt_Name_Count(face);
    for (FT_UInt i = 0; i < count; ++i) {
        FT_SfntName name;
        if (FT_Get_Sfnt_Name(face, i, &name) != 0 || name.name_id != name_id) continue;
        if (name.platform_id == TT_PLATFORM_MICROSOFT && name.language_id == TT_MS_LANGID_ENGLISH_UNITED_STATES)
            return name_record_utf8(name);
        if (fallback.empty()) fallback = name_record_utf8(name);
    }
    return fallback;
}

}  // namespace

FontLicense read_font_license(const std::filesystem::path& file, int index) {
    FT_Library raw_library = nullptr;
    if (FT_Init_FreeType(&raw_library) != 0) fail_system({}, "cannot start FreeType");
    std::unique_ptr<FT_LibraryRec_, FtLibraryDone> library(raw_library);
    FT_Face raw_face = nullptr;
    if (FT_New_Face(library.get(), file.c_str(), index, &raw_face) != 0)
        fail_system({file.string()}, "cannot open face " + std::to_string(index) + " as a font");
    std::unique_ptr<FT_FaceRec_, FtFaceDone> face(raw_face);
    FontLicense license;
    license.description = find_name(face.get(), TT_NAME_ID_LICENSE);
    license.url = find_name(face.get(), TT_NAME_ID_LICENSE_URL);
    return license;
}

}  // namespace koho::text
