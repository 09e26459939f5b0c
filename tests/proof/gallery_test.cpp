// `koho gallery` end to end: a tiny print layout and a tiny timeline
// rendered by koho into a temporary output folder, the gallery written,
// and the page read back with libxml2's HTML parser — every asset listed,
// every link to a file that exists, the overlay boxes in points, the
// preflight finding pinned on its page, the video's captions track and
// chapters, no URL of another site, the same bytes on every run.
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/koho_runner.h"
#include "cli/run_inputs.h"
#include "print/test_support.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

constexpr double kPt = 72.0 / 25.4;

// Two A6-ish pages (100 × 148 mm, 3 mm bleed): page 2 has a line of copy
// 1 mm from the left trim edge, inside the 3 mm safe zone — a safe_zone
// warning the gallery must pin on page 2.
const char* kCardLayout = R"({
  "type": "print",
  "title": "説明会のご案内",
  "lang": "ja",
  "page": { "size": { "w": "100mm", "h": "148mm" }, "bleed": "3mm", "marks": "tombo" },
  "fonts": { "gothic": "Noto Sans CJK JP" },
  "styles": { "body": { "font": "gothic", "size": "16Q", "leading": "24H", "color": "#231815" } },
  "pages": [
    { "frames": [ { "id": "title", "type": "text", "style": "body", "x": "10mm", "y": "10mm", "w": "80mm",
                    "h": "20mm", "text": "里親という働き方を、知ってください。" } ] },
    { "frames": [ { "id": "edge", "type": "text", "style": "body", "x": "1mm", "y": "60mm", "w": "60mm",
                    "h": "10mm", "text": "申込みは窓口まで" } ] }
  ]
})";

// One second at 1280×720 with a caption and two chapters: koho video
// writes the .vtt, .srt, -chapters.txt and .jpg poster beside the MP4.
const char* kClipTimeline = R"({
  "type": "video",
  "title": "ギャラリー試験",
  "size": "1280x720",
  "fps": 30,
  "background": "#ffffff",
  "scenes": [ { "id": "one", "duration": "1s", "background": "#2060c0", "layers": [] } ],
  "captions": [ { "start": "0.2s", "end": "0.9s", "text": "千葉で働く。" } ],
  "chapters": [ { "start": "0s", "title": "はじめに" }, { "start": "0.5s", "title": "応募" } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast" }
})";

struct HtmlDocDeleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XPathContextDeleter {
    void operator()(xmlXPathContext* ctx) const { xmlXPathFreeContext(ctx); }
};
struct XPathObjectDeleter {
    void operator()(xmlXPathObject* obj) const { xmlXPathFreeObject(obj); }
};

// The page parsed by libxml2's HTML parser, queried with XPath.
class GalleryPage {
public:
    explicit GalleryPage(const std::string& html)
        : doc_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "index.html", "UTF-8",
                              HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)),
          ctx_(doc_ ? xmlXPathNewContext(doc_.get()) : nullptr) {}

    bool ok() const { return doc_ && ctx_; }

    // The `attr` of every node `xpath` selects (an attribute path like
    // //a/@href gives its values).
    std::vector<std::string> values(const std::string& xpath) const {
        std::vector<std::string> out;
        std::unique_ptr<xmlXPathObject, XPathObjectDeleter> result(
            xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx_.get()));
        if (!result || !result->nodesetval) return out;
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
            xmlChar* text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
            out.push_back(text ? reinterpret_cast<const char*>(text) : "");
            xmlFree(text);
        }
        return out;
    }
    size_t count(const std::string& xpath) const { return values(xpath).size(); }
    std::string first(const std::string& xpath) const {
        const std::vector<std::string> all = values(xpath);
        return all.empty() ? std::string("<none: " + xpath + ">") : all.front();
    }
    double number(const std::string& xpath) const {
        const std::vector<std::string> all = values(xpath);
        return all.empty() ? NAN : std::stod(all.front());
    }

