#include "print/k_ramp.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostic.h"
#include "print/lcms_handles.h"

namespace koho::print {
namespace {

// Enough K tints that linear interpolation between them is far below one
// 8-bit step.
constexpr int kSamples = 1024;

}  // namespace

double srgb_gray_lightness(double gray) {
    const double v = std::clamp(gray, 0.0, 1.0);
    const double y = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    constexpr double epsilon = 216.0 / 24389.0;
    constexpr double kappa = 24389.0 / 27.0;
    return y > epsilon ? 116 * std::cbrt(y) - 16 : kappa * y;
}

KRamp::KRamp(cmsContext ctx, cmsHPROFILE output) {
    lcms::Profile lab(cmsCreateLab4ProfileTHR(ctx, nullptr));
    if (!lab) fail_system({}, "lcms2 cannot make a Lab profile");
    lcms::Transform to_lab(cmsCreateTransformTHR(ctx, output, TYPE_CMYK_DBL, lab.get(), TYPE_Lab_DBL,
                                                 INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE));
    if (!to_lab) fail_system({}, "lcms2 cannot read the lightness of K tints from the output profile");

    std::vector<double> cmyk(size_t(kSamples) * 4, 0.0);  // lcms2 float CMYK is 0..100
    for (int i = 0; i < kSamples; ++i) cmyk[size_t(i) * 4 + 3] = 100.0 * i / (kSamples - 1);
    std::vector<cmsCIELab> lab_out(kSamples);
    cmsDoTransform(to_lab.get(), cmyk.data(), lab_out.data(), kSamples);

    lightness_.resize(kSamples);
    for (int i = 0; i < kSamples; ++i) {
        // A profile's table can wobble by a hair; more ink is never lighter.
        lightness_[i] = i == 0 ? lab_out[0].L : std::min(lab_out[i].L, lightness_[i - 1]);
    }
    if (!(lightness_.front() > lightness_.back()))
        fail_system({}, "the output profile's K tints do not get darker with more ink");

    for (int g = 0; g < 256; ++g) lut_[g] = uint8_t(std::lround(k_for_gray(g / 255.0) * 255));
}

double KRamp::k_for_gray(double gray) const {
    if (gray >= 1) return 0;
    if (gray <= 0) return 1;
    const double paper = lightness_.front(), solid = lightness_.back();
    const double target = solid + srgb_gray_lightness(gray) / 100 * (paper - solid);
    if (target >= paper) return 0;
    if (target <= solid) return 1;
    // First tint at least as dark as the target; lightness_ is non-increasing.
    auto it = std::lower_bound(lightness_.begin(), lightness_.end(), target, std::greater<double>());
    const size_t i = size_t(it - lightness_.begin());
    if (i == 0) return 0;
    const double lighter = lightness_[i - 1], darker = lightness_[i];
    const double t = lighter > darker ? (lighter - target) / (lighter - darker) : 1.0;
    return (double(i - 1) + t) / (kSamples - 1);
}

}  // namespace koho::print
