// The expansion of layouts into jobs (job_plan.h). Paths in jobs are
// generic ('/'-separated) and relative to the project root, so a manifest
// reads the same on every machine that mounts the project.
#include "batch/job_plan.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/json_source.h"
#include "model/merge_plan.h"
#include "model/merge_variants.h"
#include "model/timeline.h"
#include "video/segment.h"

namespace koho::batch {
namespace {

namespace fs = std::filesystem;

// Output names as in Makefile.assets: the depfile of output/NAME is
// output/.deps/NAME.d.
struct PlanPaths {
    std::string out;   // "output"
    std::string deps;  // "output/.deps"
    std::string under_out(const std::string& name) const { return out + "/" + name; }
    std::string depfile_of(const std::string& name) const { return deps + "/" + name + ".d"; }
};

// A layout argument as a path relative to the root (the current
// directory); one outside it is refused: jobs run from the root.
std::string relative_to_root(const std::string& given, const fs::path& root) {
    const fs::path normal = fs::absolute(given).lexically_normal();
    const fs::path relative = normal.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..")
        fail_input({given}, "the layout is outside the project root " + root.string() +
                                " (run koho plan from the root; jobs run there)");
    return relative.generic_string();
}

JobInput fingerprint(const std::string& path) {
    return JobInput{path, video::file_sha256(path, SourceLoc{path})};
}

class Planner {
public:
    Planner(const PlanOptions& options, fs::path root) : options_(options), root_(std::move(root)) {
        paths_.out = fs::path(options.output_dir).lexically_normal().generic_string();
        while (paths_.out.size() > 1 && paths_.out.back() == '/') paths_.out.pop_back();
        const fs::path out(paths_.out);
        if (out.empty() || out.is_absolute() || *out.begin() == ".." || paths_.out == ".")
            fail_input({"--output-dir"}, "the output directory '" + options.output_dir +
                                             "' must be a folder inside the project root, named relative to it");
        paths_.deps = paths_.out + "/.deps";
    }

    void add_layout(const std::string& given) {
        const std::string layout = relative_to_root(given, root_);
        if (!seen_.insert(layout).second) fail_input({given}, "the layout is named twice");
        const model::JsonSource source = model::JsonSource::read_file(layout, given);
        const auto& type = source.root().contains("type") ? source.root()["type"] : nlohmann::json();
        if (type == "print")
            add_print(layout, source);
        else if (type == "video")
            add_video(layout, source);
        else
            fail_input(source.loc("/type"), "koho plan expands layouts of \"type\" \"print\" or \"video\"");
    }

    std::vector<Job> finish() {
        // Joins after everything else: stage 1 is one contiguous block.
        std::vector<Job> jobs = std::move(stage0_);
        // A join's depends_on are stage-0 indices, which stay as they are.
        for (Job& join : joins_) jobs.push_back(std::move(join));
        std::map<std::string, size_t> writer;
        for (size_t i = 0; i < jobs.size(); ++i) {
            jobs[i].index = i;
            for (const std::string& output : jobs[i].outputs) {
                auto [it, fresh] = writer.emplace(output, i);
                if (!fresh)
                    fail_input({jobs[i].layout}, "jobs " + std::to_string(it->second) + " (" + jobs[it->second].layout +
                                                     ") and " + std::to_string(i) + " both write " + output);
            }
        }
        return jobs;
    }

private:
    Job& add(Job job) {
        job.index = stage0_.size();
        stage0_.push_back(std::move(job));
        return stage0_.back();
    }