private:
    std::unique_ptr<xmlDoc, HtmlDocDeleter> doc_;
    std::unique_ptr<xmlXPathContext, XPathContextDeleter> ctx_;
};

class Gallery : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir("gallery");
        const fs::path root = dir_->path();
        fs::create_directories(root / "output/proofs/card");
        fs::create_directories(root / "output/pictures");
        fs::create_directories(root / "output/.deps");
        write_bytes(root / "card.json", kCardLayout);
        write_bytes(root / "clip.json", kClipTimeline);
        const KohoRun print = run_koho({"print", (root / "card.json").string(), "--root", root.string(), "-o",
                                        in("output/card.pdf"), "--no-preflight", "--proof",
                                        in("output/proofs/card"), "--dpi", "30"},
                                       {kEpoch});
        ASSERT_EQ(print.exit_code, 0) << print.err;
        const KohoRun video = run_koho({"video", (root / "clip.json").string(), "--root", root.string(), "-o",
                                        in("output/clip.mp4"), "--threads", "2", "--quiet"},
                                       {kEpoch});
        ASSERT_EQ(video.exit_code, 0) << video.err;
        // A banner picture, and bookkeeping the gallery must not show.
        fs::copy_file(fs::path(KOHO_SOURCE_DIR) / "media/mascot/placeholder.png", in("output/pictures/banner.png"));
        write_bytes(in("output/.deps/card.pdf.d"), "output/card.pdf: card.json\n");
        const KohoRun gallery = run_koho({"gallery", in("output")}, {kEpoch});
        ASSERT_EQ(gallery.exit_code, 0) << gallery.err;
        html_ = new std::string(read_bytes(in("output/index.html")));
    }
    static void TearDownTestSuite() {
        delete html_;
        delete dir_;
    }
    static std::string in(const std::string& relative) { return (dir_->path() / relative).string(); }

    static TempDir* dir_;
    static std::string* html_;
};
TempDir* Gallery::dir_ = nullptr;
std::string* Gallery::html_ = nullptr;

TEST_F(Gallery, EveryAssetHasItsCard) {
    GalleryPage page(*html_);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.count("//article[contains(@class,'pdf')][@data-file='card.pdf']"), 1u);
    EXPECT_EQ(page.count("//article[contains(@class,'video')][@data-file='clip.mp4']"), 1u);
    EXPECT_EQ(page.count("//figure[contains(@class,'picture')][@data-file='pictures/banner.png']"), 1u);
    // Both pages of the PDF, each with its proof.
    EXPECT_EQ(page.values("//article[@data-file='card.pdf']//figure[@data-page]//img/@src"),
              (std::vector<std::string>{"proofs/card/card-p1.png", "proofs/card/card-p2.png"}));
    // Hidden folders are bookkeeping, not assets.
    EXPECT_EQ(html_->find(".deps"), std::string::npos);
    // The facts: trim size, PDF/X, colour; the video's size and codec.
    const std::string text = page.first("//article[@data-file='card.pdf']//dl");
    EXPECT_NE(text.find("100 × 148 mm"), std::string::npos) << text;
    EXPECT_NE(text.find("PDF/X-4"), std::string::npos) << text;
    EXPECT_NE(text.find("CMYK"), std::string::npos) << text;
    const std::string video = page.first("//article[@data-file='clip.mp4']//dl");
    EXPECT_NE(video.find("1280 × 720 px"), std::string::npos) << video;
    EXPECT_NE(video.find("h264"), std::string::npos) << video;
    EXPECT_NE(video.find("0:01 (1 s)"), std::string::npos) << video;
}

