// Every layout shipped in layouts/ loads: the samples and the format move
// together.
#include <filesystem>

#include "model/layout_schema.h"
#include "test_support.h"

namespace koho::model {
namespace {

TEST(Samples, EveryShippedLayoutLoadsAndMatchesTheSchema) {
    namespace fs = std::filesystem;
    const fs::path root = KOHO_SOURCE_DIR;
    int count = 0;
    for (const auto& entry : fs::directory_iterator(root / "layouts")) {
        if (entry.path().extension() != ".json") continue;
        std::string name = "layouts/" + entry.path().filename().string();
        // Video timelines load in timeline_tests (TimelineSamples).
        if (JsonSource::read_file(entry.path()).root().value("type", "") == "video") continue;
        ++count;
        try {
            Document doc = load_layout(entry.path(), LoadOptions{root});
            EXPECT_FALSE(doc.pages.empty()) << name;
            EXPECT_FALSE(doc.families_used.empty()) << name;
        } catch (const Error& error) {
            ADD_FAILURE() << error.what();
        }
    }
    EXPECT_GT(count, 0) << "no layouts/*.json";
}

TEST(Samples, LoadLayoutNamesTheFileAsGiven) {
    try {
        load_layout("tests/model/data/bad-unit.json", LoadOptions{KOHO_SOURCE_DIR});
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()),
                  "tests/model/data/bad-unit.json:4:36: error: \"leading\": '22cm' is not a length; use a number "
                  "with one of the units mm, pt, px, Q, H, em, % (at /styles/body/leading)");
    }
}

}  // namespace
}  // namespace koho::model
