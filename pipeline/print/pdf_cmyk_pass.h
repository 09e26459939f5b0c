// The CMYK pass's working state, shared by its parts (internal to print/).
//
// One CmykPass walks the PDF from the pages down. Every object it converts
// is visited once, keyed by its qpdf object id and the target it was
// converted for: ink (CMYK through the InkConverter) or luminance (DeviceGray
// for soft-mask groups, whose colours are a mask and never ink). An object
// reached for both targets is copied for the second one.
//
// The parts: pdf_cmyk.cpp (pages, annotations, clean-up), pdf_cmyk_resources
// (XObjects, patterns, ExtGStates, fonts), pdf_cmyk_colour (colour values
// and spaces, overprint states), pdf_cmyk_content(_colour) (content
// streams), pdf_cmyk_shading and _mesh (shadings and their functions),
// pdf_cmyk_image (image pixels), pdf_cmyk_jpeg (libjpeg).
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "print/ink.h"
#include "print/pdf_cmyk.h"

namespace koho::print::detail {

enum class Target { Ink, Luminance };

// A number written into the PDF through koho's formatter (4 decimals).
QPDFObjectHandle pdf_number(double value);
// Numbers of an array, or nothing when an item is not a number.
std::optional<std::vector<double>> numbers_of(QPDFObjectHandle array);

// Transparency found in an object and everything it reaches, in the order
// met (each kind once).
struct Findings {
    std::vector<std::string> what;
    void add(const std::string& w);
    void add(const Findings& other);
    bool empty() const { return what.empty(); }
};

// The colour space families the pass understands.
enum class Family { Gray, Rgb, Cmyk, Pattern, Unsupported };

// The number of colour components of a Gray (1), Rgb (3) or Cmyk (4) colour.
inline int components(Family family) { return family == Family::Gray ? 1 : family == Family::Rgb ? 3 : 4; }

struct SpaceInfo {
    Family family = Family::Unsupported;
    Family pattern_base = Family::Unsupported;  // [/Pattern base] for uncoloured patterns
    bool pattern_has_base = false;
    std::string description;  // for messages: "/Lab", "/Separation", …
};

// What a content stream needs to know about its ExtGState resources.
struct GStateInfo {
    std::optional<double> stroke_alpha;  // /CA
    std::optional<double> fill_alpha;    // /ca
    std::optional<bool> soft_mask;       // /SMask: true for a mask, false for /None
    std::optional<bool> blend_normal;    // /BM
    std::optional<bool> overprint_stroke, overprint_fill;  // /OP, /op (/OP alone sets both)
    bool opaque_only = false;            // /CA 1 /ca 1 and nothing else that matters
};

struct XObjectInfo {
    enum Kind { Image, ImageMask, Form } kind = Image;
    QPDFObjGen id;
    bool group = false;  // a form with /Group /S /Transparency
};

// Names a content stream may use, classified before the resources are
// converted (a /CS0 that was DeviceRGB still needs 3 operands read).
struct ResourceView {
    QPDFObjectHandle resources;  // dictionary (gs names for overprint are added here)
    std::map<std::string, SpaceInfo> spaces;
    std::map<std::string, GStateInfo> gstates;
    std::map<std::string, XObjectInfo> xobjects;
    size_t record = 0;  // which opaque-only states are still called: CmykPass's record
};

// How a content stream starts: pages, forms (always invoked with overprint
// off) and patterns know their overprint state; glyph procedures inherit
// the text's. Plain forms inherit alpha, soft mask and blend mode.
struct StreamStart {
    bool overprint_known_off = true;
    bool transparency_known_clean = true;
};

class CmykPass {
public:
    CmykPass(QPDF& pdf, const InkConverter& inks);
    CmykPassResult run();

    // --- shared helpers (pdf_cmyk.cpp)
    [[noreturn]] void fail(const std::string& message) const;
    // The object to convert for `target`: `h` itself, or (when `h` was
    // already converted for the other target) an untouched copy of it.
    QPDFObjectHandle claim(QPDFObjectHandle h, Target target);
    // Whether any ExtGState (or annotation) sets an alpha below 1, a soft
    // mask, a blend mode: what none does is known everywhere, inherited or
    // not.
    bool partial_alpha_anywhere() const { return partial_alpha_; }
    bool soft_mask_anywhere() const { return any_soft_mask_; }
    bool blend_mode_anywhere() const { return any_blend_mode_; }
    // The record of `view`'s resources dictionary (one per dictionary).
    size_t record_resources(const ResourceView& view);
    // A gs call of an opaque-only state that must stay.
    void keep_gstate_call(const ResourceView& view, const std::string& name);

