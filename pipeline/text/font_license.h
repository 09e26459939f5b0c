// What a font file says about its licence: the OpenType name table's
// licence description (name ID 13) and licence URL (name ID 14), read with
// FreeType — for `koho fonts`, so a designer can see what may be embedded.
#pragma once

#include <filesystem>
#include <string>

namespace koho::text {

struct FontLicense {
    std::string description;  // name ID 13, or empty
    std::string url;          // name ID 14, or empty
};

// The licence of face `index` of `file` (a .ttc holds several). Empty
// fields when the font does not say; throws koho::Error (Failure) when the
// file cannot be opened as a font.
FontLicense read_font_license(const std::filesystem::path& file, int index);

}  // namespace koho::text
