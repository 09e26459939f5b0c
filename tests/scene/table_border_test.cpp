// Which side wins on a grid edge two cells share: the side decided at the
// more specific level (cell > row > table default, a "none" included), and
// between equal levels a line over "none" and the later cell's line.
#include <gtest/gtest.h>

#include "fake_setter.h"
#include "scene/compose_pages.h"
#include "table_fixtures.h"

namespace koho::scene {
namespace {

using namespace testing;
using model::BorderLevel;

const Color kBlack = Color::from_rgb(0, 0, 0);
const Color kRed = Color::from_rgb(255, 0, 0);
const Color kBlue = Color::from_rgb(0, 0, 255);

// Two columns (50 and 60 pt) and two one-line rows (10 pt each with the fake
// setter and no padding), every side the 1 pt black table default. Placed at
// (10, 20): column edges x = 10, 60, 120; row edges y = 20, 30, 40.
struct Grid {
    model::Style body;
    model::TableContent table;
    Grid() {
        body.name = "table-body";
        table.columns = {fixed(50), fixed(60)};
        table.rows.push_back(row(&body, {"a", "b"}, false, 11));
        table.rows.push_back(row(&body, {"c", "d"}, false, 12));
        for (auto& r : table.rows)
            for (auto& c : r.cells)
                c.borders = {stroke(kBlack, 1), stroke(kBlack, 1), stroke(kBlack, 1), stroke(kBlack, 1)};
    }
    model::CellBorders& at(size_t r, size_t c) { return table.rows.at(r).cells.at(c).borders; }

