// The manifest format (batch/manifest.h): what is written is read back
// unchanged, and damaged manifests are refused with the place at fault.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "batch/manifest.h"
#include "core/diagnostic.h"

namespace koho::batch {
namespace {

namespace fs = std::filesystem;

Manifest sample() {
    Manifest m;
    m.koho_version = "9.9.9";
    m.root = "/srv/campaign";
    m.output_dir = "output";
    Job print;
    print.kind = JobKind::Print;
    print.layout = "layouts/a.json";
    print.argv = {"koho", "print", "layouts/a.json", "-o", "output/a.pdf"};
    print.outputs = {"output/a.pdf"};
    print.depfile = "output/.deps/a.pdf.d";
    print.dirs = {"output", "output/.deps"};
    print.inputs = {{"layouts/a.json", std::string(64, 'a')}};
    Job segment = print;
    segment.index = 1;
    segment.kind = JobKind::Segment;
    segment.variant = "9x16";
    segment.segment = 1;
    segment.segments = 2;
    Job merge = print;
    merge.index = 2;
    merge.kind = JobKind::Merge;
    merge.record = 4;
    Job join = print;
    join.index = 3;
    join.stage = 1;
    join.kind = JobKind::Concat;
    join.depends_on = {1};
    m.jobs = {print, segment, merge, join};
    return m;
}

class ManifestFile : public ::testing::Test {
protected:
    fs::path path_ = fs::temp_directory_path() / ("koho-manifest-" + std::to_string(::getpid()) + ".json");
    void TearDown() override { fs::remove(path_); }
    void write(const std::string& text) const { std::ofstream(path_, std::ios::binary) << text; }
    Error refusal(const std::string& text) const {
        write(text);
        try {
            read_manifest(path_);
        } catch (const Error& e) {
            return e;
        }
        ADD_FAILURE() << "accepted:\n" << text;
        return Error(ErrorKind::Failure, {}, "");
    }
};

TEST_F(ManifestFile, ReadsBackWhatWasWritten) {
    const std::string text = manifest_json(sample());
    write(text);
    const Manifest back = read_manifest(path_);
    EXPECT_EQ(back.jobs.size(), 4u);
    EXPECT_EQ(back.jobs[1].variant, "9x16");
    EXPECT_EQ(back.jobs[1].segments, 2);
    EXPECT_EQ(back.jobs[2].record, 4u);
    EXPECT_EQ(back.jobs[3].depends_on, std::vector<size_t>{1});
    EXPECT_EQ(manifest_json(back), text);
    // Stages as contiguous blocks, for a scheduler's arrays.
    EXPECT_NE(text.find(R"("stage": 0,
      "first": 0,
      "last": 2)"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.back(), '\n');
}

TEST_F(ManifestFile, DamageIsLocated) {
    const std::string good = manifest_json(sample());
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    };
    Error e = refusal(replaced("\"koho_manifest\": 1", "\"koho_manifest\": 2"));
    EXPECT_EQ(e.loc().pointer, "/koho_manifest");
    EXPECT_EQ(e.loc().line, 2);
    e = refusal(replaced("\"job_count\": 4", "\"job_count\": 5"));
    EXPECT_EQ(e.loc().pointer, "/job_count");
    e = refusal(replaced("\"index\": 2", "\"index\": 7"));
    EXPECT_EQ(e.loc().pointer, "/jobs/2/index");
    e = refusal(replaced("\"depends_on\": [\n        1", "\"depends_on\": [\n        3"));
    EXPECT_EQ(e.loc().pointer, "/jobs/3/depends_on/0");
    e = refusal(replaced("\"kind\": \"merge\"", "\"kind\": \"shell\""));
    EXPECT_EQ(e.loc().pointer, "/jobs/2/kind");
    e = refusal(replaced("\"koho\",\n        \"print\"", "\"sh\",\n        \"print\""));
    EXPECT_EQ(e.loc().pointer, "/jobs/0/argv");
    e = refusal("[]");
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_NE(e.message().find("not a koho job manifest"), std::string::npos);
}

}  // namespace
}  // namespace koho::batch
