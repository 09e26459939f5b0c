// `koho watch [LAYOUT...] [--serve 127.0.0.1:8080]`: renders what is out of
// date, then watches every file the renders read — layouts, media, fonts,
// data, as their depfiles list them — and re-renders exactly the outputs a
// change touches, with one status line per rebuild. A bad edit prints its
// located error and leaves the last good output in place (renders are
// atomic); watch keeps running. With --serve, the output folder and its
// proof gallery are served on loopback and the page reloads itself after
// each rebuild (proof_server.h).
//
// Jobs are planned as `koho plan` and `make assets` plan them (the same
// commands and outputs), run one at a time in this process
// (job_runner.h). Files are polled (a stat each, five times a second):
// that sees an editor's save-by-rename, a file replaced by a script or a
// checkout, and a file on a network share, which change notifications miss.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/job_plan.h"
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/gallery_build.h"
#include "cli/job_runner.h"
#include "cli/preflight_memo.h"
#include "cli/proof_server.h"
#include "cli/watch_jobs.h"
#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "core/units.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop_watching{false};

extern "C" void stop_watching(int) { g_stop_watching = true; }

struct WatchArgs {
    std::vector<std::string> layouts;
    std::string output_dir = "output";
    std::string serve;
    int poll_ms = 200;
};

struct WatchedLayout {
    std::vector<batch::Job> jobs;
    Snapshot files;                   // everything its renders read, as last seen
    std::vector<std::string> errors;  // of its last rebuild, for the gallery
};

// What one rebuild of a layout came to.
struct Rebuild {
    size_t ran = 0;
    size_t failed = 0;
    size_t errors = 0;
    size_t warnings = 0;
    std::vector<std::string> error_lines;
};

void count_diagnostics(const std::vector<Diagnostic>& diagnostics, Rebuild& rebuild) {
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == "error") {
            ++rebuild.errors;
            rebuild.error_lines.push_back(diagnostic_text(diagnostic));
        }
        if (diagnostic.severity == "warning") ++rebuild.warnings;
    }
}

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class Watcher {
public:
    Watcher(WatchArgs args, ProofServer* server) : args_(std::move(args)), server_(server) {
        options_.output_dir = args_.output_dir;
    }

    void run() {
        for (const std::string& layout : layouts_now()) rebuild(layout, /*initial=*/true);
        // Nothing to render, but a gallery to show (an output folder made
        // before there was one).
        std::error_code ec;
        if (rebuilds_ == 0 && !fs::exists(fs::path(args_.output_dir) / "index.html", ec)) ++rebuilds_;
        after_rebuilds();
        std::cerr << "koho watch: watching " << plural(watched_.size(), "layout") << " (Ctrl-C to stop)\n";
        while (!g_stop_watching) {
            std::this_thread::sleep_for(std::chrono::milliseconds(args_.poll_ms));
            std::vector<std::string> changed = changed_layouts();
            if (changed.empty()) continue;
            settle();
            for (const std::string& layout : changed_layouts()) rebuild(layout, /*initial=*/false);
            after_rebuilds();
        }
    }

private:
    std::vector<std::string> layouts_now() const {
        return args_.layouts.empty() ? batch::project_layouts() : args_.layouts;
    }

    // Layouts whose files changed since their last rebuild, and layouts
    // that appeared in layouts/ (when none were named); forgets the ones
    // that are gone.
    std::vector<std::string> changed_layouts() {
        std::vector<std::string> changed;
        std::vector<std::string> now;
        try {
            now = layouts_now();
        } catch (const Error& e) {
            print_error(e);
            return {};
        }
        for (const std::string& layout : now) {
            const auto it = watched_.find(layout);
            if (it == watched_.end()) {
                changed.push_back(layout);
                continue;
            }
            for (const auto& [file, stamp] : it->second.files)
                if (stamp_of(file) != stamp) {
                    changed.push_back(layout);
                    break;
                }
        }
        for (auto it = watched_.begin(); it != watched_.end();)
            it = std::find(now.begin(), now.end(), it->first) == now.end() ? watched_.erase(it) : std::next(it);
        return changed;
    }

    // Debounce: an editor or a script writes several files, or one file in
    // several steps; wait until a whole poll passes without another change
    // (at most two seconds), then rebuild once.
    void settle() {
        const auto give_up = Clock::now() + std::chrono::seconds(2);
        Snapshot before = everything();
        while (Clock::now() < give_up && !g_stop_watching) {
            std::this_thread::sleep_for(std::chrono::milliseconds(args_.poll_ms));
            Snapshot after = everything();
            if (after == before) return;
            before = std::move(after);
        }
    }

    Snapshot everything() const {
        std::set<fs::path> files;
        for (const auto& [layout, watched] : watched_)
            for (const auto& [file, stamp] : watched.files) files.insert(file);
        return snapshot_of(files);
    }

    void rebuild(const std::string& layout, bool initial) {
        const auto start = Clock::now();
        WatchedLayout& watched = watched_[layout];
        Rebuild result;
        try {
            watched.jobs = batch::plan_jobs({layout}, options_);
        } catch (const Error& e) {
            // The layout itself is wrong (not JSON, a bad record): watch it
            // alone until it is fixed.
            print_error(e);
            watched.jobs.clear();
            watched.files = snapshot_of({fs::absolute(layout)});
            watched.errors = {e.formatted()};
            ++result.errors;
            report(layout, start, result, initial);
            return;
        }
        std::set<fs::path> files{fs::absolute(layout)};
        bool press_edition_refused = false;
        for (const batch::Job& job : watched.jobs) {
            if (g_stop_watching) return;
            // The web edition reads the same layout: after the press
            // edition was refused as bad input, it would only print the
            // same error again.
            const bool same_error_again = job.kind == batch::JobKind::Web && press_edition_refused;
            if (!same_error_again && job_out_of_date(job)) {
                const JobOutcome outcome = run_manifest_job(job, fs::path(args_.output_dir) / ".jobs");
                ++result.ran;
                if (outcome.exit_code != 0) ++result.failed;
                if (job.kind == batch::JobKind::Print && outcome.exit_code == kExitBadInput) press_edition_refused = true;
                count_diagnostics(outcome.diagnostics, result);
            }
            const std::set<fs::path> read = files_of_job(job);
            files.insert(read.begin(), read.end());
        }
        watched.files = snapshot_of(files);
        watched.errors = result.error_lines;
        report(layout, start, result, initial);
    }

    void report(const std::string& layout, Clock::time_point start, const Rebuild& result, bool initial) {
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        const std::string name = fs::path(layout).stem().string();
        if (result.ran == 0 && result.errors == 0) {
            if (initial) std::cerr << "koho watch: " << name << " is up to date\n";
            return;
        }
        ++rebuilds_;
        std::string line = result.failed == 0 && result.errors == 0 ? "rendered " : "failed ";
        line += name + " in " + format_number(seconds, 2) + " s, " + plural(result.errors, "error");
        if (result.warnings > 0) line += ", " + plural(result.warnings, "warning");
        if (result.failed > 0 || result.errors > 0) line += " (the last good output stays)";
        std::cerr << "koho watch: " << line << '\n';
    }

    // The gallery shows the new outputs and the errors of the layouts that
    // failed; then the open pages reload.
    void after_rebuilds() {
        if (rebuilds_ == announced_) return;
        announced_ = rebuilds_;
        try {
            proof::GalleryInput gallery = gather_gallery(args_.output_dir, fs::path(args_.output_dir) / "index.html");
            for (const auto& [layout, watched] : watched_)
                if (!watched.errors.empty()) gallery.build_errors.push_back({layout, watched.errors});
            write_file_atomically(fs::path(args_.output_dir) / "index.html", proof::gallery_html(gallery));
        } catch (const Error& e) {
            // The renders are written; a gallery that cannot be made is
            // said, and watch goes on.
            print_error(e);
        }
        if (server_) server_->announce_rebuild();
    }

    WatchArgs args_;
    ProofServer* server_;
    batch::PlanOptions options_;
    std::map<std::string, WatchedLayout> watched_;
    size_t rebuilds_ = 0;
    size_t announced_ = 0;
};

