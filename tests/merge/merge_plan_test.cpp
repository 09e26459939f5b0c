// The data-merge plan (model/merge_plan.h): records from CSV and JSON,
// output names from the template, and every fault of the whole run —
// collisions, escapes, unknown names — found before anything renders,
// while a record that is wrong on its own becomes a job with its error.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/merge_plan.h"

namespace koho::model {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kEndings = {".pdf", ".png", ".jpg", ".jpeg"};

class MergePlanTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("koho-merge-plan-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_ / "data");
    }
    void TearDown() override { fs::remove_all(root_); }

    void data(const std::string& name, const std::string& text) const {
        std::ofstream(root_ / "data" / name, std::ios::binary) << text;
    }
    // A layout's merge keys (and vars) on lines 2 and 3, so that positions
    // in the messages are easy to read.
    static JsonSource layout(const std::string& data, const std::string& output,
                             const std::string& vars = R"({"year": "2027"})") {
        return JsonSource::parse("{\"type\": \"print\",\n\"data\": \"" + data + "\",\n\"output\": \"" + output +
                                     "\",\n\"vars\": " + vars + "}",
                                 "l.json");
    }
    MergePlan plan(const JsonSource& source) const {
        const std::optional<MergeSpec> spec = read_merge_spec(source);
        EXPECT_TRUE(spec.has_value());
        return plan_merge(source, *spec, root_, kEndings);
    }
    std::string error_of(const JsonSource& source) const {
        try {
            plan(source);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            return e.what();
        }
        return "no error";
    }

    fs::path root_;
};

TEST_F(MergePlanTest, CsvRecordsBecomeJobsWithNamesAndVariables) {
    data("s.csv", "id,venue\nchiba,千葉会場\nonline,オンライン\n");
    const MergePlan p = plan(layout("data/s.csv", "flyer-{{id}}-{{year}}.pdf"));
    ASSERT_EQ(p.jobs.size(), 2u);
    EXPECT_EQ(p.fields, (std::vector<std::string>{"id", "venue"}));
    EXPECT_EQ(p.jobs[0].record, 1u);
    EXPECT_EQ(p.jobs[0].output, "flyer-chiba-2027.pdf");
    EXPECT_EQ(p.jobs[1].output, "flyer-online-2027.pdf");
    EXPECT_EQ(p.jobs[1].vars.at("venue"), "オンライン");
    EXPECT_EQ(p.jobs[1].vars.at("year"), "2027");  // "vars" are there too
    EXPECT_EQ(p.jobs[1].where.file, "data/s.csv");
    EXPECT_EQ(p.jobs[1].where.line, 3);
    EXPECT_EQ(p.data_file, fs::canonical(root_ / "data/s.csv"));
}

TEST_F(MergePlanTest, JsonRecordsTakeStringsAndNumbersAsWritten) {
    data("s.json", "[\n {\"id\": \"a\", \"seats\": 40, \"ratio\": 2.5},\n {\"id\": \"b\", \"seats\": 12}\n]");
    const MergePlan p = plan(layout("data/s.json", "{{id}}.png"));
    ASSERT_EQ(p.jobs.size(), 2u);
    EXPECT_EQ(p.jobs[0].vars.at("seats"), "40");
    EXPECT_EQ(p.jobs[0].vars.at("ratio"), "2.5");
    EXPECT_EQ(p.jobs[1].output, "b.png");
    EXPECT_EQ(p.jobs[1].where.line, 3);
    EXPECT_EQ(p.jobs[1].where.pointer, "/1");
    EXPECT_EQ(p.fields, (std::vector<std::string>{"id", "seats", "ratio"}));
}

TEST_F(MergePlanTest, ARaggedRowIsOneBadRecordAndTheOthersStay) {
    data("s.csv", "id,venue\na,x\nb\nc,z,extra\nd,w\n");
    const MergePlan p = plan(layout("data/s.csv", "{{id}}.pdf"));
    ASSERT_EQ(p.jobs.size(), 4u);
    EXPECT_FALSE(p.jobs[0].error);
    ASSERT_TRUE(p.jobs[1].error);
    EXPECT_STREQ(p.jobs[1].error->what(), "data/s.csv:3:1: error: record 2 has 1 field; the header has 2");
    ASSERT_TRUE(p.jobs[2].error);
    EXPECT_STREQ(p.jobs[2].error->what(), "data/s.csv:4:5: error: record 3 has 3 fields; the header has 2");
    EXPECT_EQ(p.jobs[3].output, "d.pdf");
}

