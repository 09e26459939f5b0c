// The CMYK pass on images: pixels decoded with qpdf and libjpeg and
// compared to what the test converter makes of the originals; a JPEG
// rendered by poppler next to a vector fill of the same CMYK.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "print/cmyk_fixtures.h"
#include "print/cmyk_reader.h"
#include "print/test_support.h"

namespace koho::test {
namespace {

// Image XObjects of the first page by resource name (form XObjects' too).
std::map<std::string, QPDFObjectHandle> page_images(QPDF& pdf) {
    std::map<std::string, QPDFObjectHandle> out;
    QPDFObjectHandle page = pdf.getAllPages()[0];
    QPDFObjectHandle xobjects = page.getKey("/Resources").getKey("/XObject");
    for (const std::string& name : xobjects.getKeys()) {
        QPDFObjectHandle x = xobjects.getKey(name);
        if (x.getDict().getKey("/Subtype").isNameAndEquals("/Image"))
            out[name] = x;
    }
    return out;
}

struct Jpeg {
    int width = 0, height = 0, components = 0;
    bool adobe = false;
    std::vector<uint8_t> pixels;
};

Jpeg decode_jpeg(const std::string& bytes) {
    jpeg_decompress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    jpeg_read_header(&info, TRUE);
    jpeg_start_decompress(&info);
    Jpeg out;
    out.width = static_cast<int>(info.output_width);
    out.height = static_cast<int>(info.output_height);
    out.components = info.output_components;
    out.adobe = info.saw_Adobe_marker;
    out.pixels.resize(static_cast<size_t>(out.width) * out.height * out.components);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = out.pixels.data() + static_cast<size_t>(info.output_scanline) * out.width * out.components;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return out;
}

TEST(PdfCmykImages, RgbImagesBecomeDeviceCmykPixelForPixel) {
    static CairoSurface alpha = solid_surface(4, 4, 0x80, 0x20, 0x40, 0x80);
    static CairoSurface opaque = solid_surface(4, 3, 0x20, 0x40, 0x60);
    static CairoSurface neutral = solid_surface(2, 2, 0x30, 0x30, 0x30);
    const std::string input = cairo_pdf({[](cairo_t* cr) {
        cairo_set_source_surface(cr, alpha.get(), 0, 0);
        cairo_paint(cr);
        cairo_set_source_surface(cr, opaque.get(), 20, 0);
        cairo_paint(cr);
        cairo_set_source_surface(cr, neutral.get(), 40, 0);
        cairo_paint(cr);
    }});
    QPDF before;
    before.processMemoryFile("in", input.data(), input.size());
    std::map<std::string, QPDFObjectHandle> originals = page_images(before);
    ASSERT_EQ(originals.size(), 3u);

    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    EXPECT_EQ(out.result.images_converted, 3);
    QPDF after;
    after.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::map<std::string, QPDFObjectHandle> converted = page_images(after);
    ASSERT_EQ(converted.size(), 3u);
    int gray_images = 0;
    for (auto& [name, image] : converted) {
        QPDFObjectHandle dict = image.getDict();
        EXPECT_TRUE(dict.getKey("/Filter").isNameAndEquals("/FlateDecode")) << name;
        const std::string in = stream_bytes(originals[name]);
        const std::string pixels = stream_bytes(image);
        std::string want;
        if (originals[name].getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceGray")) {
            // Cairo writes an image whose pixels are all neutral as gray.
            ++gray_images;
            EXPECT_TRUE(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceGray")) << name;
            want.resize(in.size());
            inks.gray_pixels(reinterpret_cast<const uint8_t*>(in.data()), reinterpret_cast<uint8_t*>(want.data()),
                             in.size());
        } else {
            EXPECT_TRUE(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK")) << name;
            want.resize(in.size() / 3 * 4);
            inks.rgb_pixels(reinterpret_cast<const uint8_t*>(in.data()), reinterpret_cast<uint8_t*>(want.data()),
                            in.size() / 3);
        }
        EXPECT_EQ(pixels, want) << name;
        // The alpha stays a DeviceGray soft mask, byte for byte.
        QPDFObjectHandle smask = dict.getKey("/SMask");
        if (smask.isStream()) {
            EXPECT_TRUE(smask.getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceGray"));
            EXPECT_EQ(stream_bytes(smask), stream_bytes(originals[name].getDict().getKey("/SMask")));
        }
    }
    EXPECT_EQ(gray_images, 1);
}

TEST(PdfCmykImages, AJpegStaysAJpegInCmyk) {
    static const std::string jpeg = solid_jpeg(16, 16, 200, 50, 30);
    static CairoSurface photo = jpeg_surface(jpeg, 16, 16);
    TestInks inks;
    // The converter's CMYK for this colour, also painted as a vector fill
    // for poppler to render next to the photo.
    const print::InkChoice ink = inks.vector_rgb(200 / 255.0, 50 / 255.0, 30 / 255.0);
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       cairo_save(cr);
                                       cairo_scale(cr, 4, 4);
                                       cairo_set_source_surface(cr, photo.get(), 0, 0);
                                       cairo_paint(cr);
                                       cairo_restore(cr);
                                       fill_rect(cr, 200 / 255.0, 50 / 255.0, 30 / 255.0, 100, 0, 64, 64);
                                   }}),
                                   inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::map<std::string, QPDFObjectHandle> images = page_images(pdf);
    ASSERT_EQ(images.size(), 1u);
    QPDFObjectHandle dict = images.begin()->second.getDict();
    EXPECT_TRUE(dict.getKey("/Filter").isNameAndEquals("/DCTDecode"));
    EXPECT_TRUE(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
    EXPECT_FALSE(dict.hasKey("/Decode"));

    const Jpeg decoded = decode_jpeg(stream_bytes(images.begin()->second, true));
    EXPECT_EQ(decoded.components, 4);
    EXPECT_TRUE(decoded.adobe);
    ASSERT_EQ(decoded.width, 16);
    // JPEG is lossy twice over: within 3 of the converter's 0..255 values.
    const double want[4] = {ink.cmyk.c * 255, ink.cmyk.m * 255, ink.cmyk.y * 255, ink.cmyk.k * 255};
    for (size_t i = 0; i < decoded.pixels.size(); i += 4)
        for (int c = 0; c < 4; ++c)
            ASSERT_NEAR(decoded.pixels[i + c], want[c], 3) << "pixel " << i / 4 << " plate " << c;

    // A reader shows the photo as it shows the same CMYK painted as a
    // vector (no Adobe inversion, no /Decode needed).
    TempDir dir("cmyk-jpeg");
    write_bytes(dir.path() / "in.pdf", out.pdf);
    CommandResult render = run_command("pdftoppm -r 72 -y 10 -H 1 " + shell_quote((dir.path() / "in.pdf").string()) +
                                       " " + shell_quote((dir.path() / "row").string()));
    ASSERT_EQ(render.exit_code, 0);
    const std::string ppm = read_bytes(dir.path() / "row-1.ppm");
    const size_t header = ppm.find("255\n");
    ASSERT_NE(header, std::string::npos);
    auto pixel = [&](int x, int c) { return static_cast<unsigned char>(ppm[header + 4 + 3 * x + c]); };
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(pixel(30, c), pixel(130, c), 4) << "channel " << c;
}

TEST(PdfCmykImages, AGrayJpegStaysAGrayJpegWithThePressTone) {
    static const std::string jpeg = solid_jpeg(16, 16, 100, 0, 0, true);
    static CairoSurface photo = jpeg_surface(jpeg, 16, 16);
    TestInks inks;
    PassOutput out = run_cmyk_pass(cairo_pdf({[](cairo_t* cr) {
                                       cairo_set_source_surface(cr, photo.get(), 0, 0);
                                       cairo_paint(cr);
                                   }}),
                                   inks);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::map<std::string, QPDFObjectHandle> images = page_images(pdf);
    ASSERT_EQ(images.size(), 1u);
    QPDFObjectHandle dict = images.begin()->second.getDict();
    EXPECT_TRUE(dict.getKey("/Filter").isNameAndEquals("/DCTDecode"));
    EXPECT_TRUE(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceGray"));
    const Jpeg decoded = decode_jpeg(stream_bytes(images.begin()->second, true));
    ASSERT_EQ(decoded.components, 1);
    uint8_t toned = 0;
    const uint8_t in = 100;
    inks.gray_pixels(&in, &toned, 1);
    for (uint8_t v : decoded.pixels)
        ASSERT_NEAR(v, toned, 3);
    EXPECT_EQ(out.result.images_converted, 1);
}

TEST(PdfCmykImages, GrayIndexedAndStencilImages) {
    const std::string input = hand_pdf("q 10 0 0 10 0 0 cm /G0 Do /I0 Do /M0 Do Q", [](QPDF& pdf) {
        QPDFObjectHandle gray = QPDFObjectHandle::newStream(&pdf, std::string("\x00\x40\x80\xff", 4));
        gray.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
        gray.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
        gray.getDict().replaceKey("/Width", QPDFObjectHandle::newInteger(2));
        gray.getDict().replaceKey("/Height", QPDFObjectHandle::newInteger(2));
        gray.getDict().replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
        gray.getDict().replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceGray"));
        QPDFObjectHandle indexed = gray.copyStream();
        indexed.replaceStreamData(std::string("\x00\x01\x01\x00", 4), QPDFObjectHandle::newNull(),
                                  QPDFObjectHandle::newNull());
        indexed.getDict().replaceKey(
            "/ColorSpace", QPDFObjectHandle::parse("[/Indexed /DeviceRGB 1 <ff000010204f>]"));
        QPDFObjectHandle mask = gray.copyStream();
        mask.replaceStreamData(std::string("\x80\x40", 2), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        mask.getDict().removeKey("/ColorSpace");
        mask.getDict().replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(1));
        mask.getDict().replaceKey("/ImageMask", QPDFObjectHandle::newBool(true));
        QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
        QPDFObjectHandle x = QPDFObjectHandle::newDictionary();
        x.replaceKey("/G0", pdf.makeIndirectObject(gray));
        x.replaceKey("/I0", pdf.makeIndirectObject(indexed));
        x.replaceKey("/M0", pdf.makeIndirectObject(mask));
        resources.replaceKey("/XObject", x);
        return resources;
    });
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    std::map<std::string, QPDFObjectHandle> images = page_images(pdf);
    // Gray: toned by gray_pixels, still DeviceGray (K).
    EXPECT_TRUE(images["/G0"].getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceGray"));
    std::string toned(4, '\0');
    inks.gray_pixels(reinterpret_cast<const uint8_t*>("\x00\x40\x80\xff"), reinterpret_cast<uint8_t*>(toned.data()),
                     4);
    EXPECT_EQ(stream_bytes(images["/G0"]), toned);
    // Indexed: the palette converted, the indices as they were.
    QPDFObjectHandle space = images["/I0"].getDict().getKey("/ColorSpace");
    ASSERT_TRUE(space.isArray());
    EXPECT_TRUE(space.getArrayItem(1).isNameAndEquals("/DeviceCMYK"));
    EXPECT_EQ(space.getArrayItem(3).getStringValue(), std::string("\x00\xff\xff\x00\xef\xdf\xb0\x00", 8));
    EXPECT_EQ(stream_bytes(images["/I0"]), std::string("\x00\x01\x01\x00", 4));
    // Stencil: untouched.
    EXPECT_TRUE(images["/M0"].getDict().getKey("/ImageMask").getBoolValue());
    EXPECT_EQ(stream_bytes(images["/M0"]), std::string("\x80\x40", 2));
    EXPECT_EQ(out.result.images_converted, 2);
}

TEST(PdfCmykImages, AnImageInInkAndInASoftMaskIsConvertedOncePerUse) {
    // The same RGB image painted and, inside a luminosity mask, read as
    // gray: the mask gets its own DeviceGray copy.
    const std::string input = hand_pdf("/S0 gs /Im0 Do", [](QPDF& pdf) {
        QPDFObjectHandle image = QPDFObjectHandle::newStream(&pdf, std::string("\xff\x00\x00\x00\x00\xff", 6));
        image.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
        image.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
        image.getDict().replaceKey("/Width", QPDFObjectHandle::newInteger(2));
        image.getDict().replaceKey("/Height", QPDFObjectHandle::newInteger(1));
        image.getDict().replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
        image.getDict().replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceRGB"));
        image = pdf.makeIndirectObject(image);
        QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
        xobjects.replaceKey("/Im0", image);
        QPDFObjectHandle group = QPDFObjectHandle::newStream(&pdf, std::string("/Im0 Do"));
        group.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
        group.getDict().replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 1 1]"));
        group.getDict().replaceKey("/Group", QPDFObjectHandle::parse(
                                                 "<< /S /Transparency /CS /DeviceRGB >>"));
        QPDFObjectHandle group_resources = QPDFObjectHandle::newDictionary();
        group_resources.replaceKey("/XObject", xobjects.shallowCopy());
        group.getDict().replaceKey("/Resources", group_resources);
        QPDFObjectHandle smask = QPDFObjectHandle::parse("<< /Type /Mask /S /Luminosity >>");
        smask.replaceKey("/G", pdf.makeIndirectObject(group));
        QPDFObjectHandle gs = QPDFObjectHandle::newDictionary();
        gs.replaceKey("/SMask", smask);
        QPDFObjectHandle gstates = QPDFObjectHandle::newDictionary();
        gstates.replaceKey("/S0", gs);
        QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
        resources.replaceKey("/XObject", xobjects);
        resources.replaceKey("/ExtGState", gstates);
        return resources;
    });
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);
    EXPECT_TRUE(rgb_left(out.pdf).empty());
    EXPECT_EQ(out.result.transparency.size(), 1u);
    QPDF pdf;
    pdf.processMemoryFile("out", out.pdf.data(), out.pdf.size());
    QPDFObjectHandle page = pdf.getAllPages()[0];
    QPDFObjectHandle ink = page.getKey("/Resources").getKey("/XObject").getKey("/Im0");
    QPDFObjectHandle group = page.getKey("/Resources").getKey("/ExtGState").getKey("/S0").getKey("/SMask").getKey("/G");
    QPDFObjectHandle masked = group.getDict().getKey("/Resources").getKey("/XObject").getKey("/Im0");
    EXPECT_TRUE(ink.getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK"));
    EXPECT_EQ(stream_bytes(ink), std::string("\x00\xff\xff\x00\xff\xff\x00\x00", 8));
    EXPECT_TRUE(masked.getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceGray"));
    // Luminosity: 0.3 R + 0.59 G + 0.11 B.
    EXPECT_EQ(stream_bytes(masked), std::string("\x4d\x1c", 2));
    EXPECT_TRUE(group.getDict().getKey("/Group").getKey("/CS").isNameAndEquals("/DeviceGray"));
}

}  // namespace
}  // namespace koho::test
