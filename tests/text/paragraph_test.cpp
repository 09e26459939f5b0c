// Paragraph preparation without fonts: decoding and normalisation, atoms,
// JLReq spacing between them, and ruby overhang.
#include <gtest/gtest.h>

#include "text/paragraph.h"

namespace koho::text {
namespace {

constexpr double kEm = 10;

struct Fixture {
    model::Style style;
    model::Paragraph paragraph;
    PreparedParagraph p;

    explicit Fixture(std::vector<model::Span> spans, bool vertical = false) {
        paragraph.style = &style;
        paragraph.spans = std::move(spans);
        p.vertical = vertical;
        p.em = kEm;
        decode_paragraph(paragraph, p);
        // Advances as Noto sets them: CJK 1 em, punctuation with halt 1/2 em,
        // Latin about 1/2 em, word space 1/4 em.
        for (auto& c : p.chars) {
            c.glyph_count = 1;
            c.advance = takes_aki(c.cls) ? kEm / 2
                        : c.cls == CharClass::WesternSpace ? kEm / 4
                        : (c.cls == CharClass::Western || c.cls == CharClass::Prefix || c.cls == CharClass::Postfix)
                            ? kEm / 2
                            : kEm;
        }
    }
    void build(model::Kinsoku k = model::Kinsoku::Strict) { build_atoms(p, k, 0); }
    std::u32string atom_text(size_t a) const {
        std::u32string s;
        for (uint32_t i = p.breaking.atoms[a].begin; i < p.breaking.atoms[a].end; ++i) s += p.chars[i].c;
        return s;
    }
};

Fixture make(const std::string& text, bool vertical = false) { return Fixture({model::Span{text}}, vertical); }

TEST(Paragraph, NormalisesHalfWidthKatakanaKeepingSourceOffsets) {
    Fixture f = make("ｶﾞｲﾄﾞ");
    ASSERT_EQ(f.p.chars.size(), 3u);
    EXPECT_EQ(f.p.chars[0].c, U'ガ');
    EXPECT_EQ(f.p.chars[1].c, U'イ');
    EXPECT_EQ(f.p.chars[2].c, U'ド');
    EXPECT_EQ(f.p.chars[0].source, 0u);
    EXPECT_EQ(f.p.chars[1].source, 6u);  // ｶﾞ is two 3-byte characters
    EXPECT_EQ(f.p.chars[2].source, 9u);
    EXPECT_EQ(f.p.source_end, 15u);
}

TEST(Paragraph, ClosingOpeningCollapsesToHalfEm) {
    Fixture f = make("あ」「い");
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 4u);
    const BreakGap& g = f.p.breaking.gaps[2];  // between 」 and 「
    EXPECT_DOUBLE_EQ(g.natural, kEm / 2);
    EXPECT_EQ(g.shrink_priority, kShrinkBracketComma);
    EXPECT_TRUE(g.breakable);
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[1].natural, 0);          // あ」
    EXPECT_FALSE(f.p.breaking.gaps[1].breakable);               // 」 may not start a line
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[3].natural, 0);          // 「い
    EXPECT_FALSE(f.p.breaking.gaps[3].breakable);               // 「 may not end a line
}

TEST(Paragraph, FullStopThenClosingHasNoAki) {
    Fixture f = make("す。」");
    f.build();
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[2].natural, 0);
}

TEST(Paragraph, MiddleDotTakesAQuarterEmEachSide) {
    Fixture f = make("東・千");
    f.build();
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[1].natural, kEm / 4);
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[2].natural, kEm / 4);
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[2].keep_at_end, kEm / 4);
    EXPECT_EQ(f.p.breaking.gaps[1].shrink_priority, kShrinkMiddleDot);
}

TEST(Paragraph, JapaneseLatinQuarterEmCompressibleToAnEighth) {
    Fixture f = make("第3回");
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 3u);
    for (int k : {1, 2}) {
        const BreakGap& g = f.p.breaking.gaps[k];
        EXPECT_DOUBLE_EQ(g.natural, kEm / 4);
        EXPECT_DOUBLE_EQ(g.natural - g.shrink, kEm / 8);
        EXPECT_DOUBLE_EQ(g.natural + g.stretch, kEm / 2);
        EXPECT_EQ(g.shrink_priority, kShrinkJapaneseLatin);
    }
}

TEST(Paragraph, NoJapaneseLatinSpaceBesidePunctuation) {
    Fixture f = make("「A」");
    f.build();
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[1].natural, 0);
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[2].natural, 0);
}

TEST(Paragraph, NumbersWithPrefixAndSuffixAreOneUnit) {
    Fixture f = make("¥1,000と28%");
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 3u);
    EXPECT_EQ(f.atom_text(0), U"¥1,000");
    EXPECT_EQ(f.atom_text(2), U"28%");
}

TEST(Paragraph, LatinWordsBreakOnlyAtSpaces) {
    Fixture f = make("Child Guidance");
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 2u);
    const BreakGap& g = f.p.breaking.gaps[1];
    EXPECT_TRUE(g.breakable);
    EXPECT_EQ(g.shrink_priority, kShrinkWordSpace);
    EXPECT_DOUBLE_EQ(g.natural, kEm / 4);
}

TEST(Paragraph, DashPairIsInseparableButMayBeBrokenBefore) {
    Fixture f = make("声――そ");
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 3u);
    EXPECT_EQ(f.atom_text(1), U"――");
    EXPECT_TRUE(f.p.breaking.gaps[1].breakable);
}

