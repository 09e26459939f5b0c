// Shards and job indexes (batch/shard.h).
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <vector>

#include "batch/shard.h"
#include "core/diagnostic.h"

namespace koho::batch {
namespace {

TEST(Shard, EveryJobInExactlyOneShard) {
    for (size_t count : {0u, 1u, 5u, 17u}) {
        std::vector<int> stages(count, 0);
        if (count > 3) stages[count - 1] = stages[count - 2] = 1;
        for (size_t n : {1u, 2u, 3u, 7u, 20u}) {
            std::map<size_t, int> seen;
            for (size_t i = 0; i < n; ++i) {
                const auto chosen = shard_jobs(stages, ShardSpec{i, n}, std::nullopt);
                for (size_t k = 1; k < chosen.size(); ++k) EXPECT_LT(chosen[k - 1], chosen[k]);
                for (size_t index : chosen) {
                    EXPECT_EQ(index % n, i);
                    ++seen[index];
                }
            }
            EXPECT_EQ(seen.size(), count) << count << " jobs, " << n << " shards";
            for (const auto& [index, times] : seen) EXPECT_EQ(times, 1) << "job " << index;
        }
    }
}

TEST(Shard, AStageKeepsOnlyItsJobs) {
    const std::vector<int> stages{0, 0, 0, 0, 1, 1};
    EXPECT_EQ(shard_jobs(stages, ShardSpec{0, 2}, 0), (std::vector<size_t>{0, 2}));
    EXPECT_EQ(shard_jobs(stages, ShardSpec{0, 2}, 1), (std::vector<size_t>{4}));
    EXPECT_EQ(shard_jobs(stages, ShardSpec{1, 2}, 1), (std::vector<size_t>{5}));
    EXPECT_EQ(shard_jobs(stages, ShardSpec{1, 2}, std::nullopt), (std::vector<size_t>{1, 3, 5}));
}

TEST(Shard, Specs) {
    const ShardSpec spec = parse_shard_spec("3/8", {"--shard"});
    EXPECT_EQ(spec.i, 3u);
    EXPECT_EQ(spec.n, 8u);
    for (const char* bad : {"", "3", "8/8", "9/8", "0/0", "-1/4", "a/4", "1/4x", "1 /4", "/4", "1/"}) {
        try {
            parse_shard_spec(bad, {"--shard"});
            ADD_FAILURE() << "'" << bad << "' accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.loc().file, "--shard");
        }
    }
}

TEST(JobIndex, InRangeOnly) {
    EXPECT_EQ(parse_job_index("0", 3, {"--index"}), 0u);
    EXPECT_EQ(parse_job_index("2", 3, {"--index"}), 2u);
    try {
        parse_job_index("3", 3, {"--index"});
        ADD_FAILURE() << "3 of 3 accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.exit_code(), 2);
        EXPECT_NE(e.message().find("0 to 2"), std::string::npos) << e.message();
    }
    for (const char* bad : {"", "-1", "x", "1.0", " 1"}) EXPECT_THROW(parse_job_index(bad, 5, {"--index"}), Error) << bad;
}

}  // namespace
}  // namespace koho::batch
