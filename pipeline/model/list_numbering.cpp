#include "model/list_numbering.h"

#include <algorithm>
#include <array>

namespace koho::model {
namespace {

constexpr const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1..9999: 千 百 十 without a leading 一 (十一, not 一十一).
std::string below_ten_thousand(int n) {
    constexpr std::array<std::pair<int, const char*>, 3> kUnits = {{{1000, "千"}, {100, "百"}, {10, "十"}}};
    std::string out;
    for (const auto& [unit, name] : kUnits) {
        int digit = n / unit;
        n %= unit;
        if (digit == 0) continue;
        if (digit > 1) out += kDigits[digit];
        out += name;
    }
    out += kDigits[n];
    return out;
}

}  // namespace

std::string kanji_numeral(int n) {
    if (n <= 0) return "〇";
    std::string out;
    if (n >= 10000) {
        // 一万, 二万…: 万 takes its 一 (一万 is how it is read and written).
        out = below_ten_thousand(n / 10000) + "万";
        n %= 10000;
    }
    return out + below_ten_thousand(n);
}

std::string format_list_number(Numbering numbering, int n) {
    switch (numbering) {
        case Numbering::Decimal: return std::to_string(n) + ".";
        case Numbering::Circled:
            if (n >= 1 && n <= 20) {
                // U+2460 CIRCLED DIGIT ONE … U+2473 CIRCLED NUMBER TWENTY
                char32_t c = 0x2460 + static_cast<char32_t>(n - 1);
                std::string out;
                out += static_cast<char>(0xE0 | (c >> 12));
                out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (c & 0x3F));
                return out;
            }
            return "（" + std::to_string(n) + "）";
        case Numbering::Parenthesised: return "（" + std::to_string(n) + "）";
        case Numbering::Kanji: return kanji_numeral(n) + "、";
    }
    return std::to_string(n);
}

void number_lists(Story& story) {
    constexpr int kLevels = 6;
    std::array<int, kLevels + 1> counter{};  // 0: the level has no item yet
    bool previous_is_item = false;
    for (auto& paragraph : story.paragraphs) {
        const ListStyle* list = paragraph.style ? &paragraph.style->list : nullptr;
        if (!list || list->kind == ListKind::None) {
            counter.fill(0);
            previous_is_item = false;
            paragraph.marker.clear();
            paragraph.list_continues = false;
            continue;
        }
        const int level = std::clamp(list->level, 1, kLevels);
        for (int deeper = level + 1; deeper <= kLevels; ++deeper) counter[deeper] = 0;
        if (list->kind == ListKind::Bullet) {
            paragraph.marker = list->bullet;
        } else {
            counter[level] = counter[level] == 0 ? list->start : counter[level] + 1;
            paragraph.marker = format_list_number(list->numbering, counter[level]);
        }
        paragraph.list_continues = previous_is_item;
        previous_is_item = true;
    }
}

}  // namespace koho::model
