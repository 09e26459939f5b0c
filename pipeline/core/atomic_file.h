// Outputs appear whole or not at all.
//
// An AtomicFile hands out a temporary path beside the target (same
// directory, so rename(2) is atomic); commit() makes the bytes durable and
// renames them into place. If the object dies without commit() — an
// exception, an early return — the temporary file is removed and the target
// is left as it was. A process killed outright (SIGKILL, power cut) cannot
// clean up: its temporary file stays, named
//
//     .<target name>.koho-tmp-XXXXXX     (e.g. .flyer.pdf.koho-tmp-a8Fq2z)
//
// and the next AtomicFile for the same target removes it. Each AtomicFile
// holds a lock (flock) on its own temporary file for as long as it lives;
// the kernel drops the lock when its process dies, so a temporary file
// nobody holds is a dead run's and is safe to delete, while a concurrent
// koho writing the same target (its own unique name, mkstemp) keeps its
// file. The last rename wins; neither run sees a partial file. (On a file
// system without flock, leftovers are never taken for dead: they stay.)
//
// Durability: commit() fsyncs the file before the rename — else a crash of
// the machine could leave the new name on empty or partial data — and the
// directory after it, so that a run that said "written" (exit 0) keeps its
// output through a power cut: a print run or an upload may start from it.
// The cost is two fsyncs per file, small beside rendering.
#pragma once

#include <filesystem>
#include <string>

namespace koho {

class AtomicFile {
public:
    // Fails (koho::Error, Failure) when the directory is missing or not
    // writable, or the target is a directory.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }

    // Replaces the temporary file's contents with `bytes`. A short write
    // (disk full, file size limit, I/O error) is a koho::Error naming the
    // target and the system's reason.
    void write(const std::string& bytes);

    // Fails if the target could not be replaced by a rename (it became a
    // directory, the temporary file vanished); commit() would fail the same
    // way. For sets of files (output_set.h), checked before any is renamed.
    void check_committable() const;

    // fsyncs the temporary file, renames it onto the target and fsyncs the
    // directory, so that once commit() returns the new file survives a
    // crash of the machine too. Throws koho::Error (Failure) if impossible.
    void commit();
    // commit() in its steps, for a set of files (output_set.h) that must
    // all be durable before the first of them is renamed — so that the
    // renames, the only moment a kill can leave a mixed set, follow each
    // other within microseconds — and whose directories are synced once.
    void sync_to_disk();
    void rename_into_place();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    int lock_fd_ = -1;  // our temporary file, open and flock-ed until we die
    bool committed_ = false;
};

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);

// fsync(2) of a directory, so that renames in it survive a crash. A file
// system that cannot sync directories (EINVAL) is accepted as it is.
// `target` names the output in the error message.
void sync_directory(const std::filesystem::path& dir, const std::filesystem::path& target);

// The temporary-file name pattern's marker, for tests and `make clean`:
// a leftover of a killed run is ".<name>" + kTempMarker + six characters.
inline constexpr const char* kTempMarker = ".koho-tmp-";

}  // namespace koho
