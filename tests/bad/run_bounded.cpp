#include "run_bounded.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(char* const* argv, const char* cwd, const char* out, const char* err) {
    setpgid(0, 0);
    const int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || null < 0 || dup2(null, 0) < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || chdir(cwd) != 0)
        _exit(127);
    execv(argv[0], argv);
    _exit(127);
}

}  // namespace

BoundedRun run_bounded(const std::vector<std::string>& argv, const fs::path& cwd, std::chrono::milliseconds limit) {
    BoundedRun run;
    // Captured output goes beside, not inside, the working directory: the
    // cases check that the program leaves nothing behind there.
    const fs::path capture = fs::temp_directory_path() / ("koho-bad-capture-" + std::to_string(getpid()));
    fs::create_directories(capture);
    const std::string out_path = (capture / "out").string();
    const std::string err_path = (capture / "err").string();
    const std::string cwd_path = cwd.string();

    std::vector<std::string> words = argv;
    std::vector<char*> c_argv;
    for (std::string& w : words) c_argv.push_back(w.data());
    c_argv.push_back(nullptr);

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        run.err = std::string("fork: ") + std::strerror(errno);
        fs::remove_all(capture);
        return run;
    }
    if (pid == 0) exec_child(c_argv.data(), cwd_path.c_str(), out_path.c_str(), err_path.c_str());
    setpgid(pid, pid);  // also here, so that a kill right away reaches the group
    run.started = true;

    int status = 0;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() - start > limit) {
            run.timed_out = true;
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
    run.out = slurp(out_path);
    run.err = slurp(err_path);
    fs::remove_all(capture);
    return run;
}

}  // namespace koho::test
