// The CMYK pass: resources — XObjects, patterns, shadings, ExtGStates,
// colour spaces and Type 3 fonts — converted before the content using them.
#include "core/units.h"
#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {
namespace {

bool is_transparency_group(QPDFObjectHandle dict) {
    QPDFObjectHandle group = dict.getKey("/Group");
    return group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency");
}

}  // namespace

QPDFObjectHandle CmykPass::convert_form(QPDFObjectHandle form, Target target, QPDFObjectHandle inherited,
                                        Findings& found, bool soft_mask_group) {
    const auto key = std::make_pair(form.getObjGen(), target);
    if (form.isIndirect()) {
        auto done = done_.find(key);
        if (done != done_.end()) {
            found.add(done_findings_[key]);
            if (soft_mask_group)
                forms[done->second.getObjGen()].soft_mask_group = true;
            return done->second;
        }
    }
    QPDFObjectHandle original = form;
    form = claim(form, target);
    if (original.isIndirect())
        done_[key] = form;  // before its content: a form reached from itself stops here
    QPDFObjectHandle dict = form.getDict();

    QPDFObjectHandle group = dict.getKey("/Group");
    if (group.isDictionary() && group.hasKey("/CS")) {
        const SpaceInfo space = classify_space(group.getKey("/CS"));
        if (space.family != Family::Gray && space.family != Family::Rgb && space.family != Family::Cmyk)
            fail("a transparency group's colour space " + space.description + " cannot be converted");
        if (target == Target::Luminance)
            group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceGray"));
        else if (space.family == Family::Rgb)
            group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
    }

    Findings own;
    QPDFObjectHandle resources = dict.getKey("/Resources");
    if (!resources.isDictionary()) {
        // An old-style form without resources uses its invoker's: it gets a
        // copy of its own to be converted (and to take overprint states).
        resources = inherited.isDictionary() ? inherited.shallowCopy() : QPDFObjectHandle::newDictionary();
        dict.replaceKey("/Resources", resources);
    }
    ResourceView view = convert_resources(resources, target, own);
    if (!view.resources.isSameObjectAs(resources))
        dict.replaceKey("/Resources", view.resources);

    StreamStart start;
    // Every Do of a form is preceded by overprint off (the form's content
    // sets its own colours). A transparency group starts opaque, with no
    // soft mask and Normal blending (ISO 32000-1 11.6.6); a plain form
    // inherits them.
    start.transparency_known_clean = is_transparency_group(dict);
    rewrite_content(form, view, target, start, own);

    FormRecord& record = forms[form.getObjGen()];
    record.form = form;
    record.found.add(own);
    record.soft_mask_group = record.soft_mask_group || soft_mask_group;
    if (original.isIndirect())
        done_findings_[key] = own;
    found.add(own);
    return form;
}

QPDFObjectHandle CmykPass::convert_xobject(QPDFObjectHandle xobject, Target target, QPDFObjectHandle inherited,
                                           Findings& found, XObjectInfo& info) {
    if (!xobject.isStream())
        fail("an XObject resource is not a stream");
    QPDFObjectHandle subtype = xobject.getDict().getKey("/Subtype");
    if (subtype.isNameAndEquals("/Form")) {
        info.kind = XObjectInfo::Form;
        info.group = is_transparency_group(xobject.getDict());
        QPDFObjectHandle converted = convert_form(xobject, target, inherited, found, false);
        info.id = converted.getObjGen();
        return converted;
    }
    if (subtype.isNameAndEquals("/Image")) {
        QPDFObjectHandle mask = xobject.getDict().getKey("/ImageMask");
        info.kind = mask.isBool() && mask.getBoolValue() ? XObjectInfo::ImageMask : XObjectInfo::Image;
        QPDFObjectHandle converted = convert_image(xobject, target, found);
        info.id = converted.getObjGen();
        return converted;
    }
    if (subtype.isNameAndEquals("/PS"))
        fail("a PostScript XObject cannot be converted");
    fail("an XObject of unknown subtype");
}

