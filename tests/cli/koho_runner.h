// Runs the real `koho` binary (KOHO_BINARY) the way a user does, from the
// repository root, and collects its exit status, stdout and stderr.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace koho::test {

struct KohoRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// `args` are passed as separate words (shell-quoted); `env` entries like
// "SOURCE_DATE_EPOCH=0" are set for the run only.
KohoRun run_koho(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

}  // namespace koho::test
