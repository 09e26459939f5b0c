// Saddle-stitch imposition of a finished print PDF with libqpdf.
//
// Every source page becomes a form XObject; each sheet side of the new PDF
// places two of them so that their trim boxes meet at the spine. A page is
// clipped at its trim on the spine side (the two pages meet at the fold)
// and at the common bleed on its other three sides. The sheet carries its
// own TrimBox (both trims), BleedBox and トンボ, drawn with trim_marks()
// from the same geometry as a single koho page: its top and bottom centre
// marks fall on the spine, so they are the fold marks. The source is a
// print file already in its output colours, so the marks are registration
// colour as CMYK operators, and the output intent, XMP and Info go along.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"
#include "print/impose.h"
#include "print/page_geometry.h"
#include "print/qpdf_support.h"
#include "print/trim_marks.h"

namespace koho::print {
namespace {

using detail::box_array;
using detail::silent_logger;

// Trim sizes that differ by less than this are the same size: rounding in
// producers' box arrays, far below a guillotine's precision.
constexpr double kSizeTolerancePt = 0.01;

struct SourcePage {
    QPDFObjectHandle page;
    PdfBox media, bleed, trim;
};

std::string mm_text(double pt) { return format_number(pt / kPtPerMm, 2); }

std::string size_text(const PdfBox& box) {
    return mm_text(box.width()) + " x " + mm_text(box.height()) + " mm";
}

PdfBox to_box(QPDFObjectHandle array) {
    const QPDFObjectHandle::Rectangle r = array.getArrayAsRectangle();
    return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
            std::max(r.lly, r.ury)};
}

bool inside(const PdfBox& inner, const PdfBox& outer) {
    constexpr double e = 1e-3;
    return inner.x0 >= outer.x0 - e && inner.y0 >= outer.y0 - e && inner.x1 <= outer.x1 + e &&
           inner.y1 <= outer.y1 + e;
}

PdfBox intersect(const PdfBox& a, const PdfBox& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

// Annotations are not part of a page's content, so a form XObject leaves
// them behind. Links do not print and may go; anything that prints would
// silently vanish from the sheet, so it is refused.
void check_annotations(QPDFObjectHandle page, const SourceLoc& where, int number) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) return;
    for (QPDFObjectHandle annot : annots.aitems()) {
        if (!annot.isDictionary()) continue;
        QPDFObjectHandle subtype = annot.getKey("/Subtype");
        const std::string kind = subtype.isName() ? subtype.getName() : "/?";
        QPDFObjectHandle flags = annot.getKey("/F");
        const bool prints = flags.isInteger() && (flags.getIntValue() & 4) != 0;
        if (prints && kind != "/Link")
            fail_input(where, "page " + std::to_string(number) + " has a printing " + kind.substr(1) +
                                  " annotation, which imposition cannot carry onto the sheet");
    }
}

SourcePage read_source_page(QPDFObjectHandle page, const SourceLoc& where, int number) {
    const std::string which = "page " + std::to_string(number);
    QPDFObjectHandle rotate = page.getKey("/Rotate");
    if (rotate.isInteger() && rotate.getIntValue() % 360 != 0)
        fail_input(where, which + " is rotated (/Rotate " + std::to_string(rotate.getIntValue()) +
                              "); imposition needs upright pages");
    QPDFObjectHandle unit = page.getKey("/UserUnit");
    if (unit.isNumber() && std::abs(unit.getNumericValue() - 1) > 1e-9)
        fail_input(where, which + " has a /UserUnit other than 1; imposition needs pages in points");

    SourcePage source;
    source.page = page;
    QPDFObjectHandle media = page.getKey("/MediaBox");
    if (!media.isRectangle()) fail_input(where, which + " has no valid MediaBox");
    source.media = to_box(media);
    QPDFObjectHandle trim = page.getKey("/TrimBox");
    if (!trim.isRectangle())
        fail_input(where, which + " has no TrimBox; imposition needs the trimmed size of every page");
    source.trim = to_box(trim);
    if (source.trim.width() <= 0 || source.trim.height() <= 0)
        fail_input(where, which + " has an empty TrimBox");
    // Without a BleedBox the bleed is the crop box, else the media box
    // (PDF 32000 14.11.2), and never more than the media box.
    QPDFObjectHandle bleed = page.getKey("/BleedBox");
    if (!bleed.isRectangle()) bleed = page.getKey("/CropBox");
    source.bleed = bleed.isRectangle() ? intersect(to_box(bleed), source.media) : source.media;
    if (!inside(source.trim, source.bleed))
        fail_input(where, which + "'s TrimBox does not lie inside its BleedBox and MediaBox");
    check_annotations(page, where, number);
    return source;
}

