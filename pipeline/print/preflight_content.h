// A small PDF content interpreter for preflight: it follows the graphics
// state (q/Q, cm, gs, colour, line width, text state and matrices) through
// a page, its form XObjects and tiling patterns, and tells a listener what
// is painted where — in the page's default user space. It never draws.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <array>
#include <string>
#include <vector>

namespace koho::print::detail {

struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    // this, then `then` (PDF's row-vector order: m' = this × then).
    Matrix times(const Matrix& then) const;
    void apply(double x, double y, double& ox, double& oy) const;
    double smallest_scale() const;  // the thinnest a unit length can become
    double x_scale() const;         // length of the unit x vector
    double y_scale() const;         // length of the unit y vector
};

struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    void add(double x, double y);   // grows to include (x, y); an empty Rect starts there
    bool has_points = false;
};

// A colour space reduced to what preflight asks of it.
struct ColourSpace {
    enum class Family { Gray, RGB, CMYK, Lab, Separation, DeviceN, Indexed, Pattern, Unknown };
    Family family = Family::Gray;
    std::string name;               // as written: "DeviceRGB", "ICCBased (3 components)", …
    int components = 1;
    bool rgb = false;               // RGB, CalRGB, ICCBased N 3, Lab, or Indexed/pattern on one of them
    bool cmyk = false;              // DeviceCMYK or ICCBased N 4
    std::vector<std::string> inks;  // Separation / DeviceN colorant names
};

// Classifies a colour space operand or /ColorSpace value; names are looked
// up in `resources` (/ColorSpace) first.
ColourSpace classify_colour_space(QPDFObjectHandle space, QPDFObjectHandle resources);

struct Colour {
    ColourSpace space;
    std::vector<double> values;
};

struct TextShow {
    QPDFObjectHandle font;          // the font dictionary (may be null)
    std::string font_name;          // its resource name
    double size_pt = 0;             // effective vertical size on the page
    int render_mode = 0;            // Tr
    Colour fill;
    Colour stroke;
};

struct ImagePlacement {
    std::string name;               // resource name, or "inline image"
    QPDFObjectHandle dict;          // the image's dictionary (inline: built from BI … ID)
    int width_px = 0, height_px = 0;
    double placed_w_pt = 0, placed_h_pt = 0;  // its unit square on the page
    bool mask = false;              // /ImageMask true: a stencil, not a picture
    ColourSpace space;
};

class ContentListener {
public:
    virtual ~ContentListener() = default;
    // `font` is null when the resources do not define `name`.
    virtual void font_used(const std::string& name, QPDFObjectHandle font) {}
    virtual void colour_used(const ColourSpace& space, const std::string& where) {}
    virtual void text_shown(const TextShow& text) {}
    virtual void text_object(const Rect& box) {}   // glyph boxes of one BT … ET
    virtual void stroked(double width_pt, double raw_width) {}
    virtual void image_placed(const ImagePlacement& image) {}
    virtual void transparency(const std::string& what) {}
};

// Walks one page's content. Throws QPDFExc / std::exception on content
// qpdf cannot parse; the caller reports that.
void walk_page_content(QPDFObjectHandle page, ContentListener& listener);

}  // namespace koho::print::detail
