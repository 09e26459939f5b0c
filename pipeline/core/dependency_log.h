// Which files a run read, for `--deps` (a make depfile, depfile.h).
//
// The files are recorded where they are read or admitted — resolve_in_root
// (every media file, audio track, layout ICC profile: all a layout names),
// the JSON reader (the layout or timeline itself), the ICC profile loader
// (--profile, koho's default) and the font cache (the one font file each
// family and weight is drawn from) — never listed a second time by hand, so
// the list cannot drift from what the render really used. A new reader
// that goes through resolve_in_root (the data files of data merge, say) is
// recorded with no change here.
//
// One log per process, installed by the command that writes the depfile,
// rather than a parameter threaded through every loader: a koho process is
// one render (one job, one depfile), the reads happen deep inside loaders,
// the text engine and the video decoders, and a pointer passed by hand
// through each of them is exactly the kind of list a new reader forgets.
// With no DependencyRecording alive, record_dependency() does nothing, so
// library users and tests that never ask for a depfile are not affected.
// Recording is thread-safe: video decodes and composes on several threads.
#pragma once

#include <filesystem>
#include <mutex>
#include <set>
#include <vector>

namespace koho {

class DependencyLog {
public:
    // Adds `file`, made absolute and canonical (symbolic links followed), so
    // one file named two ways is listed once.
    void add(const std::filesystem::path& file);
    // Every file added, sorted, each once.
    std::vector<std::filesystem::path> files() const;

private:
    mutable std::mutex mutex_;
    std::set<std::filesystem::path> files_;
};

// While alive, record_dependency() adds to `log`. One at a time: a second
// recording while one is alive is a programming error (std::logic_error).
class DependencyRecording {
public:
    explicit DependencyRecording(DependencyLog& log);
    ~DependencyRecording();
    DependencyRecording(const DependencyRecording&) = delete;
    DependencyRecording& operator=(const DependencyRecording&) = delete;
};

// Called by whatever reads a file a render depends on; a no-op unless a
// DependencyRecording is alive.
void record_dependency(const std::filesystem::path& file);

// Whether a DependencyRecording is alive: for a reader whose file name
// costs work to find (the font cache asks Pango).
bool recording_dependencies();

}  // namespace koho