// The bleed every sheet keeps: the smallest bleed of any page on any side,
// so that all sheets are alike and no page shows beyond its own bleed.
double common_bleed(const std::vector<SourcePage>& pages) {
    double bleed = INFINITY;
    for (const SourcePage& p : pages) {
        bleed = std::min({bleed, p.trim.x0 - p.bleed.x0, p.trim.y0 - p.bleed.y0,
                          p.bleed.x1 - p.trim.x1, p.bleed.y1 - p.trim.y1});
    }
    return std::max(0.0, bleed);
}

std::string num(double value) { return format_number(value); }

std::string rect_op(double x0, double y0, double x1, double y1) {
    return num(x0) + " " + num(y0) + " " + num(x1 - x0) + " " + num(y1 - y0) + " re";
}

// Content that draws one page at one half of a sheet, clipped.
std::string place_page(const SourcePage& page, const std::string& name, const PdfBox& clip,
                       double trim_x, double trim_y) {
    std::string s = "q\n" + rect_op(clip.x0, clip.y0, clip.x1, clip.y1) + " W n\n";
    s += "1 0 0 1 " + num(trim_x - page.trim.x0) + " " + num(trim_y - page.trim.y0) + " cm\n";
    s += name + " Do\nQ\n";
    return s;
}

// The sheet's トンボ as stroked lines in registration colour. trim_marks()
// works in Cairo's y-down space from the media box's top-left corner.
std::string marks_content(const PageGeometry& sheet) {
    const TrimMarks marks = trim_marks(sheet);
    const double h = sheet.media.height();
    std::string s = "q\n1 1 1 1 K\n" + num(kMarkLineWidthPt) + " w 0 J [] 0 d\n";
    for (const auto* list : {&marks.corner, &marks.centre}) {
        for (const MarkLine& l : *list) {
            s += num(l.x1) + " " + num(h - l.y1) + " m " + num(l.x2) + " " + num(h - l.y2) + " l\n";
        }
    }
    s += "S\nQ\n";
    return s;
}

// The document-level parts that keep the result a print file: output
// intents, XMP metadata, the Info dictionary.
void copy_document_parts(QPDF& in, QPDF& out) {
    auto copy = [&](QPDFObjectHandle object) {
        if (!object.isIndirect()) object = in.makeIndirectObject(object);
        return out.copyForeignObject(object);
    };
    QPDFObjectHandle root = in.getRoot();
    QPDFObjectHandle intents = root.getKey("/OutputIntents");
    if (intents.isArray()) {
        QPDFObjectHandle copied = QPDFObjectHandle::newArray();
        for (QPDFObjectHandle intent : intents.aitems()) copied.appendItem(copy(intent));
        out.getRoot().replaceKey("/OutputIntents", copied);
    }
    QPDFObjectHandle metadata = root.getKey("/Metadata");
    if (metadata.isStream()) out.getRoot().replaceKey("/Metadata", copy(metadata));
    QPDFObjectHandle lang = root.getKey("/Lang");
    if (lang.isString()) out.getRoot().replaceKey("/Lang", lang.shallowCopy());
    QPDFObjectHandle info = in.getTrailer().getKey("/Info");
    if (info.isDictionary()) out.getTrailer().replaceKey("/Info", copy(info));
}

void check_one_size(const std::vector<SourcePage>& pages, const SourceLoc& where) {
    const PdfBox& first = pages.front().trim;
    for (size_t i = 1; i < pages.size(); ++i) {
        const PdfBox& t = pages[i].trim;
        if (std::abs(t.width() - first.width()) > kSizeTolerancePt ||
            std::abs(t.height() - first.height()) > kSizeTolerancePt)
            fail_input(where, "page " + std::to_string(i + 1) + " is trimmed to " + size_text(t) +
                                  " but page 1 to " + size_text(first) +
                                  "; a booklet's pages must all be one size");
    }
}

// Where the two halves of every sheet side lie.
struct SheetLayout {
    PageGeometry geometry;  // the spread's boxes and marks
    double spine = 0;       // x of the fold
    PdfBox left_clip, right_clip;
};

SheetLayout sheet_layout(double page_w, double page_h, double bleed) {
    SheetLayout s;
    s.geometry = page_geometry(2 * page_w, page_h, bleed, MarkStyle::Tombo);
    const PdfBox& b = s.geometry.bleed;
    s.spine = s.geometry.trim.x0 + page_w;
    s.left_clip = {b.x0, b.y0, s.spine, b.y1};
    s.right_clip = {s.spine, b.y0, b.x1, b.y1};
    return s;
}

