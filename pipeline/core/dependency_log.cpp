#include "core/dependency_log.h"

#include <atomic>
#include <stdexcept>

namespace koho {

namespace fs = std::filesystem;

namespace {
std::atomic<DependencyLog*> g_recording{nullptr};
}  // namespace

void DependencyLog::add(const fs::path& file) {
    std::error_code ec;
    fs::path absolute = fs::absolute(file, ec);
    if (ec) absolute = file;
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    if (ec) canonical = absolute.lexically_normal();
    std::lock_guard<std::mutex> lock(mutex_);
    files_.insert(std::move(canonical));
}

std::vector<fs::path> DependencyLog::files() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {files_.begin(), files_.end()};
}

DependencyRecording::DependencyRecording(DependencyLog& log) {
    DependencyLog* none = nullptr;
    if (!g_recording.compare_exchange_strong(none, &log))
        throw std::logic_error("a dependency recording is already in progress");
}

DependencyRecording::~DependencyRecording() { g_recording.store(nullptr); }

bool recording_dependencies() { return g_recording.load() != nullptr; }

void record_dependency(const fs::path& file) {
    if (DependencyLog* log = g_recording.load()) log->add(file);
}

}  // namespace koho