    std::vector<ShapeItem> lines() const {
        model::Document document;
        document.file = "layout.json";
        document.page.trim_w_pt = 300;
        document.page.trim_h_pt = 400;
        document.pages.resize(1);
        document.pages[0].frames.push_back(table_frame("grid", {10, 20, 200, 200}, table));
        FakeSetter setter;
        auto pages = compose_pages(document, setter, [](const std::filesystem::path& path, const SourceLoc&) {
            ADD_FAILURE() << "unexpected image load " << path;
            return std::shared_ptr<const Image>();
        });
        std::vector<ShapeItem> found;
        for (const Item& item : pages.at(0).items)
            if (auto* shape = std::get_if<ShapeItem>(&item.what); shape && shape->kind == ShapeKind::Line)
                found.push_back(*shape);
        return found;
    }
};

// The lines lying on horizontal grid line y / vertical grid line x.
std::vector<ShapeItem> across_at(const std::vector<ShapeItem>& lines, double y) {
    std::vector<ShapeItem> out;
    for (const auto& l : lines)
        if (l.y1 == y && l.y2 == y) out.push_back(l);
    return out;
}
std::vector<ShapeItem> down_at(const std::vector<ShapeItem>& lines, double x) {
    std::vector<ShapeItem> out;
    for (const auto& l : lines)
        if (l.x1 == x && l.x2 == x) out.push_back(l);
    return out;
}

TEST(TableBorders, ARowsBottomSurvivesTheTableDefaultTopBelow) {
    Grid g;
    for (size_t c = 0; c < 2; ++c) {
        g.at(0, c).bottom = stroke(kRed, 2);
        g.at(0, c).bottom_level = BorderLevel::Row;  // row 1: "border": {"bottom": red}
    }
    auto middle = across_at(g.lines(), 30);
    // One red line over both columns; the black default of "c"/"d" loses.
    ASSERT_EQ(middle.size(), 1u);
    ASSERT_TRUE(middle[0].stroke);
    EXPECT_EQ(middle[0].stroke->color, kRed);
    EXPECT_EQ(middle[0].stroke->width_pt, 2);
    EXPECT_EQ(middle[0].x1, 9.5);
    EXPECT_EQ(middle[0].x2, 120.5);
}

TEST(TableBorders, ACellsBottomSurvivesTheTableDefaultTopBelow) {
    Grid g;
    g.at(0, 1).bottom = stroke(kRed, 2);
    g.at(0, 1).bottom_level = BorderLevel::Cell;
    auto middle = across_at(g.lines(), 30);
    ASSERT_EQ(middle.size(), 2u);
    EXPECT_EQ(middle[0].stroke->color, kBlack);  // under "a": defaults only
    EXPECT_EQ(middle[1].stroke->color, kRed);    // under "b": the cell's own
    EXPECT_EQ(middle[1].x1, 59.5);               // reaching over the 1 pt middle line
}

TEST(TableBorders, ACellsNoneOnASharedEdgeBeatsTheNeighboursDefault) {
    Grid g;
    // "a" clears its right side, "d" its left side: the middle vertical
    // grid line loses both halves although "b" and "c" keep their defaults.
    g.at(0, 0).right = std::nullopt;
    g.at(0, 0).right_level = BorderLevel::Cell;
    g.at(1, 1).left = std::nullopt;
    g.at(1, 1).left_level = BorderLevel::Cell;
    // "c" clears its top: "a"'s default bottom loses there too.
    g.at(1, 0).top = std::nullopt;
    g.at(1, 0).top_level = BorderLevel::Cell;
    auto lines = g.lines();
    EXPECT_TRUE(down_at(lines, 60).empty());
    auto middle = across_at(lines, 30);
    ASSERT_EQ(middle.size(), 1u);  // only over "d", meeting no vertical line at x = 60
    EXPECT_EQ(middle[0].x1, 60);
    // The outer edges stay.
    EXPECT_EQ(down_at(lines, 10).size(), 1u);
    EXPECT_EQ(down_at(lines, 120).size(), 1u);
    EXPECT_EQ(across_at(lines, 20).size(), 1u);
    EXPECT_EQ(across_at(lines, 40).size(), 1u);
}

TEST(TableBorders, ARowsNoneBeatsTheTableDefaultButNotACellsLine) {
    Grid g;
    for (size_t c = 0; c < 2; ++c) {
        g.at(1, c).top = std::nullopt;
        g.at(1, c).top_level = BorderLevel::Row;  // row 2: "border": {"top": "none"}
    }
    g.at(0, 1).bottom = stroke(kBlue, 1);
    g.at(0, 1).bottom_level = BorderLevel::Cell;
    auto middle = across_at(g.lines(), 30);
    ASSERT_EQ(middle.size(), 1u);
    EXPECT_EQ(middle[0].stroke->color, kBlue);
    EXPECT_EQ(middle[0].x1, 59.5);
}

TEST(TableBorders, EqualLevelsKeepTheLaterCell) {
    Grid g;
    for (size_t c = 0; c < 2; ++c) {
        g.at(0, c).bottom = stroke(kRed, 2);
        g.at(0, c).bottom_level = BorderLevel::Row;
        g.at(1, c).top = stroke(kBlue, 2);
        g.at(1, c).top_level = BorderLevel::Row;
    }
    // Cell level, side by side: "b"'s left (later) over "a"'s right.
    g.at(0, 0).right = stroke(kRed, 1);
    g.at(0, 0).right_level = BorderLevel::Cell;
    g.at(0, 1).left = stroke(kBlue, 1);
    g.at(0, 1).left_level = BorderLevel::Cell;
    auto lines = g.lines();
    auto middle = across_at(lines, 30);
    ASSERT_EQ(middle.size(), 1u);
    EXPECT_EQ(middle[0].stroke->color, kBlue);
    auto inner = down_at(lines, 60);
    ASSERT_EQ(inner.size(), 2u);  // blue beside row 1, the black default beside row 2
    EXPECT_EQ(inner[0].stroke->color, kBlue);
    EXPECT_EQ(inner[0].y2, 30);
    EXPECT_EQ(inner[1].stroke->color, kBlack);
}

TEST(TableBorders, AtEqualLevelsALineBeatsNone) {
    Grid g;
    // "a" draws its bottom, "c" below says "none", both at cell level: drawn.
    g.at(0, 0).bottom = stroke(kRed, 1);
    g.at(0, 0).bottom_level = BorderLevel::Cell;
    g.at(1, 0).top = std::nullopt;
    g.at(1, 0).top_level = BorderLevel::Cell;
    auto middle = across_at(g.lines(), 30);
    ASSERT_EQ(middle.size(), 2u);
    EXPECT_EQ(middle[0].stroke->color, kRed);
    EXPECT_EQ(middle[1].stroke->color, kBlack);
}

}  // namespace
}  // namespace koho::scene
