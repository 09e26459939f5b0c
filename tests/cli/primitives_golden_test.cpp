// The layout primitives of issue 4 drawn together on one A6 page (gradient
// band, outlined title, SVG art with a shadow, balanced two-column text with
// a column rule wrapping round a circle-cropped picture, a character style,
// bullet and numbered lists, a table with a header, zebra rows, a row span
// and a decimal column, an odd-page master folio) and compared with the
// expected proof in tests/cli/golden/primitives-p1.png.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../print/test_support.h"
#include "image_compare.h"
#include "koho_runner.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

// To record a new golden after an intended change:
// KOHO_UPDATE_GOLDEN=1 ctest -R PrimitivesGolden, then look at the image
// before committing it.
TEST(PrimitivesGolden, ProofMatchesTheGoldenImage) {
    TempDir dir("cli-primitives");
    const fs::path proofs = dir.path() / "proofs";
    // The sheet's 4×4 test picture is below print resolution: the proof,
    // not the press, is what this test is about.
    const KohoRun run = run_koho({"print", "tests/cli/data/primitives.json", "--root", "tests/cli/data", "-o",
                                  (dir.path() / "primitives.pdf").string(), "--proof", proofs.string(), "--dpi", "100",
                                  "--no-preflight"},
                                 {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const fs::path actual = proofs / "primitives-p1.png";
    const fs::path golden = fs::path(KOHO_SOURCE_DIR) / "tests/cli/golden/primitives-p1.png";
    ASSERT_TRUE(fs::exists(actual));
    if (const char* update = std::getenv("KOHO_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        fs::copy_file(actual, golden, fs::copy_options::overwrite_existing);
        GTEST_SKIP() << "recorded " << golden;
    }
    const fs::path diff = fs::temp_directory_path() / "koho-test-failures" / "primitives-p1-diff.png";
    const ImageComparison cmp = compare_png(actual, golden, 8, diff);
    ASSERT_EQ(cmp.error, "");
    ASSERT_TRUE(cmp.same_size) << "proof is " << cmp.width << " x " << cmp.height << ", golden differs";
    // A6 (105 × 148 mm) plus 3 mm bleed on every side, at 100 dpi.
    EXPECT_EQ(cmp.width, 438);
    EXPECT_EQ(cmp.height, 607);
    // Anti-aliased edges may move (another Cairo, FreeType or librsvg);
    // a table row, a column or the wrap moved by a line fails.
    EXPECT_LE(cmp.differing_fraction(), 0.005)
        << cmp.differing << " pixels differ (max " << cmp.max_difference << "); diff image: " << diff;
}

}  // namespace
}  // namespace koho::test
