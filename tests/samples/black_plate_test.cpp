// "Black text on the K plate only", on the campaign's own A5 pamphlet: the
// pamphlet is printed to CMYK twice — as it is, and with every black glyph
// run taken out — and Ghostscript separates both. Wherever the text is, the
// cyan, magenta and yellow plates must be the same in both prints (black
// text adds no C, M or Y anywhere: no rich black, and with overprint it
// knocks no hole in what lies under it), while the black plate must differ.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/document.h"
#include "print/color_manager.h"
#include "print/pdf_writer.h"
#include "print/separations.h"
#include "raster/image_loader.h"
#include "scene/compose.h"
#include "text/font_context.h"
#include "text/typesetter.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

bool is_black(const Color& c) {
    if (c.space == Color::Space::Cmyk) return c.cmyk[0] == 0 && c.cmyk[1] == 0 && c.cmyk[2] == 0 && c.cmyk[3] == 100;
    auto byte = [](double v) { return static_cast<int>(v * 255 + 0.5); };
    const int r = byte(c.rgb.r), g = byte(c.rgb.g), b = byte(c.rgb.b);
    return (r == 0 && g == 0 && b == 0) || (r == 0x23 && g == 0x18 && b == 0x15);
}

// Removes every black glyph run; returns how many went.
int remove_black_text(std::vector<scene::PageScene>& pages) {
    int removed = 0;
    for (auto& page : pages)
        for (auto& item : page.items)
            if (auto* text = std::get_if<scene::TextItem>(&item.what)) {
                auto& runs = text->text.runs;
                const auto before = runs.size();
                runs.erase(std::remove_if(runs.begin(), runs.end(),
                                          [](const text::GlyphRun& run) { return is_black(run.color); }),
                           runs.end());
                removed += static_cast<int>(before - runs.size());
            }
    return removed;
}

std::vector<print::SeparatedPage> press(const std::vector<scene::PageScene>& pages,
                                        const print::OutputProfile& profile) {
    print::PdfOptions options;
    options.color.cmyk = true;
    options.color.profile = &profile;
    options.color.pdfx = print::PdfxLevel::None;
    print::SeparationOptions separation;
    separation.dpi = 100;
    return print::render_separations(print::render_pdf(pages, options), separation);
}

int differing_pixels(const print::SeparatedPage& a, const print::SeparatedPage& b, const std::string& ink) {
    const auto& pa = a.plate(ink)->coverage;
    const auto& pb = b.plate(ink)->coverage;
    int n = 0;
    for (size_t i = 0; i < pa.size(); ++i) n += pa[i] != pb[i];
    return n;
}

TEST(SampleBlackPlate, PamphletA5BlackTextIsOnTheKPlateOnly) {
    model::LoadOptions load;
    load.root = KOHO_SOURCE_DIR;
    const model::Document document = model::load_layout(std::string(KOHO_SOURCE_DIR) + "/layouts/pamphlet-a5.json", load);
    text::Typesetter typesetter(text::FontContext::create({fs::path(KOHO_SOURCE_DIR) / "fonts"}));
    const std::vector<scene::PageScene> pages =
        scene::compose(document, typesetter, raster::make_cached_image_loader());
    std::vector<scene::PageScene> without_black = pages;
    ASSERT_GT(remove_black_text(without_black), 10) << "the pamphlet sets its body text in black";

    const print::OutputProfile profile = print::default_output_profile();
    const auto with = press(pages, profile);
    const auto without = press(without_black, profile);
    ASSERT_EQ(with.size(), pages.size());
    ASSERT_EQ(without.size(), pages.size());
    int k_changed = 0;
    for (size_t p = 0; p < with.size(); ++p) {
        for (const char* ink : {"Cyan", "Magenta", "Yellow"})
            EXPECT_EQ(differing_pixels(with[p], without[p], ink), 0) << "page " << p + 1 << ", " << ink << " plate";
        k_changed += differing_pixels(with[p], without[p], "Black");
    }
    EXPECT_GT(k_changed, 10000) << "the black text should be on the K plate";
}

}  // namespace
}  // namespace koho::test
