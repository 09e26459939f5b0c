#include "core/depfile.h"

#include <algorithm>
#include <stdexcept>

#include "core/diagnostic.h"

namespace koho {

namespace fs = std::filesystem;

namespace {

enum class MakePlace { Target, Prerequisite };

// GNU make reads '%' literally in a prerequisite list (a "\%" there would
// keep its backslash) but as a pattern in a target, where "\%" quotes it.
std::string make_escaped(const fs::path& path, MakePlace place) {
    const std::string& name = path.native();
    std::string out;
    out.reserve(name.size() + 8);
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || u < 0x20 || u == 0x7f)
            fail_input({name}, "cannot write a dependency file: make has no way to name a file whose name "
                               "contains a backslash or a control character; rename it");
        switch (c) {
        case ' ': case '#': case ':': case '*': case '?': case '[': case ']':
            out += '\\';
            out += c;
            break;
        case '$': out += "$$"; break;
        case '%':
            if (place == MakePlace::Target) out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string make_depfile(const std::vector<fs::path>& targets, const std::vector<fs::path>& dependencies) {
    if (targets.empty()) throw std::invalid_argument("make_depfile: no target");
    std::vector<fs::path> deps = dependencies;
    std::sort(deps.begin(), deps.end());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());

    std::string text;
    for (size_t i = 0; i < targets.size(); ++i) {
        if (i > 0) text += ' ';
        text += make_escaped(targets[i], MakePlace::Target);
    }
    text += ':';
    for (const fs::path& dep : deps) text += " \\\n " + make_escaped(dep, MakePlace::Prerequisite);
    text += '\n';
    // The empty rules of -MP: a dependency that is gone is out of date, not
    // an error ("No rule to make target").
    for (const fs::path& dep : deps) text += make_escaped(dep, MakePlace::Target) + ":\n";
    return text;
}

std::vector<fs::path> read_depfile_prerequisites(const std::string& text) {
    std::vector<fs::path> prerequisites;
    std::string word;
    bool after_colon = false;
    auto end_word = [&] {
        if (after_colon && !word.empty()) prerequisites.emplace_back(word);
        word.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            if (next == '\n') {  // a continued line
                end_word();
                continue;
            }
            word += next;  // an escaped character: space, '#', ':', '*', '?', '[', ']', '%'
        } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '$') {
            word += '$';
            ++i;
        } else if (c == ':' && !after_colon) {
            word.clear();  // the targets end here
            after_colon = true;
        } else if (c == ' ' || c == '\t') {
            end_word();
        } else if (c == '\n') {
            end_word();
            if (after_colon) break;  // the end of the first rule
        } else {
            word += c;
        }
    }
    end_word();
    return prerequisites;
}

}  // namespace koho
