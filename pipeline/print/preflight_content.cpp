// The content interpreter behind preflight: qpdf tokenises and parses the
// operands, this file keeps the graphics state and reports what is painted.
#include "print/preflight_content.h"

#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "print/preflight_fonts.h"

namespace koho::print::detail {

namespace {

constexpr int kMaxDepth = 24;

// qpdf 11's accessors are not const; handles are cheap to copy.
double num(QPDFObjectHandle o) {
    double v = 0;
    return o.getValueAsNumber(v) ? v : 0;
}

Matrix matrix_of(QPDFObjectHandle array) {
    Matrix m;
    if (array.isArray() && array.getArrayNItems() == 6) {
        m = {num(array.getArrayItem(0)), num(array.getArrayItem(1)), num(array.getArrayItem(2)),
             num(array.getArrayItem(3)), num(array.getArrayItem(4)), num(array.getArrayItem(5))};
    }
    return m;
}

Colour initial_colour(const ColourSpace& space) {
    Colour colour{space, {}};
    switch (space.family) {
    case ColourSpace::Family::CMYK: colour.values = {0, 0, 0, 1}; break;
    case ColourSpace::Family::Separation:
    case ColourSpace::Family::DeviceN: colour.values.assign(std::max(1, space.components), 1.0); break;
    default: colour.values.assign(std::max(0, space.components), 0.0); break;
    }
    return colour;
}

Colour device_colour(const char* name, const std::vector<QPDFObjectHandle>& operands) {
    Colour colour{classify_colour_space(QPDFObjectHandle::newName(name), QPDFObjectHandle::newNull()), {}};
    for (QPDFObjectHandle o : operands) colour.values.push_back(num(o));
    return colour;
}

struct GState {
    Matrix ctm;
    double line_width = 1;
    Colour fill = initial_colour(classify_colour_space(QPDFObjectHandle::newName("/DeviceGray"), {}));
    Colour stroke = fill;
    std::string font_name;
    QPDFObjectHandle font;
    std::shared_ptr<const FontMetrics> metrics;
    double font_size = 0, char_space = 0, word_space = 0, hscale = 1, leading = 0, rise = 0;
    int render = 0;
};

// What the walk of one page shares across its nested content streams.
struct PageWalk {
    ContentListener& listener;
    std::set<QPDFObjGen> on_stack;              // forms and patterns being walked: no cycles
    std::set<QPDFObjGen> patterns_seen;         // each tiling pattern once per page
    std::map<QPDFObjGen, std::shared_ptr<const FontMetrics>> metrics;
};

class StreamWalker : public QPDFObjectHandle::ParserCallbacks {
public:
    StreamWalker(PageWalk& page, QPDFObjectHandle resources, const GState& start, Matrix base, int depth)
        : page_(page), resources_(resources), base_(base), depth_(depth) {
        stack_.push_back(start);
    }

    void handleObject(QPDFObjectHandle obj) override {
        if (obj.isOperator()) {
            run(obj.getOperatorValue());
            operands_.clear();
        } else if (!obj.isInlineImage()) {
            operands_.push_back(obj);
        }
    }
    void handleEOF() override {}

    // A form drawn where the current state says (annotation appearances).
    void place_form(QPDFObjectHandle form, const std::string& name) { walk_form(form, name); }

private:
    GState& gs() { return stack_.back(); }
    QPDFObjectHandle resource(const char* category, QPDFObjectHandle name) {
        if (!name.isName() || !resources_.isDictionary()) return QPDFObjectHandle::newNull();
        QPDFObjectHandle dict = resources_.getKey(category);
        return dict.isDictionary() ? dict.getKey(name.getName()) : QPDFObjectHandle::newNull();
    }
    double operand(size_t i) const { return i < operands_.size() ? num(operands_[i]) : 0; }

