// JLReq Appendix A classes and kinsoku levels.
#include <gtest/gtest.h>

#include "text/char_class.h"

namespace koho::text {
namespace {

using K = model::Kinsoku;

TEST(CharClass, ClassifiesJlreqClasses) {
    EXPECT_EQ(classify(U'「'), CharClass::Opening);
    EXPECT_EQ(classify(U'（'), CharClass::Opening);
    EXPECT_EQ(classify(U'」'), CharClass::Closing);
    EXPECT_EQ(classify(U'。'), CharClass::FullStop);
    EXPECT_EQ(classify(U'、'), CharClass::Comma);
    EXPECT_EQ(classify(U'・'), CharClass::MiddleDot);
    EXPECT_EQ(classify(U'！'), CharClass::Dividing);
    EXPECT_EQ(classify(U'―'), CharClass::Inseparable);
    EXPECT_EQ(classify(U'…'), CharClass::Inseparable);
    EXPECT_EQ(classify(U'々'), CharClass::IterationMark);
    EXPECT_EQ(classify(U'ゝ'), CharClass::IterationMark);
    EXPECT_EQ(classify(U'ー'), CharClass::Prolonged);
    EXPECT_EQ(classify(U'っ'), CharClass::SmallKana);
    EXPECT_EQ(classify(U'ャ'), CharClass::SmallKana);
    EXPECT_EQ(classify(U'〜'), CharClass::Hyphen);
    EXPECT_EQ(classify(U'あ'), CharClass::Hiragana);
    EXPECT_EQ(classify(U'ア'), CharClass::Katakana);
    EXPECT_EQ(classify(U'児'), CharClass::Ideographic);
    EXPECT_EQ(classify(U'Ａ'), CharClass::Ideographic);  // full-width letters count as kanji
    EXPECT_EQ(classify(U'１'), CharClass::Ideographic);
    EXPECT_EQ(classify(U'A'), CharClass::Western);
    EXPECT_EQ(classify(U'7'), CharClass::Western);
    EXPECT_EQ(classify(U' '), CharClass::WesternSpace);
    EXPECT_EQ(classify(U'\u3000'), CharClass::IdeographicSpace);
    EXPECT_EQ(classify(U'%'), CharClass::Postfix);
    EXPECT_EQ(classify(U'¥'), CharClass::Prefix);
}

TEST(CharClass, LineStartKinsokuByLevel) {
    for (K level : {K::Strict, K::Normal, K::Loose}) {
        EXPECT_TRUE(forbidden_at_line_start(CharClass::Closing, U'」', level));
        EXPECT_TRUE(forbidden_at_line_start(CharClass::FullStop, U'。', level));
        EXPECT_TRUE(forbidden_at_line_start(CharClass::Comma, U'、', level));
        EXPECT_TRUE(forbidden_at_line_start(CharClass::Dividing, U'？', level));
        EXPECT_FALSE(forbidden_at_line_start(CharClass::Ideographic, U'児', level));
        EXPECT_FALSE(forbidden_at_line_start(CharClass::Opening, U'「', level));
    }
    EXPECT_TRUE(forbidden_at_line_start(CharClass::SmallKana, U'っ', K::Strict));
    EXPECT_FALSE(forbidden_at_line_start(CharClass::SmallKana, U'っ', K::Normal));
    EXPECT_TRUE(forbidden_at_line_start(CharClass::Prolonged, U'ー', K::Strict));
    EXPECT_FALSE(forbidden_at_line_start(CharClass::Prolonged, U'ー', K::Normal));
    EXPECT_TRUE(forbidden_at_line_start(CharClass::IterationMark, U'々', K::Strict));
    EXPECT_FALSE(forbidden_at_line_start(CharClass::IterationMark, U'々', K::Normal));
    EXPECT_TRUE(forbidden_at_line_start(CharClass::IterationMark, U'ゝ', K::Normal));
    EXPECT_FALSE(forbidden_at_line_start(CharClass::IterationMark, U'ゝ', K::Loose));
    EXPECT_TRUE(forbidden_at_line_start(CharClass::Hyphen, U'〜', K::Normal));
    EXPECT_FALSE(forbidden_at_line_start(CharClass::Hyphen, U'〜', K::Loose));
    EXPECT_TRUE(forbidden_at_line_start(CharClass::MiddleDot, U'・', K::Strict));
    EXPECT_FALSE(forbidden_at_line_start(CharClass::MiddleDot, U'・', K::Loose));
}

TEST(CharClass, LineEndKinsokuAndAki) {
    EXPECT_TRUE(forbidden_at_line_end(CharClass::Opening));
    EXPECT_FALSE(forbidden_at_line_end(CharClass::Closing));
    EXPECT_DOUBLE_EQ(aki_before(CharClass::Opening), 0.5);
    EXPECT_DOUBLE_EQ(aki_after(CharClass::Opening), 0);
    EXPECT_DOUBLE_EQ(aki_after(CharClass::Closing), 0.5);
    EXPECT_DOUBLE_EQ(aki_after(CharClass::Comma), 0.5);
    EXPECT_DOUBLE_EQ(aki_before(CharClass::MiddleDot), 0.25);
    EXPECT_DOUBLE_EQ(aki_after(CharClass::MiddleDot), 0.25);
    EXPECT_TRUE(is_hangable(CharClass::FullStop));
    EXPECT_TRUE(is_hangable(CharClass::Comma));
    EXPECT_FALSE(is_hangable(CharClass::Closing));
}

}  // namespace
}  // namespace koho::text
