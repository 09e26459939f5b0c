// Test helpers for SVG art: small SVG files written to a private temporary
// directory, and hand-made model frames that place them.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/document.h"

namespace koho::scene::testing {

// A fresh directory for this test process, removed when the object goes.
class SvgDir {
public:
    explicit SvgDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("koho-art-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~SvgDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    SvgDir(const SvgDir&) = delete;
    SvgDir& operator=(const SvgDir&) = delete;

    std::filesystem::path write(const std::string& name, const std::string& text) const {
        std::filesystem::path file = path_ / name;
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }

private:
    std::filesystem::path path_;
};

// An SVG of w × h CSS pixels (viewBox in the same units) whose body is `body`.
inline std::string svg_document(double w, double h, const std::string& body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) + "\" height=\"" +
           std::to_string(h) + "\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) + "\">" + body +
           "</svg>";
}

inline SourceLoc loc_at(int line, int col, const std::string& pointer = "/pages/0/frames/0/src") {
    return SourceLoc{"layouts/test.json", line, col, pointer};
}

inline model::Frame svg_frame(const std::filesystem::path& file, model::Box box, model::Fit fit = model::Fit::Contain,
                              model::ClipShape clip = model::ClipShape::Box, double radius_pt = 0) {
    model::SvgContent content;
    content.path = file;
    content.src = file.filename().string();
    content.src_loc = loc_at(7, 20);
    content.fit = fit;
    content.clip = clip;
    content.clip_radius_pt = radius_pt;
    model::Frame frame;
    frame.id = "art";
    frame.box = box;
    frame.content = content;
    return frame;
}

}  // namespace koho::scene::testing
