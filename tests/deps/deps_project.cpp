#include "deps/deps_project.h"

#include <cstdint>
#include <fstream>
#include <sstream>

#include "raster/noise_png.h"

namespace koho::test {

namespace fs = std::filesystem;

void write_noise_png(const fs::path& path, int side, unsigned seed) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << noise_png(side, side, seed);
}

namespace {
// A JSON string's body: the test paths hold no '"' or '\'.
std::string image_frame(const std::string& src, int index) {
    return R"(      { "type": "image", "src": ")" + src + R"(", "x": ")" + std::to_string(10 + 45 * index) +
           R"(mm", "y": "60mm", "w": "40mm", "h": "40mm", "fit": "cover" })";
}
}  // namespace

std::string print_layout(const std::vector<std::string>& images) {
    std::string frames;
    for (size_t i = 0; i < images.size(); ++i) frames += image_frame(images[i], static_cast<int>(i)) + ",\n";
    return R"({
  "type": "print", "title": "depfile test", "lang": "ja",
  "page": { "size": "A5", "bleed": "3mm", "marks": "tombo" },
  "fonts": { "gothic": "Noto Sans CJK JP", "mincho": "Noto Serif CJK JP" },
  "styles": {
    "head": { "font": "mincho", "weight": 700, "size": "24Q", "leading": "34H", "color": "#0f5e6e" },
    "body": { "font": "gothic", "size": "12Q", "leading": "20H", "color": "#231815" }
  },
  "pages": [ { "frames": [
)" + frames + R"(      { "type": "text", "style": "head", "x": "10mm", "y": "10mm", "w": "120mm", "h": "20mm",
        "text": "児童福祉の仕事" },
      { "type": "text", "style": "body", "x": "10mm", "y": "110mm", "w": "120mm", "h": "60mm",
        "text": "子どもと家族の明日を支える専門職を募集しています。" }
  ] } ]
}
)";
}

std::string video_timeline(const std::string& image, const std::string& variant_image) {
    std::string variants;
    if (!variant_image.empty())
        variants = R"(,
  "variants": { "sq": { "size": "1080x1080", "output": { "preset": "sns-1080x1080" },
                        "layers": { "pic": { "src": ")" + variant_image + R"(" } } } })";
    return R"({
  "type": "video", "title": "depfile test", "size": "1280x720", "fps": 10, "background": "#ffffff",
  "styles": { "title": { "font": "Noto Sans CJK JP", "weight": "bold", "size": "48px", "color": "#1a1a1a" } },
  "scenes": [
    { "id": "one", "duration": "1s",
      "layers": [ { "id": "pic", "type": "image", "src": ")" + image + R"(", "x": "0%", "y": "0%", "w": "100%", "h": "100%" },
                  { "type": "text", "style": "title", "text": "千葉県で働きませんか。",
                    "x": "10%", "y": "70%", "w": "80%", "h": "12%" } ] }
  ],
  "captions": [ { "start": "0s", "end": "1s", "text": "千葉県で働きませんか。" } ],
  "chapters": [ { "start": "0s", "title": "はじめに" } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast" })" + variants + R"(
}
)";
}

Depfile parse_depfile(const std::string& text) {
    Depfile d;
    // Logical lines: a backslash-newline joins two physical lines.
    std::vector<std::string> lines(1);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '\n') {
            lines.back() += ' ';
            ++i;
        } else if (text[i] == '\n') {
            lines.emplace_back();
        } else {
            lines.back() += text[i];
        }
    }
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    if (lines.empty()) {
        d.why = "empty";
        return d;
    }
    for (size_t n = 0; n < lines.size(); ++n) {
        std::vector<std::string> before, after;
        std::vector<std::string>* side = &before;
        std::string word;
        bool in_word = false, colon = false;
        const std::string& line = lines[n];
        auto end_word = [&] {
            if (in_word) side->push_back(word);
            word.clear();
            in_word = false;
        };
        for (size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '\\' && i + 1 < line.size()) {
                word += line[++i];
                in_word = true;
            } else if (c == '$' && i + 1 < line.size() && line[i + 1] == '$') {
                word += '$';
                ++i;
                in_word = true;
            } else if (c == ' ' || c == '\t') {
                end_word();
            } else if (c == ':' && !colon) {
                end_word();
                colon = true;
                side = &after;
            } else {
                word += c;
                in_word = true;
            }
        }
        end_word();
        if (!colon || before.empty()) {
            d.why = "line " + std::to_string(n + 1) + " is not a rule: " + line;
            return d;
        }
        if (n == 0) {
            d.targets = before;
            d.dependencies = after;
        } else {
            if (before.size() != 1 || !after.empty()) {
                d.why = "line " + std::to_string(n + 1) + " is not an empty rule: " + line;
                return d;
            }
            d.empty_rules.push_back(before[0]);
        }
    }
    d.ok = true;
    return d;
}

}  // namespace koho::test
