// What a colour space means for print: RGB-like (refused), CMYK-like, or
// named inks. Follows resource names, Indexed bases, ICC component counts
// and the base of an uncoloured pattern space.
#include "print/preflight_content.h"

namespace koho::print::detail {
namespace {

using Family = ColourSpace::Family;

ColourSpace device(Family family, const char* name, int components) {
    ColourSpace cs;
    cs.family = family;
    cs.name = name;
    cs.components = components;
    cs.rgb = family == Family::RGB || family == Family::Lab;
    cs.cmyk = family == Family::CMYK;
    return cs;
}

ColourSpace unknown(const std::string& name) {
    ColourSpace cs;
    cs.family = Family::Unknown;
    cs.name = name;
    return cs;
}

// Device spaces by name, including the abbreviations inline images use.
bool device_by_name(const std::string& name, ColourSpace& out) {
    if (name == "/DeviceGray" || name == "/G" || name == "/CalGray") {
        out = device(Family::Gray, name == "/CalGray" ? "CalGray" : "DeviceGray", 1);
    } else if (name == "/DeviceRGB" || name == "/RGB") {
        out = device(Family::RGB, "DeviceRGB", 3);
    } else if (name == "/DeviceCMYK" || name == "/CMYK") {
        out = device(Family::CMYK, "DeviceCMYK", 4);
    } else if (name == "/Pattern") {
        out = device(Family::Pattern, "Pattern", 0);
    } else {
        return false;
    }
    return true;
}

ColourSpace classify(QPDFObjectHandle space, QPDFObjectHandle resources, int depth) {
    if (depth > 8) return unknown("(too deeply nested colour space)");
    if (space.isName()) {
        const std::string name = space.getName();
        ColourSpace out;
        if (device_by_name(name, out)) return out;
        if (resources.isDictionary()) {
            QPDFObjectHandle named = resources.getKey("/ColorSpace");
            if (named.isDictionary() && named.hasKey(name))
                return classify(named.getKey(name), QPDFObjectHandle::newNull(), depth + 1);
        }
        return unknown(name.substr(1));
    }
    if (!space.isArray() || space.getArrayNItems() < 1 || !space.getArrayItem(0).isName())
        return unknown("(malformed colour space)");
    const std::string kind = space.getArrayItem(0).getName();
    QPDFObjectHandle arg = space.getArrayNItems() > 1 ? space.getArrayItem(1) : QPDFObjectHandle::newNull();
    if (kind == "/CalRGB") return device(Family::RGB, "CalRGB", 3);
    if (kind == "/CalGray") return device(Family::Gray, "CalGray", 1);
    if (kind == "/Lab") return device(Family::Lab, "Lab", 3);
    if (kind == "/ICCBased") {
        QPDFObjectHandle dict = arg.isStream() ? arg.getDict() : arg;
        const int n = dict.isDictionary() && dict.getKey("/N").isInteger() ? dict.getKey("/N").getIntValueAsInt() : 0;
        if (n == 1) return device(Family::Gray, "ICCBased (grey)", 1);
        if (n == 3) return device(Family::RGB, "ICCBased (RGB)", 3);
        if (n == 4) return device(Family::CMYK, "ICCBased (CMYK)", 4);
        return unknown("ICCBased (" + std::to_string(n) + " components)");
    }
    if (kind == "/Indexed" || kind == "/I") {
        ColourSpace base = classify(arg, resources, depth + 1);
        ColourSpace cs = device(Family::Indexed, "", 1);
        cs.name = "Indexed on " + base.name;
        cs.rgb = base.rgb;
        return cs;
    }
    if (kind == "/Pattern") {
        ColourSpace cs = device(Family::Pattern, "Pattern", 0);
        if (!arg.isNull()) {
            ColourSpace base = classify(arg, resources, depth + 1);
            cs.name = "Pattern on " + base.name;
            cs.rgb = base.rgb;
            cs.components = base.components;
        }
        return cs;
    }
    if (kind == "/Separation") {
        ColourSpace cs = device(Family::Separation, "Separation", 1);
        if (arg.isName()) {
            cs.inks.push_back(arg.getName().substr(1));
            cs.name = "Separation " + cs.inks.back();
        }
        return cs;
    }
    if (kind == "/DeviceN") {
        ColourSpace cs = device(Family::DeviceN, "DeviceN", 0);
        if (arg.isArray()) {
            for (QPDFObjectHandle ink : arg.aitems())
                if (ink.isName()) cs.inks.push_back(ink.getName().substr(1));
        }
        cs.components = static_cast<int>(cs.inks.size());
        return cs;
    }
    ColourSpace out;
    if (device_by_name(kind, out)) return out;  // [/DeviceRGB] is legal too
    return unknown(kind.substr(1));
}

}  // namespace

ColourSpace classify_colour_space(QPDFObjectHandle space, QPDFObjectHandle resources) {
    return classify(space, resources, 0);
}

}  // namespace koho::print::detail
