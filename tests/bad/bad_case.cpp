#include "bad_case.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Fills the case from its .expect file; a malformed file sets `problem`.
void read_expectation(BadCase& c) {
    std::ifstream in(c.expect);
    if (!in) {
        c.problem = "cannot read " + c.expect.string();
        return;
    }
    bool have_at = false, have_pointer = false, have_message = false;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(':');
        const std::string where = c.expect.filename().string() + ":" + std::to_string(number) + ": ";
        if (colon == std::string::npos) {
            c.problem = where + "expected 'key: value'";
            return;
        }
        const std::string key = trim(line.substr(0, colon));
        const std::string value = trim(line.substr(colon + 1));
        if (key == "at") {
            char sep = 0;
            std::istringstream v(value);
            if (!(v >> c.line >> sep >> c.col) || sep != ':' || c.line < 1 || c.col < 1) {
                c.problem = where + "'at' wants LINE:COL";
                return;
            }
            have_at = true;
        } else if (key == "pointer") {
            c.pointer = value == "-" ? "" : value;
            have_pointer = true;
        } else if (key == "message") {
            c.message = value;
            have_message = !value.empty();
        } else if (key == "symlink") {
            const auto arrow = value.find(" -> ");
            if (arrow == std::string::npos) {
                c.problem = where + "'symlink' wants LINK -> TARGET";
                return;
            }
            c.symlinks.emplace_back(trim(value.substr(0, arrow)), trim(value.substr(arrow + 4)));
        } else if (key == "fifo") {
            c.fifos.push_back(value);
        } else if (key == "deep") {
            c.deep = std::stoul(value);
        } else if (key == "args") {
            c.args = words(value);
        } else {
            c.problem = where + "unknown key '" + key + "'";
            return;
        }
    }
    if (!have_at || !have_pointer || !have_message) c.problem = c.expect.string() + ": needs at, pointer and message";
}

}  // namespace

std::vector<BadCase> list_bad_cases(const fs::path& cases_dir) {
    std::vector<BadCase> cases;
    for (const char* command : {"print", "video"}) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(cases_dir / command, ec)) {
            if (entry.path().extension() != ".expect") continue;
            BadCase c;
            c.command = command;
            c.name = entry.path().stem().string();
            c.expect = entry.path();
            c.json = fs::path(entry.path()).replace_extension(".json");
            read_expectation(c);
            cases.push_back(std::move(c));
        }
    }
    std::sort(cases.begin(), cases.end(),
              [](const BadCase& a, const BadCase& b) { return std::tie(a.command, a.name) < std::tie(b.command, b.name); });
    return cases;
}

std::vector<fs::path> cases_without_expectation(const fs::path& cases_dir) {
    std::vector<fs::path> missing;
    for (const auto& entry : fs::recursive_directory_iterator(cases_dir)) {
        if (entry.path().extension() != ".json") continue;
        if (!fs::exists(fs::path(entry.path()).replace_extension(".expect"))) missing.push_back(entry.path());
    }
    return missing;
}

}  // namespace koho::test
