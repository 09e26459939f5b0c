// Chained text frames (`next`) and frame ids.
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;

// Two pages; frame objects written one per line from line 4 (page 1) and
// line 6 (page 2).
std::string two_pages(const std::string& page1, const std::string& page2) {
    return "{\"type\": \"print\", \"page\": {\"size\": \"A4\"},\n\"styles\": {\"body\": {}},\n"
           "\"pages\": [{\"frames\": [\n" + page1 + "\n]}, {\"frames\": [\n" + page2 + "\n]}]}";
}

std::string text_frame(const std::string& id, const std::string& extra) {
    return R"({"id": ")" + id + R"(", "type": "text", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm")" +
           (extra.empty() ? "" : ", " + extra) + "}";
}

TEST(Chain, StoryFlowsAcrossFramesAndPages) {
    Document doc = load(two_pages(
        text_frame("a", R"("style": "body", "text": "長い記事", "next": "b")") + ",\n" + text_frame("b", R"("next": "c")"),
        text_frame("c", "") + ",\n" + text_frame("solo", R"("style": "body", "text": "x")")));
    ASSERT_EQ(doc.chains.size(), 1u);
    const auto& chain = doc.chains.at({0, 0});
    ASSERT_EQ(chain.size(), 2u);
    EXPECT_EQ(chain[0].page, 0u);
    EXPECT_EQ(chain[0].frame, 1u);
    EXPECT_EQ(chain[1].page, 1u);
    EXPECT_EQ(chain[1].frame, 0u);
    EXPECT_FALSE(std::get<TextContent>(doc.pages[0].frames[0].content).continues_chain);
    EXPECT_TRUE(std::get<TextContent>(doc.pages[0].frames[1].content).continues_chain);
    EXPECT_TRUE(std::get<TextContent>(doc.pages[1].frames[0].content).continues_chain);
    EXPECT_FALSE(std::get<TextContent>(doc.pages[1].frames[1].content).continues_chain);
    EXPECT_EQ(std::get<TextContent>(doc.pages[0].frames[0].content).next_loc.pointer, "/pages/0/frames/0/next");
}

TEST(Chain, Errors) {
    const std::string head = R"("style": "body", "text": "x", )";
    EXPECT_EQ(error_of(two_pages(text_frame("a", head + R"("next": "bb")"), text_frame("b", ""))),
              "t.json:4:117: error: \"next\" names unknown frame 'bb' (at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(two_pages(text_frame("a", head + R"("next": "r")"),
                                 R"({"id": "r", "type": "rect", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm"})")),
              "t.json:4:117: error: \"next\" names 'r', which is a rect frame; a story can continue only in a text "
              "frame (at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(two_pages(text_frame("a", head + R"("next": "b")"), text_frame("b", head.substr(0, head.size() - 2)))),
              "t.json:4:117: error: \"next\" names 'b', which has its own text; a frame that continues a story must "
              "have neither \"text\" nor \"content\" (at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(two_pages(text_frame("a", head + R"("next": "c")") + ",\n" + text_frame("b", head + R"("next": "c")"),
                                 text_frame("c", ""))),
              "t.json:5:117: error: frame 'c' already continues the story of text frame 'a' (page 1); a frame can "
              "continue only one story (at /pages/0/frames/1/next)");
    EXPECT_EQ(error_of(two_pages(text_frame("a", R"("next": "b")"), text_frame("b", R"("next": "a")"))),
              "t.json:4:87: error: chained frames form a cycle: 'a' → 'b' → 'a'; a story needs a first frame "
              "(at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(two_pages(text_frame("a", head + R"("next": "a")"), text_frame("b", head.substr(0, head.size() - 2)))),
              "t.json:4:117: error: text frame 'a' names itself as \"next\" (at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(two_pages(text_frame("a", head.substr(0, head.size() - 2)), text_frame("a", head.substr(0, head.size() - 2)))),
              "t.json:6:8: error: duplicate frame id 'a' (first used at line 4, /pages/0/frames/0/id) "
              "(at /pages/1/frames/0/id)");
}

TEST(Chain, MasterFramesCannotChain) {
    std::string text = R"({"type": "print", "page": {"size": "A4"}, "styles": {"body": {}},
"masters": {"m": {"frames": [{"id": "f", "type": "text", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "style": "body", "text": "x", "next": "g"}]}},
"pages": [{"master": "m"}]})";
    EXPECT_EQ(error_of(text),
              "t.json:2:144: error: frames on masters cannot be chained: a master repeats on every page "
              "(at /masters/m/frames/0/next)");
    std::string into_master = R"({"type": "print", "page": {"size": "A4"}, "styles": {"body": {}},
"masters": {"m": {"frames": [{"id": "f", "type": "text", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "style": "body", "text": "x"}]}},
"pages": [{"master": "m", "frames": [{"type": "text", "x": "0mm", "y": "0mm", "w": "1mm", "h": "1mm", "style": "body", "text": "x", "next": "f"}]}]})";
    EXPECT_EQ(error_of(into_master),
              "t.json:3:141: error: \"next\" names frame 'f' of master 'm'; a story can continue only in a page's "
              "frame (at /pages/0/frames/0/next)");
}

}  // namespace
}  // namespace koho::model
