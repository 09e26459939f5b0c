// Test helpers shared by every suite: run a program and read what it
// printed, quote paths for the shell, read font facts of a PDF with
// poppler's pdffonts. Tests only: koho itself never runs a shell.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace koho::test {

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout (and stderr when the command redirects it)
};

// Runs `command` through the shell and collects its standard output.
inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

// One row of `pdffonts`: the font's name and its emb / sub / uni flags.
struct PdfFont {
    std::string name;
    bool embedded = false;
    bool subset = false;
    bool unicode = false;  // has a ToUnicode map
    std::string line;      // the row as printed, for messages
};

// Runs pdffonts on `pdf`. `ok` is false when pdffonts failed or a row did
// not have the expected columns (name type… encoding emb sub uni object ID).
inline std::vector<PdfFont> read_pdffonts(const std::filesystem::path& pdf, bool& ok,
                                          std::string& output) {
    const CommandResult r = run_command("pdffonts " + shell_quote(pdf.string()) + " 2>&1");
    output = r.output;
    ok = r.exit_code == 0;
    std::vector<PdfFont> fonts;
    std::istringstream lines(r.output);
    std::string line;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // ----
    while (ok && std::getline(lines, line)) {
        if (line.empty()) continue;
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;) w.push_back(word);
        if (w.size() < 6) {
            ok = false;
            break;
        }
        // The flags are the 5th, 4th and 3rd last words.
        fonts.push_back({w[0], w[w.size() - 5] == "yes", w[w.size() - 4] == "yes",
                         w[w.size() - 3] == "yes", line});
    }
    return fonts;
}

}  // namespace koho::test
