// Running a manifest job in this process (job_runner.h).
#include "cli/job_runner.h"

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/stderr_capture.h"
#include "core/diagnostic.h"
#include "video/segment.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

// The job's argv through koho's own subcommands, as main() runs them.
int run_in_process(const std::vector<std::string>& argv) {
    CLI::App app{"koho"};
    app.require_subcommand(1);
    add_print_command(app);
    add_video_command(app);
    add_concat_command(app);
    std::vector<char*> words;
    for (const std::string& word : argv) words.push_back(const_cast<char*>(word.c_str()));
    try {
        app.parse(static_cast<int>(words.size()), words.data());
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitBadInput;
    } catch (const ExitStatus& status) {
        return status.code;
    } catch (const Error& e) {
        std::cerr << e.formatted() << '\n';
        return e.exit_code();
    } catch (const std::exception& e) {
        std::cerr << "koho: error: " << e.what() << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

// The lines of a job's stderr that are diagnostics: "FILE:LINE:COL:
// error: …", "koho: warning: …", notes. Progress lines are left out.
std::vector<std::string> diagnostics_in(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        for (const char* severity : {": error: ", ": warning: ", ": note: "})
            if (line.find(severity) != std::string::npos) {
                lines.push_back(line);
                break;
            }
    }
    return lines;
}

// Refusals before the job runs, as the job's own result: exit 2.
std::optional<std::string> stale_or_blocked(const batch::Job& job, const fs::path& results) {
    for (const batch::JobInput& input : job.inputs) {
        std::error_code ec;
        if (!fs::is_regular_file(input.path, ec))
            return format_diagnostic({input.path}, "error", "the manifest is stale: this file is gone (plan again)");
        if (video::file_sha256(input.path, SourceLoc{input.path}) != input.sha256)
            return format_diagnostic({input.path}, "error",
                                     "the manifest is stale: this file changed after koho plan (plan again)");
    }
    for (size_t dependency : job.depends_on) {
        const fs::path file = results / ("job-" + std::to_string(dependency) + ".json");
        std::ifstream in(file);
        const nlohmann::json result = nlohmann::json::parse(in, nullptr, false);
        if (!result.is_object() || result.value("exit_code", -1) != 0)
            return format_diagnostic({file.string()}, "error",
                                     "job " + std::to_string(job.index) + " joins job " + std::to_string(dependency) +
                                         ", which has not succeeded (no result with exit code 0): run stage " +
                                         std::to_string(job.stage - 1) + " first");
    }
    return std::nullopt;
}

void make_dirs(const batch::Job& job) {
    for (const std::string& dir : job.dirs) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) fail_system({dir}, "cannot create the directory: " + ec.message());
    }
}

}  // namespace

JobOutcome run_manifest_job(const batch::Job& job, const fs::path& results) {
    JobOutcome outcome;
    if (auto refusal = stale_or_blocked(job, results)) {
        std::cerr << *refusal << '\n';
        outcome.exit_code = kExitBadInput;
        outcome.messages = {*refusal};
        return outcome;
    }
    StderrCapture capture;
    try {
        make_dirs(job);
        outcome.exit_code = run_in_process(job.argv);
    } catch (const Error& e) {
        std::cerr << e.formatted() << '\n';
        outcome.exit_code = e.exit_code();
    }
    outcome.messages = diagnostics_in(capture.finish());
    return outcome;
}

}  // namespace koho::cli
