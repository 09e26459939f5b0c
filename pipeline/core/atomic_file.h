// Outputs appear whole or not at all.
//
// An AtomicFile hands out a temporary path beside the target (same
// directory, so rename(2) is atomic); commit() renames it into place. If the
// object dies without commit() — an exception, an early return — the
// temporary file is removed and the target is left as it was.
#pragma once

#include <filesystem>
#include <string>

namespace koho {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }

    // fsyncs the temporary file and renames it onto the target.
    // Throws koho::Error (Failure) if that is impossible.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);

}  // namespace koho
