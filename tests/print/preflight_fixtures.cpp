// The PDFs the preflight tests check, built with libqpdf (and one Cairo
// font). See preflight_fixtures.h.
#include "print/preflight_fixtures.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>
#include <string>

namespace koho::test {
namespace {

using QOH = QPDFObjectHandle;

QOH rect(double x0, double y0, double x1, double y1) {
    return QOH::newArray({QOH::newReal(x0, 4), QOH::newReal(y0, 4), QOH::newReal(x1, 4), QOH::newReal(y1, 4)});
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Three glyphs of Noto Sans CJK set by Cairo: its PDF embeds them as a
// CFF subset (Type0, CIDFontType0C), numbered 1, 2, 3 in order of use.
std::string cairo_pdf_with_text() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library)) throw std::runtime_error("FreeType does not start");
    FT_Face face = nullptr;
    const std::string path = std::string(KOHO_SOURCE_DIR) + "/fonts/NotoSansCJK-Regular.ttc";
    if (FT_New_Face(library, path.c_str(), 0, &face)) throw std::runtime_error("cannot load " + path);
    std::string pdf;
    {
        cairo_font_face_t* cface = cairo_ft_font_face_create_for_ft_face(face, 0);
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, 100, 100);
        cairo_t* cr = cairo_create(surface);
        cairo_set_font_face(cr, cface);
        cairo_set_font_size(cr, 10);
        cairo_glyph_t glyphs[3];
        const char* text = "Kho";
        for (int i = 0; i < 3; ++i)
            glyphs[i] = {FT_Get_Char_Index(face, static_cast<FT_ULong>(text[i])), 10.0 + 6 * i, 50.0};
        cairo_show_glyphs(cr, glyphs, 3);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        cairo_surface_destroy(surface);
        cairo_font_face_destroy(cface);
    }
    FT_Done_Face(face);
    FT_Done_FreeType(library);
    return pdf;
}

}  // namespace

PdfFixture::PdfFixture() : pdf_(std::make_unique<QPDF>()) { pdf_->emptyPDF(); }

QOH PdfFixture::add_page(const std::string& content, double bleed_mm) {
    const double slug = kSlugMm * kMm, bleed = bleed_mm * kMm, trim = kTrimMm * kMm;
    const double media = 2 * (slug + bleed) + trim;
    QOH page = pdf_->makeIndirectObject(QOH::newDictionary());
    page.replaceKey("/Type", QOH::newName("/Page"));
    page.replaceKey("/MediaBox", rect(0, 0, media, media));
    page.replaceKey("/BleedBox", rect(slug, slug, media - slug, media - slug));
    page.replaceKey("/TrimBox", rect(slug + bleed, slug + bleed, media - slug - bleed, media - slug - bleed));
    page.replaceKey("/Resources", QOH::newDictionary());
    page.replaceKey("/Contents", pdf_->newStream(content));
    QPDFPageDocumentHelper(*pdf_).addPage(page, false);
    return QOH(pdf_->getAllPages().back());
}

void PdfFixture::append_content(QOH page, const std::string& content) {
    QPDFPageObjectHelper(page).addPageContents(pdf_->newStream("\n" + content + "\n"), false);
}

void PdfFixture::add_resource(QOH holder, const std::string& category, const std::string& name, QOH object) {
    QOH dict = holder.isStream() ? holder.getDict() : holder;
    QOH resources = dict.isDictionary() && dict.hasKey("/Type") ? dict.getKey("/Resources") : dict;
    if (!resources.isDictionary()) {
        resources = QOH::newDictionary();
        dict.replaceKey("/Resources", resources);
    }
    QOH group = resources.getKey(category);
    if (!group.isDictionary()) {
        group = QOH::newDictionary();
        resources.replaceKey(category, group);
    }
    group.replaceKey(name, object);
}

QOH PdfFixture::embedded_font() {
    if (font_.isInitialized() && !font_.isNull()) return font_;
    // qpdf reads from memory it does not own, lazily: both live as long as we do.
    font_bytes_ = std::make_unique<std::string>(cairo_pdf_with_text());
    font_source_ = std::make_unique<QPDF>();
    font_source_->processMemoryFile("cairo font", font_bytes_->data(), font_bytes_->size());
    QOH fonts = QOH(font_source_->getAllPages().at(0)).getKey("/Resources").getKey("/Font");
    for (const auto& [name, font] : fonts.ditems()) {
        font_ = pdf_->copyForeignObject(font);
        return font_;
    }
    throw std::runtime_error("Cairo wrote no font");
}