// One sheet side: the pages at booklet positions `left` and `right`
// (source page 0 = blank), then the marks.
void add_sheet_side(QPDF& out, const SheetLayout& sheet, const std::vector<SourcePage>& pages,
                    const std::vector<QPDFObjectHandle>& forms, int left, int right,
                    const std::string& marks) {
    QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
    std::string content;
    auto place = [&](int source, const PdfBox& clip, double trim_x) {
        if (source == 0) return;  // a blank page: white paper
        const std::string name = "/Page" + std::to_string(source);
        xobjects.replaceKey(name, forms[source - 1]);
        content += place_page(pages[source - 1], name, clip, trim_x, sheet.geometry.trim.y0);
    };
    place(left, sheet.left_clip, sheet.geometry.trim.x0);
    place(right, sheet.right_clip, sheet.spine);
    content += marks;

    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/XObject", xobjects);
    QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
    page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
    page.replaceKey("/MediaBox", box_array(sheet.geometry.media));
    page.replaceKey("/BleedBox", box_array(sheet.geometry.bleed));
    page.replaceKey("/TrimBox", box_array(sheet.geometry.trim));
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(&out, content));
    out.addPage(out.makeIndirectObject(page), false);
}

std::string impose(QPDF& in, const SourceLoc& where, const ImposeOptions& options) {
    in.pushInheritedAttributesToPage();
    const std::vector<QPDFObjectHandle> all = in.getAllPages();
    std::vector<SourcePage> pages;
    for (size_t i = 0; i < all.size(); ++i)
        pages.push_back(read_source_page(all[i], where, static_cast<int>(i + 1)));
    std::vector<int> booklet;
    try {
        booklet = booklet_pages(static_cast<int>(pages.size()), options.pad_with_blanks);
    } catch (const Error& e) {
        fail_input(where, e.message());
    }
    check_one_size(pages, where);
    const SheetLayout sheet =
        sheet_layout(pages.front().trim.width(), pages.front().trim.height(), common_bleed(pages));

    // All forms are made before anything is copied: qpdf copies an object
    // once, so later changes to the source would not reach the copy.
    std::vector<QPDFObjectHandle> forms;
    for (const SourcePage& p : pages) {
        QPDFObjectHandle form = QPDFPageObjectHelper(p.page).getFormXObjectForPage(false);
        // The whole page, bleed included; the sheet clips it.
        form.getDict().replaceKey("/BBox", box_array(p.media));
        forms.push_back(form);
    }

    QPDF out;
    out.setLogger(silent_logger());
    out.setSuppressWarnings(true);
    out.emptyPDF();
    for (QPDFObjectHandle& form : forms) form = out.copyForeignObject(form);
    copy_document_parts(in, out);

    const std::string marks = marks_content(sheet.geometry);
    for (const auto& [left, right] : saddle_stitch_order(static_cast<int>(booklet.size()), options.binding))
        add_sheet_side(out, sheet, pages, forms, booklet[left - 1], booklet[right - 1], marks);

    if (in.anyWarnings())
        fail_input(where, std::string("the PDF is damaged: ") + in.getWarnings().front().what());

    QPDFWriter writer(out);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    // A PDF/X-1a file stays PDF 1.3, an X-4 file 1.6: the sheets need
    // nothing newer than the pages they carry.
    writer.setMinimumPDFVersion(in.getPDFVersion());
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

namespace {

void read_pdf(QPDF& in, const std::string& pdf_bytes, const SourceLoc& where) {
    in.setLogger(silent_logger());
    in.setSuppressWarnings(true);
    try {
        in.processMemoryFile(where.file.c_str(), pdf_bytes.data(), pdf_bytes.size());
    } catch (const std::exception& e) {
        fail_input(where, std::string("not a PDF qpdf can read: ") + e.what());
    }
}

}  // namespace

std::optional<Binding> declared_binding(const std::string& pdf_bytes, const std::string& source_name) {
    const SourceLoc where{source_name};
    QPDF in;
    read_pdf(in, pdf_bytes, where);
    try {
        QPDFObjectHandle preferences = in.getRoot().getKey("/ViewerPreferences");
        if (!preferences.isDictionary()) return std::nullopt;
        QPDFObjectHandle direction = preferences.getKey("/Direction");
        if (direction.isNameAndEquals("/R2L")) return Binding::Right;
        if (direction.isNameAndEquals("/L2R")) return Binding::Left;
        return std::nullopt;
    } catch (const std::exception& e) {
        fail_input(where, std::string("the PDF is damaged: ") + e.what());
    }
}

std::string impose_saddle_stitch(const std::string& pdf_bytes, const std::string& source_name,
                                 const ImposeOptions& options) {
    const SourceLoc where{source_name};
    QPDF in;
    read_pdf(in, pdf_bytes, where);
    try {
        return impose(in, where, options);
    } catch (const Error&) {
        throw;
    } catch (const QPDFExc& e) {
        fail_input(where, std::string("the PDF is damaged: ") + e.what());
    } catch (const std::exception& e) {
        fail_system(where, std::string("imposing the PDF with qpdf failed: ") + e.what());
    }
}

}  // namespace koho::print