    void run(const std::string& op);
    void set_colour_space(Colour& colour, const char* where);
    void set_colour(Colour& colour, const char* where);
    void apply_ext_gstate(QPDFObjectHandle name);
    void set_font(QPDFObjectHandle name, double size);
    void show(QPDFObjectHandle text);
    void show_string(const std::string& bytes, Rect& box);
    void next_line(double tx, double ty);
    void do_xobject(QPDFObjectHandle name);
    void inline_image();
    void place_image(const std::string& name, QPDFObjectHandle dict, int w, int h, bool mask,
                     const ColourSpace& space);
    void walk_form(QPDFObjectHandle form, const std::string& name);
    void walk_pattern(QPDFObjectHandle pattern, const std::string& name);

    PageWalk& page_;
    QPDFObjectHandle resources_;
    Matrix base_;  // the default space of this stream (where pattern matrices start)
    int depth_;
    std::vector<GState> stack_;
    std::vector<QPDFObjectHandle> operands_;
    Matrix tm_, tlm_;
    Rect text_box_;
    bool has_path_ = false;
};

void StreamWalker::run(const std::string& op) {
    ContentListener& out = page_.listener;
    if (op == "q") {
        stack_.push_back(gs());
    } else if (op == "Q") {
        if (stack_.size() > 1) stack_.pop_back();
    } else if (op == "cm" && operands_.size() == 6) {
        Matrix m{operand(0), operand(1), operand(2), operand(3), operand(4), operand(5)};
        gs().ctm = m.times(gs().ctm);
    } else if (op == "w") {
        gs().line_width = operand(0);
    } else if (op == "gs" && !operands_.empty()) {
        apply_ext_gstate(operands_[0]);
    } else if (op == "g" || op == "rg" || op == "k" || op == "G" || op == "RG" || op == "K") {
        const bool fill = std::islower(static_cast<unsigned char>(op[0]));
        const char* name = op.size() == 2 ? "/DeviceRGB" : (op == "g" || op == "G") ? "/DeviceGray" : "/DeviceCMYK";
        Colour colour = device_colour(name, operands_);
        if (colour.space.rgb) out.colour_used(colour.space, fill ? "fill colour (rg)" : "stroke colour (RG)");
        (fill ? gs().fill : gs().stroke) = colour;
    } else if (op == "cs" || op == "CS") {
        set_colour_space(op == "cs" ? gs().fill : gs().stroke, op == "cs" ? "fill colour space (cs)" : "stroke colour space (CS)");
    } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
        set_colour(std::islower(static_cast<unsigned char>(op[0])) ? gs().fill : gs().stroke, op.c_str());
    } else if (op == "m" || op == "l" || op == "c" || op == "v" || op == "y" || op == "re" || op == "h") {
        has_path_ = true;
    } else if (op == "S" || op == "s" || op == "B" || op == "B*" || op == "b" || op == "b*") {
        if (has_path_) out.stroked(gs().line_width * gs().ctm.smallest_scale(), gs().line_width);
        has_path_ = false;
    } else if (op == "n" || op == "f" || op == "F" || op == "f*") {
        has_path_ = false;
    } else if (op == "BT") {
        tm_ = tlm_ = Matrix{};
        text_box_ = Rect{};
    } else if (op == "ET") {
        if (text_box_.has_points) out.text_object(text_box_);
        text_box_ = Rect{};
    } else if (op == "Tf" && operands_.size() == 2) {
        set_font(operands_[0], operand(1));
    } else if (op == "Tc") {
        gs().char_space = operand(0);
    } else if (op == "Tw") {
        gs().word_space = operand(0);
    } else if (op == "Tz") {
        gs().hscale = operand(0) / 100;
    } else if (op == "TL") {
        gs().leading = operand(0);
    } else if (op == "Ts") {
        gs().rise = operand(0);
    } else if (op == "Tr") {
        gs().render = static_cast<int>(operand(0));
    } else if (op == "Td") {
        next_line(operand(0), operand(1));
    } else if (op == "TD") {
        gs().leading = -operand(1);
        next_line(operand(0), operand(1));
    } else if (op == "Tm" && operands_.size() == 6) {
        tm_ = tlm_ = Matrix{operand(0), operand(1), operand(2), operand(3), operand(4), operand(5)};
    } else if (op == "T*") {
        next_line(0, -gs().leading);
    } else if ((op == "Tj" || op == "TJ") && !operands_.empty()) {
        show(operands_.back());
    } else if (op == "'" && !operands_.empty()) {
        next_line(0, -gs().leading);
        show(operands_.back());
    } else if (op == "\"" && operands_.size() == 3) {
        gs().word_space = operand(0);
        gs().char_space = operand(1);
        next_line(0, -gs().leading);
        show(operands_.back());
    } else if (op == "Do" && !operands_.empty()) {
        do_xobject(operands_[0]);
    } else if (op == "sh" && !operands_.empty()) {
        QPDFObjectHandle shading = resource("/Shading", operands_[0]);
        QPDFObjectHandle dict = shading.isStream() ? shading.getDict() : shading;
        if (dict.isDictionary())
            out.colour_used(classify_colour_space(dict.getKey("/ColorSpace"), resources_),
                            "shading " + operands_[0].getName().substr(1));
    } else if (op == "ID") {
        inline_image();
    }
}

void StreamWalker::set_colour_space(Colour& colour, const char* where) {
    if (operands_.empty()) return;
    colour = initial_colour(classify_colour_space(operands_[0], resources_));
    page_.listener.colour_used(colour.space, where);
}

void StreamWalker::set_colour(Colour& colour, const char* op) {
    std::vector<double> values;
    for (QPDFObjectHandle o : operands_)
        if (o.isNumber()) values.push_back(num(o));
    colour.values = values;
    if (colour.space.family == ColourSpace::Family::Pattern && !operands_.empty() && operands_.back().isName()) {
        QPDFObjectHandle pattern = resource("/Pattern", operands_.back());
        walk_pattern(pattern, operands_.back().getName());
    }
}

void StreamWalker::apply_ext_gstate(QPDFObjectHandle name) {
    QPDFObjectHandle dict = resource("/ExtGState", name);
    if (!dict.isDictionary()) return;
    const std::string label = "graphics state " + name.getName().substr(1);
    if (dict.getKey("/LW").isNumber()) gs().line_width = num(dict.getKey("/LW"));
    for (const char* key : {"/CA", "/ca"}) {
        QPDFObjectHandle alpha = dict.getKey(key);
        if (alpha.isNumber() && num(alpha) < 1)
            page_.listener.transparency(label + " sets " + std::string(key + 1) + " " + alpha.unparse());
    }
    QPDFObjectHandle smask = dict.getKey("/SMask");
    if (!smask.isNull() && !(smask.isName() && smask.getName() == "/None"))
        page_.listener.transparency(label + " has a soft mask");
    QPDFObjectHandle bm = dict.getKey("/BM");
    if (bm.isArray() && bm.getArrayNItems() > 0) bm = bm.getArrayItem(0);
    if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible")
        page_.listener.transparency(label + " uses blend mode " + bm.getName().substr(1));
    QPDFObjectHandle font = dict.getKey("/Font");
    if (font.isArray() && font.getArrayNItems() == 2) {
        gs().font = font.getArrayItem(0);
        gs().font_name = "(graphics state font)";
        gs().font_size = num(font.getArrayItem(1));
        gs().metrics = std::make_shared<FontMetrics>(font_metrics(gs().font));
    }
}

void StreamWalker::set_font(QPDFObjectHandle name, double size) {
    QPDFObjectHandle font = resource("/Font", name);
    gs().font = font;
    gs().font_name = name.isName() ? name.getName().substr(1) : "?";
    gs().font_size = size;
    if (!font.isDictionary()) {
        gs().metrics = std::make_shared<FontMetrics>();
        page_.listener.font_used(gs().font_name, font);  // a font the resources lack
        return;
    }
    const QPDFObjGen id = font.getObjGen();
    auto cached = page_.metrics.find(id);
    if (id.isIndirect() && cached != page_.metrics.end()) {
        gs().metrics = cached->second;
    } else {
        gs().metrics = std::make_shared<FontMetrics>(font_metrics(font));
        if (id.isIndirect()) page_.metrics[id] = gs().metrics;
    }
    page_.listener.font_used(gs().font_name, font);
}

void StreamWalker::next_line(double tx, double ty) {
    tlm_ = Matrix{1, 0, 0, 1, tx, ty}.times(tlm_);
    tm_ = tlm_;
}

void StreamWalker::show(QPDFObjectHandle text) {
    const GState& g = gs();
    const Matrix trm = tm_.times(g.ctm);
    TextShow shown{g.font, g.font_name, std::abs(g.font_size) * trm.y_scale(), g.render, g.fill, g.stroke};
    Rect box;
    if (text.isString()) {
        show_string(text.getStringValue(), box);
    } else if (text.isArray()) {
        for (QPDFObjectHandle item : text.aitems()) {
            if (item.isString()) {
                show_string(item.getStringValue(), box);
            } else if (item.isNumber()) {
                const double shift = -num(item) / 1000 * g.font_size;
                const bool vertical = g.metrics && g.metrics->vertical;
                tm_ = (vertical ? Matrix{1, 0, 0, 1, 0, shift} : Matrix{1, 0, 0, 1, shift * g.hscale, 0}).times(tm_);
            }
        }
    }
    page_.listener.text_shown(shown);
    // Outlined glyphs (Tr 1, 2, 5, 6) are strokes like any other.
    if (box.has_points && (g.render == 1 || g.render == 2 || g.render == 5 || g.render == 6))
        page_.listener.stroked(g.line_width * g.ctm.smallest_scale(), g.line_width);
    // Invisible (3) and clip-only (7) text paints nothing near the trim.
    if (box.has_points && g.render != 3 && g.render != 7) {
        text_box_.add(box.x0, box.y0);
        text_box_.add(box.x1, box.y1);
    }
}

// Advances the text matrix over `bytes` glyph by glyph and grows `box`
// (page space) by each glyph's box: its advance wide, from the font's
// descent to its ascent tall.
void StreamWalker::show_string(const std::string& bytes, Rect& box) {
    const GState& g = gs();
    static const FontMetrics fallback;
    const FontMetrics& fm = g.metrics ? *g.metrics : fallback;
    const double size = g.font_size;
    const size_t step = fm.two_byte ? 2 : 1;
    for (size_t i = 0; i + step <= bytes.size(); i += step) {
        const int code = step == 2 ? (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1])
                                   : static_cast<unsigned char>(bytes[i]);
        const double w0 = fm.width(code);
        const double space = (step == 1 && code == 32) ? g.word_space : 0;
        const Matrix trm = tm_.times(g.ctm);
        double gx0, gx1, gy0, gy1, advance_x = 0, advance_y = 0;
        if (fm.vertical) {
            gx0 = -0.5 * size;
            gx1 = 0.5 * size;
            gy0 = -size;
            gy1 = 0;
            advance_y = -(size + g.char_space + space);
        } else {
            gx0 = 0;
            gx1 = w0 * size * g.hscale;
            gy0 = fm.descent * size + g.rise;
            gy1 = fm.ascent * size + g.rise;
            advance_x = (w0 * size + g.char_space + space) * g.hscale;
        }
        for (double x : {gx0, gx1}) {
            for (double y : {gy0, gy1}) {
                double px, py;
                trm.apply(x, y, px, py);
                box.add(px, py);
            }
        }
        tm_ = Matrix{1, 0, 0, 1, advance_x, advance_y}.times(tm_);
    }
}

