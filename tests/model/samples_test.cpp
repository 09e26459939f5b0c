// Every layout shipped in layouts/ loads (a data-merge layout with each of
// its records): the samples and the format move together.
#include <filesystem>

#include "model/layout_schema.h"
#include "model/merge_plan.h"
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
            const JsonSource source = JsonSource::read_file(entry.path());
            // A data-merge layout loads once per record, with its fields.
            std::vector<std::map<std::string, std::string>> records = {{}};
            if (auto spec = read_merge_spec(source)) {
                records.clear();
                for (const MergeJob& job : plan_merge(source, *spec, root, {".pdf", ".png", ".jpg"}).jobs) {
                    EXPECT_FALSE(job.error) << name << ": " << job.error->what();
                    records.push_back(job.vars);
                }
                EXPECT_GE(records.size(), 8u) << name;
            }
            for (const auto& vars : records) {
                Document doc = load_layout_source(source, LoadOptions{root}, vars);
                EXPECT_FALSE(doc.pages.empty()) << name;
                EXPECT_FALSE(doc.families_used.empty()) << name;
            }
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
