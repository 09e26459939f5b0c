// SOURCE_DATE_EPOCH (reproducible-builds.org): the one date koho writes
// into its outputs — PDF and XMP dates, the MP4's creation time — so that
// the same inputs give the same bytes. Never the clock.
#pragma once

#include <cstdint>
#include <optional>

namespace koho {

// The value of SOURCE_DATE_EPOCH (whole seconds since 1970-01-01 UTC), or
// nullopt when it is unset or empty. Throws koho::Error (BadInput, located
// at "SOURCE_DATE_EPOCH") when it is set to anything but a non-negative
// integer up to the end of year 9999 — the same rule for every output.
std::optional<int64_t> source_date_epoch();

}  // namespace koho
