#include "print/pdf_date.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "core/diagnostic.h"

namespace koho::print {
namespace {

TEST(PdfDate, EpochZeroIsNewYear1970) {
    EXPECT_EQ(pdf_date(0), "D:19700101000000Z");
    EXPECT_EQ(iso8601_date(0), "1970-01-01T00:00:00Z");
}

TEST(PdfDate, KnownInstants) {
    EXPECT_EQ(pdf_date(1700000000), "D:20231114221320Z");
    EXPECT_EQ(iso8601_date(1700000000), "2023-11-14T22:13:20Z");
    EXPECT_EQ(pdf_date(951782400), "D:20000229000000Z");  // a leap day
    EXPECT_EQ(pdf_date(4102444799), "D:20991231235959Z");
    EXPECT_EQ(pdf_date(4107542399), "D:21000228235959Z");  // 2100 is no leap year
}

class SourceDateEpoch : public ::testing::Test {
protected:
    void TearDown() override { unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_F(SourceDateEpoch, UnsetOrEmptyMeansNoDate) {
    unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_FALSE(source_date_epoch_from_environment().has_value());
    setenv("SOURCE_DATE_EPOCH", "", 1);
    EXPECT_FALSE(source_date_epoch_from_environment().has_value());
}

TEST_F(SourceDateEpoch, ReadsWholeSeconds) {
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    EXPECT_EQ(source_date_epoch_from_environment(), 1700000000);
}

TEST_F(SourceDateEpoch, RefusesAnythingElseAsBadInput) {
    for (const char* bad : {"12abc", "-5", "1.5", " 12", "99999999999999"}) {
        setenv("SOURCE_DATE_EPOCH", bad, 1);
        try {
            source_date_epoch_from_environment();
            ADD_FAILURE() << bad << " was accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.loc().file, "SOURCE_DATE_EPOCH");
            EXPECT_EQ(e.message(), std::string("'") + bad +
                                       "' is not a whole number of seconds since 1970-01-01 (up to year 9999)");
        }
    }
}

}  // namespace
}  // namespace koho::print
