// Helpers for the timeline tests: a throw-away project root holding the
// media the timelines name, and loading a timeline written inline.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/diagnostic.h"
#include "model/json_source.h"
#include "model/timeline.h"
#include "model/timeline_loader.h"

namespace koho::model::testing {

// A project root with the media of FORMAT.md's example and a few more:
// the loader checks that media exist inside the root, not what they hold,
// so small stand-ins serve (a 1×1 PNG for pictures, a few bytes for sound
// and clips).
inline const std::filesystem::path& timeline_root() {
    // Removed when the test binary exits.
    struct TempDir {
        std::filesystem::path path;
        ~TempDir() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const TempDir root{[] {
        namespace fs = std::filesystem;
        fs::path dir = fs::temp_directory_path() / ("koho-timeline-test-" + std::to_string(getpid()));
        fs::remove_all(dir);
        for (const char* sub : {"media/photos", "media/mascot", "media/audio", "media/clips", "media/a-folder"})
            fs::create_directories(dir / sub);
        const fs::path data = std::string(KOHO_SOURCE_DIR) + "/tests/model/data";
        fs::copy_file(data / "pixel.png", dir / "media/photos/office.jpg");
        fs::copy_file(data / "pixel.png", dir / "media/mascot/placeholder.png");
        fs::copy_file(data / "mark.svg", dir / "media/mark.svg");
        for (const char* name : {"media/audio/bgm.wav", "media/audio/narration.wav", "media/clips/walk.mp4"}) {
            std::ofstream out(dir / name, std::ios::binary);
            out << "stand-in";
        }
        return dir;
    }()};
    return root.path;
}

inline Timeline load_timeline_text(const std::string& text, const std::string& variant = "") {
    JsonSource source = JsonSource::parse(text, "t.json");
    return load_timeline_source(source, TimelineOptions{timeline_root(), variant});
}

// The formatted message of the error `text` raises, or "no error".
inline std::string timeline_error(const std::string& text, const std::string& variant = "") {
    try {
        load_timeline_text(text, variant);
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadInput) << error.what();
        return error.what();
    }
    return "no error";
}

// A 320×180, 30 fps timeline: line 1 the header, line 2 a style "t",
// `body` from line 3 on (give it "scenes" or "duration").
inline std::string timeline_with(const std::string& body) {
    return "{\"type\": \"video\", \"size\": \"320x180\", \"fps\": 30,\n"
           "\"styles\": {\"t\": {\"size\": \"20px\"}},\n" +
           body + "\n}";
}

// A 2-second scene whose layers are `layers` (written on line 4).
inline std::string scene_with(const std::string& layers, const std::string& more = "") {
    return timeline_with("\"scenes\": [{\"id\": \"a\", \"duration\": \"2s\", \"layers\": [\n" + layers + "\n]}]" +
                         more);
}

}  // namespace koho::model::testing