QPDFObjectHandle CmykPass::convert_pattern(QPDFObjectHandle pattern, Target target, Findings& found) {
    QPDFObjectHandle dict = pattern.isStream() ? pattern.getDict() : pattern;
    if (!dict.isDictionary())
        fail("a pattern resource is not a dictionary");
    const auto key = std::make_pair(pattern.getObjGen(), target);
    if (pattern.isIndirect()) {
        auto done = done_.find(key);
        if (done != done_.end()) {
            found.add(done_findings_[key]);
            return done->second;
        }
    }
    QPDFObjectHandle original = pattern;
    pattern = claim(pattern, target);
    if (original.isIndirect())
        done_[key] = pattern;
    dict = pattern.isStream() ? pattern.getDict() : pattern;
    Findings own;
    QPDFObjectHandle type = dict.getKey("/PatternType");
    if (type.isInteger() && type.getIntValue() == 1 && pattern.isStream()) {
        // A tiling pattern: its cell is a content stream of its own.
        QPDFObjectHandle resources = dict.getKey("/Resources");
        if (!resources.isDictionary()) {
            resources = QPDFObjectHandle::newDictionary();
            dict.replaceKey("/Resources", resources);
        }
        ResourceView view = convert_resources(resources, target, own);
        if (!view.resources.isSameObjectAs(resources))
            dict.replaceKey("/Resources", view.resources);
        // A pattern cell starts in the state its parent stream started in:
        // overprint off.
        rewrite_content(pattern, view, target, StreamStart{}, own);
    } else if (type.isInteger() && type.getIntValue() == 2) {
        dict.replaceKey("/Shading", convert_shading(dict.getKey("/Shading"), target));
        QPDFObjectHandle gstate = dict.getKey("/ExtGState");
        if (gstate.isDictionary()) {
            GStateInfo info;
            convert_gstate(gstate, own, info);
        }
    } else {
        fail("a pattern of unknown type");
    }
    if (original.isIndirect())
        done_findings_[key] = own;
    found.add(own);
    return pattern;
}

void CmykPass::convert_gstate(QPDFObjectHandle gstate, Findings& found, GStateInfo& info) {
    if (!gstate.isDictionary())
        fail("an ExtGState resource is not a dictionary");
    // Soft masks are always converted for luminance, whoever uses the state.
    const auto key = std::make_pair(gstate.getObjGen(), Target::Ink);
    const bool seen = gstate.isIndirect() && done_findings_.count(key);
    Findings own;
    bool only_alpha = true;
    for (const std::string& name : gstate.getKeys()) {
        QPDFObjectHandle value = gstate.getKey(name);
        if (name == "/CA" || name == "/ca") {
            if (!value.isNumber())
                fail("ExtGState " + name + " is not a number");
            const double alpha = value.getNumericValue();
            (name == "/CA" ? info.stroke_alpha : info.fill_alpha) = alpha;
            if (alpha < 1) {
                own.add("constant alpha " + format_number(alpha, 3));
                only_alpha = false;
            }
        } else if (name == "/BM") {
            QPDFObjectHandle mode = value.isArray() && value.getArrayNItems() > 0 ? value.getArrayItem(0) : value;
            const bool normal = mode.isNameAndEquals("/Normal") || mode.isNameAndEquals("/Compatible");
            info.blend_normal = normal;
            if (!normal)
                own.add("blend mode " + (mode.isName() ? mode.getName().substr(1) : std::string("?")));
            only_alpha = false;
        } else if (name == "/SMask") {
            only_alpha = false;
            if (value.isNameAndEquals("/None")) {
                info.soft_mask = false;
                continue;
            }
            if (!value.isDictionary() || !value.getKey("/G").isStream())
                fail("a soft mask without a group");
            info.soft_mask = true;
            own.add("soft mask");
            if (seen)
                continue;
            // Luminosity and alpha masks alike: their colours are a mask,
            // never ink, so the group goes to DeviceGray.
            QPDFObjectHandle mask_group = value.getKey("/G");
            QPDFObjectHandle no_resources;
            QPDFObjectHandle converted = convert_form(mask_group, Target::Luminance, no_resources, own, true);
            if (!converted.isSameObjectAs(mask_group))
                value.replaceKey("/G", converted);
            std::optional<std::vector<double>> backdrop = numbers_of(value.getKey("/BC"));
            if (backdrop && backdrop->size() == 3) {
                std::vector<double> gray = convert_colour(Family::Rgb, *backdrop, Target::Luminance, nullptr);
                value.replaceKey("/BC", QPDFObjectHandle::newArray({pdf_number(gray[0])}));
            } else if (backdrop && backdrop->size() == 4) {
                std::vector<double> gray = convert_colour(Family::Cmyk, *backdrop, Target::Luminance, nullptr);
                value.replaceKey("/BC", QPDFObjectHandle::newArray({pdf_number(gray[0])}));
            }
        } else if (name == "/OP" || name == "/op") {
            // Overprint the input sets itself: tracked like the pass's own.
            if (!value.isBool())
                fail("ExtGState " + name + " is not a boolean");
            if (name == "/OP") {
                info.overprint_stroke = value.getBoolValue();
                if (!gstate.hasKey("/op"))
                    info.overprint_fill = value.getBoolValue();
            } else {
                info.overprint_fill = value.getBoolValue();
            }
            only_alpha = false;
        } else if (name != "/Type") {
            only_alpha = false;
        }
    }
    info.opaque_only = only_alpha && (info.stroke_alpha || info.fill_alpha);
    if (seen) {
        found.add(done_findings_[key]);
        return;
    }
    if (gstate.isIndirect())
        done_findings_[key] = own;
    found.add(own);
}

