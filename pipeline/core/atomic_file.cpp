#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/diagnostic.h"

namespace koho {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_output(const fs::path& target, const std::string& what) {
    fail_system(SourceLoc{target.string()}, what);
}

std::string reason(int error) { return std::strerror(error); }

// Closes a descriptor on every path out.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd() {
        if (fd >= 0) close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

// The mode a plain open(O_CREAT, 0666) would give: mkstemp makes 0600,
// and an output is meant to be read by whoever reads the user's files.
// Read from /proc rather than by umask(2), which would change it for
// every thread for a moment.
mode_t file_mode() {
    mode_t mask = 022;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Umask:", 0) == 0) mask = static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
    return static_cast<mode_t>(0666 & ~mask);
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// Deletes the temporary files of `target` that no live AtomicFile holds:
// what runs killed before they could clean up left behind. Best effort —
// a leftover that cannot be removed harms nothing but disk space.
void remove_dead_temps(const fs::path& dir, const std::string& target_name) {
    const std::string prefix = "." + target_name + kTempMarker;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() != prefix.size() + 6 || name.rfind(prefix, 0) != 0) continue;
        Fd file(open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
        if (file.fd < 0 || flock(file.fd, LOCK_EX | LOCK_NB) != 0) continue;  // alive, or not ours to judge
        struct stat held {}, named {};
        if (fstat(file.fd, &held) == 0 && lstat(it->path().c_str(), &named) == 0 && same_file(held, named))
            unlink(it->path().c_str());
    }
}

}  // namespace

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    fs::path dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (fs::exists(dir, ec))
            fail_output(target_, "cannot write output: '" + dir.string() + "' is not a directory");
        fail_output(target_, "cannot write output: directory '" + dir.string() + "' does not exist");
    }
    if (fs::is_directory(target_, ec))
        fail_output(target_, "cannot write output: this is a directory; name a file to write");
    remove_dead_temps(dir, target_.filename().string());

    // mkstemp gives a name no other process has (O_EXCL), so parallel
    // renders never share a temporary file. Between mkstemp and flock a
    // cleaner in another koho may take the new file for a dead one and
    // delete it; then the name no longer leads to what we locked: retry.
    for (int attempt = 0; attempt < 100 && lock_fd_ < 0; ++attempt) {
        std::string pattern = (dir / ("." + target_.filename().string() + kTempMarker + "XXXXXX")).string();
        const int fd = mkostemp(pattern.data(), O_CLOEXEC);
        if (fd < 0)
            fail_output(target_, "cannot create a file in '" + dir.string() + "': " + reason(errno) +
                                     "; make the directory writable or write the output elsewhere");
        // A file system without flock (some network mounts) still gets
        // atomic outputs; only its dead runs' leftovers stay.
        int locked;
        while ((locked = flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
        }
        const bool lockable = locked == 0 || (errno != EWOULDBLOCK && errno != EINTR);
        struct stat held {}, named {};
        if (lockable && fstat(fd, &held) == 0 && lstat(pattern.c_str(), &named) == 0 && same_file(held, named)) {
            lock_fd_ = fd;
            temp_ = pattern;
        } else {
            close(fd);
        }
    }
    if (lock_fd_ < 0) fail_output(target_, "cannot keep a temporary file in '" + dir.string() + "'");
    fchmod(lock_fd_, file_mode());
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !temp_.empty()) unlink(temp_.c_str());
    if (lock_fd_ >= 0) close(lock_fd_);
}

void AtomicFile::write(const std::string& bytes) {
    Fd out(open(temp_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (out.fd < 0) fail_output(target_, "cannot write output: " + reason(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(out.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail_output(target_, "cannot write output: " + reason(n < 0 ? errno : ENOSPC));
        done += static_cast<size_t>(n);
    }
    const int closed = close(out.fd);
    out.fd = -1;
    if (closed != 0) fail_output(target_, "cannot write output: " + reason(errno));
}

void AtomicFile::check_committable() const {
    struct stat st {};
    if (lstat(temp_.c_str(), &st) != 0)
        fail_output(target_, "output vanished before it was complete: " + temp_.string());
    std::error_code ec;
    if (fs::is_directory(target_, ec))
        fail_output(target_, "cannot replace a directory with the output; name a file to write");
}

void AtomicFile::sync_to_disk() {
    Fd file(open(temp_.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.fd < 0) fail_output(target_, "output vanished before it was complete: " + temp_.string());
    if (fsync(file.fd) != 0) fail_output(target_, "cannot write output: " + reason(errno));
}

void AtomicFile::rename_into_place() {
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        fail_output(target_, "cannot move output into place: " + reason(errno));
    committed_ = true;
}

void AtomicFile::commit() {
    check_committable();
    sync_to_disk();
    rename_into_place();
    fs::path dir = target_.parent_path();
    sync_directory(dir.empty() ? fs::path(".") : dir, target_);
}

void sync_directory(const fs::path& dir, const fs::path& target) {
    Fd d(open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (d.fd < 0) fail_output(target, "cannot open its directory to sync it: " + reason(errno));
    if (fsync(d.fd) != 0 && errno != EINVAL)
        fail_output(target, "written, but its directory cannot be synced to disk: " + reason(errno));
}

void write_file_atomically(const fs::path& target, const std::string& bytes) {
    AtomicFile file(target);
    file.write(bytes);
    file.commit();
}

}  // namespace koho
