// Images the CMYK pass already converted in this process, by what went in:
// the stream as Cairo wrote it (its bytes, filter, size, colour space), the
// target (ink or a soft mask's luminance) and the converter's pixel
// identity. `koho watch` re-renders a layout whose photos did not change,
// and a data merge prints the same photo on every record: each photo goes
// through lcms2 and the JPEG or Flate encoder once. Same bytes out as a
// conversion, so nothing about the PDF depends on whether it was cached.
#pragma once

#include <optional>
#include <string>

namespace koho::print {

struct ConvertedImage {
    std::string data;    // the new stream's bytes
    bool jpeg = false;   // /DCTDecode, else /FlateDecode
    int components = 4;  // 4: DeviceCMYK, 1: DeviceGray
};

// Thread-safe. The oldest entries go once the kept data passes 256 MB.
std::optional<ConvertedImage> find_converted_image(const std::string& key);
void keep_converted_image(const std::string& key, const ConvertedImage& image);

}  // namespace koho::print
