// The same inputs give the same bytes: `koho print` (CMYK PDF/X, RGB, the
// web edition, page and spread proofs), `koho impose` and `koho video` (MP4
// at a fixed --threads, thumbnail, captions, chapters), rendered twice from
// two copies of the project in different directories, to differently named
// outputs. Video at --threads 1: x264's VBV (every preset sets maxrate and
// bufsize) is not repeatable with 2 threads, frame or sliced — 1 koho render
// in 6 differed in 2 bytes of one slice header, the decoded pictures equal;
// the ffmpeg CLI with the same x264 settings gave 8 different streams in 8
// runs, and 8 equal ones without VBV or with one thread. Dates come from
// SOURCE_DATE_EPOCH alone: two values change the
// dates (PDF Info, XMP; MP4 mvhd/tkhd/mdhd) and the identifiers derived
// from them (/ID, xmpMM:InstanceID), nothing else. Without it, a
// PDF/X file is dated by the layout's modification time, other PDFs carry
// no date, and an MP4's times are 0.
#include <gtest/gtest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <chrono>

#include "cli/koho_child.h"
#include "cli/output_projects.h"
#include "cli/run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

const std::string kEpochA = "1700000000";  // 2023-11-14 22:13:20 UTC
const std::string kEpochB = "1800000000";  // 2027-01-15 08:00:00 UTC
constexpr int64_t kLayoutMtime = 1600000000;  // 2020-09-13 12:26:40 UTC

// Two copies of one project: same bytes and modification times, other paths.
class Determinism : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        for (int i = 0; i < 2; ++i) {
            base_[i] = fresh_dir(i == 0 ? "determinism-a" : "determinism-b-elsewhere");
            project_[i] = base_[i] / (i == 0 ? "project" : "another name");
            write_print_project(project_[i], 2);
            write_video_project(project_[i], 2);
            const auto mtime = std::chrono::file_clock::from_sys(
                std::chrono::sys_seconds(std::chrono::seconds(kLayoutMtime)));
            fs::last_write_time(project_[i] / "slow.json", mtime);
            fs::create_directories(base_[i] / "out");
        }
    }
    static void TearDownTestSuite() {
        for (const fs::path& b : base_) fs::remove_all(b);
    }

    // `koho print` of copy `i` to OUT/<name>, with `extra` options.
    static ChildResult print(int i, const std::string& name, std::vector<std::string> extra,
                             std::optional<std::string> epoch) {
        std::vector<std::string> args{"print", (project_[i] / "slow.json").string(), "-o",
                                      (base_[i] / "out" / name).string(), "--root", project_[i].string(),
                                      "--font-dir", kFonts};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_child(args, environment(epoch));
    }
    static ChildOptions environment(std::optional<std::string> epoch) {
        ChildOptions options;
        if (epoch)
            options.env_add = {"SOURCE_DATE_EPOCH=" + *epoch};
        else
            options.env_remove = {"SOURCE_DATE_EPOCH"};
        return options;
    }
    static std::string out(int i, const std::string& name) { return read_bytes_of(base_[i] / "out" / name); }

    static fs::path base_[2], project_[2];
};
fs::path Determinism::base_[2], Determinism::project_[2];

// The PDF uncompressed and in object order (qpdf's QDF), with a fixed
// /ID: what differs between two such texts is what the PDFs say.
std::string qdf(const std::string& pdf_bytes) {
    QPDF pdf;
    pdf.processMemoryFile("pdf", pdf_bytes.data(), pdf_bytes.size());
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setQDFMode(true);
    writer.setStaticID(true);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

int replace_all(std::string& text, const std::string& from, const std::string& to) {
    int n = 0;
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()), ++n)
        text.replace(at, from.size(), to);
    return n;
}

