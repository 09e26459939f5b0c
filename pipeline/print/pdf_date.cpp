#include "print/pdf_date.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/diagnostic.h"

namespace koho::print {
namespace {

struct CivilTime {
    int64_t year;
    int month, day, hour, minute, second;
};

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
// well-known civil_from_days algorithm), so no gmtime, locale or time zone.
CivilTime civil_time(int64_t epoch) {
    int64_t days = epoch / 86400;
    int64_t secs = epoch % 86400;
    if (secs < 0) {
        secs += 86400;
        days -= 1;
    }
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    CivilTime t;
    t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    t.year = yoe + era * 400 + (t.month <= 2 ? 1 : 0);
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>(secs / 60 % 60);
    t.second = static_cast<int>(secs % 60);
    return t;
}

}  // namespace

std::optional<int64_t> source_date_epoch_from_environment() {
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

std::string pdf_date(int64_t epoch_seconds) {
    const CivilTime t = civil_time(epoch_seconds);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "D:%04lld%02d%02d%02d%02d%02dZ",
                  static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second);
    return buffer;
}

std::string iso8601_date(int64_t epoch_seconds) {
    const CivilTime t = civil_time(epoch_seconds);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                  static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second);
    return buffer;
}

}  // namespace koho::print