TEST_F(MergePlanTest, AJsonRecordWithANestedValueIsOneBadRecord) {
    data("s.json", "[{\"id\": \"a\"},\n {\"id\": \"b\", \"venue\": {\"name\": \"x\"}},\n \"c\"]");
    const MergePlan p = plan(layout("data/s.json", "{{id}}.pdf"));
    ASSERT_EQ(p.jobs.size(), 3u);
    EXPECT_FALSE(p.jobs[0].error);
    ASSERT_TRUE(p.jobs[1].error);
    EXPECT_STREQ(p.jobs[1].error->what(),
                 "data/s.json:2:23: error: field 'venue' of record 2 must be a string or a number, not an object "
                 "(at /1/venue)");
    ASSERT_TRUE(p.jobs[2].error);
    EXPECT_STREQ(p.jobs[2].error->what(), "data/s.json:3:2: error: record 3 must be an object, not a string (at /2)");
}

TEST_F(MergePlanTest, TwoRecordsWithOneOutputNameStopTheRun) {
    data("s.csv", "id,venue\nchiba,a\nkashiwa,b\nchiba,c\n");
    EXPECT_EQ(error_of(layout("data/s.csv", "flyer-{{id}}.pdf")),
              "data/s.csv:4: error: record 3 would be written to 'flyer-chiba.pdf', as record 1 (line 2) is; "
              "\"output\" must give every record its own name");
}

TEST_F(MergePlanTest, AFieldValueCannotMakeAPathOfTheName) {
    data("s.csv", "id,date\nchiba,2027/05/12\n");
    EXPECT_EQ(error_of(layout("data/s.csv", "flyer-{{date}}.pdf")),
              "data/s.csv:2:7: error: field 'date' of record 1 puts '/' into the output name; a file name comes "
              "from a field only as one name");
    data("t.csv", "id\n..\n");
    EXPECT_EQ(error_of(layout("data/t.csv", "x/{{id}}/y.pdf")),
              "l.json:3:11: error: record 1's output name 'x/../y.pdf' leaves the output directory or has an "
              "empty part; names stay inside it (at /output)");
}

TEST_F(MergePlanTest, TemplatesThatLeaveTheOutputDirectoryAreRefused) {
    data("s.csv", "id\na\n");
    EXPECT_EQ(error_of(layout("data/s.csv", "../{{id}}.pdf")),
              "l.json:3:11: error: record 1's output name '../a.pdf' leaves the output directory or has an empty "
              "part; names stay inside it (at /output)");
    EXPECT_EQ(error_of(layout("data/s.csv", "/tmp/{{id}}.pdf")),
              "l.json:3:11: error: record 1's output name '/tmp/a.pdf' is not a file name inside the output "
              "directory (at /output)");
    // A folder written in the template itself is allowed.
    EXPECT_EQ(plan(layout("data/s.csv", "2027/{{id}}.pdf")).jobs[0].output, "2027/a.pdf");
}

TEST_F(MergePlanTest, TheNameMustEndInAFormatTheCommandWrites) {
    data("s.csv", "id\na\n");
    EXPECT_EQ(error_of(layout("data/s.csv", "{{id}}.svg")),
              "l.json:3:11: error: record 1's output name 'a.svg' must end in .pdf, .png, .jpg or .jpeg (at /output)");
}

TEST_F(MergePlanTest, AnUnknownVariableInTheTemplateIsLocatedInIt) {
    data("s.csv", "id,venue\na,b\n");
    EXPECT_EQ(error_of(layout("data/s.csv", "flyer-{{venu}}.pdf")),
              "l.json:3:18: error: unknown variable '{{venu}}' in \"output\"; did you mean 'venue'? (neither a "
              "field of the data nor in \"vars\") (at /output)");
}

