// Paragraph preparation: decode + normalise + classify, then atoms and gaps.
#include "text/paragraph.h"

#include <unicode/normalizer2.h>

#include <algorithm>
#include <unicode/unistr.h>

#include "core/diagnostic.h"

namespace koho::text {

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

// Decodes one code point at s[i]; invalid bytes become U+FFFD (one byte).
char32_t decode_one(const std::string& s, size_t& i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return c;
}

// NFKC of a half-width katakana (with its following voiced mark, if any).
std::u32string normalise_halfwidth(char32_t c, char32_t mark) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString in;
    in.append(static_cast<UChar32>(c));
    if (mark) in.append(static_cast<UChar32>(mark));
    icu::UnicodeString out = U_SUCCESS(status) ? nfkc->normalize(in, status) : in;
    if (U_FAILURE(status)) fail_system({}, "ICU normalisation failed");
    std::u32string result;
    for (int32_t k = 0; k < out.length(); k = out.moveIndex32(k, 1)) result += static_cast<char32_t>(out.char32At(k));
    return result;
}

bool is_western_run(CharClass c) {
    return c == CharClass::Western || c == CharClass::Prefix || c == CharClass::Postfix;
}

bool is_half_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

}  // namespace

void decode_paragraph(const model::Paragraph& paragraph, PreparedParagraph& out) {
    out.source = &paragraph;
    out.style = paragraph.style;
    out.chars.clear();
    out.keep_together.clear();
    uint32_t base = 0;
    for (size_t s = 0; s < paragraph.spans.size(); ++s) {
        const model::Span& span = paragraph.spans[s];
        // Group ruby and (in vertical text) a marked tate-chu-yoko run are
        // never broken; the markup keeps them apart, so the span names the group.
        const bool marked_tcy = span.tcy && out.vertical;
        const uint32_t group =
            (!span.ruby.empty() && !span.mono_ruby) || marked_tcy ? static_cast<uint32_t>(s + 1) : 0;
        size_t i = 0;
        while (i < span.text.size()) {
            const uint32_t at = base + static_cast<uint32_t>(i);
            char32_t c = decode_one(span.text, i);
            if (c == U'\n' || c == U'\r' || c == U'\t') c = U' ';
            std::u32string produced(1, c);
            if (is_halfwidth_kana(c)) {
                size_t peek = i;
                char32_t mark = 0;
                if (peek < span.text.size()) {
                    char32_t next = decode_one(span.text, peek);
                    if (next == 0xFF9E || next == 0xFF9F) mark = next, i = peek;
                }
                produced = normalise_halfwidth(c, mark);
            }
            for (char32_t p : produced) {
                ParagraphChar pc;
                pc.c = p;
                pc.cls = classify(p);
                pc.source = at;
                pc.span = static_cast<uint16_t>(s);
                out.chars.push_back(pc);
                out.keep_together.push_back(group);
            }
        }
        base += static_cast<uint32_t>(span.text.size());
    }
    out.source_end = base;

    if (!out.vertical) return;
    // UAX #50 in short: Latin is set sideways; short runs of half-width
    // digits are set across the column (tate-chu-yoko), as are marked runs.
    const int tcy_max = out.style ? out.style->tcy_max_digits : 2;
    const size_t n = out.chars.size();
    auto marked = [&](size_t k) { return paragraph.spans[out.chars[k].span].tcy; };
    for (size_t k = 0; k < n; ++k)
        if (marked(k)) out.chars[k].orientation = Orientation::TateChuYoko;
    for (size_t i = 0; i < n;) {
        if (marked(i) || (!is_western_run(out.chars[i].cls) && out.chars[i].cls != CharClass::WesternSpace)) {
            ++i;
            continue;
        }
        size_t j = i;
        bool digits_only = true;
        while (j < n && !marked(j) &&
               (is_western_run(out.chars[j].cls) || out.chars[j].cls == CharClass::WesternSpace)) {
            digits_only = digits_only && is_half_digit(out.chars[j].c);
            ++j;
        }
        const bool tcy = digits_only && static_cast<int>(j - i) <= tcy_max;
        for (size_t k = i; k < j; ++k)
            out.chars[k].orientation = tcy ? Orientation::TateChuYoko : Orientation::Sideways;
        i = j;
    }
}

