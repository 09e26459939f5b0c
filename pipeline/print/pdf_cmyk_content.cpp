// The CMYK pass: colour operators in content streams.
//
// qpdf's tokenizer hands over every token; operands wait in `pending_`
// until their operator arrives. Colour operators are written anew (rg → k,
// RG → K, g/G → k/K, cs/CS + sc/scn in RGB → DeviceCMYK), everything else
// goes out as it came. Alongside, the rewriter tracks through q/Q what the
// graphics state is: colour spaces (to read sc operands), overprint (to set
// it where the converter asks and only there) and alpha (to drop calls of
// ExtGStates that only repeat "opaque").
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>

#include <charconv>
#include <memory>

#include "core/units.h"
#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {

using Token = QPDFTokenizer::Token;

class ContentRewriter : public QPDFObjectHandle::TokenFilter {
public:
    ContentRewriter(CmykPass& pass, ResourceView& view, Target target, StreamStart start, Findings& found)
        : pass_(pass), view_(view), target_(target), found_(found) {
        State initial;
        initial.fill_space.family = Family::Gray;
        initial.stroke_space.family = Family::Gray;
        if (start.overprint_known_off) {
            initial.overprint_fill = false;
            initial.overprint_stroke = false;
        }
        if (start.transparency_known_clean) {
            initial.stroke_alpha = 1;
            initial.fill_alpha = 1;
            initial.soft_mask = false;
            initial.blend_normal = true;
        }
        stack_.push_back(initial);
    }

    void handleToken(const Token& token) override {
        switch (token.getType()) {
        case QPDFTokenizer::tt_word: operator_(token); break;
        case QPDFTokenizer::tt_bad: pass_.fail("a content stream has a token qpdf cannot read"); break;
        case QPDFTokenizer::tt_inline_image:
            flush();
            writeToken(token);
            break;
        default: pending_.push_back(token); break;
        }
    }

    void handleEOF() override { flush(); }

private:
    // std::nullopt: not known here (inherited from an invoking stream).
    struct State {
        SpaceInfo fill_space, stroke_space;
        std::optional<bool> overprint_fill, overprint_stroke;
        std::optional<double> stroke_alpha, fill_alpha;
        std::optional<bool> soft_mask, blend_normal;

        bool clean() const {
            return stroke_alpha == 1.0 && fill_alpha == 1.0 && soft_mask == false && blend_normal == true;
        }
        bool known_transparent() const {
            return (stroke_alpha && *stroke_alpha < 1) || (fill_alpha && *fill_alpha < 1) || soft_mask == true ||
                   blend_normal == false;
        }
    };

    State& state() { return stack_.back(); }

    void flush() {
        for (const Token& t : pending_)
            writeToken(t);
        pending_.clear();
    }

    // The operands (non-space tokens) waiting for the operator.
    std::vector<const Token*> operands() const {
        std::vector<const Token*> out;
        for (const Token& t : pending_)
            if (t.getType() != QPDFTokenizer::tt_space && t.getType() != QPDFTokenizer::tt_comment)
                out.push_back(&t);
        return out;
    }

    static bool is_number(const Token* t) {
        return t->getType() == QPDFTokenizer::tt_integer || t->getType() == QPDFTokenizer::tt_real;
    }

    double number(const Token* t, const std::string& op) const {
        const std::string& text = t->getValue();
        double value = 0;
        const char* first = text.data();
        const char* last = text.data() + text.size();
        if (!text.empty() && text[0] == '+')
            ++first;
        auto [end, error] = std::from_chars(first, last, value);
        if (error != std::errc() || end != last)
            pass_.fail("operator " + op + " has an operand that is not a number: " + text);
        return value;
    }

    // Replaces the pending operands and the operator by `text`, keeping the
    // whitespace that separated them from what came before.
    void replace_with(const std::string& text) {
        size_t lead = 0;
        while (lead < pending_.size() && pending_[lead].getType() == QPDFTokenizer::tt_space)
            writeToken(pending_[lead++]);
        if (lead == 0)
            write(" ");
        write(text);
        pending_.clear();
    }

    void drop() { pending_.clear(); }

    std::string numbers_text(const std::vector<double>& values) const {
        std::string out;
        for (double v : values) {
            out += format_number(v, 4);
            out += ' ';
        }
        return out;
    }