void CmykPass::convert_type3_font(QPDFObjectHandle font, Target target, Findings& found) {
    const auto key = std::make_pair(font.getObjGen(), target);
    if (font.isIndirect()) {
        if (done_.count(key)) {
            found.add(done_findings_[key]);
            return;
        }
        if (owner_.count(font.getObjGen()) && owner_[font.getObjGen()] != target)
            fail("a Type 3 font is used both as ink and inside a soft mask");
        owner_.emplace(font.getObjGen(), target);
        done_[key] = font;
    }
    Findings own;
    // Glyphs of a font without resources would name those of the page
    // showing them; they get their own (for overprint states), and a name
    // they use that is not there is an error.
    QPDFObjectHandle resources = font.getKey("/Resources");
    if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        font.replaceKey("/Resources", resources);
    }
    ResourceView view = convert_resources(resources, target, own);
    if (!view.resources.isSameObjectAs(resources))
        font.replaceKey("/Resources", view.resources);
    QPDFObjectHandle procs = font.getKey("/CharProcs");
    if (procs.isDictionary()) {
        for (const std::string& glyph : procs.getKeys()) {
            QPDFObjectHandle proc = procs.getKey(glyph);
            if (!proc.isStream())
                continue;
            // A glyph is painted in the state of the text showing it.
            StreamStart start;
            start.overprint_known_off = false;
            rewrite_content(proc, view, target, start, own);
        }
    }
    if (font.isIndirect())
        done_findings_[key] = own;
    found.add(own);
}

ResourceView CmykPass::convert_resources(QPDFObjectHandle resources, Target target, Findings& found) {
    const auto key = std::make_pair(resources.getObjGen(), target);
    if (resources.isIndirect()) {
        auto done = views_.find(key);
        if (done != views_.end()) {
            found.add(done_findings_[key]);
            return done->second;
        }
    }
    QPDFObjectHandle original = resources;
    resources = claim(resources, target);
    ResourceView view;
    view.resources = resources;
    Findings own;

    QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
    if (spaces.isDictionary()) {
        for (const std::string& name : spaces.getKeys()) {
            QPDFObjectHandle space = spaces.getKey(name);
            view.spaces[name] = classify_space(space);
            spaces.replaceKey(name, convert_space_entry(space, target));
        }
    }
    QPDFObjectHandle gstates = resources.getKey("/ExtGState");
    if (gstates.isDictionary()) {
        for (const std::string& name : gstates.getKeys()) {
            GStateInfo info;
            convert_gstate(gstates.getKey(name), own, info);
            view.gstates[name] = info;
        }
    }
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (xobjects.isDictionary()) {
        for (const std::string& name : xobjects.getKeys()) {
            QPDFObjectHandle xobject = xobjects.getKey(name);
            XObjectInfo info;
            QPDFObjectHandle converted = convert_xobject(xobject, target, resources, own, info);
            if (!converted.isSameObjectAs(xobject))
                xobjects.replaceKey(name, converted);
            view.xobjects[name] = info;
        }
    }
    QPDFObjectHandle patterns = resources.getKey("/Pattern");
    if (patterns.isDictionary()) {
        for (const std::string& name : patterns.getKeys()) {
            QPDFObjectHandle pattern = patterns.getKey(name);
            QPDFObjectHandle converted = convert_pattern(pattern, target, own);
            if (!converted.isSameObjectAs(pattern))
                patterns.replaceKey(name, converted);
        }
    }
    QPDFObjectHandle shadings = resources.getKey("/Shading");
    if (shadings.isDictionary()) {
        for (const std::string& name : shadings.getKeys()) {
            QPDFObjectHandle shading = shadings.getKey(name);
            QPDFObjectHandle converted = convert_shading(shading, target);
            if (!converted.isSameObjectAs(shading))
                shadings.replaceKey(name, converted);
        }
    }
    QPDFObjectHandle fonts = resources.getKey("/Font");
    if (fonts.isDictionary()) {
        for (const std::string& name : fonts.getKeys()) {
            QPDFObjectHandle font = fonts.getKey(name);
            if (font.isDictionary() && font.getKey("/Subtype").isNameAndEquals("/Type3"))
                convert_type3_font(font, target, own);
        }
    }
    view.record = record_resources(view);
    if (original.isIndirect()) {
        views_[key] = view;
        done_findings_[key] = own;
    }
    found.add(own);
    return view;
}

}  // namespace koho::print::detail
