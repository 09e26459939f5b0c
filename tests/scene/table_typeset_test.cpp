// Tables with the real typesetter and the project's fonts: Japanese text
// wraps inside its column, and decimal points line up.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/units.h"
#include "scene/compose.h"
#include "table_fixtures.h"

namespace koho::scene {
namespace {

using namespace testing;

model::Style sans(double size) {
    model::Style s;
    s.name = "table-body";
    s.font_family = "Noto Sans CJK JP";
    s.size_pt = size;
    return s;
}

std::vector<PageScene> compose_with_fonts(const model::Document& document) {
    text::Typesetter typesetter(text::FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"}));
    return compose(document, typesetter, [](const std::filesystem::path&, const SourceLoc&) {
        return std::shared_ptr<const Image>();
    });
}

TEST(TableTypeset, JapaneseCellWrapsInsideItsColumn) {
    const model::Style body = sans(9);
    model::Document document;
    document.file = "layout.json";
    document.page.trim_w_pt = 595;
    document.page.trim_h_pt = 842;
    document.pages.resize(1);
    const std::string duties =
        "子どもと家庭の相談に応じ、調査と援助の方針を立て、関係機関と連携して支援します。";
    const double column = 30 * kPtPerMm, pad = 2 * kPtPerMm;
    model::TableContent table;
    table.columns = {fixed(column), fraction(1)};
    table.rows.push_back(row(&body, {duties, "児童福祉司"}));
    for (auto& c : table.rows[0].cells) std::fill(std::begin(c.padding_pt), std::end(c.padding_pt), pad);
    const double x = 15 * kPtPerMm, y = 40 * kPtPerMm;
    document.pages[0].frames.push_back(table_frame("jobs", {x, y, 100 * kPtPerMm, 100 * kPtPerMm}, table));

    auto pages = compose_with_fonts(document);
    auto cells = texts(pages[0]);
    ASSERT_EQ(cells.size(), 2u);
    const TextItem& item = *cells[0];
    EXPECT_NEAR(item.x, x + pad, 1e-9);
    EXPECT_NEAR(item.y, y + pad, 1e-9);  // the tallest cell fills its row
    std::set<double> lines;
    size_t glyphs = 0;
    for (const auto& run : item.text.runs)
        for (const auto& glyph : run.glyphs) {
            ++glyphs;
            lines.insert(std::round(glyph.y * 100) / 100);
            // Every glyph starts inside the 26 mm measure and (9 pt wide)
            // ends inside it; a hanging 、。 may reach one em past it.
            EXPECT_GE(item.x + glyph.x, x + pad - 0.01);
            EXPECT_LE(item.x + glyph.x, x + column - pad + 0.01);
        }
    EXPECT_EQ(glyphs, text::Typesetter::count_characters(story_text(&body, duties), {0, 0}));
    // 40 characters at 9 pt in a 26 mm (≈ 73.7 pt: 8 characters) measure.
    EXPECT_GE(lines.size(), 5u);
    EXPECT_LE(lines.size(), 6u);
    // The job title, one line centred in the row the duties made tall.
    const TextItem& title = *cells[1];
    EXPECT_NEAR(title.x, x + column + pad, 1e-9);
    EXPECT_GT(title.y, y + pad + 2 * 9);
}

TEST(TableTypeset, DecimalPointsLineUpWithRealGlyphs) {
    const model::Style body = sans(10);
    model::Document document;
    document.file = "layout.json";
    document.page.trim_w_pt = 595;
    document.page.trim_h_pt = 842;
    document.pages.resize(1);
    model::TableContent table;
    table.columns = {fixed(120), automatic()};
    for (std::string number : {"12.5", "3.25", "1,234.75"}) {
        table.rows.push_back(row(&body, {"x", number}));
        table.rows.back().cells[1].align = model::CellAlign::Decimal;
    }
    document.pages[0].frames.push_back(table_frame("money", {0, 0, 400, 400}, table));

    auto pages = compose_with_fonts(document);
    std::vector<double> points;
    for (const TextItem* item : texts(pages[0]))
        for (const auto& run : item->text.runs) {
            size_t byte = 0, glyph = 0;
            for (const auto& cluster : run.clusters) {
                if (run.utf8.substr(byte, static_cast<size_t>(cluster.bytes)) == ".")
                    points.push_back(item->x + run.glyphs.at(glyph).x);
                byte += static_cast<size_t>(cluster.bytes);
                glyph += static_cast<size_t>(cluster.glyphs);
            }
        }
    ASSERT_EQ(points.size(), 3u);
    EXPECT_NEAR(points[1], points[0], 0.01);
    EXPECT_NEAR(points[2], points[0], 0.01);
    EXPECT_GT(points[0], 120);  // in the second column
}

}  // namespace
}  // namespace koho::scene
