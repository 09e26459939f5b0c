// Several files that belong together — a PDF and its proofs, an MP4 and its
// thumbnail, captions and chapters — appear together or not at all.
//
// The rule: every file of the set is written in full to its own temporary
// file (atomic_file.h) first; only when all of them are complete, and every
// target is known to be replaceable, are they renamed into place, in the
// order they were added, the main output (the PDF, the MP4) last, so a new
// main output always comes with new companions. Any failure
// before the renames — bad input found late, a full disk, an unwritable
// directory, an exception of any kind — removes every temporary file and
// leaves the previous set exactly as it was: the user sees the old set, or
// (on a first run) nothing. Only the renames themselves, microseconds at the
// end, can be interrupted (SIGKILL, power cut) half-way; then some
// companions are new and the main output is still the old one.
//
// A companion the new run does not produce (captions removed from a
// timeline) is not deleted: koho removes no file it was not asked to write.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_file.h"

namespace koho {

class OutputSet {
public:
    // A new member; write to its temp_path() (or with AtomicFile::write).
    // Fails at once for an unwritable directory or a target that is one.
    AtomicFile& add(const std::filesystem::path& target);
    // add(target).write(bytes).
    void write(const std::filesystem::path& target, const std::string& bytes);
    // The main output, renamed after every other member. Add it before the
    // work starts, so that an unwritable target fails before any of it.
    AtomicFile& add_main(const std::filesystem::path& target);

    // Every target added so far, as named: the main output first, then the
    // others in the order they were added (what a depfile lists).
    std::vector<std::filesystem::path> targets() const;

    // Checks every member, then renames them in order and syncs each
    // directory once. Throws koho::Error (Failure) naming the file at fault.
    void commit();

private:
    std::vector<std::unique_ptr<AtomicFile>> files_;
    std::unique_ptr<AtomicFile> main_;
};

}  // namespace koho
