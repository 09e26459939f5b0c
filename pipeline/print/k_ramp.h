// Greys on the K plate alone (internal to print/).
//
// A grey printed through the full profile comes out in all four inks, which
// shows every registration error and colour cast. Instead koho prints a grey
// with black ink only, as much of it as makes the same lightness: the
// profile tells the lightness of each K tint on its paper; sRGB grey's
// lightness is scaled from [0, 100] onto [K100's, paper's] (so white stays
// paper and black is solid K) and looked up in that ramp.
#pragma once

#include <lcms2.h>

#include <array>
#include <cstdint>
#include <vector>

namespace koho::print {

class KRamp {
public:
    // Samples `output` (a CMYK profile) through relative colorimetric.
    // Throws koho::Error (Failure) when lcms2 cannot evaluate it.
    KRamp(cmsContext ctx, cmsHPROFILE output);

    // K coverage 0..1 for an sRGB grey 0 (black) .. 1 (white). Monotonic:
    // darker greys never get less ink; 1 → 0 and 0 → 1 exactly.
    double k_for_gray(double gray) const;
    // The same for 8-bit greys, as 8-bit ink (0 none .. 255 solid).
    uint8_t k8(uint8_t gray) const { return lut_[gray]; }

    // L* (relative to the paper) of K tint i / (samples - 1), for tests.
    const std::vector<double>& lightness() const { return lightness_; }

private:
    std::vector<double> lightness_;  // non-increasing
    std::array<uint8_t, 256> lut_{};
};

// CIE L* (0..100) of an sRGB-encoded grey 0..1.
double srgb_gray_lightness(double gray);

}  // namespace koho::print