void StreamWalker::do_xobject(QPDFObjectHandle name) {
    QPDFObjectHandle xobject = resource("/XObject", name);
    if (!xobject.isStream()) return;
    QPDFObjectHandle dict = xobject.getDict();
    const std::string subtype = dict.getKey("/Subtype").isName() ? dict.getKey("/Subtype").getName() : "";
    if (subtype == "/Image") {
        const bool mask = dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue();
        // No /ColorSpace: a mask, or JPEG 2000 carrying its own (not looked into).
        ColourSpace space = mask ? ColourSpace{} : classify_colour_space(dict.getKey("/ColorSpace"), resources_);
        place_image(name.getName().substr(1), dict, static_cast<int>(num(dict.getKey("/Width"))),
                    static_cast<int>(num(dict.getKey("/Height"))), mask, space);
    } else if (subtype == "/Form") {
        walk_form(xobject, name.getName().substr(1));
    }
}

void StreamWalker::inline_image() {
    QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
    for (size_t i = 0; i + 1 < operands_.size(); i += 2)
        if (operands_[i].isName()) dict.replaceKey(operands_[i].getName(), operands_[i + 1]);
    auto key = [&](const char* abbrev, const char* full) {
        return dict.hasKey(abbrev) ? dict.getKey(abbrev) : dict.getKey(full);
    };
    QPDFObjectHandle im = key("/IM", "/ImageMask");
    const bool mask = im.isBool() && im.getBoolValue();
    ColourSpace space = mask ? ColourSpace{} : classify_colour_space(key("/CS", "/ColorSpace"), resources_);
    place_image("inline image", dict, static_cast<int>(num(key("/W", "/Width"))),
                static_cast<int>(num(key("/H", "/Height"))), mask, space);
}