TEST_F(Determinism, PrintPdfxAndProofsAreByteIdentical) {
    for (const std::optional<std::string>& epoch : {std::optional<std::string>(kEpochA), std::optional<std::string>()}) {
        for (int i = 0; i < 2; ++i) {
            const std::string proofs = (base_[i] / "out" / ("proofs-" + std::to_string(i))).string();
            const ChildResult run = print(i, i == 0 ? "a.pdf" : "b.pdf", {"--proof", proofs, "--spreads"}, epoch);
            ASSERT_EQ(run.exit_code, 0) << run.err;
        }
        const std::string a = out(0, "a.pdf");
        ASSERT_EQ(a.rfind("%PDF-", 0), 0u);
        EXPECT_TRUE(a == out(1, "b.pdf")) << "PDF/X differs, SOURCE_DATE_EPOCH " << epoch.value_or("unset");
        for (const std::string png : {"slow-p1.png", "slow-p2.png", "slow-spread-1.png", "slow-spread-2.png"}) {
            const std::string p = out(0, "proofs-0/" + png);
            ASSERT_FALSE(p.empty()) << png;
            EXPECT_TRUE(p == out(1, "proofs-1/" + png)) << png << " differs";
        }
    }
}

TEST_F(Determinism, WebAndRgbPdfsAndImpositionAreByteIdentical) {
    for (int i = 0; i < 2; ++i) {
        const std::string tag = std::to_string(i);
        ASSERT_EQ(print(i, "web" + tag + ".pdf", {"--web"}, kEpochA).exit_code, 0);
        ASSERT_EQ(print(i, "rgb" + tag + ".pdf", {"--color", "rgb"}, kEpochA).exit_code, 0);
        ASSERT_EQ(print(i, "cmyk" + tag + ".pdf", {"--no-preflight"}, kEpochA).exit_code, 0);
        const ChildResult imposed =
            run_child({"impose", (base_[i] / "out" / ("cmyk" + tag + ".pdf")).string(), "--saddle-stitch", "--pad",
                       "-o", (base_[i] / "out" / ("imposed" + tag + ".pdf")).string()},
                      environment(kEpochA));
        ASSERT_EQ(imposed.exit_code, 0) << imposed.err;
    }
    for (const std::string kind : {"web", "rgb", "imposed"}) {
        const std::string a = out(0, kind + "0.pdf");
        ASSERT_EQ(a.rfind("%PDF-", 0), 0u) << kind;
        EXPECT_TRUE(a == out(1, kind + "1.pdf")) << kind << " differs";
    }
}

// Replaces what lies between each `open` and the next `close` with "<x>".
int blank_between(std::string& text, const std::string& open, const std::string& close) {
    int n = 0;
    for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1), ++n) {
        const size_t from = at + open.size(), to = text.find(close, from);
        if (to == std::string::npos) break;
        text.replace(from, to - from, "<x>");
    }
    return n;
}

TEST_F(Determinism, SourceDateEpochChangesThePdfDatesAndNothingElse) {
    struct Case {
        std::string name;
        std::vector<std::string> options;
        bool xmp;  // PDF/X carries the dates in its XMP too
    };
    for (const Case& c : {Case{"pdfx", {}, true}, Case{"web", {"--web"}, false}, Case{"rgb", {"--color", "rgb"}, false}}) {
        ASSERT_EQ(print(0, c.name + "-a.pdf", c.options, kEpochA).exit_code, 0);
        ASSERT_EQ(print(0, c.name + "-b.pdf", c.options, kEpochB).exit_code, 0);
        std::string a = qdf(out(0, c.name + "-a.pdf")), b = qdf(out(0, c.name + "-b.pdf"));
        EXPECT_NE(a, b) << c.name;
        // CreationDate and ModDate; in XMP CreateDate, ModifyDate, MetadataDate.
        EXPECT_EQ(replace_all(a, "D:20231114221320Z", "D:<date>"), 2) << c.name;
        EXPECT_EQ(replace_all(b, "D:20270115080000Z", "D:<date>"), 2) << c.name;
        EXPECT_EQ(replace_all(a, "2023-11-14T22:13:20Z", "<iso-date>"), c.xmp ? 3 : 0) << c.name;
        EXPECT_EQ(replace_all(b, "2027-01-15T08:00:00Z", "<iso-date>"), c.xmp ? 3 : 0) << c.name;
        // Identifiers derived from the content, dates included (the file
        // /ID's first half, PDF/X's xmpMM:InstanceID), change with them.
        for (std::string* text : {&a, &b}) {
            EXPECT_EQ(blank_between(*text, "/ID [<", ">"), 1) << c.name;
            EXPECT_EQ(blank_between(*text, "<xmpMM:InstanceID>", "</xmpMM:InstanceID>"), c.xmp ? 1 : 0) << c.name;
        }
        EXPECT_TRUE(a == b) << c.name << ": more than the dates differs";
    }
}

