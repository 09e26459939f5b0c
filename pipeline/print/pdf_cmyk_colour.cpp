// The CMYK pass: colour values, colour space families, overprint states.
#include <algorithm>

#include "core/units.h"
#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {

QPDFObjectHandle pdf_number(double value) {
    return QPDFObjectHandle::newReal(format_number(value, 4));
}

std::optional<std::vector<double>> numbers_of(QPDFObjectHandle array) {
    if (!array.isArray())
        return std::nullopt;
    std::vector<double> out;
    for (QPDFObjectHandle item : array.getArrayAsVector()) {
        if (!item.isNumber())
            return std::nullopt;
        out.push_back(item.getNumericValue());
    }
    return out;
}

namespace {

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// The weights PDF gives for a colour's luminosity (ISO 32000-1 11.3.5.3):
// what a luminosity soft mask reads from a group's colours.
double luminance(double r, double g, double b) { return 0.3 * r + 0.59 * g + 0.11 * b; }

}  // namespace

std::vector<double> CmykPass::convert_colour(Family family, const std::vector<double>& in, Target target,
                                             bool* overprint) const {
    if (overprint)
        *overprint = false;
    const size_t want = family == Family::Gray ? 1 : family == Family::Rgb ? 3 : 4;
    if (in.size() != want)
        fail("a colour with " + std::to_string(in.size()) + " components where " + std::to_string(want) +
             " were expected");
    if (target == Target::Luminance) {
        switch (family) {
        case Family::Gray: return {clamp01(in[0])};
        case Family::Rgb: return {clamp01(luminance(clamp01(in[0]), clamp01(in[1]), clamp01(in[2])))};
        case Family::Cmyk:
            // PDF's own CMYK → gray (ISO 32000-1 10.3.4).
            return {1 - std::min(1.0, luminance(in[0], in[1], in[2]) + in[3])};
        default: break;
        }
        fail("a colour in a colour space the pass cannot read");
    }
    InkChoice choice;
    switch (family) {
    case Family::Gray: choice = inks.vector_gray(clamp01(in[0])); break;
    case Family::Rgb: choice = inks.vector_rgb(clamp01(in[0]), clamp01(in[1]), clamp01(in[2])); break;
    case Family::Cmyk: return in;  // already ink: nothing Cairo wrote, left as it is
    default: fail("a colour in a colour space the pass cannot read");
    }
    if (overprint)
        *overprint = choice.overprint;
    return {choice.cmyk.c, choice.cmyk.m, choice.cmyk.y, choice.cmyk.k};
}

SpaceInfo CmykPass::classify_space(QPDFObjectHandle space) const {
    SpaceInfo info;
    if (space.isName()) {
        const std::string name = space.getName();
        info.description = name;
        if (name == "/DeviceGray" || name == "/G")
            info.family = Family::Gray;
        else if (name == "/DeviceRGB" || name == "/RGB")
            info.family = Family::Rgb;
        else if (name == "/DeviceCMYK" || name == "/CMYK")
            info.family = Family::Cmyk;
        else if (name == "/Pattern")
            info.family = Family::Pattern;
        return info;
    }
    if (!space.isArray() || space.getArrayNItems() < 1 || !space.getArrayItem(0).isName()) {
        info.description = "(malformed)";
        return info;
    }
    const std::string kind = space.getArrayItem(0).getName();
    info.description = kind;
    if (kind == "/ICCBased" && space.getArrayNItems() == 2 && space.getArrayItem(1).isStream()) {
        QPDFObjectHandle n = space.getArrayItem(1).getDict().getKey("/N");
        const int components = n.isInteger() ? n.getIntValueAsInt() : 0;
        info.description = "/ICCBased with " + std::to_string(components) + " components";
        if (components == 1)
            info.family = Family::Gray;
        else if (components == 3)
            info.family = Family::Rgb;
        else if (components == 4)
            info.family = Family::Cmyk;
    } else if (kind == "/CalRGB") {
        info.family = Family::Rgb;
    } else if (kind == "/CalGray") {
        info.family = Family::Gray;
    } else if (kind == "/Pattern") {
        info.family = Family::Pattern;
        if (space.getArrayNItems() == 2) {
            const SpaceInfo base = classify_space(space.getArrayItem(1));
            info.pattern_has_base = true;
            info.pattern_base = base.family;
            if (base.family == Family::Pattern || base.family == Family::Unsupported) {
                info.family = Family::Unsupported;
                info.description = "/Pattern over " + base.description;
            }
        }
    }
    return info;
}

QPDFObjectHandle CmykPass::convert_space_entry(QPDFObjectHandle space, Target target) {
    const SpaceInfo info = classify_space(space);
    auto device = [&](Family family) {
        if (target == Target::Luminance)
            return QPDFObjectHandle::newName("/DeviceGray");
        if (family == Family::Cmyk)
            return space.isArray() && space.getArrayItem(0).isNameAndEquals("/ICCBased")
                       ? space
                       : QPDFObjectHandle::newName("/DeviceCMYK");
        return QPDFObjectHandle::newName(family == Family::Gray ? "/DeviceGray" : "/DeviceCMYK");
    };
    switch (info.family) {
    case Family::Gray:
    case Family::Rgb:
    case Family::Cmyk: return device(info.family);
    case Family::Pattern:
        if (!info.pattern_has_base)
            return space;
        return QPDFObjectHandle::newArray(
            {QPDFObjectHandle::newName("/Pattern"),
             target == Target::Luminance ? QPDFObjectHandle::newName("/DeviceGray")
                                         : QPDFObjectHandle::newName("/DeviceCMYK")});
    case Family::Unsupported: break;
    }
    fail("colour space " + info.description + " cannot be converted to CMYK");
}

std::string CmykPass::overprint_gstate(ResourceView& view, bool stroke, bool fill) {
    const std::string name = std::string("/KohoOP") + (stroke ? "1" : "0") + (fill ? "1" : "0");
    QPDFObjectHandle& state = overprint_states_[{stroke, fill}];
    if (!state.isInitialized()) {
        // /op is given even when it equals /OP: without it, /OP would set
        // both. OPM 1: a zero CMYK component leaves the ink below alone.
        QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
        dict.replaceKey("/Type", QPDFObjectHandle::newName("/ExtGState"));
        dict.replaceKey("/OP", QPDFObjectHandle::newBool(stroke));
        dict.replaceKey("/op", QPDFObjectHandle::newBool(fill));
        dict.replaceKey("/OPM", QPDFObjectHandle::newInteger(1));
        state = pdf.makeIndirectObject(dict);
    }
    QPDFObjectHandle gstates = view.resources.getKey("/ExtGState");
    if (!gstates.isDictionary()) {
        gstates = QPDFObjectHandle::newDictionary();
        view.resources.replaceKey("/ExtGState", gstates);
    }
    QPDFObjectHandle existing = gstates.getKey(name);
    if (existing.isNull())
        gstates.replaceKey(name, state);
    else if (!existing.isSameObjectAs(state))
        fail("the resources already name an ExtGState " + name);
    return name;
}

}  // namespace koho::print::detail
