// Compares a rendered PNG with an expected (golden) one within a tolerance,
// and draws a diff image when they differ: grey where the pixels agree,
// red where they differ by more than the tolerance.
#pragma once

#include <filesystem>
#include <string>

namespace koho::test {

struct ImageComparison {
    bool same_size = false;
    int width = 0, height = 0;
    long differing = 0;       // pixels with a channel off by more than the tolerance
    int max_difference = 0;   // largest channel difference, 0..255
    double differing_fraction() const {
        return width && height ? static_cast<double>(differing) / (double(width) * height) : 1.0;
    }
    std::string error;  // a file could not be read
};

// `channel_tolerance`: per-channel difference that still counts as equal
// (anti-aliasing and FreeType versions move edges by a few levels).
ImageComparison compare_png(const std::filesystem::path& actual, const std::filesystem::path& expected,
                            int channel_tolerance, const std::filesystem::path& diff_out);

}  // namespace koho::test