QOH PdfFixture::helvetica() {
    return pdf_->makeIndirectObject(
        QOH::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
}

QOH PdfFixture::type3_font() {
    QOH glyph = pdf_->newStream("1000 0 0 0 750 750 d1 0 0 750 750 re f");
    QOH font = QOH::parse(
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0]"
        " /Encoding << /Type /Encoding /Differences [97 /square] >> /FirstChar 97 /LastChar 97 /Widths [1000] >>");
    QOH procs = QOH::newDictionary();
    procs.replaceKey("/square", glyph);
    font.replaceKey("/CharProcs", procs);
    return pdf_->makeIndirectObject(font);
}

QOH PdfFixture::unembedded_cid_font() {
    QOH descriptor = pdf_->makeIndirectObject(QOH::parse(
        "<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [0 -120 1000 880]"
        " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 740 /StemV 80 >>"));
    QOH cid = QOH::parse(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /DW 1000 >>");
    cid.replaceKey("/FontDescriptor", descriptor);
    QOH font = QOH::parse("<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /Identity-H >>");
    font.replaceKey("/DescendantFonts", QOH::newArray({pdf_->makeIndirectObject(cid)}));
    return pdf_->makeIndirectObject(font);
}

QOH PdfFixture::image(int width, int height, const std::string& colour_space, int components, unsigned char level) {
    std::string samples(static_cast<size_t>(width) * height * components, static_cast<char>(level));
    QOH image = pdf_->newStream(samples);
    QOH dict = image.getDict();
    dict.replaceKey("/Type", QOH::newName("/XObject"));
    dict.replaceKey("/Subtype", QOH::newName("/Image"));
    dict.replaceKey("/Width", QOH::newInteger(width));
    dict.replaceKey("/Height", QOH::newInteger(height));
    dict.replaceKey("/ColorSpace", QOH::newName(colour_space));
    dict.replaceKey("/BitsPerComponent", QOH::newInteger(8));
    return image;
}

QOH PdfFixture::stencil_mask(int width, int height) {
    std::string bits(static_cast<size_t>((width + 7) / 8) * height, '\x55');
    QOH image = pdf_->newStream(bits);
    QOH dict = image.getDict();
    dict.replaceKey("/Type", QOH::newName("/XObject"));
    dict.replaceKey("/Subtype", QOH::newName("/Image"));
    dict.replaceKey("/Width", QOH::newInteger(width));
    dict.replaceKey("/Height", QOH::newInteger(height));
    dict.replaceKey("/ImageMask", QOH::newBool(true));
    dict.replaceKey("/BitsPerComponent", QOH::newInteger(1));
    return image;
}

QOH PdfFixture::form(const std::string& content, QOH resources, const std::string& matrix) {
    QOH form = pdf_->newStream(content);
    QOH dict = form.getDict();
    dict.replaceKey("/Type", QOH::newName("/XObject"));
    dict.replaceKey("/Subtype", QOH::newName("/Form"));
    dict.replaceKey("/BBox", rect(0, 0, 1000, 1000));
    if (!matrix.empty()) dict.replaceKey("/Matrix", QOH::parse(matrix));
    dict.replaceKey("/Resources", resources.isDictionary() ? resources : QOH::newDictionary());
    return form;
}

QOH PdfFixture::ext_gstate(const std::string& dict_text) { return pdf_->makeIndirectObject(QOH::parse(dict_text)); }

namespace {

// The check looks only at /N; these bytes are not a real ICC profile, and
// Ghostscript ignores output intents unless asked to use them.
QOH output_intent(QPDF& pdf) {
    QOH profile = pdf.newStream(std::string("stand-in for a CMYK output profile"));
    profile.getDict().replaceKey("/N", QOH::newInteger(4));
    QOH intent = QOH::parse(
        "<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39)"
        " /Info (Coated FOGRA39 \\(test\\)) /RegistryName (http://www.color.org) >>");
    intent.replaceKey("/DestOutputProfile", profile);
    return pdf.makeIndirectObject(intent);
}

void set_info(QPDF& pdf, const std::string& version, bool conformance) {
    QOH info = pdf.makeIndirectObject(QOH::newDictionary());
    info.replaceKey("/Title", QOH::newUnicodeString("Preflight fixture"));
    info.replaceKey("/CreationDate", QOH::newString("D:20260101000000Z"));
    info.replaceKey("/ModDate", QOH::newString("D:20260101000000Z"));
    info.replaceKey("/GTS_PDFXVersion", QOH::newString(version));
    if (conformance) info.replaceKey("/GTS_PDFXConformance", QOH::newString(version));
    info.replaceKey("/Trapped", QOH::newName("/False"));
    pdf.getTrailer().replaceKey("/Info", info);
    pdf.getRoot().replaceKey("/OutputIntents", QOH::newArray({output_intent(pdf)}));
}

}  // namespace

void PdfFixture::make_pdfx4() {
    set_info(*pdf_, "PDF/X-4", false);
    const std::string xmp =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">"
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description>\n"
        "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    QOH metadata = pdf_->newStream(xmp);
    metadata.getDict().replaceKey("/Type", QOH::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QOH::newName("/XML"));
    pdf_->getRoot().replaceKey("/Metadata", metadata);
}

void PdfFixture::make_pdfx1a() { set_info(*pdf_, "PDF/X-1a:2001", true); }

std::string PdfFixture::bytes(const std::string& pdf_version) {
    QPDFWriter writer(*pdf_);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.forcePDFVersion(pdf_version);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

QOH clean_page(PdfFixture& f) {
    const double safe = trim_origin_pt(3) + 5 * kMm;  // comfortably inside the 3 mm zone
    const std::string S = std::to_string(safe);
    const std::string content =
        // A background over the whole bleed (140 %), a 300 % area.
        "q 0.2 0.5 0.6 0.1 k " + std::to_string(kSlugMm * kMm) + " " + std::to_string(kSlugMm * kMm) + " " +
        std::to_string((kTrimMm + 6) * kMm) + " " + std::to_string((kTrimMm + 6) * kMm) + " re f Q\n" +
        "q 0.9 0.8 0.7 0.6 k " + S + " " + S + " 40 40 re f Q\n" +
        // 8 pt text in K only; 14 pt text in rich black (fine at that size).
        "BT /F1 8 Tf 0 0 0 1 k 1 0 0 1 " + S + " " + std::to_string(safe + 60) + " Tm " + kGlyphs + " Tj ET\n" +
        "BT /F1 14 Tf 0.4 0.3 0.3 1 k 1 0 0 1 " + S + " " + std::to_string(safe + 80) + " Tm " + kGlyphs + " Tj ET\n" +
        // A 0.3 pt rule, and a 0.05 pt rule drawn ten times larger (0.5 pt).
        "q 0.3 w 0 0 0 1 K " + S + " 120 m 200 120 l S Q\n" +
        "q 10 0 0 10 0 0 cm 0.05 w 0 0 0 1 K 8 14 m 18 14 l S Q\n" +
        // 150 px over half an inch: exactly 300 ppi; a coarse stencil mask.
        "q 36 0 0 36 180 60 cm /Im1 Do Q\n"
        "q 0 0 0 1 k 100 0 0 100 150 150 cm /Mask1 Do Q\n"
        // A form with text and a fill, placed at half size.
        "q /Fm1 Do Q\n"
        // A label in the slug, outside the trim: not the safe zone's business.
        "BT /F1 6 Tf 0 0 0 1 k 1 0 0 1 4 4 Tm " + kGlyphs + " Tj ET\n";
    QOH page = f.add_page(content, 3);
    QOH font = f.embedded_font();
    f.add_resource(page, "/Font", "/F1", font);
    f.add_resource(page, "/XObject", "/Im1", f.image(150, 150, "/DeviceCMYK", 4));
    f.add_resource(page, "/XObject", "/Mask1", f.stencil_mask(8, 8));
    QOH form_resources = QOH::newDictionary();
    QOH form = f.form("0 1 0 0 k 200 200 100 100 re f BT /F1 20 Tf 0 0 0 1 k 1 0 0 1 220 260 Tm " +
                          std::string(kGlyphs) + " Tj ET",
                      form_resources, "[0.5 0 0 0.5 " + S + " " + S + "]");
    f.add_resource(form, "/Font", "/F1", font);
    f.add_resource(page, "/XObject", "/Fm1", form);
    return page;
}

PdfFixture clean_fixture() {
    PdfFixture f;
    clean_page(f);
    f.make_pdfx4();
    return f;
}

}  // namespace koho::test