TEST_F(MergePlanTest, AJsonRecordWithoutTheFieldTheNameUsesIsNamed) {
    data("s.json", "[{\"id\": \"a\"},\n {\"venue\": \"b\"}]");
    EXPECT_EQ(error_of(layout("data/s.json", "{{id}}.pdf")),
              "data/s.json:2:2: error: record 2 has no field 'id', which \"output\" names (at /1)");
}

TEST_F(MergePlanTest, AFieldThatIsAlsoInVarsIsAnError) {
    data("s.csv", "id,year\na,2028\n");
    EXPECT_EQ(error_of(layout("data/s.csv", "{{id}}.pdf")),
              "l.json:4:10: error: \"year\" in \"vars\" is also a field of data/s.csv; a record's fields and "
              "\"vars\" must not share a name (at /vars/year)");
}

TEST_F(MergePlanTest, HeaderFaults) {
    data("dup.csv", "id,venue,id\na,b,c\n");
    EXPECT_EQ(error_of(layout("data/dup.csv", "{{id}}.pdf")),
              "data/dup.csv:1:10: error: the header names field 'id' twice (fields 1 and 3)");
    data("blank.csv", "id,,venue\na,b,c\n");
    EXPECT_EQ(error_of(layout("data/blank.csv", "{{id}}.pdf")),
              "data/blank.csv:1:4: error: field 2 of the header row has no name");
    data("late.csv", "id,page\na,1\n");
    EXPECT_EQ(error_of(layout("data/late.csv", "{{id}}.pdf")),
              "data/late.csv:1:4: error: field 'page' is reserved: {{page}} is filled in when pages are composed; "
              "rename the field");
    data("header-only.csv", "id\n");
    EXPECT_EQ(error_of(layout("data/header-only.csv", "{{id}}.pdf")),
              "data/header-only.csv: error: the data file has no records");
}

TEST_F(MergePlanTest, TheDataFileResolvesInsideTheRoot) {
    EXPECT_EQ(error_of(layout("data/missing.csv", "{{id}}.pdf")).rfind("l.json:2:9: error: ", 0), 0u);
    EXPECT_NE(error_of(layout("../outside.csv", "{{id}}.pdf")).find("l.json:2:9: error: "), std::string::npos);
    EXPECT_EQ(error_of(layout("data/s.txt", "{{id}}.pdf")), "l.json:2:9: error: \"data\" names a .csv or a .json file (at /data)");
}

TEST_F(MergePlanTest, DataAndOutputComeTogether) {
    try {
        read_merge_spec(JsonSource::parse("{\"type\": \"print\", \"data\": \"data/s.csv\"}", "l.json"));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "l.json:1:19: error: \"data\" needs \"output\": each record's file name, e.g. "
                               "\"flyer-{{id}}.pdf\" (at /data)");
    }
    EXPECT_FALSE(read_merge_spec(JsonSource::parse("{\"type\": \"print\"}", "l.json")).has_value());
}

TEST(RecordSelection, NumbersRangesAndLists) {
    EXPECT_EQ(parse_record_selection("3", 9, {"--records"}), (std::vector<size_t>{3}));
    EXPECT_EQ(parse_record_selection("2-4", 9, {"--records"}), (std::vector<size_t>{2, 3, 4}));
    EXPECT_EQ(parse_record_selection("7,1-2,2", 9, {"--records"}), (std::vector<size_t>{1, 2, 7}));
}

TEST(RecordSelection, FaultsNameTheOption) {
    auto error_of = [](const std::string& text) -> std::string {
        try {
            parse_record_selection(text, 9, {"--records"});
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    };
    EXPECT_EQ(error_of("10"), "--records: error: record 10 does not exist; the data has 9 records");
    EXPECT_EQ(error_of("0"), "--records: error: record 0 does not exist; the data has 9 records");
    EXPECT_EQ(error_of("4-2"), "--records: error: '4-2' counts backwards; write 2-4");
    EXPECT_EQ(error_of("a"), "--records: error: 'a' is not a list of record numbers such as 3, 2-5 or 1,4-6");
    EXPECT_EQ(error_of("1,"), "--records: error: '1,' is not a list of record numbers such as 3, 2-5 or 1,4-6");
    EXPECT_EQ(error_of(""), "--records: error: '' is not a list of record numbers such as 3, 2-5 or 1,4-6");
}

}  // namespace
}  // namespace koho::model