TEST_F(Determinism, WithoutSourceDateEpochPdfxIsDatedByTheLayoutAndOthersAreUndated) {
    ASSERT_EQ(print(0, "pdfx-undated.pdf", {}, std::nullopt).exit_code, 0);
    ASSERT_EQ(print(0, "web-undated.pdf", {"--web"}, std::nullopt).exit_code, 0);
    const std::string pdfx = qdf(out(0, "pdfx-undated.pdf"));
    EXPECT_NE(pdfx.find("/CreationDate (D:20200913122640Z)"), std::string::npos);
    EXPECT_NE(pdfx.find("/ModDate (D:20200913122640Z)"), std::string::npos);
    const std::string web = qdf(out(0, "web-undated.pdf"));
    EXPECT_EQ(web.find("/CreationDate"), std::string::npos);
    EXPECT_EQ(web.find("/ModDate"), std::string::npos);
}

// ---- MP4 -------------------------------------------------------------------

uint64_t read_be(const std::string& b, size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

// The creation and modification times of every mvhd, tkhd and mdhd box
// (seconds since 1904), each then overwritten with zeros in `mp4`.
std::vector<uint64_t> take_mp4_times(std::string& mp4, size_t from = 0, size_t to = std::string::npos) {
    std::vector<uint64_t> times;
    to = std::min(to, mp4.size());
    for (size_t at = from; at + 8 <= to;) {
        uint64_t size = read_be(mp4, at, 4);
        const std::string type = mp4.substr(at + 4, 4);
        size_t header = 8;
        if (size == 1) {
            size = read_be(mp4, at + 8, 8);
            header = 16;
        } else if (size == 0) {
            size = to - at;
        }
        if (size < header || at + size > to) break;
        if (type == "moov" || type == "trak" || type == "mdia") {
            auto inner = take_mp4_times(mp4, at + header, at + size);
            times.insert(times.end(), inner.begin(), inner.end());
        } else if (type == "mvhd" || type == "tkhd" || type == "mdhd") {
            const int width = mp4[at + header] == 1 ? 8 : 4;
            for (int field = 0; field < 2; ++field) {
                const size_t where = at + header + 4 + field * width;
                times.push_back(read_be(mp4, where, width));
                for (int i = 0; i < width; ++i) mp4[where + i] = 0;
            }
        }
        at += size;
    }
    return times;
}

constexpr uint64_t k1904To1970 = 2082844800;

class VideoDeterminism : public Determinism {
protected:
    static ChildResult video(int i, const std::string& name, std::optional<std::string> epoch) {
        return run_child({"video", (project_[i] / "clip.json").string(), "-o", (base_[i] / "out" / name).string(),
                          "--root", project_[i].string(), "--threads", "1", "--quiet"},
                         environment(epoch));
    }
};

TEST_F(VideoDeterminism, Mp4AndSidecarsAreByteIdenticalWithOneEncoderThread) {
    for (int i = 0; i < 2; ++i) {
        const ChildResult run = video(i, i == 0 ? "a.mp4" : "b.mp4", kEpochA);
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"a.mp4", "b.mp4"}, {"a.jpg", "b.jpg"}, {"a.srt", "b.srt"}, {"a.vtt", "b.vtt"},
             {"a-chapters.txt", "b-chapters.txt"}}) {
        const std::string first = out(0, a);
        ASSERT_FALSE(first.empty()) << a;
        EXPECT_TRUE(first == out(1, b)) << a << " and " << b << " differ";
    }
}

