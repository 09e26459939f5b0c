// Helpers for the model tests: load a layout written inline, and pin the
// exact message an error prints.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "core/diagnostic.h"
#include "model/document.h"
#include "model/json_source.h"
#include "model/layout_loader.h"

namespace koho::model::testing {

inline std::string data_dir() { return std::string(KOHO_SOURCE_DIR) + "/tests/model/data"; }

inline Document load(const std::string& text) {
    JsonSource source = JsonSource::parse(text, "t.json");
    return load_layout_source(source, LoadOptions{data_dir()});
}

// The formatted message of the error `text` raises, or "no error".
inline std::string error_of(const std::string& text) {
    try {
        load(text);
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadInput) << error.what();
        return error.what();
    }
    return "no error";
}

// The one frame of a layout's first page (with_frames() with one frame).
inline const Frame& only_frame(const Document& doc) { return doc.pages.at(0).frames.at(0); }

// A one-page A4 layout whose page frames are `frames` (written on line 5)
// and whose styles are `styles` (line 3).
inline std::string with_frames(const std::string& frames, const std::string& styles = R"("body": {"size": "10pt"})",
                               const std::string& extra = R"("vars": {"url": "https://example.jp"})") {
    return "{\"type\": \"print\", \"page\": {\"size\": \"A4\"},\n" + extra + ",\n\"styles\": {" + styles +
           "},\n\"pages\": [{\"frames\": [\n" + frames + "\n]}]}";
}

}  // namespace koho::model::testing