    void add_print(const std::string& layout, const model::JsonSource& source) {
        const std::string name = fs::path(layout).stem().string();
        const JobInput input = fingerprint(layout);
        if (const auto spec = model::read_merge_spec(source)) return add_merge(layout, source, *spec, input);
        if (options_.print_edition) {
            Job job;
            job.kind = JobKind::Print;
            job.layout = layout;
            const std::string pdf = paths_.under_out(name + ".pdf");
            job.depfile = paths_.depfile_of(name + ".pdf");
            job.argv = {"koho", "print", layout, "-o", pdf, "--proof", paths_.under_out("proofs/" + name),
                        "--spreads", "--deps", job.depfile};
            job.outputs = {pdf};
            job.dirs = {paths_.out, paths_.deps, paths_.out + "/proofs"};
            job.inputs = {input};
            add(std::move(job));
        }
        if (options_.web_edition) {
            Job job;
            job.kind = JobKind::Web;
            job.layout = layout;
            const std::string pdf = paths_.under_out("web/" + name + ".pdf");
            job.depfile = paths_.depfile_of("web/" + name + ".pdf");
            job.argv = {"koho", "print", layout, "-o", pdf, "--web", "--deps", job.depfile};
            job.outputs = {pdf};
            job.dirs = {paths_.out + "/web", paths_.deps + "/web"};
            job.inputs = {input};
            add(std::move(job));
        }
    }

    // One job per record, each `koho print --records N` (or `koho video
    // --records N`) as Makefile.assets runs it; the data file is an input
    // like the layout. A timeline's records are rendered in each of its
    // variants too (`--variant V`, model/merge_variants.h).
    void add_merge(const std::string& layout, const model::JsonSource& source, const model::MergeSpec& spec,
                   const JobInput& input, bool video = false) {
        const model::MergePlan plan =
            model::plan_merge(source, spec, root_,
                              video ? std::vector<std::string>{".mp4"}
                                    : std::vector<std::string>{".pdf", ".png", ".jpg", ".jpeg"});
        for (const model::MergeJob& record : plan.jobs)
            if (record.error) throw *record.error;
        std::vector<std::string> variants{""};
        if (video) {
            model::TimelineOptions load;
            load.root = root_;
            for (std::string& variant : model::merge_variant_names(layout, load, plan))
                variants.push_back(std::move(variant));
        }
        const std::string name = fs::path(layout).stem().string();
        const std::string data = plan.data_file.lexically_relative(root_).generic_string();
        const JobInput data_input = fingerprint(data);
        const std::string dir = paths_.under_out(name);
        const std::string deps_dir = paths_.deps + "/" + name;
        for (const std::string& variant : variants)
            for (const model::MergeJob& record : plan.jobs) {
                Job job;
                job.kind = JobKind::Merge;
                job.layout = layout;
                job.record = record.record;
                job.variant = variant;
                const std::string output = model::merge_variant_output(record.output, variant);
                job.depfile = deps_dir + "/" + output + ".d";
                job.argv = {"koho", video ? "video" : "print", layout, "--output-dir", dir, "--records",
                            std::to_string(record.record), "--deps", deps_dir};
                if (!variant.empty()) job.argv.insert(job.argv.end(), {"--variant", variant});
                job.dirs = {dir, deps_dir};
                if (fs::path(output).extension() == ".pdf") {
                    job.argv.insert(job.argv.end(), {"--proof", paths_.under_out("proofs/" + name)});
                    job.dirs.push_back(paths_.under_out("proofs/" + name));
                }
                job.outputs = {dir + "/" + output};
                job.inputs = {input, data_input};
                add(std::move(job));
            }
    }

    void add_video(const std::string& layout, const model::JsonSource& source) {
        // A timeline that merges data: one whole render per record and
        // variant (records are short: no split renders; docs/timeline.md).
        if (const auto spec = model::read_merge_spec(source))
            return add_merge(layout, source, *spec, fingerprint(layout), true);
        model::TimelineOptions load;
        load.root = root_;
        const model::Timeline timeline = model::load_timeline(layout, load);
        const JobInput input = fingerprint(layout);
        add_video_render(layout, "", input);
        for (const std::string& variant : timeline.variant_names) add_video_render(layout, variant, input);
    }

