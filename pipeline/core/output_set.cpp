#include "core/output_set.h"

#include <set>

#include "core/diagnostic.h"

namespace koho {

namespace fs = std::filesystem;

AtomicFile& OutputSet::add(const fs::path& target) {
    files_.push_back(std::make_unique<AtomicFile>(target));
    return *files_.back();
}

void OutputSet::write(const fs::path& target, const std::string& bytes) { add(target).write(bytes); }

AtomicFile& OutputSet::add_main(const fs::path& target) {
    if (main_) fail_system(SourceLoc{target.string()}, "two main outputs in one set");
    main_ = std::make_unique<AtomicFile>(target);
    return *main_;
}

std::vector<fs::path> OutputSet::targets() const {
    std::vector<fs::path> all;
    if (main_) all.push_back(main_->target());
    for (const auto& file : files_) all.push_back(file->target());
    return all;
}

void OutputSet::commit() {
    if (main_) files_.push_back(std::move(main_));
    // Everything that can be checked is, before the first rename: a failure
    // after it would leave a mixed set.
    for (const auto& file : files_) file->check_committable();
    for (const auto& file : files_) file->sync_to_disk();
    for (const auto& file : files_) file->rename_into_place();
    std::set<fs::path> synced;
    for (const auto& file : files_) {
        fs::path dir = file->target().parent_path();
        if (dir.empty()) dir = ".";
        if (synced.insert(dir).second) sync_directory(dir, file->target());
    }
}

}  // namespace koho
