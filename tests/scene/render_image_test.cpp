#include <cairo-pdf.h>
#include <gtest/gtest.h>

#include <cstdio>  // jpeglib.h needs FILE
#include <jpeglib.h>

#include <memory>
#include <string>

#include "pixels.h"

namespace koho::scene {
namespace {

using testing::append_to_string;
using testing::Canvas;

// 8 × 8 in four 4 × 4 quadrants: red, green / blue, white. Quadrants of
// several pixels keep their middles pure under bilinear filtering.
std::shared_ptr<const Image> quadrants() {
    auto image = std::make_shared<Image>();
    image->width = 8;
    image->height = 8;
    const uint32_t colours[4] = {0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff};
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) image->pixels.push_back(colours[(y / 4) * 2 + x / 4]);
    image->source = "quadrants.png";
    return image;
}

Item image_item(std::shared_ptr<const Image> image, Rect placed, Rect clip, double opacity = 1) {
    Item item;
    item.what = ImageItem{std::move(image), placed, clip};
    item.opacity = opacity;
    return item;
}

TEST(RenderImage, PixelsLandInThePlacedRect) {
    Canvas canvas(100, 100);
    canvas.draw(testing::page_with(image_item(quadrants(), {0, 0, 100, 100}, {0, 0, 100, 100})));
    EXPECT_EQ(canvas.at(10, 10).r, 255);
    EXPECT_EQ(canvas.at(90, 10).g, 255);
    EXPECT_EQ(canvas.at(10, 90).b, 255);
    auto white = canvas.at(90, 90);
    EXPECT_EQ(white.r + white.g + white.b, 3 * 255);
    // Padded edges: the corner pixel is opaque, not faded into transparency.
    EXPECT_EQ(canvas.at(0, 0).a, 255);
    EXPECT_EQ(canvas.at(99, 99).a, 255);
}

TEST(RenderImage, ClippedToTheFrame) {
    Canvas canvas(100, 100);
    // The image is placed over 0..100 but only 25..75 × 0..50 is the frame.
    canvas.draw(testing::page_with(image_item(quadrants(), {0, 0, 100, 100}, {25, 0, 50, 50})));
    EXPECT_EQ(canvas.at(10, 10).a, 0);
    EXPECT_EQ(canvas.at(30, 10).r, 255);
    EXPECT_EQ(canvas.at(70, 10).g, 255);
    EXPECT_EQ(canvas.at(30, 60).a, 0);
}

TEST(RenderImage, ContainedImageLeavesTheRestOfTheFrameEmpty) {
    Canvas canvas(100, 100);
    canvas.draw(testing::page_with(image_item(quadrants(), {25, 25, 50, 50}, {0, 0, 100, 100})));
    EXPECT_EQ(canvas.at(10, 50).a, 0);
    EXPECT_EQ(canvas.at(30, 30).r, 255);
}

TEST(RenderImage, OpacityWithoutAGroup) {
    Canvas canvas(100, 100);
    canvas.draw(testing::page_with(image_item(quadrants(), {0, 0, 100, 100}, {0, 0, 100, 100}, 0.5)));
    auto half = canvas.at(10, 10);
    EXPECT_NEAR(half.a, 128, 1);
    EXPECT_EQ(half.r, 255);
}

TEST(RenderImage, AlphaChannelIsKept) {
    auto image = std::make_shared<Image>();
    image->width = 1;
    image->height = 1;
    image->has_alpha = true;
    image->pixels = {0x80800000};  // half-transparent red, premultiplied
    Canvas canvas(10, 10);
    canvas.draw(testing::page_with(image_item(image, {0, 0, 10, 10}, {0, 0, 10, 10})));
    EXPECT_NEAR(canvas.at(5, 5).a, 128, 1);
    EXPECT_EQ(canvas.at(5, 5).r, 255);
}

// A PDF of one page per scene, in memory.
std::string pdf_of(const std::vector<PageScene>& pages) {
    std::string bytes;
    {
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, 100, 100));
        CairoPtr cr(cairo_create(surface.get()));
        for (const auto& page : pages) {
            render(cr.get(), page);
            cairo_show_page(cr.get());
        }
        cairo_surface_finish(surface.get());
    }
    return bytes;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

TEST(RenderImage, PdfEmbedsAnImageOnceForManyPages) {
    auto image = quadrants();
    std::vector<PageScene> pages;
    for (int i = 0; i < 3; ++i)
        pages.push_back(testing::page_with(image_item(image, {0, 0, 50.0 + i, 50}, {0, 0, 100, 100})));
    pages[1].items.push_back(image_item(image, {50, 50, 20, 20}, {50, 50, 20, 20}));
    std::string pdf = pdf_of(pages);
    EXPECT_EQ(count(pdf, "/Type /Page\n") + count(pdf, "/Type /Page "), 3u);
    EXPECT_EQ(count(pdf, "/Subtype /Image"), 1u);
}

