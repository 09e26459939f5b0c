// read_gallery_pdf_facts (gallery_pdf_facts.h), with libqpdf: the boxes as
// the PDF states them, with the defaults PDF 1.7 §14.11.2 gives a missing
// box (bleed and trim default to the crop box, the crop box to the media
// box).
#include "proof/gallery_pdf_facts.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <exception>
#include <string>

#include "core/diagnostic.h"
#include "print/qpdf_support.h"

namespace koho::proof {
namespace {

GalleryBox gallery_box_of(QPDFObjectHandle box) {
    const QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
    // A box may be written with its corners in either order.
    return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

// The colour the output intent declares: its profile's channel count.
std::string output_intent_colour(QPDFObjectHandle catalog) {
    QPDFObjectHandle intents = catalog.getKey("/OutputIntents");
    if (!intents.isArray()) return "";
    for (QPDFObjectHandle intent : intents.aitems()) {
        if (!intent.isDictionary()) continue;
        QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
        if (!profile.isStream()) continue;
        QPDFObjectHandle n = profile.getDict().getKey("/N");
        if (!n.isInteger()) continue;
        switch (n.getIntValue()) {
            case 4: return "CMYK";
            case 3: return "RGB";
            case 1: return "Gray";
            default: return "";
        }
    }
    return "";
}

std::string pdfx_version_of(QPDF& pdf) {
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (!info.isDictionary()) return "";
    QPDFObjectHandle version = info.getKey("/GTS_PDFXVersion");
    return version.isString() ? version.getUTF8Value() : "";
}

}  // namespace

void read_gallery_pdf_facts(const std::filesystem::path& file, GalleryPdf& pdf) {
    const std::string where = file.string();
    QPDF doc;
    doc.setLogger(print::detail::silent_logger());
    doc.setSuppressWarnings(true);
    try {
        doc.processFile(where.c_str());
        int number = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages()) {
            GalleryPage p;
            p.number = ++number;
            p.media = gallery_box_of(page.getMediaBox(false));
            p.bleed = gallery_box_of(page.getBleedBox(false, false));
            p.trim = gallery_box_of(page.getTrimBox(false, false));
            pdf.pages.push_back(p);
        }
        pdf.pdfx = pdfx_version_of(doc);
        pdf.colour = output_intent_colour(doc.getRoot());
    } catch (const koho::Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_input({where}, std::string("not a readable PDF: ") + e.what());
    }
    if (pdf.pages.empty()) fail_input({where}, "the PDF has no pages");
}

}  // namespace koho::proof
