#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace koho {
namespace {

TEST(Diagnostic, FullLocation) {
    Error error(ErrorKind::BadInput, {"layouts/a.json", 12, 7, "/pages/0/frames/1/src"},
                "image 'media/x.jpg' not found");
    EXPECT_EQ(error.formatted(),
              "layouts/a.json:12:7: error: image 'media/x.jpg' not found (at /pages/0/frames/1/src)");
    EXPECT_EQ(error.exit_code(), 2);
}

TEST(Diagnostic, PartialLocations) {
    EXPECT_EQ(format_diagnostic({"a.json"}, "error", "boom"), "a.json: error: boom");
    EXPECT_EQ(format_diagnostic({}, "warning", "boom"), "warning: boom");
    Error failure(ErrorKind::Failure, {"out.pdf"}, "disk full");
    EXPECT_EQ(failure.exit_code(), 1);
}

TEST(Diagnostic, FailInputThrowsBadInput) {
    try {
        fail_input({"f.json", 1, 2, ""}, "bad");
        FAIL() << "fail_input returned";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().col, 2);
    }
}

}  // namespace
}  // namespace koho
