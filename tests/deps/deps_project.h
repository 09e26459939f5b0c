// Small projects for the depfile tests (issue 8, item 2), and a reader of
// make's depfile syntax written from make's rules, not from koho's writer.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace koho::test {

// A grey-noise PNG, `side` pixels square (the same bytes for the same side
// and seed).
void write_noise_png(const std::filesystem::path& path, int side, unsigned seed = 12345);

// A one-page A5 print layout: an image from each of `images` (paths
// relative to the project root), a heading in Noto Serif CJK JP bold and
// body text in Noto Sans CJK JP regular.
std::string print_layout(const std::vector<std::string>& images);

// A 1-second 10 fps web-720p timeline (ultrafast): the picture `image`
// behind a line of Noto Sans CJK JP bold, a caption and a chapter; with
// `variant_image`, also a variant "sq" (sns-1080x1080) that shows that
// picture instead.
std::string video_timeline(const std::string& image, const std::string& variant_image = {});

struct Depfile {
    std::vector<std::string> targets;       // of the first rule
    std::vector<std::string> dependencies;  // of the first rule, as written (in order)
    std::vector<std::string> empty_rules;   // targets of the rules after it, which must have none
    bool ok = false;                        // false: not one rule then empty rules only
    std::string why;                        // when not ok
};

// Reads `text` as make would: "\\\n" continues a line; '\' quotes the
// next character; "$$" is '$'; unquoted blanks separate names and an
// unquoted ':' ends the targets.
Depfile parse_depfile(const std::string& text);

}  // namespace koho::test
