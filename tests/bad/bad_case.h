// One case of the bad-input suite: cases/<command>/<name>.json, the input
// koho reads as it is, and <name>.expect beside it, what koho must say.
//
// An .expect file is lines of `key: value` (blank lines and # comments
// ignored):
//   at: LINE:COL          where the one message must point (required)
//   pointer: /json/ptr    the JSON pointer it must end with, "(at /json/ptr)";
//                         "-" when the fault has no pointer (required)
//   message: TEXT         a fragment the message must contain (required)
//   symlink: LINK -> TARGET   made in the project root before the run;
//                         TARGET may start with OUTSIDE/, a directory
//                         beside the root holding a copy of the media
//   fifo: PATH            a named pipe made in the project root before the
//                         run (opening it to read would wait forever)
//   deep: N               replace the string "@DEEP@" in the JSON by N
//                         opening and N closing brackets (a file too big
//                         to commit)
//   args: WORDS           more command-line words (split on spaces)
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace koho::test {

struct BadCase {
    std::string command;  // "print" or "video": the folder the case is in
    std::string name;     // file name without .json
    std::filesystem::path json;
    std::filesystem::path expect;

    int line = 0;
    int col = 0;
    std::string pointer;  // empty: no pointer expected
    std::string message;
    std::vector<std::pair<std::string, std::string>> symlinks;  // link, target
    std::vector<std::string> fifos;
    size_t deep = 0;
    std::vector<std::string> args;
    std::string problem;  // why the .expect file could not be read, if it could not
};

// "print/cyclic-based-on": how tests name a case (gtest prints parameters with it).
inline void PrintTo(const BadCase& c, std::ostream* os) { *os << c.command << "/" << c.name; }

// Every case under `cases_dir` (one folder per command), sorted by name.
std::vector<BadCase> list_bad_cases(const std::filesystem::path& cases_dir);

// The .json files that have no .expect beside them (a case half added).
std::vector<std::filesystem::path> cases_without_expectation(const std::filesystem::path& cases_dir);

}  // namespace koho::test
