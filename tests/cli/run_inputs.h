// What the CLI tests run the real koho with: the fonts koho ships, their
// data directory, and one fixed SOURCE_DATE_EPOCH so dated outputs compare.
#pragma once

#include <string>

namespace koho::test {

inline const std::string kFonts = std::string(KOHO_SOURCE_DIR) + "/fonts";
// Relative: the tests run from the repository root, as a user would.
inline const std::string kData = "tests/cli/data";
// An environment entry for run_koho / ChildOptions.
inline const std::string kEpoch = "SOURCE_DATE_EPOCH=1700000000";

}  // namespace koho::test
