// The last check before a PDF/X-1a file is written: nothing in it needs a
// PDF version above 1.3. QPDFWriter::forcePDFVersion("1.3") writes the
// header it is told and keeps whatever the objects use, so without this a
// soft mask or a JPEG 2000 image would sail out under a PDF/X-1a claim.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <optional>
#include <set>
#include <string>

#include "core/units.h"
#include "print/pdfx_transparency.h"

namespace koho::print {
namespace {

bool is_name(QPDFObjectHandle object, const char* name) {
    return object.isName() && object.getName() == name;
}

bool filter_uses(QPDFObjectHandle filter, const char* name) {
    if (is_name(filter, name)) return true;
    if (filter.isArray())
        for (QPDFObjectHandle f : filter.aitems())
            if (is_name(f, name)) return true;
    return false;
}

// What in one dictionary (or stream dictionary) is newer than PDF 1.3.
std::optional<std::string> newer_feature(QPDFObjectHandle dict) {
    QPDFObjectHandle group = dict.getKey("/Group");
    if (group.isDictionary() && is_name(group.getKey("/S"), "/Transparency"))
        return std::string("a transparency group (PDF 1.4)");
    QPDFObjectHandle smask = dict.getKey("/SMask");
    if (!smask.isNull() && !is_name(smask, "/None")) return std::string("a soft mask (PDF 1.4)");
    for (const char* key : {"/CA", "/ca"}) {
        QPDFObjectHandle alpha = dict.getKey(key);
        if (alpha.isNumber() && alpha.getNumericValue() < 1)
            return "constant alpha " + format_number(alpha.getNumericValue(), 3) + " (PDF 1.4)";
    }
    QPDFObjectHandle blend = dict.getKey("/BM");
    if (!blend.isNull() && !is_name(blend, "/Normal") && !is_name(blend, "/Compatible"))
        return "blend mode " + (blend.isName() ? blend.getName().substr(1) : blend.unparse()) + " (PDF 1.4)";
    QPDFObjectHandle filter = dict.getKey("/Filter");
    if (filter_uses(filter, "/JPXDecode")) return std::string("a JPEG 2000 image (PDF 1.5)");
    if (filter_uses(filter, "/JBIG2Decode")) return std::string("a JBIG2 image (PDF 1.4)");
    QPDFObjectHandle bits = dict.getKey("/BitsPerComponent");
    if (bits.isInteger() && bits.getIntValue() > 8 && is_name(dict.getKey("/Subtype"), "/Image"))
        return std::string("a 16-bit image (PDF 1.5)");
    if (dict.hasKey("/OCProperties") || dict.hasKey("/OC")) return std::string("optional content (PDF 1.5)");
    if (is_name(dict.getKey("/Type"), "/Metadata")) return std::string("an XMP metadata stream (PDF 1.4)");
    QPDFObjectHandle font_file = dict.getKey("/FontFile3");
    if (font_file.isStream() && is_name(font_file.getDict().getKey("/Subtype"), "/OpenType"))
        return std::string("an OpenType font program (PDF 1.6)");
    return std::nullopt;
}

// Visits everything reachable from `object` once (what the writer writes),
// never following /Parent, so that a page's walk stays on that page.
class Walk {
public:
    std::optional<std::string> find(QPDFObjectHandle object) {
        if (object.isIndirect() && !seen_.insert(object.getObjGen()).second) return std::nullopt;
        if (object.isStream()) return find_in_dict(object.getDict());
        if (object.isDictionary()) return find_in_dict(object);
        if (object.isArray()) {
            for (QPDFObjectHandle item : object.aitems())
                if (auto found = find(item)) return found;
        }
        return std::nullopt;
    }

private:
    std::optional<std::string> find_in_dict(QPDFObjectHandle dict) {
        if (auto found = newer_feature(dict)) return found;
        for (const std::string& key : dict.getKeys()) {
            if (key == "/Parent") continue;
            if (auto found = find(dict.getKey(key))) return found;
        }
        return std::nullopt;
    }

    std::set<QPDFObjGen> seen_;
};

}  // namespace

void refuse_features_above_pdf13(QPDF& pdf, const SourceLoc& document) {
    const std::string advice = ", which PDF/X-1a (PDF 1.3) cannot carry; use --pdfx 4 or remove it";
    Walk walk;
    const std::vector<QPDFObjectHandle>& pages = pdf.getAllPages();
    for (size_t i = 0; i < pages.size(); ++i) {
        if (auto found = walk.find(pages[i]))
            fail_input(document, "page " + std::to_string(i + 1) + " uses " + *found + advice);
    }
    if (auto found = walk.find(pdf.getTrailer())) fail_input(document, "the PDF uses " + *found + advice);
}

}  // namespace koho::print
