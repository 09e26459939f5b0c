// The CMYK pass: colour operators in content streams, and the overprint
// ExtGStates set beside them.
#include "core/units.h"
#include "print/pdf_cmyk_content.h"

namespace koho::print::detail {

std::string ContentRewriter::numbers_text(const std::vector<double>& values) {
    std::string out;
    for (double v : values) {
        out += format_number(v, 4);
        out += ' ';
    }
    return out;
}

// Appends to `out` the gs call that makes stroke (or fill) overprint
// `value`, when the state is not so already.
void ContentRewriter::set_overprint(bool stroke, bool value, std::string& out) {
    if (target_ != Target::Ink)
        return;
    State& s = state();
    std::optional<bool>& mine = stroke ? s.overprint_stroke : s.overprint_fill;
    if (mine == value)
        return;
    mine = value;
    // The other one stays as it is; where it is not known, it is set off.
    if (!s.overprint_stroke)
        s.overprint_stroke = false;
    if (!s.overprint_fill)
        s.overprint_fill = false;
    out += ' ';
    out += pass_.overprint_gstate(view_, *s.overprint_stroke, *s.overprint_fill);
    out += " gs";
}

// Images and shadings carry their own colours: never overprinted. A form
// starts with overprint off (the pass sets its colours itself), so stroke
// overprint goes off before one too. The gs goes before the pending
// operands (`/Im0 /KohoOP00 gs Do` would hand gs the wrong name).
void ContentRewriter::overprint_off_for_paint(bool stroke_too) {
    if (target_ != Target::Ink)
        return;
    State& s = state();
    if (s.overprint_fill == false && (!stroke_too || s.overprint_stroke == false))
        return;
    s.overprint_fill = false;
    if (stroke_too || !s.overprint_stroke)
        s.overprint_stroke = false;
    write(" " + pass_.overprint_gstate(view_, *s.overprint_stroke, false) + " gs ");
}

SpaceInfo ContentRewriter::lookup_space(const std::string& name) const {
    SpaceInfo direct = pass_.classify_space(QPDFObjectHandle::newName(name));
    if (direct.family != Family::Unsupported)
        return direct;
    auto it = view_.spaces.find(name);
    if (it == view_.spaces.end())
        pass_.fail("colour space " + name + " is not among the resources");
    return it->second;
}

// The operands of the pending colour operator in `family`, converted, with
// `new_op` after them.
void ContentRewriter::set_colour(const std::string& op, Family family, bool stroke, const std::string& new_op) {
    bool overprint = false;
    std::vector<double> out_values = pass_.convert_colour(family, numeric_operands(op), target_, &overprint);
    std::string out = numbers_text(out_values) + new_op;
    set_overprint(stroke, overprint, out);
    replace_with(out);
    ++pass_.result.colours_rewritten;
}

// rg/RG, g/G, k/K: they set the device space and a colour in it.
void ContentRewriter::device_op(const std::string& op, Family family, bool stroke) {
    SpaceInfo& current = space(stroke);
    current = SpaceInfo{};
    current.family = family;
    const bool lum = target_ == Target::Luminance;
    if (family == Family::Cmyk && !lum) {
        // Already ink (nothing Cairo writes): kept, never overprinted.
        std::string out;
        set_overprint(stroke, false, out);
        flush();
        write(op + out);
        return;
    }
    if (family == Family::Gray && lum) {
        flush();
        write(op);
        return;
    }
    set_colour(op, family, stroke, stroke ? (lum ? "G" : "K") : (lum ? "g" : "k"));
}

void ContentRewriter::space_op(const std::string& op, bool stroke) {
    std::vector<const Token*> ops = operands();
    if (ops.size() != 1 || ops[0]->getType() != QPDFTokenizer::tt_name)
        pass_.fail("operator " + op + " without a colour space name");
    const std::string name = ops[0]->getValue();
    const SpaceInfo info = lookup_space(name);
    const bool lum = target_ == Target::Luminance;
    switch (info.family) {
    case Family::Gray:
    case Family::Rgb:
    case Family::Cmyk:
        // Setting the space also sets its initial colour (black), which the
        // converted space starts from as well.
        space(stroke) = info;
        if (lum ? info.family == Family::Gray && name == "/DeviceGray"
                : info.family == Family::Cmyk && name == "/DeviceCMYK") {
            flush();
            write(op);
        } else {
            replace_with(std::string(lum ? "/DeviceGray " : "/DeviceCMYK ") + op);
        }
        return;
    case Family::Pattern:
        space(stroke) = info;
        flush();
        write(op);
        return;
    case Family::Unsupported: break;
    }
    pass_.fail("colour space " + name + " (" + info.description + ") cannot be converted to CMYK");
}

// scn in a pattern space: a coloured pattern paints its own colours; an
// uncoloured one takes colour operands before the name.
void ContentRewriter::pattern_sc_op(const std::string& op, bool stroke, const SpaceInfo& current) {
    std::vector<const Token*> ops = operands();
    if (ops.empty() || ops.back()->getType() != QPDFTokenizer::tt_name)
        pass_.fail("operator " + op + " in a pattern space without a pattern name");
    std::string after;
    set_overprint(stroke, false, after);
    if (ops.size() == 1) {
        flush();
        write(op + after);
        return;
    }
    if (!current.pattern_has_base)
        pass_.fail("operator " + op + " has colour operands for a pattern without a base space");
    const std::string pattern = ops.back()->getRawValue();
    std::vector<double> values =
        pass_.convert_colour(current.pattern_base, numeric_operands(op, 1), target_, nullptr);
    ++pass_.result.colours_rewritten;
    replace_with(numbers_text(values) + pattern + " " + op + after);
}

void ContentRewriter::sc_op(const std::string& op, bool stroke) {
    const SpaceInfo current = space(stroke);
    const bool lum = target_ == Target::Luminance;
    switch (current.family) {
    case Family::Pattern: pattern_sc_op(op, stroke, current); return;
    case Family::Unsupported: pass_.fail("operator " + op + " in colour space " + current.description);
    case Family::Cmyk:
        if (!lum) {
            std::string out;
            set_overprint(stroke, false, out);
            flush();
            write(op + out);
            return;
        }
        break;
    case Family::Gray:
        if (lum) {
            flush();
            write(op);
            return;
        }
        break;
    case Family::Rgb: break;
    }
    set_colour(op, current.family, stroke, op);
}

}  // namespace koho::print::detail
