// Base64 (RFC 4648, with padding, no line breaks) for data: URIs in the
// self-contained HTML reports.
#pragma once

#include <string>
#include <string_view>

namespace koho::proof {

std::string base64_encode(std::string_view bytes);

}  // namespace koho::proof
