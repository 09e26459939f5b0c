// Reading a manifest's job results back (job_results.h).
#include "batch/job_results.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/units.h"

namespace koho::batch {
namespace {

namespace fs = std::filesystem;
using Ordered = nlohmann::ordered_json;

// The result file as JSON, or a discarded value for a missing or damaged one.
nlohmann::json read_result_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(in, nullptr, false);
}

// Whether `result` is the result of `job`, not of another manifest's job
// with the same index.
bool describes(const nlohmann::json& result, const Job& job) {
    return result.value("koho_job_result", 0) == 1 && result.value("index", SIZE_MAX) == job.index &&
           result.value("kind", std::string()) == job_kind_name(job.kind) && result.contains("argv") &&
           result["argv"] == nlohmann::json(job.argv);
}

JobReport report_of(const Job& job, const fs::path& results_dir) {
    JobReport report;
    report.index = job.index;
    const fs::path file = results_dir / ("job-" + std::to_string(job.index) + ".json");
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        report.why_no_result = "no " + file.string() + ": the job never ran, or was killed before it ended";
        return report;
    }
    const nlohmann::json result = read_result_file(file);
    if (!result.is_object() || !result.contains("exit_code") || !result["exit_code"].is_number_integer()) {
        report.why_no_result = file.string() + " is not a koho job result";
        return report;
    }
    if (!describes(result, job)) {
        report.why_no_result = file.string() + " is the result of another manifest's job " +
                               std::to_string(job.index) + " (planned again since?)";
        return report;
    }
    report.exit_code = result["exit_code"].get<int>();
    report.state = report.exit_code == 0 ? JobState::Ok : JobState::Failed;
    if (result.contains("seconds") && result["seconds"].is_number()) report.seconds = result["seconds"].get<double>();
    if (result.contains("messages") && result["messages"].is_array())
        for (const auto& message : result["messages"])
            if (message.is_string()) report.messages.push_back(message.get<std::string>());
    return report;
}

}  // namespace

const char* job_state_name(JobState state) {
    switch (state) {
        case JobState::Ok: return "ok";
        case JobState::Failed: return "failed";
        case JobState::NoResult: return "no result";
    }
    return "?";
}

std::vector<JobReport> read_job_reports(const Manifest& manifest, const fs::path& results_dir) {
    std::vector<JobReport> reports;
    reports.reserve(manifest.jobs.size());
    for (const Job& job : manifest.jobs) reports.push_back(report_of(job, results_dir));
    return reports;
}

JobTotals totals_of(const std::vector<JobReport>& reports) {
    JobTotals totals;
    for (const JobReport& report : reports) {
        totals.seconds += report.seconds;
        switch (report.state) {
            case JobState::Ok: ++totals.ok; break;
            case JobState::Failed: ++totals.failed; break;
            case JobState::NoResult: ++totals.no_result; break;
        }
    }
    return totals;
}

std::string job_reports_json(const Manifest& manifest, const std::vector<JobReport>& reports) {
    Ordered jobs = Ordered::array();
    for (const JobReport& report : reports) {
        const Job& job = manifest.jobs[report.index];
        Ordered entry;
        entry["index"] = job.index;
        entry["kind"] = job_kind_name(job.kind);
        entry["layout"] = job.layout;
        entry["output"] = job.outputs.empty() ? std::string() : job.outputs.front();
        entry["status"] = job_state_name(report.state);
        if (report.state == JobState::NoResult) {
            entry["why"] = report.why_no_result;
        } else {
            entry["exit_code"] = report.exit_code;
            entry["seconds"] = report.seconds;
            entry["messages"] = report.messages;
        }
        jobs.push_back(entry);
    }
    Ordered out;
    out["koho_jobs_summary"] = 1;
    out["root"] = manifest.root;
    out["job_count"] = reports.size();
    const JobTotals totals = totals_of(reports);
    out["ok"] = totals.ok;
    out["failed"] = totals.failed;
    out["no_result"] = totals.no_result;
    out["seconds"] = std::stod(format_number(totals.seconds, 3));  // a sum of rounded figures, rounded again
    out["jobs"] = jobs;
    return out.dump(2) + "\n";
}

}  // namespace koho::batch
