// The CMYK pass: content streams — tokens, the graphics state stack,
// ExtGState calls, XObjects and inline images. The colour operators are in
// pdf_cmyk_content_colour.cpp.
#include "print/pdf_cmyk_content.h"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>

#include <charconv>
#include <memory>

namespace koho::print::detail {

bool ContentRewriter::State::clean() const {
    return stroke_alpha == 1.0 && fill_alpha == 1.0 && soft_mask == false && blend_normal == true;
}

bool ContentRewriter::State::known_transparent() const {
    return (stroke_alpha && *stroke_alpha < 1) || (fill_alpha && *fill_alpha < 1) || soft_mask == true ||
           blend_normal == false;
}

ContentRewriter::ContentRewriter(CmykPass& pass, ResourceView& view, Target target, StreamStart start,
                                 Findings& found)
    : pass_(pass), view_(view), target_(target), found_(found) {
    State initial;
    initial.fill_space.family = Family::Gray;
    initial.stroke_space.family = Family::Gray;
    if (start.overprint_known_off) {
        initial.overprint_fill = false;
        initial.overprint_stroke = false;
    }
    if (start.transparency_known_clean || !pass_.soft_mask_anywhere())
        initial.soft_mask = false;
    if (start.transparency_known_clean || !pass_.blend_mode_anywhere())
        initial.blend_normal = true;
    if (start.transparency_known_clean || !pass_.partial_alpha_anywhere()) {
        initial.stroke_alpha = 1;
        initial.fill_alpha = 1;
    }
    stack_.push_back(initial);
}

void ContentRewriter::handleToken(const Token& token) {
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

void ContentRewriter::handleEOF() { flush(); }

void ContentRewriter::flush() {
    for (const Token& t : pending_)
        writeToken(t);
    pending_.clear();
}

std::vector<const ContentRewriter::Token*> ContentRewriter::operands() const {
    std::vector<const Token*> out;
    for (const Token& t : pending_)
        if (t.getType() != QPDFTokenizer::tt_space && t.getType() != QPDFTokenizer::tt_comment)
            out.push_back(&t);
    return out;
}

bool ContentRewriter::is_number(const Token* t) {
    return t->getType() == QPDFTokenizer::tt_integer || t->getType() == QPDFTokenizer::tt_real;
}

double ContentRewriter::number(const Token* t, const std::string& op) const {
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

std::vector<double> ContentRewriter::numeric_operands(const std::string& op, size_t skip_last) const {
    std::vector<const Token*> ops = operands();
    std::vector<double> values;
    for (size_t i = 0; i + skip_last < ops.size(); ++i) {
        if (!is_number(ops[i]))
            pass_.fail("operator " + op + " has an operand that is not a number");
        values.push_back(number(ops[i], op));
    }
    return values;
}

// Replaces the pending operands and the operator by `text`, keeping the
// whitespace that separated them from what came before.
void ContentRewriter::replace_with(const std::string& text) {
    size_t lead = 0;
    while (lead < pending_.size() && pending_[lead].getType() == QPDFTokenizer::tt_space)
        writeToken(pending_[lead++]);
    if (lead == 0)
        write(" ");
    write(text);
    pending_.clear();
}

void ContentRewriter::gs_op() {
    std::vector<const Token*> ops = operands();
    if (ops.size() != 1 || ops[0]->getType() != QPDFTokenizer::tt_name)
        pass_.fail("operator gs without an ExtGState name");
    const std::string name = ops[0]->getValue();
    auto it = view_.gstates.find(name);
    if (it == view_.gstates.end())
        pass_.fail("ExtGState " + name + " is not among the resources");
    const GStateInfo& info = it->second;
    State& s = state();
    if (info.opaque_only && (!info.stroke_alpha || s.stroke_alpha == 1.0) &&
        (!info.fill_alpha || s.fill_alpha == 1.0)) {
        drop();  // says "opaque" where the state already is
        return;
    }
    if (info.opaque_only)
        pass_.keep_gstate_call(view_, name);
    if (info.stroke_alpha)
        s.stroke_alpha = info.stroke_alpha;
    if (info.fill_alpha)
        s.fill_alpha = info.fill_alpha;
    if (info.soft_mask)
        s.soft_mask = info.soft_mask;
    if (info.blend_normal)
        s.blend_normal = info.blend_normal;
    if (info.overprint_stroke)
        s.overprint_stroke = info.overprint_stroke;
    if (info.overprint_fill)
        s.overprint_fill = info.overprint_fill;
    flush();
    write("gs");
}

void ContentRewriter::do_op() {
    std::vector<const Token*> ops = operands();
    if (ops.size() != 1 || ops[0]->getType() != QPDFTokenizer::tt_name)
        pass_.fail("operator Do without an XObject name");
    const std::string name = ops[0]->getValue();
    auto it = view_.xobjects.find(name);
    if (it == view_.xobjects.end())
        pass_.fail("XObject " + name + " is not among the resources");
    const XObjectInfo& info = it->second;
    if (info.kind != XObjectInfo::ImageMask)
        overprint_off_for_paint(info.kind == XObjectInfo::Form);
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
void ContentRewriter::inline_image_op() {
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

void ContentRewriter::operator_(const Token& token) {
    const std::string& op = token.getValue();
    if (in_inline_image_) {
        if (op == "ID") {
            inline_image_op();
            in_inline_image_ = false;
        } else {
            pending_.push_back(token);  // a word inside the image dictionary
        }
        return;
    }
    if (op == "rg" || op == "RG") {
        device_op(op, Family::Rgb, op == "RG");
    } else if (op == "g" || op == "G") {
        device_op(op, Family::Gray, op == "G");
    } else if (op == "k" || op == "K") {
        device_op(op, Family::Cmyk, op == "K");
    } else if (op == "cs" || op == "CS") {
        space_op(op, op == "CS");
    } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
        sc_op(op, op == "SC" || op == "SCN");
    } else if (op == "gs") {
        gs_op();
    } else if (op == "Do") {
        do_op();
    } else {
        if (op == "q") {
            stack_.push_back(state());
        } else if (op == "Q") {
            if (stack_.size() > 1)
                stack_.pop_back();
        } else if (op == "sh") {
            overprint_off_for_paint(false);
        } else if (op == "BI") {
            in_inline_image_ = true;
        }
        flush();
        writeToken(token);
    }
}

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
