// Every class of error `koho print` reports, through the real binary: the
// exit status, the one exact message (FILE:LINE:COL, the fault, the JSON
// pointer), and nothing left at -o.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../print/test_support.h"
#include "koho_runner.h"
#include "run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

const std::string kRootAbs = std::string(KOHO_SOURCE_DIR) + "/tests/cli/data";

struct ErrorCase {
    const char* name;  // tests/cli/data/errors/<name>.json
    int exit_code;
    std::string message;  // the whole of stderr, less the final newline
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

std::string at(const char* name, const char* rest) {
    return kData + "/errors/" + name + ".json:" + rest;
}

const ErrorCase kCases[] = {
    {"missing-image", 2,
     at("missing-image", "17:50: error: image 'media/no-such-photo.png' not found (looked in ") + kRootAbs +
         ") (at /pages/0/frames/2/src)"},
    {"escapes-root", 2,
     at("escapes-root", "17:50: error: image '../../CMakeLists.txt' resolves to ") + KOHO_SOURCE_DIR +
         "/tests/CMakeLists.txt, outside the project root " + kRootAbs + " (at /pages/0/frames/2/src)"},
    {"unknown-font", 2,
     at("unknown-font", "9:23: error: font family \"Hiragino Mincho ProN\" not found in the project's fonts "
                        "(searched: ") +
         KOHO_SOURCE_DIR + "/fonts) (at /styles/name/font)"},
    {"overset", 2,
     at("overset", "20:9: error: overset text: 18 characters did not fit in frame 'body' on page 1 (give the "
                   "frame more room, chain it with \"next\", or set \"overflow\": \"allow\") (at /pages/0/frames/4)")},
    {"syntax-error", 2,
     at("syntax-error", "16:9: error: invalid JSON: syntax error while parsing array - unexpected '{'; "
                        "expected ']' (at /pages/0/frames/1)")},
    {"unknown-key", 2,
     at("unknown-key", "17:122: error: unknown key 'fitt' in an image frame; did you mean 'fit'? "
                       "(at /pages/0/frames/2/fitt)")},
    {"bad-length", 2,
     at("bad-length", "17:101: error: \"w\": '19' has no unit; write it with one of mm, pt, px, Q, H, em, % "
                      "(at /pages/0/frames/2/w)")},
    {"bad-unit", 2,
     at("bad-unit", "17:76: error: \"x\": '66cm' is not a length; use a number with one of the units mm, pt, "
                    "px, Q, H, em, % (at /pages/0/frames/2/x)")},
    {"unknown-style", 2,
     at("unknown-style", "20:50: error: unknown style 'bodytext' (at /pages/0/frames/4/style)")},
    {"unknown-color", 2,
     at("unknown-color", "16:101: error: \"fill\": unknown colour 'teall'; did you mean 'teal'? "
                         "(at /pages/0/frames/1/fill)")},
};

class PrintError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(PrintError, ExitsWithOneLocatedMessageAndWritesNothing) {
    const ErrorCase& c = GetParam();
    TempDir out("cli-error");
    const fs::path pdf = out.path() / "out.pdf";
    const fs::path proofs = out.path() / "proofs";
    const KohoRun run = run_koho({"print", kData + "/errors/" + c.name + ".json", "--root", kData, "-o",
                                  pdf.string(), "--proof", proofs.string()});
    EXPECT_EQ(run.exit_code, c.exit_code);
    EXPECT_EQ(run.err, c.message + "\n");
    EXPECT_EQ(run.out, "");
    EXPECT_FALSE(fs::exists(pdf));
    // No proofs, and no temporary file left beside the target either.
    EXPECT_TRUE(fs::is_empty(out.path())) << "left over in " << out.path();
}

INSTANTIATE_TEST_SUITE_P(Cli, PrintError, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                             std::string name = info.param.name;
                             for (char& ch : name)
                                 if (ch == '-') ch = '_';
                             return name;
                         });