void run_watch(const WatchArgs& args) {
    if (args.poll_ms < 20 || args.poll_ms > 10000) fail_input({"--poll"}, "--poll takes 20 to 10000 milliseconds");
    // The gallery after each rebuild shows the findings the renders' own
    // preflights just made.
    keep_preflight_reports();
    std::error_code ec;
    fs::create_directories(args.output_dir, ec);
    if (ec) fail_system({args.output_dir}, "cannot create the output folder: " + ec.message());
    std::optional<ProofServer> server;
    if (!args.serve.empty()) {
        server.emplace(parse_serve_address(args.serve), fs::absolute(args.output_dir));
        std::cerr << "koho watch: serving " << args.output_dir << "/ at " << server->url() << '\n';
    }
    struct sigaction action {};
    action.sa_handler = stop_watching;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    Watcher(args, server ? &*server : nullptr).run();
    std::cerr << "koho watch: stopped\n";
}

}  // namespace

void add_watch_command(CLI::App& app) {
    auto args = std::make_shared<WatchArgs>();
    auto* cmd = app.add_subcommand("watch", "Render what changed whenever a layout, picture, font or data file changes; serve the proofs");
    cmd->add_option("layouts", args->layouts, "The layouts and timelines (default: every layouts/*.json, new ones too)")
        ->type_name("LAYOUT.json...");
    cmd->add_option("--serve", args->serve, "Serve the output folder and its gallery on loopback, reloading after each rebuild")
        ->type_name("127.0.0.1:PORT");
    cmd->add_option("--output-dir", args->output_dir, "Where the renders go, relative to the root")
        ->type_name("DIR")
        ->default_str("output");
    cmd->add_option("--poll", args->poll_ms, "How often files are looked at, in milliseconds")->default_val(200);
    cmd->footer(
        "Run from the project root. First renders every output that is out of date (as make assets\n"
        "would: the same jobs as koho plan), then re-renders exactly the outputs whose files changed,\n"
        "printing one line per rebuild. A failed render prints its error and keeps the last good output;\n"
        "watch keeps running until Ctrl-C (exit 0). Exit status 2: a wrong option or --serve address.\n"
        "See docs/watch.md.");
    cmd->callback([args] { run_watch(*args); });
}

}  // namespace koho::cli
