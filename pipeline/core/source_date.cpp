#include "core/source_date.h"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/diagnostic.h"

namespace koho {

std::optional<int64_t> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (value == nullptr || *value == '\0') return std::nullopt;
    int64_t seconds = 0;
    const char* end = value + std::strlen(value);
    auto [ptr, ec] = std::from_chars(value, end, seconds);
    // Four-digit years only: PDF dates have no room for more.
    if (ec != std::errc() || ptr != end || seconds < 0 || seconds > 253402300799) {
        fail_input({"SOURCE_DATE_EPOCH"}, std::string("'") + value +
                                              "' is not a whole number of seconds since 1970-01-01 (up to year 9999)");
    }
    return seconds;
}

}  // namespace koho
