// content_fingerprint (core/fingerprint.h): the same bytes, the same text;
// a changed byte or length, another.
#include <gtest/gtest.h>

#include <string>

#include "core/fingerprint.h"

namespace koho {
namespace {

TEST(ContentFingerprint, DiffersByContentAndLength) {
    EXPECT_EQ(content_fingerprint("abc"), content_fingerprint("abc"));
    EXPECT_NE(content_fingerprint("abc"), content_fingerprint("abd"));
    EXPECT_NE(content_fingerprint(std::string("a\0", 2)), content_fingerprint("a"));
    EXPECT_EQ(content_fingerprint(""), "0:cbf29ce484222325");  // FNV-1a's offset basis: nothing hashed
    EXPECT_EQ(content_fingerprint("a"), "1:af63dc4c8601ec8c");  // FNV-1a 64 of "a", as published
}

}  // namespace
}  // namespace koho
