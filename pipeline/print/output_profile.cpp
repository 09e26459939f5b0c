// load_output_profile and default_output_profile (print/color_manager.h).
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/data_dir.h"
#include "core/dependency_log.h"
#include "print/color_manager.h"
#include "print/lcms_handles.h"

namespace koho::print {
namespace fs = std::filesystem;
namespace {

// The description scripts/build-profile.sh gives koho's own profile.
constexpr const char* kDefaultDescriptionPrefix = "koho FOGRA39L";

std::string quoted(const fs::path& path) {
    std::string text = "'";
    text += path.string();
    text += '\'';
    return text;
}

std::string description_of(cmsHPROFILE profile) {
    const cmsUInt32Number size = cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", nullptr, 0);
    if (size <= 1) return "";
    std::string text(size, '\0');
    cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", text.data(), size);
    text.resize(text.find('\0') == std::string::npos ? text.size() : text.find('\0'));
    return text;
}

const char* space_name(cmsColorSpaceSignature space) {
    switch (space) {
    case cmsSigRgbData: return "RGB";
    case cmsSigGrayData: return "grey";
    case cmsSigLabData: return "Lab";
    case cmsSigXYZData: return "XYZ";
    case cmsSigCmyData: return "CMY";
    default: return "non-CMYK";
    }
}

const char* class_name(cmsProfileClassSignature cls) {
    switch (cls) {
    case cmsSigInputClass: return "an input (scanner, camera)";
    case cmsSigDisplayClass: return "a display";
    case cmsSigLinkClass: return "a device link";
    case cmsSigAbstractClass: return "an abstract";
    case cmsSigColorSpaceClass: return "a colour space";
    case cmsSigNamedColorClass: return "a named colour";
    default: return "an unknown";
    }
}

}  // namespace

OutputProfile load_output_profile(const fs::path& path, const SourceLoc& where) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        fail_input(where, "no ICC profile at " + quoted(path) + ": the file does not exist");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(where, "cannot read the ICC profile " + quoted(path));
    OutputProfile out;
    out.icc.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) fail_input(where, "cannot read the ICC profile " + quoted(path));
    record_dependency(path);

    lcms::Context ctx;
    lcms::Profile profile(cmsOpenProfileFromMemTHR(ctx.get(), out.icc.data(), cmsUInt32Number(out.icc.size())));
    if (!profile) {
        std::string why = ctx.last_error().empty() ? "" : " (" + ctx.last_error() + ")";
        fail_input(where, quoted(path) + " is not an ICC profile lcms2 can read" + why);
    }
    const cmsColorSpaceSignature space = cmsGetColorSpace(profile.get());
    if (space != cmsSigCmykData)
        fail_input(where, quoted(path) + " is " + space_name(space) +
                              " profile; printing needs the press's CMYK output profile (e.g. Japan Color 2011 Coated)");
    const cmsProfileClassSignature cls = cmsGetDeviceClass(profile.get());
    if (cls != cmsSigOutputClass)
        fail_input(where, quoted(path) + " is " + class_name(cls) +
                              " profile, not an output (printer) profile");
    // koho converts into the profile (BToA) and reads its K tints back
    // (AToB). lcms2 falls back to the perceptual tables when an intent's
    // own are missing, so those two must be there.
    if (!cmsIsIntentSupported(profile.get(), INTENT_PERCEPTUAL, LCMS_USED_AS_OUTPUT) ||
        !cmsIsIntentSupported(profile.get(), INTENT_PERCEPTUAL, LCMS_USED_AS_INPUT))
        fail_input(where, quoted(path) + " lacks the perceptual tables (AToB0 and BToA0) an output profile must have");

    out.description = description_of(profile.get());
    if (out.description.empty()) out.description = path.filename().string();
    if (out.description.rfind(kDefaultDescriptionPrefix, 0) == 0) {
        // Built from FOGRA's own characterisation data of ISO 12647-2 coated
        // offset, which the ICC registry lists as FOGRA39.
        out.condition_identifier = "FOGRA39";
        out.registry_name = "http://www.color.org";
    }
    return out;
}

OutputProfile default_output_profile() {
    const fs::path path = shipped_data_dir() / "profiles" / "koho-FOGRA39L.icc";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        fail_system({path.string()},
                    "koho's default press profile is missing; build it with scripts/build-profile.sh "
                    "(needs Debian's argyll and icc-profiles-free), or name your printer's profile with --profile");
    return load_output_profile(path, {path.string()});
}

}  // namespace koho::print
