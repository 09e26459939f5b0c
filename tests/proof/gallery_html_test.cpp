// proof/gallery.h without the binary: what koho watch hands gallery_html
// (a failed layout's errors), chapters text, and names that need escaping.
#include <gtest/gtest.h>

#include <string>

#include "proof/gallery.h"

namespace koho::proof {
namespace {

TEST(GalleryHtml, AFailedLayoutsErrorsAreShownFirstAndEscaped) {
    GalleryInput input;
    input.pictures.push_back({"banner.png", 10});
    input.build_errors.push_back(
        {"layouts/card.json", {"layouts/card.json:3:7: error: unknown style 'nosuch' <b> (at /pages/0)"}});
    const std::string html = gallery_html(input);
    const size_t errors = html.find("<section class=\"build-errors\"");
    ASSERT_NE(errors, std::string::npos) << html;
    EXPECT_LT(errors, html.find("id=\"print\""));  // above the assets
    EXPECT_NE(html.find("layouts/card.json:3:7: error: unknown style &#39;nosuch&#39; &lt;b&gt; (at /pages/0)"),
              std::string::npos);
    // No error, no section.
    input.build_errors.clear();
    EXPECT_EQ(gallery_html(input).find("build-errors\""), std::string::npos);
}

TEST(GalleryHtml, NamesAreEscapedInTextAndPercentEncodedInLinks) {
    GalleryInput input;
    input.others.push_back({"説明会 & 日程#1.txt", 5});
    const std::string html = gallery_html(input);
    EXPECT_NE(html.find("href=\"%E8%AA%AC%E6%98%8E%E4%BC%9A%20%26%20%E6%97%A5%E7%A8%8B%231.txt\""), std::string::npos)
        << html;
    EXPECT_NE(html.find(">説明会 &amp; 日程#1.txt</a>"), std::string::npos);
}

TEST(GalleryHtml, ChaptersTextGivesStartsInSeconds) {
    const std::vector<GalleryChapter> chapters =
        parse_chapters_text("0:00 はじめに\r\n1:39 先輩の声\nnot a chapter\n1:02:03.5 最後\n");
    ASSERT_EQ(chapters.size(), 3u);
    EXPECT_EQ(chapters[0].start_s, 0);
    EXPECT_EQ(chapters[0].title, "はじめに");
    EXPECT_EQ(chapters[1].start_s, 99);
    EXPECT_EQ(chapters[1].title, "先輩の声");
    EXPECT_DOUBLE_EQ(chapters[2].start_s, 3723.5);
}

}  // namespace
}  // namespace koho::proof
