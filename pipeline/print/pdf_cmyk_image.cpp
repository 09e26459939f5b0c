// The CMYK pass: image XObjects, converted pixel by pixel.
//
// RGB images become DeviceCMYK through the converter's rgb_pixels, gray ones
// get the press's tone through gray_pixels and stay DeviceGray (K). A JPEG
// is decoded (qpdf reads DCT) and written again as a JPEG; anything else is
// stored Flate-compressed. Stencil masks (/ImageMask) are painted in the
// current colour and have no colours of their own; an image's /SMask is
// its alpha, not ink, and stays DeviceGray.
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>

#include <algorithm>
#include <cmath>

#include "core/fingerprint.h"
#include "print/converted_images.h"
#include "print/pdf_cmyk_jpeg.h"
#include "print/pdf_cmyk_pass.h"

namespace koho::print::detail {
namespace {

constexpr int kJpegQuality = 92;

std::string deflate(const std::string& data) {
    Pl_Buffer buffer("koho cmyk image");
    Pl_Flate flate("koho cmyk deflate", &buffer, Pl_Flate::a_deflate);
    flate.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    flate.finish();
    std::shared_ptr<Buffer> out = buffer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
}

bool is_dct(QPDFObjectHandle filter) {
    if (filter.isNameAndEquals("/DCTDecode") || filter.isNameAndEquals("/DCT"))
        return true;
    if (filter.isArray() && filter.getArrayNItems() > 0) {
        QPDFObjectHandle last = filter.getArrayItem(filter.getArrayNItems() - 1);
        return last.isNameAndEquals("/DCTDecode") || last.isNameAndEquals("/DCT");
    }
    return false;
}

// An indexed space's palette: a string or a stream.
std::string palette_bytes(QPDFObjectHandle lookup) {
    if (lookup.isString())
        return lookup.getStringValue();
    if (!lookup.isStream())
        return {};
    std::shared_ptr<Buffer> data = lookup.getStreamData(qpdf_dl_all);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// Gray by the luminosity weights, as a soft mask reads an RGB or CMYK group.
void luminance_pixels(Family family, const uint8_t* in, uint8_t* out, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        if (family == Family::Rgb) {
            const uint8_t* p = in + 3 * i;
            out[i] = static_cast<uint8_t>(std::lround(0.3 * p[0] + 0.59 * p[1] + 0.11 * p[2]));
        } else {
            const uint8_t* p = in + 4 * i;
            const double ink = std::min(255.0, 0.3 * p[0] + 0.59 * p[1] + 0.11 * p[2] + p[3]);
            out[i] = static_cast<uint8_t>(std::lround(255.0 - ink));
        }
    }
}

}  // namespace

// Everything the conversion of a non-indexed image depends on: the
// converter, the target, and the stream as written (raw bytes, filter and
// its parameters, size, bits, colour space). Empty when the converter has
// no identity (then nothing is kept).
std::string CmykPass::converted_image_key(QPDFObjectHandle image, Target target, Family family) const {
    const std::string identity = target == Target::Luminance ? std::string("luminance") : inks.pixel_identity();
    if (identity.empty()) return {};
    QPDFObjectHandle dict = image.getDict();
    std::shared_ptr<Buffer> raw = image.getRawStreamData();
    return identity + "|" + std::to_string(static_cast<int>(family)) + "|" + dict.getKey("/Width").unparse() + "x" +
           dict.getKey("/Height").unparse() + "|" + dict.getKey("/BitsPerComponent").unparse() + "|" +
           dict.getKey("/Filter").unparse() + "|" + dict.getKey("/DecodeParms").unparse() + "|" +
           content_fingerprint(std::string_view(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()));
}

QPDFObjectHandle CmykPass::convert_image(QPDFObjectHandle image, Target target, Findings& found) {
    QPDFObjectHandle dict = image.getDict();
    QPDFObjectHandle mask = dict.getKey("/ImageMask");
    if (mask.isBool() && mask.getBoolValue())
        return image;  // a stencil: painted in the current (converted) colour
    if (dict.getKey("/SMask").isStream())
        found.add("image with soft mask (alpha)");
    if (dict.hasKey("/SMaskInData") && dict.getKey("/SMaskInData").isInteger() &&
        dict.getKey("/SMaskInData").getIntValue() != 0)
        found.add("image with soft mask (alpha)");

    const auto key = std::make_pair(image.getObjGen(), target);
    if (image.isIndirect()) {
        auto done = done_.find(key);
        if (done != done_.end())
            return done->second;
    }

    // Claimed before it is read: an image converted for the other target
    // already has its original in a copy.
    QPDFObjectHandle original = image;
    image = claim(image, target);
    dict = image.getDict();
    QPDFObjectHandle space_object = dict.getKey("/ColorSpace");
    const bool indexed = space_object.isArray() && space_object.getArrayNItems() == 4 &&
                         space_object.getArrayItem(0).isNameAndEquals("/Indexed");
    const SpaceInfo space = classify_space(indexed ? space_object.getArrayItem(1) : space_object);
    if (space.family != Family::Gray && space.family != Family::Rgb && space.family != Family::Cmyk)
        fail("an image in colour space " + space.description + " cannot be converted");
    const bool unchanged = target == Target::Ink ? space.family == Family::Cmyk : space.family == Family::Gray;
    if (unchanged) {
        if (original.isIndirect())
            done_[key] = image;
        return image;
    }

    if (indexed) {
        // The palette is converted; the indices stay.
        QPDFObjectHandle lookup = space_object.getArrayItem(3);
        const std::string table = palette_bytes(lookup);
        QPDFObjectHandle hival = space_object.getArrayItem(2);
        const size_t entries = hival.isInteger() ? static_cast<size_t>(hival.getIntValue()) + 1 : 0;
        const size_t in_n = space.family == Family::Gray ? 1 : space.family == Family::Rgb ? 3 : 4;
        if (entries == 0 || table.size() < entries * in_n)
            fail("an indexed image's palette is shorter than its /HiVal says");
        std::string converted;
        std::string base;
        const auto* in = reinterpret_cast<const uint8_t*>(table.data());
        if (target == Target::Luminance) {
            converted.resize(entries);
            luminance_pixels(space.family, in, reinterpret_cast<uint8_t*>(converted.data()), entries);
            base = "/DeviceGray";
        } else if (space.family == Family::Rgb) {
            converted.resize(entries * 4);
            inks.rgb_pixels(in, reinterpret_cast<uint8_t*>(converted.data()), entries);
            base = "/DeviceCMYK";
        } else {
            converted.resize(entries);
            inks.gray_pixels(in, reinterpret_cast<uint8_t*>(converted.data()), entries);
            base = "/DeviceGray";
        }
        dict.replaceKey("/ColorSpace",
                        QPDFObjectHandle::newArray({QPDFObjectHandle::newName("/Indexed"),
                                                    QPDFObjectHandle::newName(base), hival,
                                                    QPDFObjectHandle::newString(converted)}));
    } else {
        QPDFObjectHandle bits = dict.getKey("/BitsPerComponent");
        if (!bits.isInteger() || bits.getIntValue() != 8)
            fail("an image with other than 8 bits per component cannot be converted");
        if (dict.hasKey("/Decode"))
            fail("an image with a /Decode array cannot be converted");
        QPDFObjectHandle w = dict.getKey("/Width");
        QPDFObjectHandle h = dict.getKey("/Height");
        if (!w.isInteger() || !h.isInteger() || w.getIntValue() < 1 || h.getIntValue() < 1)
            fail("an image without a valid /Width and /Height");
        const int width = w.getIntValueAsInt();
        const int height = h.getIntValueAsInt();
        const size_t count = static_cast<size_t>(width) * static_cast<size_t>(height);
        const size_t in_n = space.family == Family::Gray ? 1 : space.family == Family::Rgb ? 3 : 4;
        const bool jpeg = is_dct(dict.getKey("/Filter"));

        // The pixels through the converter, encoded again as they came
        // (JPEG stays JPEG, anything else is deflated).
        auto convert = [&] {
            std::shared_ptr<Buffer> data;
            try {
                data = image.getStreamData(qpdf_dl_all);
            } catch (const std::exception& e) {
                fail(std::string("an image cannot be decoded: ") + e.what());
            }
            if (data->getSize() < count * in_n)
                fail("an image has fewer pixels than its size says");
            const uint8_t* in = data->getBuffer();
            int out_n = 1;
            std::string pixels;
            if (target == Target::Luminance) {
                pixels.resize(count);
                luminance_pixels(space.family, in, reinterpret_cast<uint8_t*>(pixels.data()), count);
            } else if (space.family == Family::Rgb) {
                out_n = 4;
                pixels.resize(count * 4);
                inks.rgb_pixels(in, reinterpret_cast<uint8_t*>(pixels.data()), count);
            } else {
                pixels.resize(count);
                inks.gray_pixels(in, reinterpret_cast<uint8_t*>(pixels.data()), count);
            }
            return ConvertedImage{
                jpeg ? encode_jpeg(reinterpret_cast<const uint8_t*>(pixels.data()), width, height, out_n, kJpegQuality)
                     : deflate(pixels),
                jpeg, out_n};
        };
        // Converted before in this process (converted_images.h), or now.
        const std::string cache_key = converted_image_key(image, target, space.family);
        std::optional<ConvertedImage> converted;
        if (!cache_key.empty()) converted = find_converted_image(cache_key);
        if (!converted) {
            converted = convert();
            if (!cache_key.empty()) keep_converted_image(cache_key, *converted);
        }
        image.replaceStreamData(converted->data, QPDFObjectHandle::newName(converted->jpeg ? "/DCTDecode" : "/FlateDecode"),
                                QPDFObjectHandle::newNull());
        dict.replaceKey("/ColorSpace",
                        QPDFObjectHandle::newName(converted->components == 4 ? "/DeviceCMYK" : "/DeviceGray"));
    }
    ++result.images_converted;
    if (original.isIndirect())
        done_[key] = image;
    return image;
}

}  // namespace koho::print::detail
