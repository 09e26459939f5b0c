// Tiny ICC profiles made with lcms2 for tests that only embed or inspect
// profile bytes (PDF/X output intents): a CMYK output profile of a chosen
// ICC version, and sRGB (a display profile, which an output intent refuses).
// Not a press characterisation: the colours it maps are rough on purpose.
#pragma once

#include <lcms2.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace koho::test {

struct ProfileCloser {
    void operator()(void* profile) const { cmsCloseProfile(profile); }
};
using ProfilePtr = std::unique_ptr<void, ProfileCloser>;

inline std::vector<uint8_t> profile_bytes(cmsHPROFILE profile) {
    cmsUInt32Number size = 0;
    if (!cmsSaveProfileToMem(profile, nullptr, &size)) throw std::runtime_error("lcms2: cannot size the profile");
    std::vector<uint8_t> bytes(size);
    if (!cmsSaveProfileToMem(profile, bytes.data(), &size)) throw std::runtime_error("lcms2: cannot save the profile");
    bytes.resize(size);
    return bytes;
}

// CMYK → Lab: lightness falls with the ink, no hue at all (enough for a
// valid AToB0 table).
inline cmsInt32Number cmyk_to_lab(const cmsUInt16Number in[], cmsUInt16Number out[], void*) {
    const double ink = std::min(1.0, (in[0] + in[1] + in[2] + 2.0 * in[3]) / (5.0 * 65535));
    out[0] = static_cast<cmsUInt16Number>((1 - ink) * 0xFF00);  // L* in the 16-bit Lab encoding
    out[1] = out[2] = 0x8000;                                     // a* = b* = 0
    return TRUE;
}

// Lab → CMYK: K from lightness alone.
inline cmsInt32Number lab_to_cmyk(const cmsUInt16Number in[], cmsUInt16Number out[], void*) {
    out[0] = out[1] = out[2] = 0;
    out[3] = static_cast<cmsUInt16Number>(65535 - std::min<int>(65535, in[0]));
    return TRUE;
}

inline void add_table(cmsHPROFILE profile, cmsTagSignature tag, int in, int out, cmsSAMPLER16 sampler) {
    cmsPipeline* pipeline = cmsPipelineAlloc(nullptr, in, out);
    cmsStage* clut = cmsStageAllocCLut16bit(nullptr, 2, in, out, nullptr);
    cmsStageSampleCLut16bit(clut, sampler, nullptr, 0);
    // Identity curves round the table: the shape lutAtoBType (ICC 4) and
    // lut16Type (ICC 2) both take.
    cmsPipelineInsertStage(pipeline, cmsAT_END, cmsStageAllocToneCurves(nullptr, in, nullptr));
    cmsPipelineInsertStage(pipeline, cmsAT_END, clut);
    cmsPipelineInsertStage(pipeline, cmsAT_END, cmsStageAllocToneCurves(nullptr, out, nullptr));
    cmsWriteTag(profile, tag, pipeline);
    cmsPipelineFree(pipeline);
}

// An ICC output ('prtr') profile on CMYK data, PCS Lab, described as
// `description`, of ICC version `version` (2.1 or 4.3).
inline std::vector<uint8_t> make_cmyk_profile(const std::string& description, double version = 2.1) {
    ProfilePtr profile(cmsCreateProfilePlaceholder(nullptr));
    cmsSetProfileVersion(profile.get(), version);
    cmsSetDeviceClass(profile.get(), cmsSigOutputClass);
    cmsSetColorSpace(profile.get(), cmsSigCmykData);
    cmsSetPCS(profile.get(), cmsSigLabData);
    cmsMLU* text = cmsMLUalloc(nullptr, 1);
    cmsMLUsetASCII(text, "en", "US", description.c_str());
    cmsWriteTag(profile.get(), cmsSigProfileDescriptionTag, text);
    cmsMLUfree(text);
    cmsWriteTag(profile.get(), cmsSigMediaWhitePointTag, cmsD50_XYZ());
    add_table(profile.get(), cmsSigAToB0Tag, 4, 3, cmyk_to_lab);
    add_table(profile.get(), cmsSigBToA0Tag, 3, 4, lab_to_cmyk);
    return profile_bytes(profile.get());
}

inline std::vector<uint8_t> make_srgb_profile() {
    ProfilePtr profile(cmsCreate_sRGBProfile());
    return profile_bytes(profile.get());
}

}  // namespace koho::test
