#include "model/json_source.h"

#include <gtest/gtest.h>

namespace koho::model {
namespace {

std::string parse_error(const std::string& text) {
    try {
        JsonSource::parse(text, "f.json");
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadInput);
        return error.what();
    }
    return "no error";
}

TEST(JsonSource, RecordsTheFirstCharacterOfEveryValue) {
    JsonSource s = JsonSource::parse("{\n  \"a\": [1, {\"b\": true}],\n  \"c\": \"x\"\n}", "f.json");
    auto at = [&](const char* pointer) {
        SourceLoc loc = s.loc(pointer);
        return std::to_string(loc.line) + ":" + std::to_string(loc.col);
    };
    EXPECT_EQ(at(""), "1:1");
    EXPECT_EQ(at("/a"), "2:8");
    EXPECT_EQ(at("/a/0"), "2:9");
    EXPECT_EQ(at("/a/1"), "2:12");
    EXPECT_EQ(at("/a/1/b"), "2:18");
    EXPECT_EQ(at("/c"), "3:8");
    EXPECT_EQ(s.key_loc("/c").col, 3);
    EXPECT_EQ(s.loc("/c").pointer, "/c");
    EXPECT_EQ(s.root()["a"][1]["b"], true);
}

TEST(JsonSource, ColumnsCountCharactersNotBytes) {
    // "あい" is 6 bytes but 2 characters; the value after it starts at column 14.
    JsonSource s = JsonSource::parse("{\"k\": \"あい\", \"n\": 5}", "f.json");
    EXPECT_EQ(s.loc("/n").col, 18);
    JsonSource bom = JsonSource::parse("\xEF\xBB\xBF{\"n\": 5}", "f.json");
    EXPECT_EQ(bom.loc("/n").col, 7);  // the byte-order mark is not a column
}

TEST(JsonSource, PointersEscapeSlashAndTilde) {
    JsonSource s = JsonSource::parse("{\"a/b\": {\"c~d\": 1}}", "f.json");
    EXPECT_TRUE(s.has("/a~1b/c~0d"));
    EXPECT_EQ(s.loc("/a~1b/c~0d").col, 17);
}

TEST(JsonSource, UnknownPointerFallsBackToItsNearestAncestor) {
    JsonSource s = JsonSource::parse("{\n\"a\": {\"b\": 1}}", "f.json");
    SourceLoc loc = s.loc("/a/missing");
    EXPECT_EQ(loc.line, 2);
    EXPECT_EQ(loc.col, 6);
    EXPECT_EQ(loc.pointer, "/a/missing");
}

TEST(JsonSource, LocationInsideAStringFollowsEscapes) {
    // decoded: "a\nbあc": 'c' is decoded byte 6, written after "\n" (2 chars) and "\u3042" (6 chars)
    JsonSource s = JsonSource::parse(R"({"t": "a\nb\u3042c"})", "f.json");
    EXPECT_EQ(s.loc_in_string("/t", 0).col, 8);
    EXPECT_EQ(s.loc_in_string("/t", 6).col, 18);
}

TEST(JsonSource, SyntaxErrorsAreLocated) {
    EXPECT_EQ(parse_error("{\n  \"a\": tru\n}"),
              "f.json:2:8: error: invalid JSON: syntax error while parsing value - invalid literal; "
              "last read: '\"a\": tru<U+000A>' (at /a)");
    EXPECT_EQ(parse_error("{\"a\": 1,}"),
              "f.json:1:9: error: invalid JSON: syntax error while parsing object key - unexpected '}'; "
              "expected string literal (at /a)");
    // A missing comma: the message points at the start of the token that came instead.
    EXPECT_EQ(parse_error("{\"a\": 1 \"bc\": 2}"),
              "f.json:1:9: error: invalid JSON: syntax error while parsing object - unexpected string literal; "
              "expected '}' (at /a)");
    EXPECT_EQ(parse_error(""), "f.json:1:1: error: invalid JSON: syntax error while parsing value - unexpected "
                               "end of input; expected '[', '{', or a literal");
}

TEST(JsonSource, InvalidUtf8IsALocatedErrorWithPrintableText) {
    std::string message = parse_error("{\"a\": \"ok\xC3(\"}");
    EXPECT_EQ(message.rfind("f.json:1:10: error: invalid JSON: syntax error while parsing value - invalid string: "
                            "ill-formed UTF-8 byte",
                            0),
              0u)
        << message;
    EXPECT_NE(message.find("\\xC3"), std::string::npos) << message;
    // A stray byte after a whole character: the stray byte, not the character before it.
    EXPECT_EQ(parse_error("{\"a\": \"\xE5\x8D\x83\xFF\"}").rfind("f.json:1:9: error: invalid JSON:", 0), 0u);
    EXPECT_EQ(sanitize_utf8("a\xFF" "b\xE3\x81\x82"), "a\\xFFbあ");
}

TEST(JsonSource, DeepNestingIsRefusedWithoutExhaustingTheStack) {
    std::string deep(100000, '[');
    EXPECT_EQ(parse_error(deep), "f.json:1:513: error: nesting deeper than 512 levels");
    EXPECT_EQ(parse_error("{\"a\":\n" + std::string(600, '[')), "f.json:2:512: error: nesting deeper than 512 levels");
    std::string fine = std::string(512, '[') + std::string(512, ']');
    EXPECT_NO_THROW(JsonSource::parse(fine, "f.json"));
}

TEST(JsonSource, NumbersOutOfRangeAreLocatedAtTheirStart) {
    EXPECT_EQ(parse_error("{\"a\":\n  1e999}"),
              "f.json:2:3: error: invalid JSON: number overflow parsing '1e999' (at /a)");
}

TEST(JsonSource, DuplicateMembersAreErrors) {
    EXPECT_EQ(parse_error("{\"a\": 1,\n \"a\": 2}"),
              "f.json:2:2: error: duplicate member 'a' (first given at line 1, column 2) (at /a)");
}

TEST(JsonSource, MissingFileIsBadInput) {
    try {
        JsonSource::read_file("/nonexistent/koho.json");
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadInput);
        EXPECT_EQ(std::string(error.what()),
                  "/nonexistent/koho.json: error: cannot open '/nonexistent/koho.json': no such readable file");
    }
}

}  // namespace
}  // namespace koho::model
