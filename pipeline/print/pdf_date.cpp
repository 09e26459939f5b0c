#include "print/pdf_date.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/diagnostic.h"
#include "core/source_date.h"

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

std::optional<int64_t> source_date_epoch_from_environment() { return source_date_epoch(); }

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
