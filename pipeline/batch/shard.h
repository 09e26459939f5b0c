// Which jobs of a manifest one `koho run-job` runs: one index, or a shard.
//
// A shard i/n (0 ≤ i < n) is every job whose index ≡ i (mod n) — round
// robin rather than contiguous blocks, so that a manifest's expensive jobs
// (the videos, which come last in stage 0) spread over the shards instead
// of landing in one. Shards 0/n … (n-1)/n cover every job exactly once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace koho::batch {

struct ShardSpec {
    size_t i = 0;
    size_t n = 1;
};

// "I/N" with 0 ≤ I < N. Throws koho::Error (BadInput) at `origin` otherwise.
ShardSpec parse_shard_spec(const std::string& text, const SourceLoc& origin);

// A job index in decimal, 0 ≤ index < count. Throws koho::Error (BadInput)
// at `origin` otherwise, naming the manifest's range.
size_t parse_job_index(const std::string& text, size_t count, const SourceLoc& origin);

// The indexes of shard `spec` among `count` jobs, ascending; `stage`, when
// given, keeps only the jobs of that stage (`stage_of[index]`).
std::vector<size_t> shard_jobs(const std::vector<int>& stage_of, const ShardSpec& spec, std::optional<int> stage);

}  // namespace koho::batch