void StreamWalker::place_image(const std::string& name, QPDFObjectHandle dict, int w, int h, bool mask,
                               const ColourSpace& space) {
    const Matrix& ctm = gs().ctm;
    ImagePlacement image{name, dict, w, h, ctm.x_scale(), ctm.y_scale(), mask, space};
    if (!mask) page_.listener.colour_used(space, "image " + name);
    if (dict.hasKey("/SMask") && !dict.getKey("/SMask").isNull())
        page_.listener.transparency("image " + name + " has a soft mask");
    page_.listener.image_placed(image);
}

void StreamWalker::walk_form(QPDFObjectHandle form, const std::string& name) {
    const QPDFObjGen id = form.getObjGen();
    if (depth_ >= kMaxDepth || page_.on_stack.count(id)) return;
    QPDFObjectHandle dict = form.getDict();
    QPDFObjectHandle group = dict.getKey("/Group");
    if (group.isDictionary()) {
        if (group.getKey("/S").isName() && group.getKey("/S").getName() == "/Transparency")
            page_.listener.transparency("form " + name + " is a transparency group");
        if (group.hasKey("/CS"))
            page_.listener.colour_used(classify_colour_space(group.getKey("/CS"), resources_),
                                       "transparency group of form " + name);
    }
    GState start = gs();
    start.ctm = matrix_of(dict.getKey("/Matrix")).times(gs().ctm);
    QPDFObjectHandle resources = dict.getKey("/Resources");
    StreamWalker inner(page_, resources.isDictionary() ? resources : resources_, start, start.ctm, depth_ + 1);
    page_.on_stack.insert(id);
    form.parseAsContents(&inner);
    page_.on_stack.erase(id);
}

