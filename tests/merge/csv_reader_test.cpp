// The data-merge CSV reader (model/csv_reader.h): RFC 4180 fields, what
// spreadsheets add (CRLF, a BOM, blank lines), and a located error for
// each kind of malformed input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/csv_reader.h"

namespace koho::model {
namespace {

std::vector<std::vector<std::string>> texts(const std::vector<CsvRow>& rows) {
    std::vector<std::vector<std::string>> out;
    for (const CsvRow& row : rows) {
        out.emplace_back();
        for (const CsvField& field : row.fields) out.back().push_back(field.text);
    }
    return out;
}

std::string error_of(const std::string& text) {
    try {
        parse_csv(text, "data/s.csv");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        return e.what();
    }
    return "no error";
}

using Table = std::vector<std::vector<std::string>>;

TEST(CsvReader, PlainRowsWithAndWithoutAFinalNewline) {
    EXPECT_EQ(texts(parse_csv("id,venue\n1,千葉\n", "s.csv")), (Table{{"id", "venue"}, {"1", "千葉"}}));
    EXPECT_EQ(texts(parse_csv("id,venue\n1,千葉", "s.csv")), (Table{{"id", "venue"}, {"1", "千葉"}}));
}

TEST(CsvReader, QuotedFieldsHoldCommasLineBreaksAndDoubledQuotes) {
    const auto rows = parse_csv("a,b,c\n\"x, y\",\"line 1\nline 2\",\"say \"\"hi\"\"\"\n", "s.csv");
    EXPECT_EQ(texts(rows), (Table{{"a", "b", "c"}, {"x, y", "line 1\nline 2", "say \"hi\""}}));
}

TEST(CsvReader, EmptyFieldsQuotedOrNotAndATrailingComma) {
    EXPECT_EQ(texts(parse_csv("a,b,c\n,\"\",\n", "s.csv")), (Table{{"a", "b", "c"}, {"", "", ""}}));
}

TEST(CsvReader, CrlfEndsRowsAndIsOneNewlineInsideQuotes) {
    const auto rows = parse_csv("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", "s.csv");
    EXPECT_EQ(texts(rows), (Table{{"a", "b"}, {"1", "x\ny"}, {"2", "z"}}));
    // The row after a two-line field starts on line 4.
    EXPECT_EQ(rows[2].line, 4);
}

TEST(CsvReader, AByteOrderMarkIsSkippedAndColumnsCountFromAfterIt) {
    const auto rows = parse_csv("\xEF\xBB\xBFid,venue\n1,2\n", "s.csv");
    EXPECT_EQ(texts(rows), (Table{{"id", "venue"}, {"1", "2"}}));
    EXPECT_EQ(rows[0].fields[0].col, 1);
}

TEST(CsvReader, BlankLinesAreNotRows) {
    const auto rows = parse_csv("a\n\n1\r\n\r\n2\n\n", "s.csv");
    EXPECT_EQ(texts(rows), (Table{{"a"}, {"1"}, {"2"}}));
    EXPECT_EQ(rows[1].line, 3);
    EXPECT_EQ(rows[2].line, 5);
}

TEST(CsvReader, FieldPositionsCountCharactersNotBytes) {
    const auto rows = parse_csv("会場,日付\n千葉市,\"5月\"\n", "s.csv");
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[1].fields[1].line, 2);
    EXPECT_EQ(rows[1].fields[1].col, 5);  // 千葉市 is three characters, then the comma
}

TEST(CsvReader, RaggedRowsAreReturnedForTheCallerToJudge) {
    EXPECT_EQ(texts(parse_csv("a,b\n1\n1,2,3\n", "s.csv")), (Table{{"a", "b"}, {"1"}, {"1", "2", "3"}}));
}

TEST(CsvReader, AnUnclosedQuoteIsLocatedAtItsOpening) {
    EXPECT_EQ(error_of("a,b\n1,\"open\n2,3\n"),
              "data/s.csv:2:3: error: a quoted field is never closed (a '\"' is missing)");
}

TEST(CsvReader, AQuoteInsideAnUnquotedField) {
    EXPECT_EQ(error_of("a,b\n1,5\"\n"),
              "data/s.csv:2:4: error: a quote inside an unquoted field; put the whole field in quotes and write "
              "the quote twice (\"\")");
}

TEST(CsvReader, TextAfterAClosingQuote) {
    EXPECT_EQ(error_of("a,b\n\"x\"y,2\n"),
              "data/s.csv:2:4: error: after a closing quote comes a comma or the end of the line; a quote inside a "
              "quoted field is written twice (\"\")");
}

TEST(CsvReader, ALoneCarriageReturn) {
    EXPECT_EQ(error_of("a,b\n1,2\r3\n"), "data/s.csv:2:4: error: a carriage return that does not end a line");
}

TEST(CsvReader, ShiftJisIsNotUtf8AndTheMessageSaysHowToSaveIt) {
    // 千葉 in Shift_JIS, as an older Excel saves "CSV".
    EXPECT_EQ(error_of("id,venue\n1,\x90\xe7\x97\x74\n"),
              "data/s.csv:2:3: error: the data file is not UTF-8 text (byte 0x90); save it as UTF-8 (in Excel: "
              "\"CSV UTF-8\")");
}

TEST(CsvReader, OverlongAndSurrogateEncodingsAreNotUtf8) {
    EXPECT_NE(error_of("a\n\xC0\xAF\n").find("data/s.csv:2:1: error: the data file is not UTF-8"), std::string::npos);
    EXPECT_NE(error_of("a\n\xED\xA0\x80\n").find("data/s.csv:2:1: error: the data file is not UTF-8"),
              std::string::npos);
    EXPECT_NE(error_of("a\nok,\xF0\x9F\n").find("data/s.csv:2:4: error: the data file is not UTF-8"),
              std::string::npos);
}

TEST(CsvReader, EmptyInputHasNoRows) {
    EXPECT_TRUE(parse_csv("", "s.csv").empty());
    EXPECT_TRUE(parse_csv("\xEF\xBB\xBF", "s.csv").empty());
}

}  // namespace
}  // namespace koho::model
