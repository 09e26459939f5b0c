// Runs the `koho` binary as a child process that a test can kill, limit or
// run as another user: fork + exec (no shell), stdout and stderr into
// files, the environment given exactly. For the atomic-output tests, which
// need the child's pid (SIGKILL), a file-size limit (a full disk) or
// another user (an unwritable directory when the test runs as root).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace koho::test {

struct ChildOptions {
    std::vector<std::string> env_add;     // "NAME=value", over the test's own environment
    std::vector<std::string> env_remove;  // names to unset (e.g. SOURCE_DATE_EPOCH)
    std::optional<long> file_size_limit;  // RLIMIT_FSIZE in bytes, with SIGXFSZ ignored
    std::optional<uid_t> run_as;          // setgid/setuid to this id (needs root)
    std::filesystem::path cwd;            // empty: the test's working directory
};

class KohoChild {
public:
    KohoChild(const std::vector<std::string>& args, const ChildOptions& options = {});
    ~KohoChild();  // kills and reaps a child still running
    KohoChild(const KohoChild&) = delete;
    KohoChild& operator=(const KohoChild&) = delete;

    pid_t pid() const { return pid_; }
    // Still running? Reaps it when it has ended.
    bool running();
    void kill_now();  // SIGKILL, then reaps
    // Waits for the end: the exit code, or -signal when killed by one.
    int wait();
    bool killed_by_signal() const { return status_known_ && signal_ != 0; }

    std::string out() const;
    std::string err() const;

private:
    pid_t pid_ = -1;
    bool status_known_ = false;
    int code_ = -1;
    int signal_ = 0;
    std::filesystem::path out_file_, err_file_;
    void record(int status);
};

// The whole run: exit code and messages.
struct ChildResult {
    int exit_code = -1;  // -signal when killed
    std::string out, err;
};
ChildResult run_child(const std::vector<std::string>& args, const ChildOptions& options = {});

}  // namespace koho::test
