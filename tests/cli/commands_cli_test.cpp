// The everyday commands (issue 9, item 4) through the real binary: koho
// schema (byte-identical to layouts/schema), koho check (nothing written,
// located errors), --diagnostic-format json, --version and the bash
// completion script.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "koho_child.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

const std::string kSource = KOHO_SOURCE_DIR;

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

// Every file under `dir`, for "nothing was written".
std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) names.insert(entry.path().string());
    return names;
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("koho-commands-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

TEST(SchemaCommand, PrintsTheLayoutSchemaByteForByte) {
    const ChildResult run = run_child({"schema"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, read_bytes(kSource + "/layouts/schema/layout.schema.json"));
}

TEST(SchemaCommand, PrintsTheTimelineSchemaByteForByte) {
    const ChildResult run = run_child({"schema", "timeline"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, read_bytes(kSource + "/layouts/schema/timeline.schema.json"));
}

TEST(SchemaCommand, WritesTheSchemaToAFile) {
    TempDir dir;
    const fs::path out = dir.path / "layout.schema.json";
    const ChildResult run = run_child({"schema", "layout", "-o", out.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(read_bytes(out), read_bytes(kSource + "/layouts/schema/layout.schema.json"));
}

TEST(SchemaCommand, RefusesAnUnknownSchema) {
    const ChildResult run = run_child({"schema", "poster"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
}

// Every sample layout and timeline: fine, each said ok, and not one file
// written — not where koho runs, not beside the layouts.
TEST(CheckCommand, PassesTheSamplesAndWritesNothing) {
    std::vector<std::string> args{"check", "--root", kSource};
    std::vector<std::string> samples;
    for (const auto& entry : fs::directory_iterator(kSource + "/layouts"))
        if (entry.path().extension() == ".json") samples.push_back(entry.path().string());
    std::sort(samples.begin(), samples.end());
    ASSERT_GE(samples.size(), 3u);
    args.insert(args.end(), samples.begin(), samples.end());

    TempDir cwd;
    const std::set<std::string> layouts_before = listing(kSource + "/layouts");
    ChildOptions options;
    options.cwd = cwd.path;
    const ChildResult run = run_child(args, options);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::vector<std::string> expected;
    for (const std::string& s : samples) expected.push_back(s + ": ok");
    EXPECT_EQ(lines_of(run.out), expected);
    EXPECT_TRUE(fs::is_empty(cwd.path)) << "koho check wrote into its working directory";
    EXPECT_EQ(listing(kSource + "/layouts"), layouts_before);
}

TEST(CheckCommand, ReportsTheLocatedErrorOfABadLayoutAndGoesOn) {
    const std::string bad = "tests/bad/cases/print/bad-colour.json";
    const std::string good = "layouts/banner-wide.json";
    const ChildResult run = run_child({"check", bad, good});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, bad + ":8:98: error: \"fill\": '#e6001' is not a colour; write \"#rrggbb\", \"#rrggbbaa\", "
                             "{\"cmyk\": [c, m, y, k]} or a name from \"colors\" (at /pages/0/frames/0/fill)\n");
    EXPECT_EQ(run.out, good + ": ok\n");
}

TEST(CheckCommand, AMissingFileIsBadInput) {
    const ChildResult run = run_child({"check", "layouts/no-such-layout.json"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("layouts/no-such-layout.json"), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
}

TEST(DiagnosticFormat, AnErrorIsOneJsonObject) {
    const std::string bad = "tests/bad/cases/print/bad-colour.json";
    const ChildResult run = run_child({"--diagnostic-format", "json", "check", bad});
    EXPECT_EQ(run.exit_code, 2);
    const std::vector<std::string> lines = lines_of(run.err);
    ASSERT_EQ(lines.size(), 1u) << run.err;
    const nlohmann::json d = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(d["severity"], "error");
    EXPECT_EQ(d["file"], bad);
    EXPECT_EQ(d["line"], 8);
    EXPECT_EQ(d["column"], 98);
    EXPECT_EQ(d["pointer"], "/pages/0/frames/0/fill");
    EXPECT_EQ(d["message"], "\"fill\": '#e6001' is not a colour; write \"#rrggbb\", \"#rrggbbaa\", "
                            "{\"cmyk\": [c, m, y, k]} or a name from \"colors\"");
}

// The sample flyer's photo is below 300 ppi: preflight warns, and the
// warning comes as JSON too, with no location it does not know.
TEST(DiagnosticFormat, AWarningIsOneJsonObjectWithoutUnknownFields) {
    const ChildResult run =
        run_child({"--diagnostic-format", "json", "check", "layouts/flyer-setsumeikai.json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const std::vector<std::string> lines = lines_of(run.err);
    ASSERT_FALSE(lines.empty());
    for (const std::string& line : lines) {
        const nlohmann::json d = nlohmann::json::parse(line);
        EXPECT_EQ(d["severity"], "warning") << line;
        EXPECT_EQ(d["message"].get<std::string>().rfind("preflight: [image_resolution]", 0), 0u) << line;
        EXPECT_FALSE(d.contains("file")) << line;
        EXPECT_FALSE(d.contains("line")) << line;
        EXPECT_FALSE(d.contains("pointer")) << line;
    }
}

TEST(DiagnosticFormat, TextIsTheDefault) {
    const ChildResult run = run_child({"check", "layouts/flyer-setsumeikai.json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    ASSERT_FALSE(run.err.empty());
    EXPECT_EQ(run.err.rfind("koho: warning: preflight: [image_resolution]", 0), 0u) << run.err;
}

TEST(DiagnosticFormat, AMistypedCommandLineIsAJsonErrorToo) {
    const ChildResult run = run_child({"--diagnostic-format", "json", "print", "layouts/flyer-setsumeikai.json", "--no-such-flag"});
    EXPECT_EQ(run.exit_code, 2);
    const std::vector<std::string> lines = lines_of(run.err);
    ASSERT_EQ(lines.size(), 1u) << run.err;
    const nlohmann::json d = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(d["severity"], "error");
    EXPECT_NE(d["message"].get<std::string>().find("--no-such-flag"), std::string::npos) << lines[0];
}

TEST(DiagnosticFormat, RefusesAnUnknownFormat) {
    const ChildResult run = run_child({"--diagnostic-format", "xml", "schema"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
}

TEST(Version, NamesKohoAndItsVersion) {
    const ChildResult run = run_child({"--version"});
    EXPECT_EQ(run.exit_code, 0);
    const std::vector<std::string> lines = lines_of(run.out);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0].rfind("koho ", 0), 0u) << run.out;
    EXPECT_GT(lines[0].size(), 5u);
    // Then one library a line, "NAME VERSION".
    std::vector<std::string> names;
    for (size_t i = 1; i < lines.size(); ++i) {
        const size_t space = lines[i].find(' ');
        ASSERT_NE(space, std::string::npos) << lines[i];
        EXPECT_GT(lines[i].size(), space + 1) << lines[i];
        names.push_back(lines[i].substr(0, space));
    }
    EXPECT_EQ(names, (std::vector<std::string>{"cairo", "pango", "harfbuzz", "fontconfig", "ffmpeg"}));
}

// Runs the completion function in bash, from the repository root, for
// `words` (the last being the word completed); returns COMPREPLY sorted.
std::vector<std::string> complete(const std::vector<std::string>& words) {
    TempDir dir;
    std::string array;
    for (const std::string& w : words) array += " '" + w + "'";
    {
        std::ofstream script(dir.path / "complete.sh");
        script << "cd '" << kSource << "' || exit 9\n"
               << "source scripts/completion/koho.bash || exit 9\n"
               << "COMP_WORDS=(" << array << ")\n"
               << "COMP_CWORD=" << words.size() - 1 << "\n"
               << "_koho || exit 9\n"
               << "printf '%s\\n' \"${COMPREPLY[@]}\" > '" << (dir.path / "reply").string() << "'\n";
    }
    const std::string command = "bash '" + (dir.path / "complete.sh").string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::vector<std::string> reply = lines_of(read_bytes(dir.path / "reply"));
    std::sort(reply.begin(), reply.end());
    return reply;
}

TEST(BashCompletion, CompletesSubcommands) {
    EXPECT_EQ(complete({"koho", "ch"}), std::vector<std::string>{"check"});
    EXPECT_EQ(complete({"koho", "--diagnostic-format", "json", "p"}),
              (std::vector<std::string>{"plan", "preflight", "print", "proof"}));
}

TEST(BashCompletion, CompletesTheOptionsOfASubcommand) {
    EXPECT_EQ(complete({"koho", "print", "--no"}), std::vector<std::string>{"--no-preflight"});
    EXPECT_EQ(complete({"koho", "check", "--r"}), std::vector<std::string>{"--root"});
    EXPECT_EQ(complete({"koho", "print", "--color", ""}), (std::vector<std::string>{"cmyk", "rgb"}));
}

TEST(BashCompletion, CompletesLayoutFilesForCheck) {
    EXPECT_EQ(complete({"koho", "check", "layouts/banner-"}),
              (std::vector<std::string>{"layouts/banner-square.json", "layouts/banner-story.json",
                                        "layouts/banner-wide.json"}));
    // Only .json: layouts/README.md is not offered.
    const std::vector<std::string> all = complete({"koho", "print", "layouts/"});
    EXPECT_EQ(std::count(all.begin(), all.end(), "layouts/README.md"), 0);
    EXPECT_EQ(std::count(all.begin(), all.end(), "layouts/poster-b2.json"), 1);
}

// Every subcommand koho --help lists is one the script completes, and its
// options are the ones its --help lists.
TEST(BashCompletion, KnowsEverySubcommandAndItsOptions) {
    const ChildResult help = run_child({"--help"});
    ASSERT_EQ(help.exit_code, 0);
    const std::vector<std::string> offered = complete({"koho", ""});
    const std::string header = "Subcommands:";
    const size_t at = help.out.find(header);
    ASSERT_NE(at, std::string::npos) << help.out;
    std::vector<std::string> listed;
    for (const std::string& line : lines_of(help.out.substr(at + header.size()))) {
        // A subcommand's line is indented by two; its description's further
        // lines by more.
        if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ') continue;
        std::istringstream words(line);
        std::string name;
        if (words >> name) listed.push_back(name);
    }
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(offered, listed);
    for (const std::string& sub : listed) {
        const ChildResult sub_help = run_child({sub, "--help"});
        const std::vector<std::string> options = complete({"koho", sub, "--"});
        for (const std::string& line : lines_of(sub_help.out)) {
            if (line.rfind("  -", 0) != 0) continue;  // an option's line
            std::istringstream words(line);
            std::string first;
            words >> first;
            // "-o,--output", "--root" or "--hanging,--no-hanging{false}"
            std::istringstream names(first.substr(0, first.find('{')));
            for (std::string name; std::getline(names, name, ',');)
                if (name.rfind("--", 0) == 0)
                    EXPECT_EQ(std::count(options.begin(), options.end(), name), 1) << sub << " " << name;
        }
    }
}

// The project's Noto CJK fonts: each face from fonts/, with the licence URL
// the fonts state (SIL OFL, as fonts/README.md says).
TEST(FontsCommand, ListsTheProjectFontsWithTheirLicence) {
    const ChildResult run = run_child({"fonts", "--root", kSource, "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const nlohmann::json faces = nlohmann::json::parse(run.out);
    ASSERT_TRUE(faces.is_array());
    bool sans_regular = false, sans_bold = false;
    for (const nlohmann::json& face : faces) {
        if (face["family"] != "Noto Sans CJK JP") continue;
        EXPECT_EQ(face["from"], "project") << face.dump();
        EXPECT_EQ(fs::path(face["file"].get<std::string>()).parent_path(),
                  fs::canonical(kSource + "/fonts"))
            << face.dump();
        EXPECT_NE(face.value("license_url", "").find("scripts.sil.org/OFL"), std::string::npos) << face.dump();
        EXPECT_NE(face.value("license", "").find("SIL Open Font License"), std::string::npos) << face.dump();
        if (face["weight"] == 400 && face["style"] == "Regular") sans_regular = true;
        if (face["weight"] == 700 && face["style"] == "Bold") sans_bold = true;
    }
    EXPECT_TRUE(sans_regular) << run.out.substr(0, 2000);
    EXPECT_TRUE(sans_bold) << run.out.substr(0, 2000);
}

// A --font-dir's fonts are said to come from it; the table has one line
// per face, tab-separated.
TEST(FontsCommand, NamesAFontDirAsTheOrigin) {
    TempDir project;
    fs::create_directories(project.path / "extra");
    fs::copy_file(kSource + "/fonts/NotoSansCJK-Regular.ttc", project.path / "extra/NotoSansCJK-Regular.ttc");
    const ChildResult run =
        run_child({"fonts", "--root", project.path.string(), "--font-dir", (project.path / "extra").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string extra = fs::canonical(project.path / "extra").string();
    bool found = false;
    for (const std::string& line : lines_of(run.out)) {
        if (line.rfind("Noto Sans CJK JP\tRegular\t400\t", 0) != 0) continue;
        if (line.find(extra + "/NotoSansCJK-Regular.ttc\tfont-dir\thttp://scripts.sil.org/OFL") != std::string::npos)
            found = true;
    }
    EXPECT_TRUE(found) << run.out;
}

TEST(FontsCommand, AMissingFontDirIsBadInput) {
    const ChildResult run = run_child({"fonts", "--root", kSource, "--font-dir", kSource + "/no-such-fonts"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("no-such-fonts' does not exist"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace koho::test
