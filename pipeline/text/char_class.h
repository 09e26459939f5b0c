// Character classes of W3C JLReq Appendix A, as far as line composition
// needs them: which characters may not start or end a line (kinsoku), which
// carry punctuation space (aki), which are Western and which Japanese.
#pragma once

#include <cstdint>

#include "model/document.h"

namespace koho::text {

enum class CharClass : uint8_t {
    Opening,         // cl-01 「（『【〔［｛〈《
    Closing,         // cl-02 」）』】〕］｝〉》
    Hyphen,          // cl-03 ‐ 〜 ゠ –
    Dividing,        // cl-04 ？！‼⁇⁈⁉
    MiddleDot,       // cl-05 ・：；
    FullStop,        // cl-06 。．
    Comma,           // cl-07 、，
    Inseparable,     // cl-08 ― … ‥
    IterationMark,   // cl-09 ヽヾゝゞ々〻
    Prolonged,       // cl-10 ー
    SmallKana,       // cl-11 ぁぃ…っゃゅょ ァィ…ッャュョ
    Prefix,          // cl-12 ¥ $ £ # € (before a number)
    Postfix,         // cl-13 % ‰ ° ′ ″ ℃ ¢ ％
    IdeographicSpace,// cl-14 U+3000
    Hiragana,        // cl-15
    Katakana,        // cl-16
    Ideographic,     // cl-19, with full-width Latin letters and digits (issue 3 §10)
    WesternSpace,    // cl-26 U+0020
    Western,         // cl-27 (and half-width digits cl-24): Latin letters, digits, ASCII punctuation
    Other,           // symbols set like ideographs
};

CharClass classify(char32_t c);

// Kinsoku (JLReq 3.1.7, 3.1.8) at the given level.
bool forbidden_at_line_start(CharClass cls, char32_t c, model::Kinsoku level);
bool forbidden_at_line_end(CharClass cls);

// Japanese characters that take the quarter em against Western text (3.2.6).
inline bool is_japanese_letter(CharClass c) {
    return c == CharClass::Hiragana || c == CharClass::Katakana || c == CharClass::Ideographic ||
           c == CharClass::SmallKana || c == CharClass::Prolonged || c == CharClass::IterationMark ||
           c == CharClass::Other;
}

// Punctuation set as a half-em glyph (`halt`/`vhal`) with koho's own aki.
inline bool takes_aki(CharClass c) {
    return c == CharClass::Opening || c == CharClass::Closing || c == CharClass::FullStop ||
           c == CharClass::Comma || c == CharClass::MiddleDot;
}

// Natural aki, in em, before and after a character of this class (Appendix B).
double aki_before(CharClass c);
double aki_after(CharClass c);

// Burasagari candidates (JLReq 3.8.2 note: cl-06 and cl-07 only).
inline bool is_hangable(CharClass c) { return c == CharClass::FullStop || c == CharClass::Comma; }

// U+FF61..U+FF9F: half-width katakana and punctuation, normalised to full width.
inline bool is_halfwidth_kana(char32_t c) { return c >= 0xFF61 && c <= 0xFF9F; }

}  // namespace koho::text
