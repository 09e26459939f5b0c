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

namespace {
bool is_mono_ruby_atom(const PreparedParagraph& p, size_t k) {
    const int span = ruby_span_of(p, p.breaking.atoms[k]);
    return span >= 0 && p.source && p.source->spans[span].mono_ruby;
}

// Jukugo ruby (3.3.6, simplified): when a compound's readings together fit
// its bases, they are set one after another, centred over the compound,
// and no base is widened; otherwise each base is treated on its own.
void apply_jukugo(PreparedParagraph& p) {
    auto& atoms = p.breaking.atoms;
    const size_t n = atoms.size();
    for (size_t k = 0; k < n;) {
        size_t end = k;
        while (end < n && is_mono_ruby_atom(p, end) && (end == k || atoms[end - 1].end == atoms[end].begin)) ++end;
        if (end - k < 2) {
            k = std::max(end, k + 1);
            continue;
        }
        double bases = 0, rubies = 0;
        bool any_long = false;
        for (size_t i = k; i < end; ++i) {
            const double r = p.span_ruby_advance[p.chars[atoms[i].begin].span];
            bases += atoms[i].width - p.atom_pad[i];
            rubies += r;
            any_long = any_long || r > atoms[i].width - p.atom_pad[i];
        }
        if (any_long && rubies <= bases) {
            double base_at = 0, ruby_at = (bases - rubies) / 2;
            for (size_t i = k; i < end; ++i) {
                atoms[i].width -= p.atom_pad[i];
                p.atom_pad[i] = 0;
                p.atom_ruby_start[i] = ruby_at - base_at;
                p.atom_ruby_fixed[i] = true;
                base_at += atoms[i].width;
                ruby_at += p.span_ruby_advance[p.chars[atoms[i].begin].span];
            }
        }
        k = end;
    }
}
}  // namespace

void apply_ruby_spacing(PreparedParagraph& p) {
    auto& atoms = p.breaking.atoms;
    const size_t n = atoms.size();
    p.atom_pad.assign(n, 0);
    p.atom_ruby_start.assign(n, 0);
    p.atom_ruby_fixed.assign(n, false);
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
    apply_jukugo(p);
}

}  // namespace koho::text
