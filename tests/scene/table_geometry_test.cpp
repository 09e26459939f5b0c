// Table geometry as arithmetic: column widths, row heights, row groups and
// the split of rows across frames.
#include "scene/table_geometry.h"

#include <gtest/gtest.h>

#include "core/units.h"
#include "scene/table_flow.h"
#include "table_fixtures.h"

namespace koho::scene {
namespace {

using namespace testing;

double mm(double value) { return value * kPtPerMm; }

const SourceLoc kFrameLoc{"layout.json", 10, 5, "/pages/0/frames/0"};

std::vector<double> widths(const std::vector<model::TableColumn>& columns, const std::vector<CellWidthNeed>& needs,
                           double width) {
    return table_column_widths(columns, needs, width, kFrameLoc, "frame 'exam' on page 1");
}

TEST(TableColumns, FixedFractionAndAutoMix) {
    // 100 fixed, the auto column at its one-line width 60, 1fr : 2fr of the 240 left.
    auto w = widths({fixed(100), fraction(1), fraction(2), automatic()}, {{3, 1, 20, 60}, {1, 1, 10, 30}}, 400);
    ASSERT_EQ(w.size(), 4u);
    EXPECT_DOUBLE_EQ(w[0], 100);
    EXPECT_DOUBLE_EQ(w[1], 80);
    EXPECT_DOUBLE_EQ(w[2], 160);
    EXPECT_DOUBLE_EQ(w[3], 60);
}

TEST(TableColumns, AutoColumnsTakeTheirWidestCellWhenAllFits) {
    auto w = widths({automatic(), automatic()}, {{0, 1, 10, 40}, {0, 1, 20, 50}, {1, 1, 5, 70}}, 500);
    EXPECT_DOUBLE_EQ(w[0], 50);
    EXPECT_DOUBLE_EQ(w[1], 70);  // no fraction column: the table stays 120 wide
}

TEST(TableColumns, AutoColumnsShareTightRoomByTheirRangeBetweenMinAndMax) {
    // mins 20 + 40, maxes 120 + 80: 90 above the mins shared 100 : 40.
    auto w = widths({automatic(), automatic()}, {{0, 1, 20, 120}, {1, 1, 40, 80}}, 150);
    EXPECT_NEAR(w[0], 20 + 90.0 * 100 / 140, 1e-9);
    EXPECT_NEAR(w[1], 40 + 90.0 * 40 / 140, 1e-9);
    EXPECT_NEAR(w[0] + w[1], 150, 1e-9);
}

TEST(TableColumns, AutoColumnsYieldToFractionMinimums) {
    // The fraction column must keep its 50 wide word; the auto column gets the rest.
    auto w = widths({automatic(), fraction(1)}, {{0, 1, 10, 200}, {1, 1, 50, 80}}, 150);
    EXPECT_DOUBLE_EQ(w[0], 100);
    EXPECT_DOUBLE_EQ(w[1], 50);
}

TEST(TableColumns, FractionNeverNarrowerThanItsContent) {
    // 1fr : 3fr of 200 would make the first 50, below its 100 wide word.
    auto w = widths({fraction(1), fraction(3)}, {{0, 1, 100, 100}}, 200);
    EXPECT_DOUBLE_EQ(w[0], 100);
    EXPECT_DOUBLE_EQ(w[1], 100);
}

TEST(TableColumns, SpanningCellWidensTheAutoColumnsItCovers) {
    auto w = widths({automatic(), automatic(), fixed(30)},
                    {{0, 1, 10, 10}, {1, 1, 10, 10}, {0, 2, 50, 100}, {1, 2, 10, 500}}, 1000);
    // The 0–1 span needs 100 on one line: 40 more, 20 each; the 1–2 span's
    // 500 then widens column 1 alone (fixed 30 beside it).
    EXPECT_DOUBLE_EQ(w[0], 50);
    EXPECT_DOUBLE_EQ(w[1], 470);
    EXPECT_DOUBLE_EQ(w[2], 30);
}

TEST(TableColumns, TooNarrowFrameIsAnErrorAtTheFrame) {
    try {
        widths({fixed(mm(100)), automatic()}, {{1, 1, mm(60), 300}},
               mm(150));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.formatted(),
                  "layout.json:10:5: error: table columns need 160mm (fixed columns 100mm + the narrowest the auto "
                  "and fr columns can be, 60mm) but frame 'exam' on page 1 is only 150mm wide (widen the frame, "
                  "narrow the fixed columns, or shorten the longest unbreakable words and numbers in the cells) "
                  "(at /pages/0/frames/0)");
    }
}

TEST(TableRows, TallestCellAndMinHeight) {
    auto h = table_row_heights({0, 30, 0}, {{0, 1, 20}, {0, 1, 12}, {1, 1, 10}, {2, 1, 5}});
    EXPECT_EQ(h, (std::vector<double>{20, 30, 5}));
}

TEST(TableRows, RowSpanExcessGoesToTheLastSpannedRow) {
    auto h = table_row_heights({0, 30, 0}, {{0, 1, 20}, {0, 2, 80}, {2, 1, 5}});
    EXPECT_EQ(h, (std::vector<double>{20, 60, 5}));
    // A span already covered by its rows changes nothing.
    EXPECT_EQ(table_row_heights({0, 0}, {{0, 1, 20}, {1, 1, 20}, {0, 2, 30}}), (std::vector<double>{20, 20}));
}

TEST(TableRows, RowSpansBindRowsIntoGroups) {
    auto groups = table_row_groups(1, 6, {{1, 1, 0}, {2, 2, 0}, {3, 1, 0}, {3, 2, 0}, {5, 1, 0}});
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].first, 1u);
    EXPECT_EQ(groups[0].last, 2u);
    EXPECT_EQ(groups[1].first, 2u);  // row 2 spans into 3, row 3 into 4
    EXPECT_EQ(groups[1].last, 5u);
    EXPECT_EQ(groups[2].first, 5u);
    EXPECT_EQ(groups[2].last, 6u);
}

