// `koho fonts [--root DIR] [--font-dir DIR...] [--json]`: every face koho
// can set text in for this project — family, style, weight, file, which
// directory it came from (the project's fonts/, a --font-dir, koho's own)
// and the licence the font itself states (OpenType name IDs 13 and 14).
// The same directories as print and video (font_dirs.h), nothing else.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/font_dirs.h"
#include "core/data_dir.h"
#include "core/diagnostic.h"
#include "text/font_context.h"
#include "text/font_license.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct FontsArgs {
    std::string root = ".";
    std::vector<std::string> font_dirs;
    bool json = false;
};

// "project", "font-dir" or "koho": which of the searched directories holds
// `file` (the first that does, as fontconfig searches them in order).
std::string origin_of(const fs::path& file, const std::vector<fs::path>& dirs, const FontsArgs& args) {
    std::error_code ec;
    const fs::path project = fs::weakly_canonical(fs::path(args.root) / "fonts", ec);
    const fs::path shipped = fs::weakly_canonical(shipped_data_dir() / "fonts", ec);
    const fs::path real = fs::weakly_canonical(file, ec);
    for (const fs::path& dir : dirs) {
        const auto rel = real.lexically_relative(dir);
        if (rel.empty() || rel.native().rfind("..", 0) == 0) continue;
        if (dir == project) return "project";
        if (dir == shipped) return "koho";
        return "font-dir";
    }
    return "unknown";
}

void run_fonts(const FontsArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.root, ec)) fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    const std::vector<fs::path> dirs = font_directories(args.root, args.font_dirs);
    const std::shared_ptr<text::FontContext> fonts = text::FontContext::create(dirs);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const text::FontFace& face : fonts->faces()) {
        const text::FontLicense license = text::read_font_license(face.file, face.index);
        const std::string from = origin_of(face.file, dirs, args);
        if (args.json) {
            nlohmann::ordered_json entry;
            entry["family"] = face.family;
            entry["style"] = face.style;
            entry["weight"] = face.weight;
            entry["file"] = face.file.string();
            entry["index"] = face.index;
            entry["from"] = from;
            if (!license.description.empty()) entry["license"] = license.description;
            if (!license.url.empty()) entry["license_url"] = license.url;
            list.push_back(std::move(entry));
            continue;
        }
        std::cout << face.family << "\t" << face.style << "\t" << face.weight << "\t" << face.file.string()
                  << (face.index ? "#" + std::to_string(face.index) : "") << "\t" << from << "\t"
                  << (license.url.empty() ? (license.description.empty() ? "licence unknown" : license.description)
                                          : license.url)
                  << '\n';
    }
    if (args.json) std::cout << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    std::cout.flush();
}

}  // namespace

void add_fonts_command(CLI::App& app) {
    auto args = std::make_shared<FontsArgs>();
    auto* cmd = app.add_subcommand("fonts", "List the font families koho can use here, where each comes from, its licence");
    cmd->add_option("--root", args->root, "Project root: its fonts/ is searched first")->type_name("DIR")->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")->type_name("DIR");
    cmd->add_flag("--json", args->json,
                  "A JSON array of {family, style, weight, file, index, from, license, license_url}");
    cmd->footer("One line per face: FAMILY, STYLE, WEIGHT, FILE[#INDEX], FROM (project, font-dir or koho), LICENCE\n"
                "(the font's licence URL, else its licence text, else \"licence unknown\"), tab-separated.");
    cmd->callback([args]() { run_fonts(*args); });
}

}  // namespace koho::cli
