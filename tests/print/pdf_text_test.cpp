// The PDF writer with real text: glyph runs set by the typesetter from the
// fonts koho ships. Fonts must come out embedded and subset, and the
// Japanese must come back out of the PDF as Unicode.
#include <gtest/gtest.h>

#include <sstream>

#include "core/units.h"
#include "model/document.h"
#include "print/pdf_writer.h"
#include "shape_items.h"
#include "test_support.h"
#include "typeset_items.h"
#include "text/font_context.h"
#include "text/typesetter.h"

namespace koho::print {
namespace {

using test::mm;
using test::run_command;
using test::shell_quote;

using test_text::style;
using test_text::text_item;

class PdfText : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto fonts = text::FontContext::create({std::string(KOHO_SOURCE_DIR) + "/fonts"});
        text::Typesetter typesetter(fonts);
        const model::Style sans = style("Noto Sans CJK JP", 400, 12);
        const model::Style serif_bold = style("Noto Serif CJK JP", 700, 20);
        scene::PageScene page;
        page.trim_w_pt = 210 * mm;
        page.trim_h_pt = 297 * mm;
        page.bleed_pt = 3 * mm;
        page.items.push_back(text_item(typesetter, serif_bold, "子どもの未来を、千葉で。", 20 * mm, 20 * mm));
        page.items.push_back(text_item(typesetter, sans, "児童福祉司・児童心理司を募集します。", 20 * mm, 60 * mm));
        page.items.push_back(
            text_item(typesetter, sans, "縦組みの本文です。", 150 * mm, 100 * mm, "", model::Writing::Vertical));
        PdfOptions options;
        options.title = "text test";
        options.date_epoch = 0;
        bytes_ = new std::string(render_pdf({page}, options));
        dir_ = new test::TempDir("pdf-text");
        test::write_bytes(file(), *bytes_);
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete bytes_;
    }
    static std::filesystem::path file() { return dir_->path() / "text.pdf"; }
    static std::string* bytes_;
    static test::TempDir* dir_;
};
std::string* PdfText::bytes_ = nullptr;
test::TempDir* PdfText::dir_ = nullptr;

TEST_F(PdfText, FontsAreEmbeddedAndSubset) {
    bool ok = false;
    std::string output;
    const auto fonts = test::read_pdffonts(file(), ok, output);
    ASSERT_TRUE(ok) << output;
    for (const test::PdfFont& font : fonts) {
        EXPECT_TRUE(font.embedded) << "emb: " << font.line;
        EXPECT_TRUE(font.subset) << "sub: " << font.line;
        // Subset fonts carry a six-letter tag: ABCDEF+Name.
        EXPECT_EQ(font.name.size() > 7 ? font.name[6] : ' ', '+') << font.line;
    }
    EXPECT_GE(fonts.size(), 2u) << output;
}

TEST_F(PdfText, JapaneseComesBackOutAsUnicode) {
    const auto text = run_command("pdftotext -enc UTF-8 " + shell_quote(file().string()) + " - 2>&1");
    ASSERT_EQ(text.exit_code, 0) << text.output;
    EXPECT_NE(text.output.find("子どもの未来を、千葉で。"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("児童福祉司・児童心理司を募集します。"), std::string::npos) << text.output;
}

TEST_F(PdfText, VerticalTextIsExtractableToo) {
    // pdftotext may emit vertical text one character per line; strip breaks.
    auto text = run_command("pdftotext -enc UTF-8 " + shell_quote(file().string()) + " - 2>&1").output;
    std::string joined;
    for (char c : text)
        if (c != '\n' && c != ' ') joined += c;
    EXPECT_NE(joined.find("縦組みの本文です。"), std::string::npos) << text;
}

}  // namespace
}  // namespace koho::print
