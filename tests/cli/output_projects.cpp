#include "cli/output_projects.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "raster/noise_png.h"

namespace koho::test {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("koho-outputs-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_bytes_to(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool is_temp_of(const std::string& name, const std::string& target) {
    const std::string prefix = "." + target + kTempMarker;
    return name.size() == prefix.size() + 6 && name.rfind(prefix, 0) == 0;
}

bool is_any_temp(const std::string& name) {
    const size_t at = name.find(kTempMarker);
    return !name.empty() && name[0] == '.' && at != std::string::npos &&
           at + std::string(kTempMarker).size() + 6 == name.size();
}

namespace {

void write_noise_png(const fs::path& path, int w, int h) { write_bytes_to(path, noise_png(w, h)); }

const char* kParagraph =
    "千葉県の児童相談所では、子どもと家族の明日を支える専門職を募集しています。"
    "児童福祉司、児童心理司、保育士として、地域の人たちと力を合わせて働きませんか。";

}  // namespace

void write_print_project(const fs::path& dir, int pages, bool low_resolution) {
    fs::create_directories(dir / "media");
    // 40 mm wide: 480 px is 305 ppi, 64 px is 40 ppi (preflight's floor is 150).
    const int side = low_resolution ? 64 : 480;
    write_noise_png(dir / "media" / "noise.png", side, side);
    std::string body;
    for (int i = 0; i < 6; ++i) body += kParagraph;
    std::ostringstream json;
    json << R"({
  "type": "print", "title": "atomic and deterministic outputs", "lang": "ja",
  "page": { "size": "A4", "bleed": "3mm", "marks": "tombo" },
  "fonts": { "gothic": "Noto Sans CJK JP", "mincho": "Noto Serif CJK JP" },
  "colors": { "teal": "#0f5e6e", "cream": "#fbf5eb", "ink": "#231815" },
  "styles": {
    "head": { "font": "mincho", "weight": 700, "size": "24Q", "leading": "34H", "color": "teal" },
    "body": { "font": "gothic", "size": "12Q", "leading": "20H", "color": "ink", "align": "justify" }
  },
  "pages": [)";
    for (int p = 0; p < pages; ++p) {
        json << (p ? "," : "") << R"(
    { "frames": [
      { "type": "rect", "x": "-3mm", "y": "-3mm", "w": "216mm", "h": "303mm", "fill": "cream" },
      { "type": "rect", "x": "-3mm", "y": "250mm", "w": "216mm", "h": "50mm", "fill": "teal" },
      { "type": "rect", "x": "20mm", "y": "255mm", "w": "40mm", "h": "20mm", "fill": "ink" },
      { "type": "image", "src": "media/noise.png", "x": "150mm", "y": "20mm", "w": "40mm", "h": "40mm", "fit": "cover" },
      { "type": "text", "style": "head", "x": "20mm", "y": "20mm", "w": "120mm", "h": "30mm",
        "text": "ページ )" << p + 1 << R"( — 児童福祉の仕事" },
      { "type": "text", "style": "body", "x": "20mm", "y": "70mm", "w": "80mm", "h": "170mm", "text": ")" << body << R"(" },
      { "type": "text", "style": "body", "x": "110mm", "y": "70mm", "w": "80mm", "h": "170mm", "text": ")" << body << R"(" }
    ] })";
    }
    json << "\n  ]\n}\n";
    write_bytes_to(dir / "slow.json", json.str());
}

void write_video_project(const fs::path& dir, double seconds) {
    fs::create_directories(dir);
    write_noise_png(dir / "noise.png", 640, 360);
    const double half = seconds / 2;
    std::ostringstream json;
    json << R"({
  "type": "video", "title": "atomic outputs", "size": "1280x720", "fps": 10, "background": "#ffffff",
  "styles": { "title": { "font": "Noto Sans CJK JP", "weight": "bold", "size": "48px", "color": "#1a1a1a" } },
  "scenes": [
    { "id": "one", "duration": ")" << half << R"(s", "background": "#2060c0",
      "layers": [ { "type": "image", "src": "noise.png", "x": "0px", "y": "0px", "w": "1280px", "h": "720px" },
                  { "type": "text", "style": "title", "text": "子どもの未来を、千葉で。",
                    "x": "100px", "y": "500px", "w": "1000px", "h": "80px" } ] },
    { "id": "two", "duration": ")" << half << R"(s", "background": "#20a060",
      "layers": [ { "type": "text", "style": "title", "text": "千葉県で働きませんか。",
                    "x": "100px", "y": "300px", "w": "1000px", "h": "80px",
                    "enter": { "effect": "fade", "duration": "300ms" } } ] }
  ],
  "captions": [ { "start": "0s", "end": ")" << half << R"(s", "text": "千葉県で働きませんか。" } ],
  "chapters": [ { "start": "0s", "title": "はじめに" }, { "start": ")" << half << R"(s", "title": "仕事" } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast", "thumbnail": { "scene": "one" } }
})";
    write_bytes_to(dir / "clip.json", json.str());
}

}  // namespace koho::test
