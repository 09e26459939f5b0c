// What `koho --version` prints: koho's version on the first line, then the
// versions of the libraries that decide what its PDFs and videos look like
// (a proof that differs between two machines often differs here).
#pragma once

#include <string>

namespace koho::cli {

std::string version_text();

}  // namespace koho::cli
