// Dates in the PDF come from SOURCE_DATE_EPOCH, never from the clock, so
// that the same inputs give the same bytes (reproducible-builds.org).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace koho::print {

// The value of SOURCE_DATE_EPOCH (whole seconds since 1970-01-01 UTC), or
// nullopt when it is unset or empty. Throws koho::Error (BadInput) when it
// is set to anything but a non-negative integer (core/source_date.h).
std::optional<int64_t> source_date_epoch_from_environment();

// "D:YYYYMMDDHHmmSSZ", the PDF date string (ISO 32000-1 §7.9.4), in UTC.
std::string pdf_date(int64_t epoch_seconds);

// "YYYY-MM-DDThh:mm:ssZ", the ISO 8601 form Cairo's metadata takes.
std::string iso8601_date(int64_t epoch_seconds);

}  // namespace koho::print
