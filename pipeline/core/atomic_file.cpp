#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/diagnostic.h"

namespace koho {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_output(const fs::path& path, const std::string& what) {
    fail_system(SourceLoc{path.string()}, what);
}

}  // namespace

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    fs::path dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        fail_output(target_, "cannot write output: directory '" + dir.string() + "' does not exist");
    // mkstemp gives a unique name, so parallel renders never share a temp file.
    std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0)
        fail_output(target_, "cannot write output in '" + dir.string() + "': " + std::strerror(errno));
    fchmod(fd, 0644);
    close(fd);
    temp_ = pattern;
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void AtomicFile::commit() {
    int fd = open(temp_.c_str(), O_RDONLY);
    if (fd < 0) fail_output(target_, "output vanished before it was complete: " + temp_.string());
    bool synced = fsync(fd) == 0;
    int sync_errno = errno;
    close(fd);
    if (!synced) fail_output(target_, std::string("cannot write output: ") + std::strerror(sync_errno));
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        fail_output(target_, std::string("cannot move output into place: ") + std::strerror(errno));
    committed_ = true;
}

void write_file_atomically(const fs::path& target, const std::string& bytes) {
    AtomicFile file(target);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) fail_output(target, "cannot write output (disk full?)");
    }
    file.commit();
}

}  // namespace koho
