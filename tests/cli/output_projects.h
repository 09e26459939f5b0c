// Small self-contained projects for the atomic-output and determinism
// tests: a print layout of many pages (slow enough to be killed mid-way),
// a short video timeline with captions, chapters and a noisy picture (its
// thumbnail JPEG outweighs its MP4 at --crf 51), and file helpers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace koho::test {

// A fresh empty directory under the temp dir, unique to this process.
std::filesystem::path fresh_dir(const std::string& name);

std::string read_bytes_of(const std::filesystem::path& path);
void write_bytes_to(const std::filesystem::path& path, const std::string& bytes);

// Names in `dir` (not recursive), sorted.
std::vector<std::string> names_in(const std::filesystem::path& dir);
// ".<target>.koho-tmp-XXXXXX": a temporary file of an AtomicFile.
bool is_temp_of(const std::string& name, const std::string& target);
bool is_any_temp(const std::string& name);

// Writes DIR/slow.json: `pages` A4 pages of shapes, a picture and Japanese
// text, and the picture DIR/media/noise.png — of too low a resolution for
// print when `low_resolution`: preflight then refuses the PDF (exit 2), a
// bad input found late, after the whole PDF was made.
void write_print_project(const std::filesystem::path& dir, int pages, bool low_resolution = false);

// Writes DIR/clip.json, a 1280×720 timeline of `seconds` at 10 fps:
// scenes with text, a noise picture, captions and chapters; and
// DIR/noise.png.
void write_video_project(const std::filesystem::path& dir, double seconds);

}  // namespace koho::test
