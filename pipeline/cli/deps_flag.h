// `--deps FILE`: a make depfile of the files a render read (core/depfile.h),
// wired the same way into every command that takes it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/atomic_file.h"
#include "core/dependency_log.h"
#include "core/output_set.h"

namespace koho::cli {

// Adds --deps to `cmd`, writing the file name into `file`.
void add_deps_flag(CLI::App& cmd, std::string& file);

// With a --deps FILE (`file` not empty): records every file read from now
// on, and takes the depfile's place at once, so that an unwritable FILE
// fails before the work — as a member of `outputs` when given (then it is
// renamed with them, or not at all), else on its own. With no --deps it
// records and writes nothing. Make it before the first read (the layout).
class DepsRecorder {
public:
    DepsRecorder(const std::string& file, OutputSet* outputs);

    // Writes the depfile naming `targets` (the depfile itself is left out).
    // In a set: call just before outputs.commit(). On its own: it is
    // committed at once, so call it once the outputs are in place.
    void finish(const std::vector<std::filesystem::path>& targets);

private:
    DependencyLog log_;
    std::optional<DependencyRecording> recording_;
    AtomicFile* in_set_ = nullptr;
    std::unique_ptr<AtomicFile> alone_;
};

}  // namespace koho::cli