// Tiling patterns are content streams of their own (walked once per page,
// in the space their /Matrix gives them); shading patterns carry a colour
// space and, in an ExtGState, perhaps transparency.
void StreamWalker::walk_pattern(QPDFObjectHandle pattern, const std::string& name) {
    QPDFObjectHandle dict = pattern.isStream() ? pattern.getDict() : pattern;
    if (!dict.isDictionary()) return;
    const int type = dict.getKey("/PatternType").isInteger() ? dict.getKey("/PatternType").getIntValueAsInt() : 0;
    if (type == 2) {
        QPDFObjectHandle shading = dict.getKey("/Shading");
        QPDFObjectHandle sdict = shading.isStream() ? shading.getDict() : shading;
        if (sdict.isDictionary())
            page_.listener.colour_used(classify_colour_space(sdict.getKey("/ColorSpace"), resources_),
                                       "shading pattern " + name);
        return;
    }
    if (type != 1 || !pattern.isStream()) return;
    const QPDFObjGen id = pattern.getObjGen();
    if (depth_ >= kMaxDepth || page_.on_stack.count(id) || page_.patterns_seen.count(id)) return;
    page_.patterns_seen.insert(id);
    GState start = gs();
    start.ctm = matrix_of(dict.getKey("/Matrix")).times(base_);
    QPDFObjectHandle resources = dict.getKey("/Resources");
    StreamWalker inner(page_, resources.isDictionary() ? resources : resources_, start, start.ctm, depth_ + 1);
    page_.on_stack.insert(id);
    pattern.parseAsContents(&inner);
    page_.on_stack.erase(id);
}