    // --- resources (pdf_cmyk_resources.cpp)
    // Converts every resource of `resources` for `target` and says what the
    // content may use. Resources reached through it add their transparency
    // to `found`.
    ResourceView convert_resources(QPDFObjectHandle resources, Target target, Findings& found);

    // --- content (pdf_cmyk_content.cpp)
    // Rewrites the colour operators of one stream in place.
    void rewrite_content(QPDFObjectHandle stream, ResourceView& view, Target target,
                         StreamStart start, Findings& found);

    // --- shadings (pdf_cmyk_shading.cpp, pdf_cmyk_mesh.cpp)
    QPDFObjectHandle convert_shading(QPDFObjectHandle shading, Target target);

    // --- images (pdf_cmyk_image.cpp)
    QPDFObjectHandle convert_image(QPDFObjectHandle image, Target target, Findings& found);
    std::string converted_image_key(QPDFObjectHandle image, Target target, Family family) const;

    // --- colours (pdf_cmyk_colour.cpp)
    SpaceInfo classify_space(QPDFObjectHandle space) const;
    // Vector colours through the converter (ink) or the PDF luminosity
    // weights (luminance, one component).
    std::vector<double> convert_colour(Family family, const std::vector<double>& in, Target target,
                                       bool* overprint) const;
    // ExtGStates setting overprint, shared by every resources dictionary:
    // the name to use for stroke/fill overprint (OPM 1 always).
    std::string overprint_gstate(ResourceView& view, bool stroke, bool fill);

    QPDF& pdf;
    const InkConverter& inks;
    CmykPassResult result;
    int page = 0;  // 1-based, for messages

    // Forms: what they contain, and whether any use paints them with
    // transparency (their /Group then stays).
    struct FormRecord {
        Findings found;
        bool soft_mask_group = false;
        bool transparent_use = false;
        QPDFObjectHandle form;
    };
    std::map<QPDFObjGen, FormRecord> forms;

private:
    QPDFObjectHandle convert_form(QPDFObjectHandle form, Target target, QPDFObjectHandle inherited,
                                  Findings& found, bool soft_mask_group);
    QPDFObjectHandle convert_xobject(QPDFObjectHandle xobject, Target target,
                                     QPDFObjectHandle inherited, Findings& found, XObjectInfo& info);
    QPDFObjectHandle convert_pattern(QPDFObjectHandle pattern, Target target, Findings& found);
    void convert_gstate(QPDFObjectHandle gstate, Findings& found, GStateInfo& info);
    void convert_type3_font(QPDFObjectHandle font, Target target, Findings& found);
    QPDFObjectHandle convert_function(QPDFObjectHandle function, Family family, Target target);
    QPDFObjectHandle convert_sampled_function(QPDFObjectHandle function, Family family, Target target);
    QPDFObjectHandle convert_exponential(QPDFObjectHandle dict, const std::vector<double>& c0,
                                         const std::vector<double>& c1, Family family, Target target);
    void convert_mesh_colours(QPDFObjectHandle shading, int type, Family family, Target target);
    QPDFObjectHandle convert_space_entry(QPDFObjectHandle space, Target target);
    void convert_page(QPDFObjectHandle page);
    void convert_annotations(QPDFObjectHandle page, Findings& found);
    void clean_up();

    // Before the pages: what soft-mask groups reach (it may need an
    // untouched copy for the other target), and whether alpha, soft masks
    // or blend modes occur at all.
    void find_mask_content(QPDFObjectHandle obj, bool in_mask, std::set<std::pair<QPDFObjGen, bool>>& seen);
    QPDFObjectHandle snapshot(QPDFObjectHandle h);
    std::set<QPDFObjGen> in_masks_;
    std::map<QPDFObjGen, QPDFObjectHandle> pristine_;
    bool partial_alpha_ = false;
    bool any_soft_mask_ = false;
    bool any_blend_mode_ = false;

    // (object id, target) → the converted object, and which targets an id
    // has been claimed for.
    std::map<std::pair<QPDFObjGen, Target>, QPDFObjectHandle> done_;
    std::map<QPDFObjGen, Target> owner_;
    std::map<std::pair<QPDFObjGen, Target>, Findings> done_findings_;
    std::map<std::pair<QPDFObjGen, Target>, QPDFObjectHandle> functions_;
    std::map<std::pair<QPDFObjGen, Target>, ResourceView> views_;
    std::map<std::pair<bool, bool>, QPDFObjectHandle> overprint_states_;

    // Opaque-only ExtGStates that some gs call still needs, per resources
    // dictionary visited; the others are removed at the end.
    struct VisitedResources {
        QPDFObjectHandle resources;
        std::set<std::string> opaque_only;
        std::set<std::string> still_called;
    };
    std::vector<VisitedResources> visited_resources_;
    std::map<QPDFObjGen, size_t> visited_index_;
};

}  // namespace koho::print::detail
