#include "koho_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "../print/test_support.h"

namespace koho::test {

KohoRun run_koho(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path();
    const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(++counter);
    const auto out_file = dir / ("koho-cli-out-" + tag);
    const auto err_file = dir / ("koho-cli-err-" + tag);

    std::string command = "env";
    for (const std::string& e : env) command += " " + shell_quote(e);
    command += " " + shell_quote(KOHO_BINARY);
    for (const std::string& a : args) command += " " + shell_quote(a);
    command += " >" + shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string());

    KohoRun run;
    const int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_bytes(out_file);
    run.err = read_bytes(err_file);
    std::filesystem::remove(out_file);
    std::filesystem::remove(err_file);
    return run;
}

}  // namespace koho::test
