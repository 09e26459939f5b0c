// Ruby spacing (JLReq 3.3): a ruby longer than its base may overhang
// adjacent kana by half a ruby character on each side, never kanji; what
// is left widens the base, spread evenly around its characters.
#include <algorithm>

#include "text/paragraph.h"

namespace koho::text {

namespace {
bool is_kana(CharClass c) {
    return c == CharClass::Hiragana || c == CharClass::Katakana || c == CharClass::SmallKana ||
           c == CharClass::Prolonged || c == CharClass::IterationMark;
}

// The atom is exactly one ruby span: all its characters belong to the span
// and the span has ruby.
int ruby_span_of(const PreparedParagraph& p, const BreakAtom& atom) {
    const uint16_t span = p.chars[atom.begin].span;
    if (span >= p.span_ruby_advance.size() || p.span_ruby_advance[span] <= 0) return -1;
    for (uint32_t i = atom.begin; i < atom.end; ++i)
        if (p.chars[i].span != span) return -1;
    return span;
}
}  // namespace

void apply_ruby_spacing(PreparedParagraph& p) {
    auto& atoms = p.breaking.atoms;
    const size_t n = atoms.size();
    p.atom_pad.assign(n, 0);
    p.atom_ruby_start.assign(n, 0);
    const double half_ruby_char = p.em * 0.25;  // ruby is set at half size
    for (size_t k = 0; k < n; ++k) {
        const int span = ruby_span_of(p, atoms[k]);
        if (span < 0) continue;
        const double ruby = p.span_ruby_advance[span];
        const double base = atoms[k].width;
        if (ruby <= base) {
            p.atom_ruby_start[k] = 0;  // spread over the base when drawn
            continue;
        }
        // Overhang only onto kana that is not itself under ruby.
        auto allowance = [&](bool before) {
            if (before ? k == 0 : k + 1 == n) return 0.0;
            const BreakAtom& next = atoms[before ? k - 1 : k + 1];
            const ParagraphChar& c = p.chars[before ? next.end - 1 : next.begin];
            if (c.span < p.span_ruby_advance.size() && p.span_ruby_advance[c.span] > 0) return 0.0;
            return is_kana(c.cls) ? half_ruby_char : 0.0;
        };
        const double allow_left = allowance(true), allow_right = allowance(false);
        const double excess = ruby - base;
        const double pad = std::max(0.0, excess - allow_left - allow_right);
        const double overhang = excess - pad;  // shared between the sides
        double left = std::min(allow_left, overhang / 2);
        double right = overhang - left;
        if (right > allow_right) {
            right = allow_right;
            left = overhang - right;
        }
        atoms[k].width += pad;
        p.atom_pad[k] = pad;
        p.atom_ruby_start[k] = -left;
    }
}

}  // namespace koho::text
