// The colours a print job uses, each with the RGB code Cairo writes for it.
//
// Two intended colours can look alike in RGB (C40 K100 rich black and K100
// are both #000000 on screen), so the palette gives every distinct intent
// its own 8-bit code: its display RGB snapped to the 1/255 grid, nudged to
// the nearest free code when taken. The pages handed to Cairo are rewritten
// to draw those codes; proofs keep the display colours. A code the palette
// never gave out (a colour inside SVG art) is plain sRGB.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/color.h"
#include "scene/display_list.h"

namespace koho::print {

// Packs an 8-bit code: 0xRRGGBB.
inline uint32_t rgb_code(int r, int g, int b) { return (uint32_t(r) << 16) | (uint32_t(g) << 8) | uint32_t(b); }
// The code of a colour as read back from a PDF (each channel 0..1).
uint32_t rgb_code_of(double r, double g, double b);
// Black as layouts write it: pure black, and #231815, the RGB Japanese
// designers know as black (what Illustrator shows for K100 on Japan Color).
// Both must keep meaning K100.
inline bool is_black_code(uint32_t code) { return code == 0x000000 || code == 0x231815; }

class InkPalette {
public:
    // Gives every colour in `pages` a code and rewrites each colour's `rgb`
    // to it (alpha untouched). Registration (the marks' colour) is given a
    // code first. Deterministic: the same pages give the same codes.
    static InkPalette assign(std::vector<scene::PageScene>& pages);

    // The intent behind a code, or nullptr for a code never given out.
    const Color* intent(uint32_t code) const;
    // The RGB to draw trim marks with (registration, C100 M100 Y100 K100).
    Rgb registration_rgb() const;
    size_t size() const { return intents_.size(); }

private:
    std::map<uint32_t, Color> intents_;
    uint32_t registration_code_ = 0;
};

}  // namespace koho::print
