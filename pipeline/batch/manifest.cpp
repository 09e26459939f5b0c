// Writing and reading the job manifest (manifest.h).
#include "batch/manifest.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "model/json_source.h"

namespace koho::batch {
namespace {

using Ordered = nlohmann::ordered_json;

Ordered job_json(const Job& job) {
    Ordered out;
    out["index"] = job.index;
    out["stage"] = job.stage;
    out["kind"] = job_kind_name(job.kind);
    out["layout"] = job.layout;
    if (!job.variant.empty()) out["variant"] = job.variant;
    if (job.record > 0) out["record"] = job.record;
    if (job.segment > 0) out["segment"] = std::to_string(job.segment) + "/" + std::to_string(job.segments);
    out["argv"] = job.argv;
    out["outputs"] = job.outputs;
    out["depfile"] = job.depfile;
    out["dirs"] = job.dirs;
    out["depends_on"] = job.depends_on;
    Ordered inputs = Ordered::array();
    for (const JobInput& input : job.inputs) inputs.push_back(Ordered{{"path", input.path}, {"sha256", input.sha256}});
    out["inputs"] = inputs;
    return out;
}

// Reads members with their place in the file for every complaint.
class ManifestReader {
public:
    explicit ManifestReader(const model::JsonSource& source) : source_(source) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
        fail_input(source_.loc(pointer), message);
    }

    const nlohmann::json& member(const std::string& pointer, nlohmann::json::value_t type, const char* what) const {
        const nlohmann::json::json_pointer at(pointer);
        if (!source_.root().contains(at)) fail(pointer, std::string("the manifest has no ") + what + " here");
        const nlohmann::json& value = source_.root()[at];
        const bool number = type == nlohmann::json::value_t::number_unsigned;
        if (number ? !value.is_number_unsigned() : value.type() != type)
            fail(pointer, std::string("expected ") + what);
        return value;
    }
    std::string text(const std::string& pointer) const {
        return member(pointer, nlohmann::json::value_t::string, "a string").get<std::string>();
    }
    size_t count(const std::string& pointer) const {
        return member(pointer, nlohmann::json::value_t::number_unsigned, "a whole number ≥ 0").get<size_t>();
    }
    std::vector<std::string> texts(const std::string& pointer) const {
        const auto& list = member(pointer, nlohmann::json::value_t::array, "an array");
        std::vector<std::string> out;
        for (size_t i = 0; i < list.size(); ++i) out.push_back(text(pointer + "/" + std::to_string(i)));
        return out;
    }
    bool has(const std::string& pointer) const { return source_.root().contains(nlohmann::json::json_pointer(pointer)); }

    Job job(size_t i) const {
        const std::string at = "/jobs/" + std::to_string(i);
        Job job;
        job.index = count(at + "/index");
        if (job.index != i) fail(at + "/index", "job " + std::to_string(i) + " says it is job " + std::to_string(job.index));
        job.stage = static_cast<int>(count(at + "/stage"));
        const std::string kind = text(at + "/kind");
        bool known = false;
        for (JobKind k : {JobKind::Print, JobKind::Web, JobKind::Merge, JobKind::Video, JobKind::Segment, JobKind::Concat})
            if (kind == job_kind_name(k)) job.kind = k, known = true;
        if (!known) fail(at + "/kind", "unknown job kind '" + model::sanitize_utf8(kind) + "'");
        job.layout = text(at + "/layout");
        if (has(at + "/variant")) job.variant = text(at + "/variant");
        if (has(at + "/record")) job.record = count(at + "/record");
        if (has(at + "/segment")) {
            const std::string k_of_n = text(at + "/segment");
            const size_t slash = k_of_n.find('/');
            try {
                if (slash == std::string::npos) throw std::invalid_argument("no slash");
                job.segment = std::stoi(k_of_n.substr(0, slash));
                job.segments = std::stoi(k_of_n.substr(slash + 1));
            } catch (const std::exception&) {
                fail(at + "/segment", "expected K/N");
            }
        }
        job.argv = texts(at + "/argv");
        if (job.argv.size() < 2 || job.argv[0] != "koho") fail(at + "/argv", "a job's argv is \"koho\", a command and its arguments");
        job.outputs = texts(at + "/outputs");
        job.depfile = text(at + "/depfile");
        job.dirs = texts(at + "/dirs");
        const auto& deps = member(at + "/depends_on", nlohmann::json::value_t::array, "an array");
        for (size_t d = 0; d < deps.size(); ++d) {
            const std::string ptr = at + "/depends_on/" + std::to_string(d);
            const size_t dependency = count(ptr);
            if (dependency >= i) fail(ptr, "a job depends only on jobs before it");
            job.depends_on.push_back(dependency);
        }
        const auto& inputs = member(at + "/inputs", nlohmann::json::value_t::array, "an array");
        for (size_t n = 0; n < inputs.size(); ++n) {
            const std::string ptr = at + "/inputs/" + std::to_string(n);
            job.inputs.push_back(JobInput{text(ptr + "/path"), text(ptr + "/sha256")});
        }
        return job;
    }

private:
    const model::JsonSource& source_;
};

}  // namespace

std::vector<StageRange> stage_ranges(const Manifest& manifest) {
    std::vector<StageRange> ranges;
    for (size_t i = 0; i < manifest.jobs.size(); ++i) {
        const int stage = manifest.jobs[i].stage;
        if (ranges.empty() || ranges.back().stage != stage)
            ranges.push_back(StageRange{stage, i, i});
        else
            ranges.back().last = i;
    }
    return ranges;
}

std::string manifest_json(const Manifest& manifest) {
    Ordered out;
    out["koho_manifest"] = kManifestVersion;
    out["koho_version"] = manifest.koho_version;
    out["root"] = manifest.root;
    out["output_dir"] = manifest.output_dir;
    Ordered stages = Ordered::array();
    for (const StageRange& range : stage_ranges(manifest))
        stages.push_back(Ordered{{"stage", range.stage}, {"first", range.first}, {"last", range.last}});
    out["stages"] = stages;
    out["job_count"] = manifest.jobs.size();
    Ordered jobs = Ordered::array();
    for (const Job& job : manifest.jobs) jobs.push_back(job_json(job));
    out["jobs"] = jobs;
    return out.dump(2) + "\n";
}

Manifest read_manifest(const std::filesystem::path& file) {
    const model::JsonSource source = model::JsonSource::read_file(file);
    const ManifestReader read(source);
    if (!source.root().is_object()) read.fail("", "not a koho job manifest (koho plan -o MANIFEST.json writes one)");
    if (!read.has("/koho_manifest")) read.fail("", "not a koho job manifest: no \"koho_manifest\" version");
    const size_t version = read.count("/koho_manifest");
    if (version != kManifestVersion)
        read.fail("/koho_manifest", "manifest format " + std::to_string(version) + " is not the one this koho reads (" +
                                        std::to_string(kManifestVersion) + "): plan it again with this koho");
    Manifest manifest;
    manifest.koho_version = read.text("/koho_version");
    manifest.root = read.text("/root");
    manifest.output_dir = read.text("/output_dir");
    const auto& jobs = read.member("/jobs", nlohmann::json::value_t::array, "an array of jobs");
    for (size_t i = 0; i < jobs.size(); ++i) manifest.jobs.push_back(read.job(i));
    if (read.count("/job_count") != manifest.jobs.size())
        read.fail("/job_count", "the manifest says it has " + std::to_string(read.count("/job_count")) + " jobs but lists " +
                                    std::to_string(manifest.jobs.size()) + " (a truncated file?)");
    return manifest;
}

}  // namespace koho::batch