double char_em(const PreparedParagraph& p, uint32_t i) {
    return p.span_looks.empty() ? p.em : p.span_looks[p.chars[i].span].size_pt;
}

double char_tracking(const PreparedParagraph& p, uint32_t i) {
    // Nothing after a character that takes no room of its own (a ligature
    // tail, the digits after the first of a tate-chu-yoko run).
    if (p.span_looks.empty() || p.chars[i].advance == 0) return 0;
    return p.span_looks[p.chars[i].span].tracking_pt;
}

void build_atoms(PreparedParagraph& p, model::Kinsoku kinsoku, double tracking_em) {
    BreakParagraph& bp = p.breaking;
    bp.atoms.clear();
    bp.gaps.clear();
    p.atom_is_tcy.clear();
    const double fallback_tracking = p.span_looks.empty() ? tracking_em * p.em : 0;
    auto tracking_of = [&](uint32_t i) {
        return p.span_looks.empty() ? (p.chars[i].advance == 0 ? 0 : fallback_tracking) : char_tracking(p, i);
    };
    const auto& chars = p.chars;
    const uint32_t n = static_cast<uint32_t>(chars.size());

    // Gap content between atoms: word spaces and the ideographic space after ！？.
    struct Between {
        double spaces = 0;
        bool word_space = false;
        bool ideographic_space = false;
    };
    std::vector<Between> between;
    between.emplace_back();

    for (uint32_t i = 0; i < n; ++i) {
        const ParagraphChar& ch = chars[i];
        const bool have_atom = !bp.atoms.empty() && bp.atoms.back().end == i;
        const CharClass prev_cls = have_atom ? chars[i - 1].cls : CharClass::Other;
        if (ch.cls == CharClass::WesternSpace && ch.orientation != Orientation::TateChuYoko) {
            between.back().spaces += ch.advance + tracking_of(i);
            between.back().word_space = true;
            continue;
        }
        if (ch.cls == CharClass::IdeographicSpace && !bp.atoms.empty() &&
            chars[bp.atoms.back().end - 1].cls == CharClass::Dividing) {
            between.back().spaces += ch.advance + tracking_of(i);
            between.back().ideographic_space = true;
            continue;
        }
        bool join = false;
        if (have_atom) {
            join = (p.keep_together[i] != 0 && p.keep_together[i] == p.keep_together[i - 1]) ||
                   (is_western_run(ch.cls) && is_western_run(prev_cls) &&
                    ch.orientation == chars[i - 1].orientation &&
                    // a marked tate-chu-yoko run never takes in digits beside it
                    (ch.orientation != Orientation::TateChuYoko || p.keep_together[i] == p.keep_together[i - 1])) ||
                   (ch.cls == CharClass::Inseparable && prev_cls == CharClass::Inseparable) ||
                   (ch.glyph_count == 0 && ch.advance == 0 && i > 0);  // ligature tail
        }
        if (join) {
            // The tracking after the previous character now lies inside the atom.
            bp.atoms.back().width += tracking_of(i - 1) + ch.advance;
            bp.atoms.back().end = i + 1;
            continue;
        }
        BreakAtom atom;
        atom.begin = i;
        atom.end = i + 1;
        atom.width = ch.advance;
        atom.hangable = is_hangable(ch.cls) && ch.orientation != Orientation::TateChuYoko;
        bp.atoms.push_back(atom);
        p.atom_is_tcy.push_back(ch.orientation == Orientation::TateChuYoko);
        between.emplace_back();
    }
    // between[k] precedes atom k; between[atoms] follows the last.
    const size_t atoms = bp.atoms.size();
    bp.gaps.resize(atoms + 1);
    auto spacing_class = [&](size_t atom, bool first) {
        const ParagraphChar& c = chars[first ? bp.atoms[atom].begin : bp.atoms[atom].end - 1];
        return p.atom_is_tcy[atom] ? CharClass::Ideographic : c.cls;
    };
    for (size_t k = 1; k < atoms; ++k) {
        BreakGap& g = bp.gaps[k];
        // Spacing is in the em of the character that carries it.
        const double em_a = char_em(p, bp.atoms[k - 1].end - 1), em_b = char_em(p, bp.atoms[k].begin);
        const CharClass a = spacing_class(k - 1, false);
        const CharClass b = spacing_class(k, true);
        const char32_t b_char = chars[bp.atoms[k].begin].c;
        g.breakable = !forbidden_at_line_end(a) && !forbidden_at_line_start(b, b_char, kinsoku);
        g.violation = g.breakable ? 0
                      : (a != CharClass::Opening && !forbidden_at_line_start(b, b_char, model::Kinsoku::Loose)) ? 1
                                                                                                               : 2;
        const Between& sp = between[k];
        if (sp.word_space) {
            g.natural = sp.spaces;
            g.shrink = sp.spaces * 0.25;
            g.stretch = sp.spaces;
            g.shrink_priority = kShrinkWordSpace;
            g.stretch_priority = kStretchWordSpace;
            g.breakable = g.breakable || (!forbidden_at_line_start(b, b_char, kinsoku));
            continue;
        }
        if (sp.ideographic_space) {
            // ！？ followed by a full-width space: kept mid-line, suppressed at a break (3.1.6).
            g.natural = sp.spaces;
            g.shrink = sp.spaces * 0.5;
            g.shrink_priority = kShrinkAfterFullStop;
            g.breakable = !forbidden_at_line_start(b, b_char, kinsoku);
            continue;
        }
        double aki;
        if (a == CharClass::Opening)
            aki = b == CharClass::MiddleDot ? 0.25 : 0;
        else if (b == CharClass::Closing || b == CharClass::FullStop || b == CharClass::Comma)
            aki = a == CharClass::MiddleDot ? 0.25 : 0;
        else
            aki = std::max(aki_after(a), aki_before(b));
        if (aki > 0) {
            const double em = aki_after(a) >= aki_before(b) ? em_a : em_b;
            g.natural = aki * em;
            g.shrink = g.natural;
            g.shrink_priority = a == CharClass::FullStop ? kShrinkAfterFullStop
                                : (a == CharClass::MiddleDot || b == CharClass::MiddleDot) ? kShrinkMiddleDot
                                                                                            : kShrinkBracketComma;
            g.stretch = 1;
            g.stretch_priority = kStretchAki;
            if (a == CharClass::MiddleDot) g.keep_at_end = 0.25 * em_a;
            continue;
        }
        const bool latin_a = is_western_run(a), latin_b = is_western_run(b);
        if ((latin_a && is_japanese_letter(b)) || (latin_b && is_japanese_letter(a))) {
            const double em = std::max(em_a, em_b);
            g.natural = 0.25 * em;
            g.shrink = 0.125 * em;
            g.stretch = 0.25 * em;
            g.shrink_priority = kShrinkJapaneseLatin;
            g.stretch_priority = kStretchJapaneseLatin;
            continue;
        }
        // An ordinary inter-character gap: expandable evenly, but never
        // after an opening or before a closing mark.
        if (a != CharClass::Opening && b != CharClass::Closing && b != CharClass::FullStop &&
            b != CharClass::Comma) {
            g.stretch = 1;
            g.stretch_priority = kStretchInterCharacter;
        }
    }
    if (atoms > 0 && chars[bp.atoms[atoms - 1].end - 1].cls == CharClass::MiddleDot)
        bp.gaps[atoms].keep_at_end = 0.25 * char_em(p, bp.atoms[atoms - 1].end - 1);
    // Tracking after an atom's last character: fixed space in the gap that
    // follows (it drops out where the line breaks).
    for (size_t k = 1; k < atoms; ++k) bp.gaps[k].natural += tracking_of(bp.atoms[k - 1].end - 1);
}

}  // namespace koho::text
