// JPEG encoding for the CMYK pass: a DCT image stays DCT after conversion.
#pragma once

#include <cstdint>
#include <string>

namespace koho::print::detail {

// Encodes `components` (1: gray, 4: CMYK) interleaved 8-bit samples per
// pixel as a baseline JPEG without chroma subsampling. CMYK is stored as
// PDF reads it (0 = no ink) with an Adobe APP14 marker saying "no colour
// transform", so no /Decode array is needed. Throws koho::Error on failure.
std::string encode_jpeg(const uint8_t* pixels, int width, int height, int components, int quality);

}  // namespace koho::print::detail
