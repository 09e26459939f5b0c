// Fixtures for the CMYK pass tests: a test double InkConverter, PDFs drawn
// with Cairo (what the pass really meets) or built by hand with qpdf (what
// Cairo never writes but the pass must refuse or handle), and the pass run
// on them.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
// jpeglib.h needs size_t and FILE declared first.
#include <cstddef>
#include <cstdio>
#include <jpeglib.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "print/ink.h"
#include "print/pdf_cmyk.h"

namespace koho::test {

inline double round4(double v) { return std::round(v * 10000) / 10000; }

// A converter simple enough to predict: chromatic RGB → (1-r, 1-g, 1-b, 0);
// neutral RGB → K only; pure black → K100 with overprint. Pixels the same
// way in 8 bits; gray pixels lightened by a quarter (visibly "toned").
class TestInks : public print::InkConverter {
public:
    print::InkChoice vector_rgb(double r, double g, double b) const override {
        ++vector_calls;
        if (r == g && g == b)
            return vector_gray(r);
        return {{round4(1 - r), round4(1 - g), round4(1 - b), 0}, false};
    }
    print::InkChoice vector_gray(double gray) const override {
        if (gray == 0)
            return {{0, 0, 0, 1}, true};
        return {{0, 0, 0, round4(1 - gray)}, false};
    }
    void rgb_pixels(const uint8_t* rgb, uint8_t* cmyk, size_t count) const override {
        ++pixel_calls;
        for (size_t i = 0; i < count; ++i) {
            const uint8_t r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
            uint8_t* out = cmyk + 4 * i;
            if (r == g && g == b) {
                out[0] = out[1] = out[2] = 0;
                out[3] = static_cast<uint8_t>(255 - r);
            } else {
                out[0] = static_cast<uint8_t>(255 - r);
                out[1] = static_cast<uint8_t>(255 - g);
                out[2] = static_cast<uint8_t>(255 - b);
                out[3] = 0;
            }
        }
    }
    void gray_pixels(const uint8_t* in, uint8_t* out, size_t count) const override {
        for (size_t i = 0; i < count; ++i)
            out[i] = static_cast<uint8_t>(in[i] + (255 - in[i]) / 4);
    }
    mutable int vector_calls = 0;
    mutable int pixel_calls = 0;
};

// --- Cairo ---------------------------------------------------------------

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct CairoPatternDeleter {
    void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoPattern = std::unique_ptr<cairo_pattern_t, CairoPatternDeleter>;

inline cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

using PageDrawer = std::function<void(cairo_t*)>;

// A PDF of 200 × 200 pt pages, one per drawer, as Cairo 1.16 writes it.
inline std::string cairo_pdf(const std::vector<PageDrawer>& pages) {
    std::string bytes;
    {
        CairoSurface surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, 200, 200));
        Cairo cr(cairo_create(surface.get()));
        for (const PageDrawer& draw : pages) {
            draw(cr.get());
            cairo_show_page(cr.get());
        }
        cr.reset();
        cairo_surface_finish(surface.get());
    }
    return bytes;
}

inline void fill_rect(cairo_t* cr, double r, double g, double b, double x, double y, double w, double h) {
    cairo_set_source_rgb(cr, r, g, b);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

inline void show_text(cairo_t* cr, double r, double g, double b, double x, double y, const char* text,
                      double size = 24) {
    cairo_set_source_rgb(cr, r, g, b);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text);
}

// A w × h baseline JPEG of one RGB colour (`gray`: one channel, r).
inline std::string solid_jpeg(int w, int h, uint8_t r, uint8_t g, uint8_t b, bool gray = false) {
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &out, &size);
    info.image_width = static_cast<JDIMENSION>(w);
    info.image_height = static_cast<JDIMENSION>(h);
    info.input_components = gray ? 1 : 3;
    info.in_color_space = gray ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 95, TRUE);
    jpeg_start_compress(&info, TRUE);
    std::vector<unsigned char> row(static_cast<size_t>(w) * (gray ? 1 : 3));
    for (int x = 0; x < w; ++x) {
        if (gray) {
            row[x] = r;
            continue;
        }
        row[3 * x] = r;
        row[3 * x + 1] = g;
        row[3 * x + 2] = b;
    }
    while (info.next_scanline < info.image_height) {
        JSAMPROW p = row.data();
        jpeg_write_scanlines(&info, &p, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::string bytes(reinterpret_cast<const char*>(out), size);
    std::free(out);
    return bytes;
}

// An opaque image surface carrying `jpeg` as mime data, as scene/
// render_image.cpp hands photos to Cairo: Cairo embeds the JPEG as it is.
inline CairoSurface jpeg_surface(const std::string& jpeg, int w, int h) {
    CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    auto* copy = static_cast<unsigned char*>(std::malloc(jpeg.size()));
    std::copy(jpeg.begin(), jpeg.end(), copy);
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, copy, jpeg.size(), std::free, copy);
    return surface;
}

// A w × h ARGB32 surface of one colour (components 0..255, not
// premultiplied; `a` 255 for opaque).
inline CairoSurface solid_surface(int w, int h, uint8_t r, uint8_t g, uint8_t b, uint8_t a = 255) {
    CairoSurface surface(cairo_image_surface_create(a == 255 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, w, h));
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            auto* px = reinterpret_cast<uint32_t*>(data + y * stride + 4 * x);
            const uint32_t pr = r * a / 255, pg = g * a / 255, pb = b * a / 255;
            *px = (uint32_t{a} << 24) | (pr << 16) | (pg << 8) | pb;
        }
    }
    cairo_surface_mark_dirty(surface.get());
    return surface;
}

// --- qpdf ----------------------------------------------------------------

inline std::string write_pdf(QPDF& pdf) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

struct PassOutput {
    std::string pdf;
    print::CmykPassResult result;
};

inline PassOutput run_cmyk_pass(const std::string& input, const print::InkConverter& inks) {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("test input", input.data(), input.size());
    PassOutput out;
    out.result = print::convert_to_cmyk(pdf, inks);
    out.pdf = write_pdf(pdf);
    return out;
}

// A one-page PDF built by hand: `content` with the resources `resources`
// makes (it may add objects to the document).
inline std::string hand_pdf(const std::string& content,
                            const std::function<QPDFObjectHandle(QPDF&)>& resources) {
    QPDF pdf;
    pdf.emptyPDF();
    QPDFObjectHandle page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 200] >>");
    page.replaceKey("/Resources", resources(pdf));
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
    return write_pdf(pdf);
}

inline std::string hand_pdf(const std::string& content, const std::string& resources) {
    return hand_pdf(content, [&](QPDF& pdf) { return QPDFObjectHandle::parse(&pdf, resources); });
}

}  // namespace koho::test