TEST_F(Gallery, EveryLinkIsRelativeAndNamesAFileThatExists) {
    GalleryPage page(*html_);
    ASSERT_TRUE(page.ok());
    std::vector<std::string> links = page.values("//a/@href | //img/@src | //source/@src | //track/@src | //video/@poster");
    std::set<std::string> targets;
    for (const std::string& link : links) {
        if (!link.empty() && link[0] == '#') continue;  // the header's section links
        targets.insert(link);
        EXPECT_TRUE(fs::is_regular_file(in("output/" + link))) << link;
    }
    // Downloads for each file of the build.
    for (const char* file : {"card.pdf", "clip.mp4", "clip.vtt", "clip.srt", "clip-chapters.txt", "clip.jpg",
                             "pictures/banner.png", "proofs/card/card-p2.png"})
        EXPECT_TRUE(targets.count(file)) << file;
    EXPECT_EQ(html_->find("http://"), std::string::npos);
    EXPECT_EQ(html_->find("https://"), std::string::npos);
    EXPECT_EQ(html_->find("src=\"//"), std::string::npos);
}

TEST_F(Gallery, TheOverlayDrawsBleedTrimAndSafeZoneInPoints) {
    GalleryPage page(*html_);
    ASSERT_TRUE(page.ok());
    const std::string fig = "//article[@data-file='card.pdf']//figure[@data-page='1']";
    // The SVG's user space is the bleed box: 106 × 154 mm.
    // (libxml2's HTML parser lower-cases attribute names: viewBox.)
    EXPECT_EQ(page.first(fig + "//svg/@viewbox"), "0 0 300.47 436.54");
    EXPECT_NEAR(page.number(fig + "//rect[@class='trim']/@x"), 3 * kPt, 0.01);
    EXPECT_NEAR(page.number(fig + "//rect[@class='trim']/@y"), 3 * kPt, 0.01);
    EXPECT_NEAR(page.number(fig + "//rect[@class='trim']/@width"), 100 * kPt, 0.01);
    EXPECT_NEAR(page.number(fig + "//rect[@class='trim']/@height"), 148 * kPt, 0.01);
    EXPECT_NEAR(page.number(fig + "//rect[@class='safe']/@x"), 6 * kPt, 0.01);
    EXPECT_NEAR(page.number(fig + "//rect[@class='safe']/@width"), 94 * kPt, 0.01);
    EXPECT_NEAR(page.number(fig + "//rect[@class='bleed']/@width"), 106 * kPt, 0.01);
    // The toggle: a checkbox the boxes' CSS follows.
    EXPECT_EQ(page.count("//input[@id='show-boxes'][@type='checkbox']"), 1u);
    EXPECT_NE(html_->find("#show-boxes:not(:checked)~main .boxes{display:none}"), std::string::npos);
}

TEST_F(Gallery, TheSafeZoneFindingIsPinnedOnItsPage) {
    GalleryPage page(*html_);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.first("//article[@data-file='card.pdf']/@data-verdict"), "warnings");
    const std::string p2 = "//article[@data-file='card.pdf']//figure[@data-page='2']";
    ASSERT_EQ(page.count(p2 + "//g[contains(@class,'pin')][@data-check='safe_zone']"), 1u) << *html_;
    EXPECT_EQ(page.count("//article[@data-file='card.pdf']//figure[@data-page='1']//g[contains(@class,'pin')]"), 0u);
    EXPECT_EQ(page.count(p2 + "//li[@data-check='safe_zone']"), 1u);
    // The pin sits on the line of copy: 1 mm from the left, 60–70 mm down.
    const double x_mm = page.number(p2 + "//g[@data-check='safe_zone']/@data-x-mm");
    const double y_mm = page.number(p2 + "//g[@data-check='safe_zone']/@data-y-mm");
    EXPECT_GT(x_mm, 1);
    EXPECT_LT(x_mm, 61);
    EXPECT_GT(y_mm, 59);
    EXPECT_LT(y_mm, 71);
    // … drawn where those mm are in the bleed box's points.
    EXPECT_NEAR(page.number(p2 + "//g[@data-check='safe_zone']/circle/@cx"), (3 + x_mm) * kPt, 0.2);
    EXPECT_NEAR(page.number(p2 + "//g[@data-check='safe_zone']/circle/@cy"), (3 + y_mm) * kPt, 0.2);
}

