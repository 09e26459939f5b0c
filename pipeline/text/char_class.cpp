// Character classes from JLReq Appendix A; the lists are JLReq's.
#include "text/char_class.h"

#include <algorithm>
#include <array>

namespace koho::text {

namespace {
template <size_t N>
bool in(const std::array<char32_t, N>& list, char32_t c) {
    return std::find(list.begin(), list.end(), c) != list.end();
}

constexpr std::array<char32_t, 12> kOpening = {U'「', U'『', U'（', U'〔', U'［', U'｛', U'〈', U'《', U'【', U'〘', U'〖', U'｟'};
constexpr std::array<char32_t, 12> kClosing = {U'」', U'』', U'）', U'〕', U'］', U'｝', U'〉', U'》', U'】', U'〙', U'〗', U'｠'};
constexpr std::array<char32_t, 5> kHyphen = {U'‐', U'〜', U'゠', U'–', U'～'};
constexpr std::array<char32_t, 6> kDividing = {U'？', U'！', U'‼', U'⁇', U'⁈', U'⁉'};
constexpr std::array<char32_t, 3> kMiddle = {U'・', U'：', U'；'};
constexpr std::array<char32_t, 2> kFullStop = {U'。', U'．'};
constexpr std::array<char32_t, 2> kComma = {U'、', U'，'};
constexpr std::array<char32_t, 7> kInseparable = {U'―', U'—', U'…', U'‥', U'〳', U'〴', U'〵'};
constexpr std::array<char32_t, 6> kIteration = {U'ヽ', U'ヾ', U'ゝ', U'ゞ', U'々', U'〻'};
constexpr std::array<char32_t, 30> kSmallKana = {
    U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ゕ', U'ゖ',
    U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ',
    U'ㇰ', U'ㇱ', U'ㇲ', U'ㇳ', U'ㇴ', U'ㇵ'};
constexpr std::array<char32_t, 7> kPrefix = {U'¥', U'$', U'£', U'#', U'€', U'＄', U'￥'};
constexpr std::array<char32_t, 8> kPostfix = {U'%', U'‰', U'°', U'′', U'″', U'℃', U'¢', U'％'};
}  // namespace

CharClass classify(char32_t c) {
    if (c < 0x80) {
        if (c == U' ') return CharClass::WesternSpace;
        if (c == U'$' || c == U'#') return CharClass::Prefix;
        if (c == U'%') return CharClass::Postfix;
        return CharClass::Western;
    }
    if (c >= 0x3041 && c <= 0x309F) {
        if (in(kSmallKana, c)) return CharClass::SmallKana;
        if (in(kIteration, c)) return CharClass::IterationMark;
        return CharClass::Hiragana;
    }
    if (c >= 0x30A0 && c <= 0x30FF) {
        if (c == U'ー') return CharClass::Prolonged;
        if (c == U'・') return CharClass::MiddleDot;
        if (c == U'゠') return CharClass::Hyphen;
        if (in(kSmallKana, c)) return CharClass::SmallKana;
        if (in(kIteration, c)) return CharClass::IterationMark;
        return CharClass::Katakana;
    }
    if (c >= 0x31F0 && c <= 0x31FF) return CharClass::SmallKana;
    if (c == 0x3000) return CharClass::IdeographicSpace;
    if (in(kOpening, c)) return CharClass::Opening;
    if (in(kClosing, c)) return CharClass::Closing;
    if (in(kHyphen, c)) return CharClass::Hyphen;
    if (in(kDividing, c)) return CharClass::Dividing;
    if (in(kMiddle, c)) return CharClass::MiddleDot;
    if (in(kFullStop, c)) return CharClass::FullStop;
    if (in(kComma, c)) return CharClass::Comma;
    if (in(kInseparable, c)) return CharClass::Inseparable;
    if (in(kIteration, c)) return CharClass::IterationMark;
    if (in(kPrefix, c)) return CharClass::Prefix;
    if (in(kPostfix, c)) return CharClass::Postfix;
    // Latin-1, Latin Extended, general punctuation such as ’ ” are Western.
    if (c < 0x2E80) return CharClass::Western;
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
        (c >= 0xFF01 && c <= 0xFF5E))  // full-width letters and digits count as kanji
        return CharClass::Ideographic;
    return CharClass::Other;
}

bool forbidden_at_line_start(CharClass cls, char32_t c, model::Kinsoku level) {
    using K = model::Kinsoku;
    switch (cls) {
        case CharClass::Closing:
        case CharClass::Dividing:
        case CharClass::FullStop:
        case CharClass::Comma:
        case CharClass::Postfix:
            return true;
        case CharClass::MiddleDot:
        case CharClass::Hyphen:
            return level != K::Loose;
        case CharClass::IterationMark:
            // `normal` lets 々 start a line, `loose` every iteration mark.
            if (level == K::Loose) return false;
            return level == K::Strict || c != U'々';
        case CharClass::Prolonged:
        case CharClass::SmallKana:
            return level == K::Strict;
        default:
            return false;
    }
}

bool forbidden_at_line_end(CharClass cls) {
    return cls == CharClass::Opening || cls == CharClass::Prefix;
}

double aki_before(CharClass c) {
    if (c == CharClass::Opening) return 0.5;
    if (c == CharClass::MiddleDot) return 0.25;
    return 0;
}

double aki_after(CharClass c) {
    if (c == CharClass::Closing || c == CharClass::FullStop || c == CharClass::Comma) return 0.5;
    if (c == CharClass::MiddleDot) return 0.25;
    return 0;
}

}  // namespace koho::text