TEST(RenderImage, PdfKeepsDistinctImagesApart) {
    std::vector<PageScene> pages;
    pages.push_back(testing::page_with(image_item(quadrants(), {0, 0, 50, 50}, {0, 0, 100, 100})));
    pages.push_back(testing::page_with(image_item(quadrants(), {0, 0, 50, 50}, {0, 0, 100, 100})));
    EXPECT_EQ(count(pdf_of(pages), "/Subtype /Image"), 2u);
}

// A baseline JPEG of the image's pixels (opaque RGB), in memory.
std::string jpeg_of(const Image& image) {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr err{};
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_compress(&cinfo);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = image.width;
    cinfo.image_height = image.height;
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<unsigned char> row(size_t(image.width) * 3);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            uint32_t p = image.pixels[size_t(y) * image.width + x];
            row[x * 3] = (p >> 16) & 255;
            row[x * 3 + 1] = (p >> 8) & 255;
            row[x * 3 + 2] = p & 255;
        }
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string bytes(reinterpret_cast<char*>(buffer), size);
    free(buffer);
    return bytes;
}

TEST(RenderImage, PdfEmbedsTheJpegBytesAsTheyAre) {
    auto image = std::make_shared<Image>(*quadrants());
    image->jpeg_data = std::make_shared<const std::string>(jpeg_of(*image));
    std::vector<PageScene> pages;
    pages.push_back(testing::page_with(image_item(image, {0, 0, 50, 50}, {0, 0, 100, 100})));
    pages.push_back(testing::page_with(image_item(image, {0, 0, 80, 80}, {0, 0, 100, 100})));
    std::string pdf = pdf_of(pages);
    EXPECT_EQ(count(pdf, "/Subtype /Image"), 1u);
    EXPECT_EQ(count(pdf, "/DCTDecode"), 1u);
    EXPECT_EQ(count(pdf, *image->jpeg_data), 1u);
}

// An image whose pixels wait for first use (as raster/ loads photos): the
// PDF carries the JPEG without decoding it; a raster target decodes it once.
TEST(RenderImage, DeferredPixelsAreDecodedOnlyForRasterTargets) {
    auto decodes = std::make_shared<int>(0);
    const std::vector<uint32_t> pixels = quadrants()->pixels;
    auto image = std::make_shared<Image>();
    image->width = 8;
    image->height = 8;
    image->source = "deferred.jpg";
    image->jpeg_data = std::make_shared<const std::string>(jpeg_of(*quadrants()));
    image->deferred_pixels = std::make_shared<DeferredPixels>([decodes, pixels] {
        ++*decodes;
        return pixels;
    });
    std::vector<PageScene> pages;
    pages.push_back(testing::page_with(image_item(image, {0, 0, 50, 50}, {0, 0, 100, 100})));
    pages.push_back(testing::page_with(image_item(image, {0, 0, 80, 80}, {0, 0, 100, 100}, 0.5)));
    std::string pdf = pdf_of(pages);
    EXPECT_EQ(*decodes, 0) << "a PDF needs only the JPEG's bytes";
    EXPECT_EQ(count(pdf, "/Subtype /Image"), 1u);
    EXPECT_EQ(count(pdf, "/DCTDecode"), 1u);
    EXPECT_EQ(count(pdf, *image->jpeg_data), 1u);

    Canvas canvas(100, 100);
    canvas.draw(testing::page_with(image_item(image, {0, 0, 100, 100}, {0, 0, 100, 100})));
    canvas.draw(testing::page_with(image_item(image, {0, 0, 100, 100}, {0, 0, 100, 100})));
    EXPECT_EQ(*decodes, 1);
    EXPECT_EQ(canvas.at(10, 10).r, 255);
    EXPECT_EQ(canvas.at(90, 10).g, 255);
    EXPECT_EQ(canvas.at(10, 90).b, 255);
}

TEST(RenderImage, PdfWithoutJpegBytesRecompressesThePixels) {
    std::vector<PageScene> pages;
    pages.push_back(testing::page_with(image_item(quadrants(), {0, 0, 50, 50}, {0, 0, 100, 100})));
    EXPECT_EQ(count(pdf_of(pages), "/DCTDecode"), 0u);
}

}  // namespace
}  // namespace koho::scene
