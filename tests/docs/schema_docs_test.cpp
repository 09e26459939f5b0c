// The user guide cannot drift from the format: every key the JSON Schemas
// accept (layouts/schema/*.schema.json, which koho embeds and enforces) is
// named in its guide — docs/format.md and docs/layout-keys.md for layouts,
// docs/timeline.md for timelines — as `key` in prose or "key" in an
// example. A key added to a schema without a word in the docs fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace koho::test {
namespace {

std::string read_text(const std::string& relative) {
    std::ifstream in(std::string(KOHO_SOURCE_DIR) + "/" + relative, std::ios::binary);
    EXPECT_TRUE(in) << relative;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every name under a "properties" anywhere in the schema.
void collect_keys(const nlohmann::json& node, std::set<std::string>& keys) {
    if (node.is_object()) {
        for (const auto& [name, value] : node.items()) {
            if (name == "properties" && value.is_object())
                for (const auto& [key, _] : value.items()) keys.insert(key);
            collect_keys(value, keys);
        }
    } else if (node.is_array()) {
        for (const auto& value : node) collect_keys(value, keys);
    }
}

std::vector<std::string> undocumented(const std::string& schema, const std::vector<std::string>& guides,
                                      size_t& key_count) {
    std::set<std::string> keys;
    collect_keys(nlohmann::json::parse(read_text(schema)), keys);
    key_count = keys.size();
    std::string text;
    for (const std::string& guide : guides) text += read_text(guide);
    std::vector<std::string> missing;
    for (const std::string& key : keys)
        if (text.find("`" + key + "`") == std::string::npos && text.find("\"" + key + "\"") == std::string::npos)
            missing.push_back(key);
    return missing;
}

TEST(SchemaDocs, EveryLayoutKeyIsInTheGuide) {
    size_t count = 0;
    const auto missing =
        undocumented("layouts/schema/layout.schema.json", {"docs/format.md", "docs/layout-keys.md"}, count);
    EXPECT_GT(count, 50u);  // the schema was read
    EXPECT_TRUE(missing.empty()) << "layout keys not in docs/format.md or docs/layout-keys.md: "
                                 << nlohmann::json(missing).dump();
}

TEST(SchemaDocs, EveryTimelineKeyIsInTheGuide) {
    size_t count = 0;
    const auto missing = undocumented("layouts/schema/timeline.schema.json", {"docs/timeline.md"}, count);
    EXPECT_GT(count, 50u);
    EXPECT_TRUE(missing.empty()) << "timeline keys not in docs/timeline.md: " << nlohmann::json(missing).dump();
}

// The check itself: a key no guide names is reported.
TEST(SchemaDocs, AKeyMissingFromTheGuideIsFound) {
    std::set<std::string> keys;
    collect_keys(nlohmann::json::parse(R"({"properties": {"a": {"properties": {"b_never_documented": {}}}}})"), keys);
    EXPECT_EQ(keys, (std::set<std::string>{"a", "b_never_documented"}));
    const std::string guide = read_text("docs/timeline.md");
    EXPECT_EQ(guide.find("`b_never_documented`"), std::string::npos);
}

}  // namespace
}  // namespace koho::test
