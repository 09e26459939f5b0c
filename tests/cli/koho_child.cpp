#include "cli/koho_child.h"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace koho::test {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

KohoChild::KohoChild(const std::vector<std::string>& args, const ChildOptions& options) {
    static int counter = 0;
    const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(++counter);
    out_file_ = fs::temp_directory_path() / ("koho-child-out-" + tag);
    err_file_ = fs::temp_directory_path() / ("koho-child-err-" + tag);

    // Everything the child needs is made before fork: after it, only
    // async-signal-safe calls.
    std::vector<std::string> words{KOHO_BINARY};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_words;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        bool dropped = false;
        for (const std::string& r : options.env_remove) dropped |= r == name;
        for (const std::string& a : options.env_add) dropped |= a.substr(0, a.find('=')) == name;
        if (!dropped) env_words.push_back(entry);
    }
    env_words.insert(env_words.end(), options.env_add.begin(), options.env_add.end());
    std::vector<char*> envp;
    for (std::string& e : env_words) envp.push_back(e.data());
    envp.push_back(nullptr);

    const std::string cwd = options.cwd.string();
    const int out_fd = open(out_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    const int err_fd = open(err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    pid_ = fork();
    if (pid_ == 0) {
        if (out_fd < 0 || err_fd < 0 || dup2(out_fd, STDOUT_FILENO) < 0 || dup2(err_fd, STDERR_FILENO) < 0) _exit(126);
        if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
        if (options.file_size_limit) {
            signal(SIGXFSZ, SIG_IGN);  // kept across exec: writes fail with EFBIG instead
            rlimit limit{static_cast<rlim_t>(*options.file_size_limit), static_cast<rlim_t>(*options.file_size_limit)};
            if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
        }
        if (options.run_as) {
            if (setgroups(0, nullptr) != 0 || setgid(*options.run_as) != 0 || setuid(*options.run_as) != 0) _exit(126);
        }
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    if (out_fd >= 0) close(out_fd);
    if (err_fd >= 0) close(err_fd);
}

KohoChild::~KohoChild() {
    if (pid_ > 0 && !status_known_) kill_now();
    std::error_code ec;
    fs::remove(out_file_, ec);
    fs::remove(err_file_, ec);
}

void KohoChild::record(int status) {
    status_known_ = true;
    if (WIFSIGNALED(status)) {
        signal_ = WTERMSIG(status);
        code_ = -signal_;
    } else {
        code_ = WEXITSTATUS(status);
    }
}

bool KohoChild::running() {
    if (status_known_ || pid_ <= 0) return false;
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
        record(status);
        return false;
    }
    return true;
}

void KohoChild::kill_now() {
    if (status_known_ || pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait();
}

int KohoChild::wait() {
    if (!status_known_ && pid_ > 0) {
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        record(status);
    }
    return code_;
}

std::string KohoChild::out() const { return slurp(out_file_); }
std::string KohoChild::err() const { return slurp(err_file_); }

ChildResult run_child(const std::vector<std::string>& args, const ChildOptions& options) {
    KohoChild child(args, options);
    ChildResult result;
    result.exit_code = child.wait();
    result.out = child.out();
    result.err = child.err();
    return result;
}

}  // namespace koho::test