TEST_F(VideoDeterminism, SourceDateEpochChangesTheMp4TimesAndNothingElse) {
    ASSERT_EQ(video(0, "ta.mp4", kEpochA).exit_code, 0);
    ASSERT_EQ(video(0, "tb.mp4", kEpochB).exit_code, 0);
    ASSERT_EQ(video(0, "tn.mp4", std::nullopt).exit_code, 0);
    std::string a = out(0, "ta.mp4"), b = out(0, "tb.mp4"), n = out(0, "tn.mp4");
    EXPECT_NE(a, b);
    const auto times_a = take_mp4_times(a), times_b = take_mp4_times(b), times_n = take_mp4_times(n);
    ASSERT_GE(times_a.size(), 6u);  // mvhd, and a tkhd and mdhd per track
    for (uint64_t t : times_a) EXPECT_EQ(t, 1700000000 + k1904To1970);
    for (uint64_t t : times_b) EXPECT_EQ(t, 1800000000 + k1904To1970);
    for (uint64_t t : times_n) EXPECT_EQ(t, 0u);  // no clock: "unknown"
    EXPECT_TRUE(a == b) << "more than the times differs";
    EXPECT_TRUE(a == n) << "more than the times differs without SOURCE_DATE_EPOCH";
    EXPECT_TRUE(out(0, "ta.jpg") == out(0, "tb.jpg"));
}

TEST_F(VideoDeterminism, AMalformedSourceDateEpochIsBadInputAsForPdfs) {
    const fs::path dir = base_[0] / "out" / "malformed-epoch";
    fs::create_directories(dir);
    const ChildResult run =
        run_child({"video", (project_[0] / "clip.json").string(), "-o", (dir / "x.mp4").string(), "--root",
                   project_[0].string(), "--threads", "1", "--quiet"},
                  ChildOptions{{"SOURCE_DATE_EPOCH=yesterday"}});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("SOURCE_DATE_EPOCH: error: 'yesterday' is not a whole number of seconds since "
                           "1970-01-01 (up to year 9999)\n"),
              std::string::npos)
        << run.err;
    EXPECT_TRUE(names_in(dir).empty());
}

TEST_F(VideoDeterminism, TranscodeIsByteIdenticalWithOneEncoderThread) {
    // Footage and captions made by koho video, then transcoded twice with
    // the captions burned in.
    ASSERT_EQ(video(0, "footage.mp4", kEpochA).exit_code, 0);
    for (int i = 0; i < 2; ++i) {
        const fs::path root = base_[i] / "transcode-root";
        fs::create_directories(root);
        fs::copy_file(base_[0] / "out" / "footage.mp4", root / "in.mp4", fs::copy_options::overwrite_existing);
        fs::copy_file(base_[0] / "out" / "footage.srt", root / "in.srt", fs::copy_options::overwrite_existing);
        const ChildResult run = run_child(
            {"transcode", "in.mp4", "-o", (base_[i] / "out" / ("transcoded" + std::to_string(i) + ".mp4")).string(),
             "--root", root.string(), "--captions", "in.srt", "--preset", "web-720p", "--encoder-preset",
             "ultrafast", "--threads", "1", "--quiet", "--font-dir", kFonts},
            environment(kEpochA));
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    const std::string a = out(0, "transcoded0.mp4");
    ASSERT_GT(a.size(), 1000u);
    EXPECT_TRUE(a == out(1, "transcoded1.mp4"));
}

TEST_F(Determinism, TypesetPngIsByteIdentical) {
    for (int i = 0; i < 2; ++i) {
        const ChildResult run = run_child({"typeset", "--text", "{千葉|ちば}県の**児童相談所**で働く。", "--width-em", "8",
                                           "--png", (base_[i] / "out" / "typeset.png").string(), "--font-dir", kFonts},
                                          environment(kEpochA));
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    const std::string a = out(0, "typeset.png");
    ASSERT_EQ(a.rfind("\x89PNG", 0), 0u);
    EXPECT_TRUE(a == out(1, "typeset.png"));
}

}  // namespace
}  // namespace koho::test