TEST_F(Gallery, TheVideoPlaysWithItsCaptionsAndChapters) {
    GalleryPage page(*html_);
    ASSERT_TRUE(page.ok());
    const std::string v = "//article[@data-file='clip.mp4']//video";
    EXPECT_EQ(page.first(v + "/@poster"), "clip.jpg");
    EXPECT_EQ(page.first(v + "/source/@src"), "clip.mp4");
    // libxml2's HTML 4 parser does not know <source> is empty: the track
    // ends up inside it, hence //.
    EXPECT_EQ(page.first(v + "//track[@kind='captions'][@srclang='ja']/@src"), "clip.vtt");
    const std::string id = page.first(v + "/@id");
    // koho video's chapters file rounds to whole seconds: 0:00, 0:01.
    EXPECT_EQ(page.values("//button[@data-video='" + id + "']/@data-start"), (std::vector<std::string>{"0", "1"}));
    EXPECT_EQ(page.values("//article[@data-file='clip.mp4']//ol[@class='chapters']/li"),
              (std::vector<std::string>{"0:00 はじめに", "0:01 応募"}));
    // The live-reload hook the watch server's /events drives.
    EXPECT_NE(html_->find("new EventSource('/events')"), std::string::npos);
    EXPECT_NE(html_->find("addEventListener('reload'"), std::string::npos);
}

TEST_F(Gallery, TheSameBuildGivesTheSameBytes) {
    ASSERT_EQ(run_koho({"gallery", in("output"), "-o", in("again.html")}, {kEpoch}).exit_code, 0);
    EXPECT_EQ(read_bytes(in("again.html")), *html_);
    // Without SOURCE_DATE_EPOCH the page carries no time at all: also stable.
    ASSERT_EQ(run_koho({"gallery", in("output"), "-o", in("plain1.html")}).exit_code, 0);
    ASSERT_EQ(run_koho({"gallery", in("output"), "-o", in("plain2.html")}).exit_code, 0);
    EXPECT_EQ(read_bytes(in("plain1.html")), read_bytes(in("plain2.html")));
    EXPECT_NE(read_bytes(in("plain1.html")), *html_);  // the epoch is shown when set
}

// A PDF that is not one (a copy cut short, a file dropped in by hand) is a
// card that says so and a warning; every other asset is still shown.
TEST_F(Gallery, AnUnreadablePdfIsACardOfItsOwnNotAFailedGallery) {
    const fs::path folder = dir_->path() / "with-broken";
    fs::create_directories(folder);
    fs::copy_file(in("output/card.pdf"), folder / "card.pdf");
    const std::string good = read_bytes(in("output/card.pdf"));
    write_bytes(folder / "broken.pdf", good.substr(0, good.size() / 3));
    const KohoRun run = run_koho({"gallery", folder.string()}, {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find((folder / "broken.pdf").string() + ": warning: "), std::string::npos) << run.err;
    const GalleryPage page(read_bytes(folder / "index.html"));
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.first("//article[@data-file='broken.pdf']/@data-verdict"), "fail");
    EXPECT_NE(page.first("//article[@data-file='broken.pdf']//p[@class='note']").find("読めない PDF"), std::string::npos);
    EXPECT_EQ(page.count("//article[@data-file='broken.pdf']//figure"), 0u);
    EXPECT_EQ(page.count("//article[@data-file='card.pdf']//figure[@class='page']"), 2u);
}

TEST_F(Gallery, AMissingFolderExitsTwoAndWritesNothing) {
    const KohoRun run = run_koho({"gallery", in("no-such-output"), "-o", in("missing.html")});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("no-such-output: error: no such output folder"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(in("missing.html")));
}

}  // namespace
}  // namespace koho::test
