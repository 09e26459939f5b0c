// The CMYK pass's content-stream rewriter (internal to print/).
//
// qpdf's tokenizer hands over every token; operands wait in `pending_`
// until their operator arrives. Colour operators are written anew (rg → k,
// RG → K, g/G → k/K, cs/CS + sc/scn in RGB → DeviceCMYK), everything else
// goes out as it came. Alongside, the rewriter tracks through q/Q what the
// graphics state is: the colour spaces the input set (to read sc operands),
// overprint (to set it where the converter asks and only there) and alpha
// (to drop calls of ExtGStates that only repeat "opaque").
//
// pdf_cmyk_content.cpp: tokens, q/Q, gs, Do, inline images;
// pdf_cmyk_content_colour.cpp: the colour operators and overprint.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <optional>
#include <string>
#include <vector>

#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {

class ContentRewriter : public QPDFObjectHandle::TokenFilter {
public:
    using Token = QPDFTokenizer::Token;

    ContentRewriter(CmykPass& pass, ResourceView& view, Target target, StreamStart start, Findings& found);

    void handleToken(const Token& token) override;
    void handleEOF() override;

private:
    // std::nullopt: not known here (inherited from an invoking stream).
    struct State {
        SpaceInfo fill_space, stroke_space;  // as the input set them
        std::optional<bool> overprint_fill, overprint_stroke;
        std::optional<double> stroke_alpha, fill_alpha;
        std::optional<bool> soft_mask, blend_normal;

        bool clean() const;
        bool known_transparent() const;
    };

    State& state() { return stack_.back(); }
    SpaceInfo& space(bool stroke) { return stroke ? state().stroke_space : state().fill_space; }

    // --- tokens (pdf_cmyk_content.cpp)
    void flush();
    void drop() { pending_.clear(); }
    std::vector<const Token*> operands() const;
    static bool is_number(const Token* t);
    double number(const Token* t, const std::string& op) const;
    std::vector<double> numeric_operands(const std::string& op, size_t skip_last = 0) const;
    void replace_with(const std::string& text);
    void operator_(const Token& token);
    void gs_op();
    void do_op();
    void inline_image_op();

    // --- colours (pdf_cmyk_content_colour.cpp)
    static std::string numbers_text(const std::vector<double>& values);
    void set_overprint(bool stroke, bool value, std::string& out);
    void overprint_off_for_paint(bool stroke_too);
    SpaceInfo lookup_space(const std::string& name) const;
    void set_colour(const std::string& op, Family family, bool stroke, const std::string& new_op);
    void device_op(const std::string& op, Family family, bool stroke);
    void space_op(const std::string& op, bool stroke);
    void sc_op(const std::string& op, bool stroke);
    void pattern_sc_op(const std::string& op, bool stroke, const SpaceInfo& space);

    CmykPass& pass_;
    ResourceView& view_;
    Target target_;
    Findings& found_;
    std::vector<State> stack_;
    std::vector<Token> pending_;
    bool in_inline_image_ = false;
};

}  // namespace koho::print::detail
