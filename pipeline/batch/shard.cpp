// Job indexes and shards (shard.h).
#include "batch/shard.h"

#include <charconv>

namespace koho::batch {
namespace {

// A whole decimal number and nothing else ("07" allowed, "+7", " 7", "7x" not).
std::optional<size_t> whole_number(const std::string& text) {
    size_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
    return value;
}

}  // namespace

ShardSpec parse_shard_spec(const std::string& text, const SourceLoc& origin) {
    const size_t slash = text.find('/');
    const auto i = whole_number(text.substr(0, slash));
    const auto n = slash == std::string::npos ? std::nullopt : whole_number(text.substr(slash + 1));
    if (!i || !n || *n == 0)
        fail_input(origin, "'" + text + "' is not a shard: give I/N, shard I (counted from 0) of N, e.g. 0/4");
    if (*i >= *n)
        fail_input(origin, "shard " + text + ": shards of " + std::to_string(*n) + " are 0/" + std::to_string(*n) +
                               " to " + std::to_string(*n - 1) + "/" + std::to_string(*n));
    return ShardSpec{*i, *n};
}

size_t parse_job_index(const std::string& text, size_t count, const SourceLoc& origin) {
    const auto index = whole_number(text);
    if (!index) fail_input(origin, "'" + text + "' is not a job index (a whole number from 0)");
    if (*index >= count)
        fail_input(origin, "job " + text + " is out of range: the manifest has " + std::to_string(count) +
                               (count == 0 ? " jobs" : " jobs, 0 to " + std::to_string(count - 1)));
    return *index;
}

std::vector<size_t> shard_jobs(const std::vector<int>& stage_of, const ShardSpec& spec, std::optional<int> stage) {
    std::vector<size_t> chosen;
    for (size_t index = spec.i; index < stage_of.size(); index += spec.n)
        if (!stage || stage_of[index] == *stage) chosen.push_back(index);
    return chosen;
}

}  // namespace koho::batch
