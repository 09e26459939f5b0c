// docs/format.md must document every key and every word the schema allows.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "model/layout_schema.h"

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

TEST(Docs, FormatDocumentsEverySchemaKeyAndWord) {
    std::ifstream in(std::string(KOHO_SOURCE_DIR) + "/docs/format.md");
    ASSERT_TRUE(in) << "docs/format.md is missing";
    std::stringstream text;
    text << in.rdbuf();
    const std::string docs = text.str();
    std::set<std::string> keys, words;
    collect(nlohmann::json::parse(layout_schema_text()), keys, words);
    EXPECT_GT(keys.size(), 50u);
    for (const auto& key : keys) EXPECT_NE(docs.find("`" + key + "`"), std::string::npos) << "key " << key;
    for (const auto& word : words)
        EXPECT_NE(docs.find("`\"" + word + "\"`") == std::string::npos ? docs.find("`" + word + "`") : 0,
                  std::string::npos)
            << "word " << word;
}

}  // namespace
}  // namespace koho::model