TEST(PrintErrorFile, AFailedRunLeavesAnExistingOutputAsItWas) {
    TempDir out("cli-keep");
    const fs::path pdf = out.path() / "out.pdf";
    write_bytes(pdf, "the previous PDF");
    const KohoRun run = run_koho({"print", kData + "/errors/overset.json", "--root", kData, "-o", pdf.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(read_bytes(pdf), "the previous PDF");
}

TEST(PrintErrorOptions, MissingLayoutFile) {
    const KohoRun run = run_koho({"print", kData + "/nothere.json", "-o", "/tmp/never-written.pdf"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, kData + "/nothere.json: error: cannot open '" + kData +
                           "/nothere.json': no such readable file\n");
}

TEST(PrintErrorOptions, BadDpiIsBadInput) {
    TempDir out("cli-dpi");
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "-o",
                                  (out.path() / "x.pdf").string(), "--dpi", "0"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "--dpi: error: proof resolution 0 dpi is outside 1..2400\n");
    EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST(PrintErrorOptions, MissingFontDirIsBadInput) {
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "--font-dir", "/no/such/fonts",
                                  "-o", "/tmp/never-written.pdf"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "--font-dir: error: font directory '/no/such/fonts' does not exist\n");
}

TEST(PrintErrorOptions, MissingRootIsBadInput) {
    const KohoRun run =
        run_koho({"print", kData + "/ok.json", "--root", "/no/such/root", "-o", "/tmp/never-written.pdf"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "--root: error: project root '/no/such/root' is not a directory\n");
}

TEST(PrintErrorOptions, MissingOutputOptionIsAUsageError) {
    const KohoRun run = run_koho({"print", kData + "/ok.json"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("--output is required"), std::string::npos) << run.err;
}

TEST(PrintErrorSystem, UnwritableOutputIsAFailureNotBadInput) {
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "-o", "/no/such/dir/out.pdf", "--no-preflight"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "/no/such/dir/out.pdf: error: cannot write output: directory '/no/such/dir' does not exist\n");
}

TEST(PrintErrorSystem, ProofDirectoryThatCannotBeMadeIsAFailureAndLeavesNoPdf) {
    TempDir out("cli-proofdir");
    const fs::path pdf = out.path() / "out.pdf";
    write_bytes(out.path() / "file", "");
    const std::string proofs = (out.path() / "file" / "proofs").string();
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "-o", pdf.string(), "--proof", proofs,
                                  "--no-preflight"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err.rfind(proofs + ": error: cannot create the proof directory: ", 0), 0u) << run.err;
    EXPECT_FALSE(fs::exists(pdf));
}

}  // namespace
}  // namespace koho::test

namespace koho::test {
namespace {

// The unknown-family message lists the directories searched, in order: the
// project's fonts/, each --font-dir, the fonts koho ships (once each).
TEST(PrintErrorFonts, SearchedDirectoriesComeInOrderWithoutDuplicates) {
    const KohoRun run = run_koho({"print", kData + "/errors/unknown-font.json", "--root", kData, "--font-dir",
                                  kData + "/media", "--font-dir", std::string(KOHO_SOURCE_DIR) + "/fonts", "-o",
                                  "/tmp/never-written.pdf"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, kData + "/errors/unknown-font.json:9:23: error: font family \"Hiragino Mincho ProN\" not "
                               "found in the project's fonts (searched: " +
                           kRootAbs + "/media, " + KOHO_SOURCE_DIR + "/fonts) (at /styles/name/font)\n");
}

TEST(PrintErrorFonts, TheProjectsOwnFontsDirectoryIsSearchedFirst) {
    TempDir root("cli-root-fonts");
    fs::create_directories(root.path() / "fonts");
    fs::create_directories(root.path() / "media");
    fs::copy_file(kData + "/media/checker.png", root.path() / "media/checker.png");
    fs::copy_file(kData + "/errors/unknown-font.json", root.path() / "layout.json");
    const KohoRun run = run_koho({"print", (root.path() / "layout.json").string(), "--root", root.path().string(),
                                  "-o", (root.path() / "out.pdf").string()});
    EXPECT_EQ(run.exit_code, 2);
    const std::string root_abs = fs::canonical(root.path()).string();
    EXPECT_EQ(run.err, (root.path() / "layout.json").string() +
                           ":9:23: error: font family \"Hiragino Mincho ProN\" not found in the project's fonts "
                           "(searched: " +
                           root_abs + "/fonts, " + KOHO_SOURCE_DIR + "/fonts) (at /styles/name/font)\n");
    EXPECT_FALSE(fs::exists(root.path() / "out.pdf"));
}

}  // namespace
}  // namespace koho::test

namespace koho::test {
namespace {

TEST(PrintErrorEnvironment, MalformedSourceDateEpochIsBadInput) {
    TempDir out("cli-epoch");
    const fs::path pdf = out.path() / "out.pdf";
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "-o", pdf.string()},
                                 {"SOURCE_DATE_EPOCH=yesterday"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err,
              "SOURCE_DATE_EPOCH: error: 'yesterday' is not a whole number of seconds since 1970-01-01 (up to "
              "year 9999)\n");
    EXPECT_FALSE(fs::exists(pdf));
}

}  // namespace
}  // namespace koho::test
