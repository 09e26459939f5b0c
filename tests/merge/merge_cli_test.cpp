// `koho print LAYOUT --output-dir DIR` end to end: one output set per
// record (PDF or pictures, proofs, depfile), a bad record reported with its
// place in the data file while the good ones are written (exit 2), faults of
// the whole run stopping it before anything is written, PNG and JPEG pages
// at the page's pixel size, and the same bytes from run to run.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/koho_runner.h"
#include "cli/run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A small RGB layout that merges data/s.csv; `frames` on the page.
std::string merge_layout(const std::string& output, const std::string& size, const std::string& frames,
                         const std::string& data = "data/s.csv") {
    return R"({"type": "print", "data": ")" + data + R"(", "output": ")" + output + R"(",
"page": {"size": )" + size + R"(, "bleed": "0mm", "marks": "none"},
"color": {"mode": "rgb"},
"fonts": {"gothic": "Noto Sans CJK JP"},
"styles": {"body": {"font": "gothic", "size": "12pt", "leading": "16pt"}},
"vars": {"year": "2027"},
"pages": [{"frames": [)" + frames + R"(]}]}
)";
}

const std::string kA6 = R"({"w": "105mm", "h": "148mm"})";
const std::string kVenueFrame =
    R"({"id": "venue", "type": "text", "x": "10mm", "y": "10mm", "w": "60mm", "h": "8mm", "style": "body", "text": "{{venue}}（{{year}}）"},
{"id": "qr", "type": "qr", "data": "{{url}}", "x": "10mm", "y": "30mm", "size": "20mm"})";

class MergeCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("koho-merge-cli-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "out");
        fs::create_directories(dir_ / "deps");
        root_ = fs::canonical(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((dir_ / relative).parent_path());
        std::ofstream(dir_ / relative, std::ios::binary) << text;
    }
    std::string at(const std::string& relative) const { return (dir_ / relative).string(); }
    KohoRun merge(const std::string& layout, std::vector<std::string> extra = {},
                  const std::string& out = "out") const {
        std::vector<std::string> args = {"print", at(layout), "--root", dir_.string(), "--font-dir", kFonts,
                                         "--output-dir", at(out)};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args, {kEpoch});
    }
    std::vector<std::string> listing(const std::string& relative) const {
        std::vector<std::string> names;
        for (const auto& entry : fs::recursive_directory_iterator(dir_ / relative))
            names.push_back(fs::relative(entry.path(), dir_ / relative).string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path dir_, root_;
};

const std::string kThreeSessions =
    "id,venue,url\n"
    "chiba,千葉会場,https://example.jp/s?id=chiba\n"
    "online,オンライン,https://example.jp/s?id=online\n"
    "tokyo,東京会場,https://example.jp/s?id=tokyo\n";

TEST_F(MergeCli, OneOutputPerRecordWithProofsAndADepfileEach) {
    write("data/s.csv", kThreeSessions);
    write("flyer.json", merge_layout("flyer-{{id}}.pdf", kA6, kVenueFrame));
    const KohoRun run = merge("flyer.json", {"--proof", at("proofs"), "--dpi", "20", "--deps", at("deps")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(listing("out"), (std::vector<std::string>{"flyer-chiba.pdf", "flyer-online.pdf", "flyer-tokyo.pdf"}));
    EXPECT_EQ(listing("proofs"),
              (std::vector<std::string>{"flyer-chiba-p1.png", "flyer-online-p1.png", "flyer-tokyo-p1.png"}));
    EXPECT_EQ(slurp(at("out/flyer-chiba.pdf")).rfind("%PDF-", 0), 0u);
    // Each record's text is its own: pdftotext is not needed, the PDFs differ.
    EXPECT_NE(slurp(at("out/flyer-chiba.pdf")), slurp(at("out/flyer-online.pdf")));

    const std::string depfile = slurp(at("deps/flyer-online.pdf.d"));
    EXPECT_EQ(depfile.rfind(at("out/flyer-online.pdf") + " " + at("proofs/flyer-online-p1.png") + ":", 0), 0u)
        << depfile;
    // The data file and the layout, read once for all records, are in every record's depfile.
    // Its empty rule, "PATH:" on a line of its own, wherever sorting puts it.
    EXPECT_NE(depfile.find("\n" + (root_ / "data/s.csv").string() + ":\n"), std::string::npos) << depfile;
    EXPECT_NE(depfile.find("\n" + (root_ / "data/s.csv").string() + ":\n"), std::string::npos) << depfile;
    EXPECT_NE(depfile.find("\n" + (root_ / "flyer.json").string() + ":\n"), std::string::npos) << depfile;
    EXPECT_NE(depfile.find("NotoSansCJK-Regular.ttc"), std::string::npos) << depfile;
    // The font is listed for every record, not only the first (a fresh font cache per record).
    EXPECT_NE(slurp(at("deps/flyer-tokyo.pdf.d")).find("NotoSansCJK-Regular.ttc"), std::string::npos);
}

TEST_F(MergeCli, ABadRecordIsReportedAndTheOthersAreStillWritten) {
    write("data/s.csv",
          "id,venue,url\n"
          "chiba,千葉会場,https://example.jp/s?id=chiba\n"
          "long,とても長い会場名が一行に収まらず枠からあふれてしまう説明会の会場です,https://example.jp/s?id=long\n"
          "ragged,東京会場\n"
          "online,オンライン,https://example.jp/s?id=online\n");
    write("flyer.json", merge_layout("flyer-{{id}}.pdf", kA6, kVenueFrame));
    const KohoRun run = merge("flyer.json", {"--deps", at("deps")});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(listing("out"), (std::vector<std::string>{"flyer-chiba.pdf", "flyer-online.pdf"}));
    EXPECT_EQ(listing("deps"), (std::vector<std::string>{"flyer-chiba.pdf.d", "flyer-online.pdf.d"}));
    // The overset is found in the layout; the note names the record by its line.
    const std::string layout = at("flyer.json");
    EXPECT_NE(run.err.find(layout + ":7:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("\ndata/s.csv:3: note: record 2 was not written (flyer-long.pdf)\n"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("\ndata/s.csv:4:8: error: record 3 has 2 fields; the header has 3\n"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("\n" + layout + ": error: 2 of 4 records failed; 2 written\n"), std::string::npos)
        << run.err;
}

TEST_F(MergeCli, AnUnknownVariableNamesTheLayoutAndTheRecord) {
    write("data/s.json", "[{\"id\": \"a\", \"venue\": \"千葉\", \"url\": \"https://example.jp/a\"},\n"
                         " {\"id\": \"b\", \"url\": \"https://example.jp/b\"}]");
    write("flyer.json", merge_layout("{{id}}.pdf", kA6, kVenueFrame, "data/s.json"));
    const KohoRun run = merge("flyer.json");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(listing("out"), (std::vector<std::string>{"a.pdf"}));
    const std::string layout = at("flyer.json");
    EXPECT_EQ(run.err, layout + ":7:132: error: unknown variable '{{venue}}' (at "
                                "/pages/0/frames/0/text)\n"
                                "data/s.json:2:2: note: record 2 was not written (b.pdf) (at /1)\n" +
                           layout + ": error: 1 of 2 records failed; 1 written\n");
}

TEST_F(MergeCli, CollidingNamesStopTheRunBeforeAnythingIsWritten) {
    write("data/s.csv", kThreeSessions + "chiba,千葉会場（2回目）,https://example.jp/s?id=chiba2\n");
    write("flyer.json", merge_layout("flyer-{{id}}.pdf", kA6, kVenueFrame));
    const KohoRun run = merge("flyer.json", {"--deps", at("deps")});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "data/s.csv:5: error: record 4 would be written to 'flyer-chiba.pdf', as record 1 (line 2) "
                       "is; \"output\" must give every record its own name\n");
    EXPECT_TRUE(listing("out").empty());
    EXPECT_TRUE(listing("deps").empty());
}

TEST_F(MergeCli, RecordsAndListRecordsChooseAndName) {
    write("data/s.csv", kThreeSessions);
    write("flyer.json", merge_layout("flyer-{{id}}.pdf", kA6, kVenueFrame));
    const KohoRun list = merge("flyer.json", {"--list-records"});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(list.out, "1\tflyer-chiba.pdf\n2\tflyer-online.pdf\n3\tflyer-tokyo.pdf\n");
    EXPECT_TRUE(listing("out").empty());
    const KohoRun two = merge("flyer.json", {"--records", "2-3"});
    EXPECT_EQ(two.exit_code, 0) << two.err;
    EXPECT_EQ(listing("out"), (std::vector<std::string>{"flyer-online.pdf", "flyer-tokyo.pdf"}));
    const KohoRun past = merge("flyer.json", {"--records", "4"});
    EXPECT_EQ(past.exit_code, 2);
    EXPECT_EQ(past.err, "--records: error: record 4 does not exist; the data has 3 records\n");
}

TEST_F(MergeCli, OutputAndOutputDirAreForTheirOwnKindOfLayout) {
    write("data/s.csv", kThreeSessions);
    write("flyer.json", merge_layout("flyer-{{id}}.pdf", kA6, kVenueFrame));
    const KohoRun one = run_koho({"print", at("flyer.json"), "--root", dir_.string(), "-o", at("out/x.pdf")});
    EXPECT_EQ(one.exit_code, 2);
    EXPECT_EQ(one.err, at("flyer.json") + ":1:27: error: this layout merges data: it makes one output per record "
                                          "of data/s.csv; give their folder with --output-dir DIR instead of -o "
                                          "(at /data)\n");
    write("plain.json", R"({"type": "print", "page": {"size": "A6"}, "pages": [{"frames": []}]})");
    const KohoRun dir = merge("plain.json");
    EXPECT_EQ(dir.exit_code, 2);
    EXPECT_EQ(dir.err, at("plain.json") + ": error: the layout has no \"data\" to merge; --output-dir is for data "
                                          "merge (write one PDF with -o OUT.pdf)\n");
    const KohoRun missing = merge("flyer.json", {}, "no-such-dir");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_EQ(missing.err, at("no-such-dir") + ": error: --output-dir: directory '" + at("no-such-dir") +
                               "' does not exist\n");
}

// Width and height a PNG's IHDR declares.
std::pair<uint32_t, uint32_t> png_size(const std::string& png) {
    auto be32 = [&](size_t at) {
        return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
               (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
    };
    if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) != 0) return {0, 0};
    return {be32(16), be32(20)};
}

// Width and height of a baseline JPEG's frame (SOF0).
std::pair<uint32_t, uint32_t> jpeg_size(const std::string& jpeg) {
    for (size_t i = 2; i + 9 < jpeg.size();) {
        if (uint8_t(jpeg[i]) != 0xFF) return {0, 0};
        const uint8_t marker = uint8_t(jpeg[i + 1]);
        const size_t length = (uint8_t(jpeg[i + 2]) << 8) | uint8_t(jpeg[i + 3]);
        if (marker == 0xC0)
            return {(uint8_t(jpeg[i + 7]) << 8) | uint8_t(jpeg[i + 8]), (uint8_t(jpeg[i + 5]) << 8) | uint8_t(jpeg[i + 6])};
        i += 2 + length;
    }
    return {0, 0};
}

const std::string kBannerFrames =
    R"({"id": "bg", "type": "rect", "x": "0px", "y": "0px", "w": "100%", "h": "100%", "fill": "#0f5e6e"},
{"id": "venue", "type": "text", "x": "40px", "y": "40px", "w": "600px", "h": "40px", "style": "body", "text": "{{venue}}"})";

TEST_F(MergeCli, BannersArePicturesAtThePagesPixelSize) {
    write("data/s.csv", kThreeSessions);
    write("wide.json", merge_layout("wide-{{id}}.png", R"({"w": "1200px", "h": "628px"})", kBannerFrames));
    write("square.json", merge_layout("square-{{id}}.jpg", R"({"w": "1080px", "h": "1080px"})", kBannerFrames));
    write("story.json", merge_layout("story-{{id}}.jpeg", R"({"w": "1080px", "h": "1920px"})", kBannerFrames));
    for (const char* layout : {"wide.json", "square.json", "story.json"}) {
        const KohoRun run = merge(layout, {"--deps", at("deps")});
        ASSERT_EQ(run.exit_code, 0) << layout << "\n" << run.err;
    }
    EXPECT_EQ(png_size(slurp(at("out/wide-tokyo.png"))), std::make_pair(1200u, 628u));
    EXPECT_EQ(jpeg_size(slurp(at("out/square-chiba.jpg"))), std::make_pair(1080u, 1080u));
    EXPECT_EQ(jpeg_size(slurp(at("out/story-online.jpeg"))), std::make_pair(1080u, 1920u));
    // The banner's background colour fills the picture (no bleed, no paper edge).
    EXPECT_EQ(listing("out").size(), 9u);
    EXPECT_NE(slurp(at("deps/wide-tokyo.png.d")).find((root_ / "data/s.csv").string()), std::string::npos);
}

TEST_F(MergeCli, AManyPagedPictureLayoutNumbersItsPages) {
    write("data/s.csv", kThreeSessions);
    std::string layout = merge_layout("card-{{id}}.png", R"({"w": "300px", "h": "200px"})", kBannerFrames);
    const std::string pages = R"("pages": [{"frames": [)";
    layout.replace(layout.find(pages), pages.size(),
                   R"("pages": [{"frames": [{"id": "p1", "type": "rect", "x": "0px", "y": "0px", "w": "10px", "h": "10px", "fill": "#000000"}]}, {"frames": [)");
    write("card.json", layout);
    const KohoRun run = merge("card.json", {"--records", "1"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(listing("out"), (std::vector<std::string>{"card-chiba-p1.png", "card-chiba-p2.png"}));
    EXPECT_EQ(png_size(slurp(at("out/card-chiba-p2.png"))), std::make_pair(300u, 200u));
}

TEST_F(MergeCli, TheSameDataGivesTheSameBytes) {
    write("data/s.csv", kThreeSessions);
    write("flyer.json", merge_layout("flyer-{{id}}.pdf", kA6, kVenueFrame));
    write("wide.json", merge_layout("wide-{{id}}.png", R"({"w": "1200px", "h": "628px"})", kBannerFrames));
    write("square.json", merge_layout("square-{{id}}.jpg", R"({"w": "1080px", "h": "1080px"})", kBannerFrames));
    fs::create_directories(dir_ / "again");
    for (const char* out : {"out", "again"})
        for (const char* layout : {"flyer.json", "wide.json", "square.json"}) {
            const KohoRun run = merge(layout, {}, out);
            ASSERT_EQ(run.exit_code, 0) << run.err;
        }
    const auto names = listing("out");
    ASSERT_EQ(names.size(), 9u);
    EXPECT_EQ(listing("again"), names);
    for (const std::string& name : names)
        EXPECT_EQ(slurp(at("out/" + name)), slurp(at("again/" + name))) << name;
}

// In CMYK, a photo every record shows is converted once per run (print/
// converted_images.h) and reused: each record's PDF must still be, byte for
// byte, the PDF that record gets rendered alone, converting its photo anew.
TEST_F(MergeCli, APhotoConvertedOnceGivesEachRecordTheBytesItGetsAlone) {
    write("data/s.csv", kThreeSessions);
    fs::create_directories(dir_ / "media");
    fs::copy_file(fs::path(KOHO_SOURCE_DIR) / "media/photos/session.jpg", dir_ / "media/session.jpg");
    std::string layout = merge_layout("photo-{{id}}.pdf", kA6,
                                      kVenueFrame + R"(, {"id": "photo", "type": "image", "src": "media/session.jpg",
                                      "x": "10mm", "y": "60mm", "w": "85mm", "h": "60mm", "fit": "cover"})");
    layout.replace(layout.find(R"("color": {"mode": "rgb"},)"), 25, R"("color": {"mode": "cmyk"},)");
    write("photo.json", layout);
    fs::create_directories(dir_ / "alone");
    const KohoRun all = merge("photo.json", {"--no-preflight"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    for (const char* record : {"1", "3"}) {
        const KohoRun alone = merge("photo.json", {"--no-preflight", "--records", record}, "alone");
        ASSERT_EQ(alone.exit_code, 0) << alone.err;
    }
    ASSERT_EQ(listing("alone"), (std::vector<std::string>{"photo-chiba.pdf", "photo-tokyo.pdf"}));
    for (const std::string& name : listing("alone")) {
        const std::string merged = slurp(at("out/" + name));
        EXPECT_NE(merged.find("/DeviceCMYK"), std::string::npos) << name;
        EXPECT_EQ(merged, slurp(at("alone/" + name))) << name;
    }
}

}  // namespace
}  // namespace koho::test
