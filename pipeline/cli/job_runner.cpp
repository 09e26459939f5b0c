// Running a manifest job in this process (job_runner.h).
#include "cli/job_runner.h"

#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/diagnostic_output.h"
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
        // A manifest's argv is koho plan's: a word it does not take means
        // the manifest was edited by hand, or made by another koho.
        if (e.get_exit_code() == 0) return kExitOk;
        print_diagnostic({}, "error", "this job's command line is not koho's: " + std::string(e.what()), true);
        return kExitBadInput;
    } catch (const ExitStatus& status) {
        return status.code;
    } catch (const Error& e) {
        print_error(e);
        return e.exit_code();
    } catch (const std::exception& e) {
        print_diagnostic({}, "error", e.what(), true);
        return kExitFailure;
    }
    return kExitOk;
}

// Refusals before the job runs, as the job's own result: exit 2.
std::optional<Diagnostic> stale_or_blocked(const batch::Job& job, const fs::path& results) {
    for (const batch::JobInput& input : job.inputs) {
        std::error_code ec;
        if (!fs::is_regular_file(input.path, ec))
            return Diagnostic{{input.path}, "error", "the manifest is stale: this file is gone (plan again)"};
        if (video::file_sha256(input.path, SourceLoc{input.path}) != input.sha256)
            return Diagnostic{{input.path}, "error",
                              "the manifest is stale: this file changed after koho plan (plan again)"};
    }
    for (size_t dependency : job.depends_on) {
        const fs::path file = results / ("job-" + std::to_string(dependency) + ".json");
        std::ifstream in(file);
        const nlohmann::json result = nlohmann::json::parse(in, nullptr, false);
        if (!result.is_object() || result.value("exit_code", -1) != 0)
            return Diagnostic{{file.string()},
                              "error",
                              "job " + std::to_string(job.index) + " joins job " + std::to_string(dependency) +
                                  ", which has not succeeded (no result with exit code 0): run stage " +
                                  std::to_string(job.stage - 1) + " first"};
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
    DiagnosticRecorder recorder;
    if (auto refusal = stale_or_blocked(job, results)) {
        print_diagnostic(refusal->loc, "error", refusal->message);
        outcome.exit_code = kExitBadInput;
    } else {
        try {
            make_dirs(job);
            outcome.exit_code = run_in_process(job.argv);
        } catch (const Error& e) {
            print_error(e);
            outcome.exit_code = e.exit_code();
        }
    }
    outcome.diagnostics = recorder.recorded();
    return outcome;
}

}  // namespace koho::cli
