// Watched jobs: stamps, prerequisites and make's out-of-date rule (watch_jobs.h).
#include "cli/watch_jobs.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "core/depfile.h"

namespace koho::cli {

namespace fs = std::filesystem;

FileStamp stamp_of(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {};
    FileStamp stamp;
    stamp.exists = true;
    stamp.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    stamp.size = static_cast<std::uintmax_t>(st.st_size);
    stamp.inode = static_cast<std::uintmax_t>(st.st_ino);
    return stamp;
}

Snapshot snapshot_of(const std::set<fs::path>& files) {
    Snapshot snapshot;
    for (const fs::path& file : files) snapshot[file] = stamp_of(file);
    return snapshot;
}

namespace {

std::vector<fs::path> depfile_prerequisites(const std::string& depfile) {
    std::ifstream in(depfile, std::ios::binary);
    if (!in) return {};
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return read_depfile_prerequisites(text);
}

}  // namespace

std::set<fs::path> files_of_job(const batch::Job& job) {
    std::set<fs::path> files;
    files.insert(fs::absolute(job.layout));
    for (const batch::JobInput& input : job.inputs) files.insert(fs::absolute(input.path));
    for (const fs::path& file : depfile_prerequisites(job.depfile)) files.insert(file);
    return files;
}

bool job_out_of_date(const batch::Job& job) {
    const FileStamp depfile = stamp_of(job.depfile);
    if (!depfile.exists) return true;
    std::int64_t oldest_output = depfile.mtime_ns;
    for (const std::string& output : job.outputs) {
        const FileStamp stamp = stamp_of(output);
        if (!stamp.exists) return true;
        oldest_output = std::min(oldest_output, stamp.mtime_ns);
    }
    for (const fs::path& file : files_of_job(job)) {
        const FileStamp stamp = stamp_of(file);
        if (!stamp.exists || stamp.mtime_ns > oldest_output) return true;
    }
    return false;
}

}  // namespace koho::cli
