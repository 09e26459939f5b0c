#include "cli/deps_flag.h"

#include <algorithm>

#include "core/depfile.h"

namespace koho::cli {

namespace fs = std::filesystem;

void add_deps_flag(CLI::App& cmd, std::string& file) {
    cmd.add_option("--deps", file,
                   "Also write a make depfile of every file the render read (docs/batch.md)")
        ->type_name("FILE.d");
}

DepsRecorder::DepsRecorder(const std::string& file, OutputSet* outputs) {
    if (file.empty()) return;
    if (outputs)
        in_set_ = &outputs->add(file);
    else
        alone_ = std::make_unique<AtomicFile>(file);
    recording_.emplace(log_);
}

void DepsRecorder::finish(const std::vector<fs::path>& targets) {
    AtomicFile* file = in_set_ ? in_set_ : alone_.get();
    if (!file) return;
    recording_.reset();
    std::vector<fs::path> outputs;
    std::copy_if(targets.begin(), targets.end(), std::back_inserter(outputs),
                 [&](const fs::path& t) { return t != file->target(); });
    file->write(make_depfile(outputs, log_.files()));
    if (alone_) alone_->commit();
}

}  // namespace koho::cli
