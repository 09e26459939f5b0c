// Lengths and durations as layouts write them: strings with a unit.
//
// A bare number is never a length (FORMAT.md): "12" is an error, "12pt" is
// not. Parsing is locale-independent (std::from_chars), so "3,5mm" is
// rejected everywhere and "3.5mm" accepted everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace koho {

enum class Unit { Millimetre, Point, Pixel, Q, H, Em, Percent };

struct Length {
    double value = 0;
    Unit unit = Unit::Point;
};

// What relative units mean where a length is used.
struct LengthContext {
    double em_pt = 10;            // the current font size
    double percent_base_pt = 0;   // the size of the parent box along this axis
    double px_pt = 0.75;          // print: CSS pixel (1/96 in); video: 1 pixel
};

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kPtPerQ = 0.25 * kPtPerMm;  // Q and H are both 0.25 mm

// Parses "12mm", "-3mm", "13Q", "22H", "1.5em", "50%", "10pt", "320px".
// Returns nullopt with *why set to a user-facing reason on failure.
std::optional<Length> parse_length(std::string_view text, std::string* why);

double to_pt(const Length& length, const LengthContext& context);

// "2.5s", "500ms", "15f" (frames, needs fps). Result in seconds.
std::optional<double> parse_duration(std::string_view text, double fps, std::string* why);

// Locale-independent shortest round-trip formatting for PDF, JSON and text.
std::string format_number(double value, int max_decimals = 4);

}  // namespace koho