    void set_overprint(bool stroke, bool value, std::string& out) {
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

    // Images and shadings carry their own colours: never overprinted.
    void overprint_off_for_paint() {
        if (target_ != Target::Ink || state().overprint_fill == false)
            return;
        // Before the operands: `/Im0 /KohoOP00 gs Do` would hand gs the
        // wrong name.
        std::string out;
        set_overprint(false, false, out);
        write(out + " ");
    }

    SpaceInfo lookup_space(const std::string& name) const {
        SpaceInfo direct = pass_.classify_space(QPDFObjectHandle::newName(name));
        if (direct.family != Family::Unsupported)
            return direct;
        auto it = view_.spaces.find(name);
        if (it == view_.spaces.end())
            pass_.fail("colour space " + name + " is not among the resources");
        return it->second;
    }

    // "r g b rg" and friends: `family` says how many operands to read.
    void set_colour(const std::string& op, Family family, bool stroke, const std::string& new_op) {
        std::vector<const Token*> ops = operands();
        std::vector<double> values;
        for (const Token* t : ops) {
            if (!is_number(t))
                pass_.fail("operator " + op + " has an operand that is not a number");
            values.push_back(number(t, op));
        }
        bool overprint = false;
        std::vector<double> out_values = pass_.convert_colour(family, values, target_, &overprint);
        std::string out = numbers_text(out_values) + new_op;
        set_overprint(stroke, overprint, out);
        replace_with(out);
        ++pass_.result.colours_rewritten;
    }

    void rgb_op(const std::string& op, bool stroke) {
        const bool lum = target_ == Target::Luminance;
        set_colour(op, Family::Rgb, stroke, stroke ? (lum ? "G" : "K") : (lum ? "g" : "k"));
        (stroke ? state().stroke_space : state().fill_space).family = lum ? Family::Gray : Family::Cmyk;
    }

    void gray_op(const std::string& op, bool stroke) {
        const bool lum = target_ == Target::Luminance;
        set_colour(op, Family::Gray, stroke, stroke ? (lum ? "G" : "K") : (lum ? "g" : "k"));
        (stroke ? state().stroke_space : state().fill_space).family = lum ? Family::Gray : Family::Cmyk;
    }

    void cmyk_op(const std::string& op, bool stroke) {
        if (target_ == Target::Luminance) {
            set_colour(op, Family::Cmyk, stroke, stroke ? "G" : "g");
        } else {
            std::string out;
            set_overprint(stroke, false, out);
            flush();
            write(op + out);
        }
        (stroke ? state().stroke_space : state().fill_space).family =
            target_ == Target::Luminance ? Family::Gray : Family::Cmyk;
    }

    void space_op(const std::string& op, bool stroke) {
        std::vector<const Token*> ops = operands();
        if (ops.size() != 1 || ops[0]->getType() != QPDFTokenizer::tt_name)
            pass_.fail("operator " + op + " without a colour space name");
        const std::string name = ops[0]->getValue();
        SpaceInfo info = lookup_space(name);
        SpaceInfo& current = stroke ? state().stroke_space : state().fill_space;
        const bool lum = target_ == Target::Luminance;
        switch (info.family) {
        case Family::Gray:
        case Family::Rgb:
        case Family::Cmyk:
            // Setting the space also sets its initial colour (black), which
            // the converted space starts from as well.
            current = info;
            if (lum ? info.family == Family::Gray : info.family == Family::Cmyk && name == "/DeviceCMYK") {
                flush();
                write(op);
            } else {
                replace_with(std::string(lum ? "/DeviceGray " : "/DeviceCMYK ") + op);
            }
            return;
        case Family::Pattern:
            current = info;
            flush();
            write(op);
            return;
        case Family::Unsupported: break;
        }
        pass_.fail("colour space " + name + " (" + info.description + ") cannot be converted to CMYK");
    }

    void sc_op(const std::string& op, bool stroke) {
        const SpaceInfo space = stroke ? state().stroke_space : state().fill_space;
        const std::string target_op = op;
        if (space.family == Family::Pattern) {
            std::vector<const Token*> ops = operands();
            if (ops.empty() || ops.back()->getType() != QPDFTokenizer::tt_name)
                pass_.fail("operator " + op + " in a pattern space without a pattern name");
            const std::string pattern = ops.back()->getRawValue();
            std::string out;
            if (ops.size() > 1) {
                // An uncoloured pattern: its colour operands are converted.
                if (!space.pattern_has_base)
                    pass_.fail("operator " + op + " has colour operands for a pattern without a base space");
                std::vector<double> values;
                for (size_t i = 0; i + 1 < ops.size(); ++i) {
                    if (!is_number(ops[i]))
                        pass_.fail("operator " + op + " has an operand that is not a number");
                    values.push_back(number(ops[i], op));
                }
                out = numbers_text(pass_.convert_colour(space.pattern_base, values, target_, nullptr));
                ++pass_.result.colours_rewritten;
            } else {
                flush();
            }
            // A pattern paints its own colours: not overprinted.
            std::string after;
            set_overprint(stroke, false, after);
            if (ops.size() > 1)
                replace_with(out + pattern + " " + target_op + after);
            else
                write(target_op + after);
            return;
        }
        if (space.family == Family::Unsupported)
            pass_.fail("operator " + op + " in colour space " + space.description);
        const bool lum = target_ == Target::Luminance;
        if (!lum && space.family == Family::Cmyk) {
            std::string out;
            set_overprint(stroke, false, out);
            flush();
            write(op + out);
            return;
        }
        if (lum && space.family == Family::Gray) {
            flush();
            write(op);
            return;
        }
        set_colour(op, space.family, stroke, op);
        (stroke ? state().stroke_space : state().fill_space).family = lum ? Family::Gray : Family::Cmyk;
    }

    void gs_op() {
        std::vector<const Token*> ops = operands();
        if (ops.size() != 1 || ops[0]->getType() != QPDFTokenizer::tt_name)
            pass_.fail("operator gs without an ExtGState name");
        const std::string name = ops[0]->getValue();
        auto it = view_.gstates.find(name);
        if (it == view_.gstates.end()) {
            // One the pass itself added (overprint) is never read back.
            pass_.fail("ExtGState " + name + " is not among the resources");
        }
        const GStateInfo& info = it->second;
        State& s = state();
        if (info.opaque_only && (!info.stroke_alpha || s.stroke_alpha == 1.0) &&
            (!info.fill_alpha || s.fill_alpha == 1.0)) {
            drop();  // says "opaque" where the state already is
            return;
        }
        if (info.opaque_only)
            pass_.visited(view_).still_called.insert(name);
        if (info.stroke_alpha)
            s.stroke_alpha = info.stroke_alpha;
        if (info.fill_alpha)
            s.fill_alpha = info.fill_alpha;
        if (info.soft_mask)
            s.soft_mask = info.soft_mask;
        if (info.blend_normal)
            s.blend_normal = info.blend_normal;
        flush();
        write("gs");
    }

    void do_op() {
        std::vector<const Token*> ops = operands();
        if (ops.size() != 1 || ops[0]->getType() != QPDFTokenizer::tt_name)
            pass_.fail("operator Do without an XObject name");
        const std::string name = ops[0]->getValue();
        auto it = view_.xobjects.find(name);
        if (it == view_.xobjects.end())
            pass_.fail("XObject " + name + " is not among the resources");
        const XObjectInfo& info = it->second;
        if (info.kind == XObjectInfo::Image)
            overprint_off_for_paint();
        if (info.kind == XObjectInfo::Form && !state().clean()) {
            // Painted with transparency (or with a state inherited unseen):
            // its group must stay.
            auto form = pass_.forms.find(info.id);
            if (form != pass_.forms.end())
                form->second.transparent_use = true;
            if (info.group && state().known_transparent())
                found_.add("transparency group");
        }
        flush();
        write("Do");
    }

    // BI … ID: only stencil masks (painted in the current colour) pass.
    void inline_image_op() {
        bool mask = false;
        std::vector<const Token*> ops = operands();
        for (size_t i = 0; i + 1 < ops.size(); ++i) {
            const std::string key = ops[i]->getValue();
            if ((key == "/IM" || key == "/ImageMask") && ops[i + 1]->getValue() == "true")
                mask = true;
        }
        if (!mask)
            pass_.fail("an inline image (BI … ID) in colour: the pass converts image XObjects only");
        flush();
        write("ID");
    }

    void operator_(const Token& token) {
        const std::string& op = token.getValue();
        if (in_inline_image_) {
            if (op == "ID") {
                inline_image_op();
                in_inline_image_ = false;
                return;
            }
            pending_.push_back(token);  // a word inside the image dictionary
            return;
        }
        if (op == "q") {
            stack_.push_back(state());
        } else if (op == "Q") {
            if (stack_.size() > 1)
                stack_.pop_back();
        } else if (op == "rg" || op == "RG") {
            rgb_op(op, op == "RG");
            return;
        } else if (op == "g" || op == "G") {
            gray_op(op, op == "G");
            return;
        } else if (op == "k" || op == "K") {
            cmyk_op(op, op == "K");
            return;
        } else if (op == "cs" || op == "CS") {
            space_op(op, op == "CS");
            return;
        } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
            sc_op(op, op == "SC" || op == "SCN");
            return;
        } else if (op == "gs") {
            gs_op();
            return;
        } else if (op == "Do") {
            do_op();
            return;
        } else if (op == "sh") {
            overprint_off_for_paint();
        } else if (op == "BI") {
            flush();
            writeToken(token);
            in_inline_image_ = true;
            return;
        }
        flush();
        writeToken(token);
    }

    CmykPass& pass_;
    ResourceView& view_;
    Target target_;
    Findings& found_;
    std::vector<State> stack_;
    std::vector<Token> pending_;
    bool in_inline_image_ = false;
};

void CmykPass::rewrite_content(QPDFObjectHandle stream, ResourceView& view, Target target, StreamStart start,
                               Findings& found) {
    std::string data;
    try {
        std::shared_ptr<Buffer> buffer = stream.getStreamData(qpdf_dl_generalized);
        data.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& e) {
        fail(std::string("a content stream cannot be read: ") + e.what());
    }
    ContentRewriter rewriter(*this, view, target, start, found);
    Pl_Buffer out("koho cmyk content");
    Pl_QPDFTokenizer tokenizer("koho cmyk tokenizer", &rewriter, &out);
    tokenizer.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    tokenizer.finish();
    std::shared_ptr<Buffer> buffer = out.getBufferSharedPointer();
    std::string rewritten(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    stream.replaceStreamData(rewritten, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

}  // namespace koho::print::detail