    // The main timeline (variant "") or one variant: one whole render, or
    // segments and a join.
    void add_video_render(const std::string& layout, const std::string& variant, const JobInput& input) {
        const std::string name = fs::path(layout).stem().string() + (variant.empty() ? "" : "-" + variant);
        const std::string mp4 = paths_.under_out(name + ".mp4");
        std::vector<std::string> variant_args;
        if (!variant.empty()) variant_args = {"--variant", variant};
        if (options_.segments < 2) {
            Job job;
            job.kind = JobKind::Video;
            job.layout = layout;
            job.variant = variant;
            job.depfile = paths_.depfile_of(name + ".mp4");
            job.argv = {"koho", "video", layout};
            job.argv.insert(job.argv.end(), variant_args.begin(), variant_args.end());
            job.argv.insert(job.argv.end(), {"-o", mp4, "--deps", job.depfile});
            job.outputs = {mp4};
            job.dirs = {paths_.out, paths_.deps};
            job.inputs = {input};
            add(std::move(job));
            return;
        }
        // Segments as docs/batch.md makes them: one x264 thread each, so
        // that each (and the join) is repeatable and N fill N cores.
        Job join;
        join.kind = JobKind::Concat;
        join.stage = 1;
        join.layout = layout;
        join.variant = variant;
        join.depfile = paths_.depfile_of(name + ".mp4");
        join.argv = {"koho", "concat", "--timeline", layout};
        const int n = options_.segments;
        for (int k = 1; k <= n; ++k) {
            const std::string part = "seg/" + name + "-" + std::to_string(k) + "-of-" + std::to_string(n) + ".mp4";
            Job job;
            job.kind = JobKind::Segment;
            job.layout = layout;
            job.variant = variant;
            job.segment = k;
            job.segments = n;
            job.depfile = paths_.depfile_of(part);
            job.argv = {"koho", "video", layout};
            job.argv.insert(job.argv.end(), variant_args.begin(), variant_args.end());
            job.argv.insert(job.argv.end(), {"--segment", std::to_string(k) + "/" + std::to_string(n), "-o",
                                             paths_.under_out(part), "--threads", "1", "--deps", job.depfile});
            job.outputs = {paths_.under_out(part)};
            job.dirs = {paths_.out + "/seg", paths_.deps + "/seg"};
            job.inputs = {input};
            join.argv.push_back(paths_.under_out(part));
            join.depends_on.push_back(add(std::move(job)).index);
        }
        join.argv.insert(join.argv.end(), {"-o", mp4, "--deps", join.depfile});
        join.outputs = {mp4};
        join.dirs = {paths_.out, paths_.deps};
        join.inputs = {input};
        joins_.push_back(std::move(join));
    }

    PlanOptions options_;
    fs::path root_;
    PlanPaths paths_;
    std::set<std::string> seen_;
    std::vector<Job> stage0_;
    std::vector<Job> joins_;
};

}  // namespace

const char* job_kind_name(JobKind kind) {
    switch (kind) {
        case JobKind::Print: return "print";
        case JobKind::Web: return "web";
        case JobKind::Merge: return "merge";
        case JobKind::Video: return "video";
        case JobKind::Segment: return "segment";
        case JobKind::Concat: return "concat";
    }
    return "?";
}

void parse_editions(const std::string& text, PlanOptions& options) {
    options.print_edition = options.web_edition = false;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const std::string word = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (word == "print")
            options.print_edition = true;
        else if (word == "web")
            options.web_edition = true;
        else
            fail_input({"--editions"}, "'" + model::sanitize_utf8(word) + "' is not an edition: give print, web or print,web");
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
}

std::vector<Job> plan_jobs(const std::vector<std::string>& layouts, const PlanOptions& options) {
    Planner planner(options, fs::current_path());
    for (const std::string& layout : layouts) planner.add_layout(layout);
    return planner.finish();
}

std::vector<std::string> project_layouts() {
    std::vector<std::string> found;
    std::error_code ec;
    for (fs::directory_iterator it("layouts", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->is_regular_file()) found.push_back(it->path().generic_string());
    if (ec)
        fail_input({"layouts"}, "cannot list the layouts folder: " + ec.message() +
                                    " (name the layouts, or run koho from the project root)");
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace koho::batch
