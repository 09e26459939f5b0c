// docs/timeline.md must document every key and every word the timeline
// schema allows.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/timeline_schema.h"

namespace koho::model {
namespace {

void collect(const nlohmann::json& schema, std::set<std::string>& keys, std::set<std::string>& words) {
    if (schema.is_object()) {
        if (auto p = schema.find("properties"); p != schema.end() && p->is_object())
            for (auto it = p->begin(); it != p->end(); ++it) keys.insert(it.key());
        if (auto e = schema.find("enum"); e != schema.end())
            for (const auto& word : *e)
                if (word.is_string()) words.insert(word.get<std::string>());
        for (const auto& [key, value] : schema.items())
            if (key != "enum") collect(value, keys, words);
    } else if (schema.is_array()) {
        for (const auto& value : schema) collect(value, keys, words);
    }
}

TEST(TimelineDocs, EverySchemaKeyAndWordIsDocumented) {
    std::ifstream in(std::string(KOHO_SOURCE_DIR) + "/docs/timeline.md");
    ASSERT_TRUE(in) << "docs/timeline.md is missing";
    std::stringstream text;
    text << in.rdbuf();
    const std::string docs = text.str();
    std::set<std::string> keys, words;
    collect(nlohmann::json::parse(timeline_schema_text()), keys, words);
    // The timeline's own keys and words are there to be found.
    for (const char* key : {"keyframes", "duck", "caption_style", "variants", "encoder_preset"})
        EXPECT_TRUE(keys.count(key)) << key;
    for (const char* word : {"crossfade", "ease-out-back", "veryslow", "off"}) EXPECT_TRUE(words.count(word)) << word;
    for (const auto& key : keys) EXPECT_NE(docs.find("`" + key + "`"), std::string::npos) << "key " << key;
    for (const auto& word : words)
        EXPECT_TRUE(docs.find("`\"" + word + "\"`") != std::string::npos || docs.find("`" + word + "`") != std::string::npos)
            << "word " << word;
}

}  // namespace
}  // namespace koho::model
