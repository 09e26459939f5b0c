#include "core/units.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace koho {
namespace {

struct UnitName {
    std::string_view suffix;
    Unit unit;
};

// Longest suffixes first so that "mm" is not read as "m" + garbage.
constexpr UnitName kUnits[] = {
    {"mm", Unit::Millimetre}, {"pt", Unit::Point}, {"px", Unit::Pixel},
    {"em", Unit::Em},         {"Q", Unit::Q},      {"H", Unit::H},
    {"%", Unit::Percent},
};

std::optional<double> parse_plain_number(std::string_view digits) {
    if (digits.empty()) return std::nullopt;
    // from_chars rejects a leading '+'; a length never needs one.
    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

}  // namespace

std::optional<Length> parse_length(std::string_view text, std::string* why) {
    for (const auto& u : kUnits) {
        if (text.size() > u.suffix.size() && text.substr(text.size() - u.suffix.size()) == u.suffix) {
            auto number = parse_plain_number(text.substr(0, text.size() - u.suffix.size()));
            if (!number) {
                if (why) *why = "'" + std::string(text) + "' is not a length: the number before '" +
                                std::string(u.suffix) + "' is not valid";
                return std::nullopt;
            }
            return Length{*number, u.unit};
        }
    }
    if (why) {
        if (parse_plain_number(text))
            *why = "'" + std::string(text) + "' has no unit; write it with one of mm, pt, px, Q, H, em, %";
        else
            *why = "'" + std::string(text) + "' is not a length; use a number with one of the units mm, pt, px, Q, H, em, %";
    }
    return std::nullopt;
}

double to_pt(const Length& length, const LengthContext& context) {
    switch (length.unit) {
        case Unit::Millimetre: return length.value * kPtPerMm;
        case Unit::Point: return length.value;
        case Unit::Pixel: return length.value * context.px_pt;
        case Unit::Q:
        case Unit::H: return length.value * kPtPerQ;
        case Unit::Em: return length.value * context.em_pt;
        case Unit::Percent: return length.value / 100.0 * context.percent_base_pt;
    }
    return 0;
}

std::optional<double> parse_duration(std::string_view text, double fps, std::string* why) {
    auto fail = [&](const std::string& reason) -> std::optional<double> {
        if (why) *why = reason;
        return std::nullopt;
    };
    std::string_view digits;
    double scale = 1;
    if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
        digits = text.substr(0, text.size() - 2);
        scale = 0.001;
    } else if (text.size() > 1 && text.back() == 's') {
        digits = text.substr(0, text.size() - 1);
    } else if (text.size() > 1 && text.back() == 'f') {
        if (fps <= 0) return fail("'" + std::string(text) + "' counts frames but no fps is known");
        digits = text.substr(0, text.size() - 1);
        scale = 1.0 / fps;
    } else {
        return fail("'" + std::string(text) + "' is not a duration; write e.g. \"2.5s\", \"500ms\" or \"15f\"");
    }
    auto number = parse_plain_number(digits);
    if (!number) return fail("'" + std::string(text) + "' is not a duration: the number is not valid");
    if (*number < 0) return fail("'" + std::string(text) + "' is negative; durations are zero or more");
    return *number * scale;
}

std::string format_number(double value, int max_decimals) {
    if (!std::isfinite(value)) value = 0;
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                   std::chars_format::fixed, max_decimals);
    std::string out(buffer, ec == std::errc() ? end : buffer);
    if (out.find('.') != std::string::npos) {
        while (!out.empty() && out.back() == '0') out.pop_back();
        if (!out.empty() && out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

}  // namespace koho