TEST(Paragraph, SpaceAfterExclamationIsAGapSuppressedAtABreak) {
    Fixture f = make("か！\u3000は");
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 3u);
    const BreakGap& g = f.p.breaking.gaps[2];
    EXPECT_DOUBLE_EQ(g.natural, kEm);
    EXPECT_TRUE(g.breakable);
    EXPECT_EQ(f.atom_text(2), U"は");
}

TEST(Paragraph, KinsokuLevelDecidesBreaksBeforeSmallKana) {
    Fixture f = make("いっしょ");
    f.build(model::Kinsoku::Strict);
    EXPECT_FALSE(f.p.breaking.gaps[1].breakable);
    f.build(model::Kinsoku::Normal);
    EXPECT_TRUE(f.p.breaking.gaps[1].breakable);
}

TEST(Paragraph, VerticalShortDigitRunsAreTateChuYoko) {
    Fixture f = make("第12回2025年", true);
    EXPECT_EQ(f.p.chars[1].orientation, Orientation::TateChuYoko);
    EXPECT_EQ(f.p.chars[2].orientation, Orientation::TateChuYoko);
    EXPECT_EQ(f.p.chars[4].orientation, Orientation::Sideways);  // 2025: four digits
    EXPECT_EQ(f.p.chars[0].orientation, Orientation::Upright);
}

TEST(Paragraph, MarkedRunIsOneTateChuYokoAtomOnlyInVerticalText) {
    model::Span marked{"!?"};
    marked.tcy = true;
    model::Span three{"123"};
    three.tcy = true;
    Fixture f({model::Span{"本当"}, marked, model::Span{"第"}, three, model::Span{"4"}}, true);
    f.build();
    // 本 当 [!?] 第 [123] 4: the marked runs are single atoms whatever their
    // length; the lone digit after a marked run is still automatic tcy.
    ASSERT_EQ(f.p.breaking.atoms.size(), 6u);
    EXPECT_EQ(f.atom_text(2), U"!?");
    EXPECT_TRUE(f.p.atom_is_tcy[2]);
    EXPECT_EQ(f.atom_text(4), U"123");
    EXPECT_TRUE(f.p.atom_is_tcy[4]);
    EXPECT_TRUE(f.p.atom_is_tcy[5]);
    EXPECT_FALSE(f.p.atom_is_tcy[3]);
    // Treated like an ideograph for spacing: no Japanese-Latin space around it.
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[2].natural, 0);
    EXPECT_DOUBLE_EQ(f.p.breaking.gaps[3].natural, 0);

    // In horizontal text the mark changes nothing: ! ? are ordinary characters.
    Fixture h({model::Span{"本当"}, marked}, false);
    h.build();
    for (const auto& c : h.p.chars) EXPECT_EQ(c.orientation, Orientation::Upright);
    EXPECT_EQ(h.p.keep_together[2], 0u);
}

TEST(Ruby, OverhangsKanaByHalfARubyCharacterNeverKanji) {
    // あ{鑑|かんがみ}る: 2 em ruby over 1 em: 1/4 em over each kana, 1/2 em widens the base.
    Fixture f({model::Span{"あ"}, model::Span{"鑑", "かんがみ", true}, model::Span{"る"}});
    f.build();
    f.p.span_ruby_advance = {0, 2 * kEm, 0};
    apply_ruby_spacing(f.p);
    EXPECT_DOUBLE_EQ(f.p.atom_pad[1], kEm / 2);
    EXPECT_DOUBLE_EQ(f.p.atom_ruby_start[1], -kEm / 4);
    EXPECT_DOUBLE_EQ(f.p.breaking.atoms[1].width, 1.5 * kEm);

    Fixture g({model::Span{"漢"}, model::Span{"鑑", "かんがみ", true}, model::Span{"字"}});
    g.build();
    g.p.span_ruby_advance = {0, 2 * kEm, 0};
    apply_ruby_spacing(g.p);
    EXPECT_DOUBLE_EQ(g.p.atom_pad[1], kEm);
    EXPECT_DOUBLE_EQ(g.p.atom_ruby_start[1], 0);
}

TEST(Ruby, JukugoCompoundSharesRoomInsteadOfWidening) {
    Fixture f({model::Span{"紫", "むらさき", true}, model::Span{"陽", "あ", true}, model::Span{"花", "じ", true}});
    f.build();
    f.p.span_ruby_advance = {2 * kEm, kEm / 2, kEm / 2};
    apply_ruby_spacing(f.p);
    for (int k = 0; k < 3; ++k) {
        EXPECT_DOUBLE_EQ(f.p.atom_pad[k], 0) << k;
        EXPECT_TRUE(f.p.atom_ruby_fixed[k]) << k;
    }
    // Readings follow one another from the compound's start.
    EXPECT_DOUBLE_EQ(f.p.atom_ruby_start[0], 0);
    EXPECT_DOUBLE_EQ(f.p.atom_ruby_start[1], 2 * kEm - kEm);
    EXPECT_DOUBLE_EQ(f.p.atom_ruby_start[2], 2.5 * kEm - 2 * kEm);
    // Readings too long for the whole compound widen bases as mono ruby does.
    f.p.span_ruby_advance = {3 * kEm, kEm, kEm};
    f.build();
    apply_ruby_spacing(f.p);
    EXPECT_FALSE(f.p.atom_ruby_fixed[0]);
    EXPECT_DOUBLE_EQ(f.p.atom_pad[0], 2 * kEm);
}

TEST(Ruby, GroupRubyBaseIsOneAtom) {
    Fixture f({model::Span{"子と"}, model::Span{"児童相談所", "じどうそうだんじょ", false}});
    f.build();
    ASSERT_EQ(f.p.breaking.atoms.size(), 3u);
    EXPECT_EQ(f.atom_text(2), U"児童相談所");
}

}  // namespace
}  // namespace koho::text
