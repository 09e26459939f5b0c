// The bad-input suite: every case in tests/bad/cases/ runs the real koho
// binary in a project root of its own and must end with exit code 2, one
// located message `FILE:LINE:COL: error: MESSAGE (at /json/pointer)` at the
// value at fault, no crash, no hang (5 s), and nothing written.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "bad/bad_case.h"
#include "bad/run_bounded.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(KOHO_SOURCE_DIR) / "tests/bad/cases";
const fs::path kMedia = KOHO_BAD_MEDIA;
constexpr std::chrono::seconds kLimit{5};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Files and folders under `dir`, relative to it, for "what was left".
std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->path().filename() == "media" && it.depth() == 0) it.disable_recursion_pending();
        names.insert(fs::relative(it->path(), dir).string());
    }
    return names;
}

// base/root is the project root (the case's JSON and media/), base/outside
// a directory beside it that paths must not reach; removed afterwards.
class CaseDirs {
public:
    explicit CaseDirs(const BadCase& c)
        : base_(fs::temp_directory_path() / ("koho-bad-" + c.command + "-" + c.name + "-" +
                                              std::to_string(::getpid()))) {
        fs::remove_all(base_);
        fs::create_directories(root() / "out");
        fs::copy(kMedia, root() / "media", fs::copy_options::recursive);
        fs::copy(kMedia, outside(), fs::copy_options::recursive);
    }
    ~CaseDirs() {
        std::error_code ec;
        fs::remove_all(base_, ec);
    }
    fs::path root() const { return base_ / "root"; }
    fs::path outside() const { return base_ / "outside"; }

private:
    fs::path base_;
};

// The case's JSON as koho must read it.
std::string case_text(const BadCase& c) {
    std::string text = read_text(c.json);
    if (c.deep > 0) {
        const auto at = text.find("\"@DEEP@\"");
        if (at != std::string::npos) text.replace(at, 8, std::string(c.deep, '[') + std::string(c.deep, ']'));
    }
    return text;
}

std::vector<std::string> command_line(const BadCase& c) {
    const std::string file = c.name + ".json";
    std::vector<std::string> argv = {KOHO_BINARY, c.command, file, "--root", "."};
    if (c.command == "print") {
        for (const char* w : {"-o", "out/out.pdf", "--proof", "out/proofs"}) argv.push_back(w);
    } else {
        for (const char* w : {"-o", "out/out.mp4", "--quiet"}) argv.push_back(w);
    }
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    return argv;
}

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, RefusedWithOneLocatedMessageAndNothingWritten) {
    const BadCase& c = GetParam();
    ASSERT_EQ(c.problem, "") << "the case's .expect file is malformed";
    ASSERT_TRUE(fs::exists(c.json)) << c.json << " is missing";

    CaseDirs dirs(c);
    const std::string file = c.name + ".json";
    {
        std::ofstream out(dirs.root() / file, std::ios::binary);
        out << case_text(c);
    }
    for (const auto& [link, target] : c.symlinks) {
        // "OUTSIDE" and "OUTSIDE/..." name the directory beside the root.
        const std::string outside = "OUTSIDE";
        fs::path to = target;
        if (target == outside) to = dirs.outside();
        else if (target.rfind(outside + "/", 0) == 0) to = dirs.outside() / target.substr(outside.size() + 1);
        fs::create_directories((dirs.root() / link).parent_path());
        fs::create_symlink(to, dirs.root() / link);
    }
    for (const std::string& fifo : c.fifos) ASSERT_EQ(::mkfifo((dirs.root() / fifo).c_str(), 0600), 0) << fifo;
    const std::set<std::string> before = listing(dirs.root());

    const BoundedRun run = run_bounded(command_line(c), dirs.root(), kLimit);
    ASSERT_TRUE(run.started) << run.err;
    ASSERT_FALSE(run.timed_out) << "koho ran past " << kLimit.count() << " s and was killed";
    ASSERT_EQ(run.signal, 0) << "koho died of signal " << run.signal << "; stderr:\n" << run.err;
    EXPECT_EQ(run.exit_code, 2) << "stderr:\n" << run.err;
    EXPECT_EQ(run.out, "");

    // Exactly one line: FILE:LINE:COL: error: MESSAGE[ (at POINTER)]
    static const std::regex kLine(R"(([^\n:]+):(\d+):(\d+): error: ([^\n]*)\n)");
    std::smatch m;
    if (!std::regex_match(run.err, m, kLine)) {
        ADD_FAILURE() << "stderr is not one located error line:\n" << run.err;
    } else {
        EXPECT_EQ(m[1].str(), file);
        EXPECT_EQ(std::to_string(c.line) + ":" + std::to_string(c.col), m[2].str() + ":" + m[3].str())
            << "expected LINE:COL vs the message's; stderr: " << run.err;
        std::string message = m[4].str();
        static const std::regex kPointer(R"( \(at (/[^()]*)\)$)");
        std::smatch p;
        const bool has_pointer = std::regex_search(message, p, kPointer);
        if (c.pointer.empty()) {
            EXPECT_FALSE(has_pointer) << "no JSON pointer expected: " << run.err;
        } else {
            EXPECT_TRUE(has_pointer && p[1].str() == c.pointer) << "expected (at " << c.pointer << "): " << run.err;
        }
        if (has_pointer) message = p.prefix().str();
        EXPECT_NE(message.find(c.message), std::string::npos) << "expected '" << c.message << "' in: " << run.err;
    }

    // Nothing at -o, no proofs, no sidecars, no temporary file anywhere in the root.
    EXPECT_TRUE(fs::is_empty(dirs.root() / "out")) << "koho left files in the output directory";
    EXPECT_EQ(listing(dirs.root()), before) << "koho left files in the project root";
}

std::string case_name(const ::testing::TestParamInfo<BadCase>& info) {
    std::string name = info.param.command + "_" + info.param.name;
    for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(list_bad_cases(kCases)), case_name);

// A .json without its .expect would silently not run.
TEST(BadInputSuite, EveryCaseFileHasItsExpectation) {
    for (const fs::path& json : cases_without_expectation(kCases)) ADD_FAILURE() << json << " has no .expect";
}

// The harness itself catches what the cases guard against.
TEST(BadInputSuite, AHangIsKilledAtTheLimit) {
    const BoundedRun run = run_bounded({"/bin/sleep", "30"}, fs::temp_directory_path(), std::chrono::milliseconds(300));
    EXPECT_TRUE(run.timed_out);
    EXPECT_EQ(run.signal, SIGKILL);
    EXPECT_LT(run.elapsed, std::chrono::seconds(5));
}

TEST(BadInputSuite, ACrashIsReportedAsASignal) {
    const BoundedRun run = run_bounded({"/bin/sh", "-c", "echo out; echo err >&2; kill -SEGV $$"},
                                       fs::temp_directory_path(), kLimit);
    EXPECT_FALSE(run.timed_out);
    EXPECT_EQ(run.signal, SIGSEGV);
    EXPECT_EQ(run.out, "out\n");
    EXPECT_EQ(run.err, "err\n");
}

TEST(BadInputSuite, HasCasesForBothCommands) {
    std::set<std::string> commands;
    for (const BadCase& c : list_bad_cases(kCases)) commands.insert(c.command);
    EXPECT_EQ(commands, (std::set<std::string>{"print", "video"}));
}

}  // namespace
}  // namespace koho::test
