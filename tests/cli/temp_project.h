// A throw-away project root for CLI tests that write their own layouts,
// timelines and media: a fresh directory under the temp dir, removed at the
// end, and small helpers to fill it.
#pragma once

#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/command.h"

namespace koho::test {

class TempProject {
public:
    explicit TempProject(const std::string& name)
        : root_(std::filesystem::temp_directory_path() / ("koho-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_ / "media");
    }
    ~TempProject() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TempProject(const TempProject&) = delete;
    TempProject& operator=(const TempProject&) = delete;

    const std::filesystem::path& root() const { return root_; }
    std::string path(const std::string& relative) const { return (root_ / relative).string(); }

    void write(const std::string& relative, const std::string& bytes) const {
        std::filesystem::create_directories((root_ / relative).parent_path());
        std::ofstream out(root_ / relative, std::ios::binary);
        out << bytes;
    }

    // Runs the ffmpeg CLI (tests only) writing `relative`; true on success.
    bool ffmpeg(const std::string& input_args, const std::string& relative) const {
        return run_command("ffmpeg -nostdin -loglevel error -y " + input_args + " " + shell_quote(path(relative)))
                   .exit_code == 0;
    }

private:
    std::filesystem::path root_;
};

// The signature and IHDR of a PNG that declares `width` × `height` pixels
// and holds none: a decompression bomb's header, a few dozen bytes.
inline std::string png_header_only(uint32_t width, uint32_t height) {
    auto be32 = [](uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    };
    std::string chunk = "IHDR" + be32(width) + be32(height) + std::string("\x08\x06\x00\x00\x00", 5);
    const uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size())));
    return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + chunk + be32(crc);
}

}  // namespace koho::test
