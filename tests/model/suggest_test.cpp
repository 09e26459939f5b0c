#include "model/suggest.h"

#include <gtest/gtest.h>

namespace koho::model {
namespace {

TEST(Suggest, EditDistanceCountsCharactersAndSwaps) {
    EXPECT_EQ(edit_distance("size", "size"), 0u);
    EXPECT_EQ(edit_distance("sise", "size"), 1u);
    EXPECT_EQ(edit_distance("szie", "size"), 1u);  // adjacent swap
    EXPECT_EQ(edit_distance("見出し", "見出"), 1u);  // one kanji, not three bytes
    EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(Suggest, OffersOnlyCloseCandidates) {
    std::vector<std::string> keys = {"size", "leading", "align", "align_last"};
    EXPECT_EQ(did_you_mean("leadin", keys), "; did you mean 'leading'?");
    EXPECT_EQ(did_you_mean("aligne", keys), "; did you mean 'align'?");
    EXPECT_EQ(did_you_mean("colour", keys), "");
    EXPECT_EQ(closest_match("A4", {"a4"}), "a4");  // case only
}

}  // namespace
}  // namespace koho::model