// The appearance an annotation prints with: /AP /N, or the state /AS
// picks from it; null for annotations that do not print (no Print flag,
// or Hidden), as a RIP would leave them out.
QPDFObjectHandle printed_appearance(QPDFObjectHandle annot) {
    if (!annot.isDictionary()) return QPDFObjectHandle::newNull();
    const long long flags = annot.getKey("/F").isInteger() ? annot.getKey("/F").getIntValue() : 0;
    constexpr long long kHidden = 2, kPrint = 4;
    if (!(flags & kPrint) || (flags & kHidden)) return QPDFObjectHandle::newNull();
    QPDFObjectHandle ap = annot.getKey("/AP");
    QPDFObjectHandle normal = ap.isDictionary() ? ap.getKey("/N") : QPDFObjectHandle::newNull();
    if (normal.isDictionary() && !normal.isStream()) {
        QPDFObjectHandle state = annot.getKey("/AS");
        normal = state.isName() ? normal.getKey(state.getName()) : QPDFObjectHandle::newNull();
    }
    return normal.isStream() ? normal : QPDFObjectHandle::newNull();
}

// The matrix that fits an appearance's transformed BBox to the
// annotation's Rect (ISO 32000-1, 12.5.5).
bool appearance_placement(QPDFObjectHandle annot, QPDFObjectHandle form, Matrix& out) {
    auto numbers = [](QPDFObjectHandle a, double v[4]) {
        if (!a.isArray() || a.getArrayNItems() != 4) return false;
        for (int i = 0; i < 4; ++i) v[i] = num(a.getArrayItem(i));
        return true;
    };
    double rect[4], bbox[4];
    if (!numbers(annot.getKey("/Rect"), rect) || !numbers(form.getDict().getKey("/BBox"), bbox)) return false;
    const Matrix m = matrix_of(form.getDict().getKey("/Matrix"));
    Rect box;
    for (double x : {bbox[0], bbox[2]}) {
        for (double y : {bbox[1], bbox[3]}) {
            double px, py;
            m.apply(x, y, px, py);
            box.add(px, py);
        }
    }
    if (box.x1 - box.x0 <= 0 || box.y1 - box.y0 <= 0) return false;
    const double rx0 = std::min(rect[0], rect[2]), rx1 = std::max(rect[0], rect[2]);
    const double ry0 = std::min(rect[1], rect[3]), ry1 = std::max(rect[1], rect[3]);
    const double sx = (rx1 - rx0) / (box.x1 - box.x0), sy = (ry1 - ry0) / (box.y1 - box.y0);
    out = Matrix{sx, 0, 0, sy, rx0 - box.x0 * sx, ry0 - box.y0 * sy};
    return true;
}

}  // namespace

void walk_page_content(QPDFObjectHandle page, ContentListener& listener) {
    QPDFPageObjectHelper helper(page);
    QPDFObjectHandle resources = helper.getAttribute("/Resources", false);
    QPDFObjectHandle group = page.getKey("/Group");
    if (group.isDictionary()) {
        if (group.getKey("/S").isName() && group.getKey("/S").getName() == "/Transparency")
            listener.transparency("the page is a transparency group");
        if (group.hasKey("/CS"))
            listener.colour_used(classify_colour_space(group.getKey("/CS"), resources), "page transparency group");
    }
    PageWalk walk{listener, {}, {}, {}};
    StreamWalker walker(walk, resources, GState{}, Matrix{}, 0);
    helper.parseContents(&walker);

    // Annotations that print (stamps, form fields, …) are on the plate too.
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) return;
    for (QPDFObjectHandle annot : annots.aitems()) {
        QPDFObjectHandle appearance = printed_appearance(annot);
        Matrix placement;
        if (appearance.isNull() || !appearance_placement(annot, appearance, placement)) continue;
        GState start;
        start.ctm = placement;
        QPDFObjectHandle subtype = annot.getKey("/Subtype");
        const std::string name = "of a " + (subtype.isName() ? subtype.getName().substr(1) : std::string("?")) + " annotation";
        StreamWalker placed(walk, resources, start, placement, 0);
        placed.place_form(appearance, name);
    }
}

}  // namespace koho::print::detail