TEST(TableSplit, HeaderRowsRepeatInEachFrame) {
    std::vector<double> heights{10, 20, 20, 20, 20};
    auto split = split_table_rows(heights, 1, table_row_groups(1, 5, {}), {55, 100});
    ASSERT_EQ(split.frames.size(), 2u);
    EXPECT_EQ(split.frames[0], (std::vector<size_t>{0, 1, 2}));
    EXPECT_EQ(split.frames[1], (std::vector<size_t>{0, 3, 4}));
    EXPECT_EQ(split.groups_placed, 4u);
    EXPECT_FALSE(split.too_tall_in);
}

TEST(TableSplit, GroupMovesAsAUnitAndLeftoversAreCounted) {
    std::vector<double> heights{10, 20, 20, 20, 20};
    // Rows 2–3 are bound: they do not fit after row 1 in the first frame.
    auto split = split_table_rows(heights, 1, table_row_groups(1, 5, {{2, 2, 0}}), {60, 50});
    EXPECT_EQ(split.frames[0], (std::vector<size_t>{0, 1}));
    EXPECT_EQ(split.frames[1], (std::vector<size_t>{0, 2, 3}));
    EXPECT_EQ(split.groups_placed, 2u);  // row 4 is left over
    EXPECT_FALSE(split.too_tall_in);
}

TEST(TableSplit, RowTallerThanAnEmptyFrameStopsTheTable) {
    std::vector<double> heights{10, 20, 60, 20};
    auto split = split_table_rows(heights, 1, table_row_groups(1, 4, {}), {40, 50, 200});
    EXPECT_EQ(split.frames[0], (std::vector<size_t>{0, 1}));
    EXPECT_TRUE(split.frames[1].empty());
    EXPECT_TRUE(split.frames[2].empty());
    ASSERT_TRUE(split.too_tall_in);
    EXPECT_EQ(*split.too_tall_in, 1u);
    EXPECT_EQ(split.groups_placed, 1u);
}

TEST(TableSplit, LeftoverTooTallForTheLastFrameIsReportedAsTooTall) {
    std::vector<double> heights{10, 20, 60};
    auto groups = table_row_groups(1, 3, {});
    auto split = split_table_rows(heights, 1, groups, {40});
    EXPECT_EQ(split.frames[0], (std::vector<size_t>{0, 1}));
    EXPECT_EQ(split.groups_placed, 1u);
    ASSERT_TRUE(split.too_tall_in);
    EXPECT_EQ(*split.too_tall_in, 0u);
    // A row that would fit in an emptied frame is just left over.
    heights[2] = 30;
    split = split_table_rows(heights, 1, groups, {40});
    EXPECT_EQ(split.groups_placed, 1u);
    EXPECT_FALSE(split.too_tall_in);
}

}  // namespace
}  // namespace koho::scene
