// Colour management for print, on lcms2: the output profile, sRGB → press
// CMYK for vectors and pixels, greys on K alone, black as K100 with
// overprint, and the total area coverage (TAC) limit.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "print/ink.h"
#include "print/ink_palette.h"

namespace koho::print {

enum class RenderingIntent { Perceptual, RelativeColorimetric };

// A CMYK output (press) profile, as embedded in the PDF's output intent.
struct OutputProfile {
    std::vector<uint8_t> icc;          // the profile's bytes
    std::string description;           // its 'desc' tag, e.g. "Japan Color 2011 Coated"
    // For /OutputIntents: the characterisation it stands for and where that
    // is registered ("FOGRA39", "http://www.color.org"); empty when unknown.
    std::string condition_identifier;
    std::string registry_name;
};

// Reads and checks an ICC profile: it must be a CMYK output profile that
// lcms2 can use. Errors (missing, unreadable, not CMYK) point at `where`.
OutputProfile load_output_profile(const std::filesystem::path& path, const SourceLoc& where);

// koho's default: built at set-up from icc-profiles-free's FOGRA39L
// characterisation data by scripts/build-profile.sh (ArgyllCMS colprof),
// kept at <source>/profiles/koho-FOGRA39L.icc. Fails with a message saying
// how to build it when it is missing.
OutputProfile default_output_profile();

struct ColorSettings {
    double tac_percent = 320;          // total ink limit, percent (300..400 typical)
    RenderingIntent intent = RenderingIntent::Perceptual;
    bool black_point_compensation = true;
};

// The InkConverter of a real print job: intents from the palette come out
// as given (CMYK exactly; #000000, #231815 and K100 as K100 with overprint;
// greys on K alone, matched in lightness); everything else through lcms2,
// then limited to the TAC.
class ColorManager final : public InkConverter {
public:
    ColorManager(const OutputProfile& profile, const ColorSettings& settings, InkPalette palette);
    ~ColorManager() override;
    ColorManager(const ColorManager&) = delete;
    ColorManager& operator=(const ColorManager&) = delete;

    InkChoice vector_rgb(double r, double g, double b) const override;
    InkChoice vector_gray(double gray) const override;
    void rgb_pixels(const uint8_t* rgb, uint8_t* cmyk, size_t count) const override;
    void gray_pixels(const uint8_t* gray_in, uint8_t* gray_out, size_t count) const override;
    // The profile's bytes and the settings (the palette is for vectors).
    std::string pixel_identity() const override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The TAC limit applied to one colour: C, M and Y reduced in proportion
// (K kept) until the total is at most `tac_percent`.
Cmyk limit_total_ink(Cmyk ink, double tac_percent);

}  // namespace koho::print
