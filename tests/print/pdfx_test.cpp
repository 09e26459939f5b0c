// PDF/X keys written by apply_pdfx and configure_writer_for_pdfx, read back
// with libqpdf (objects), libxml2 (the XMP packet) and qpdf --check.
#include "print/pdfx.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <filesystem>
#include <memory>
#include <regex>

#include "cmyk_test_profile.h"
#include "core/diagnostic.h"
#include "test_support.h"

namespace koho::print {
namespace {

constexpr int64_t kEpoch = 1700000000;  // 2023-11-14 22:13:20 UTC

struct SurfaceCloser {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextCloser {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

// What Cairo 1.16 writes (PDF 1.5, its own /Producer, the clock's dates):
// `pages` pages with one square each, grey level `grey`.
std::string cairo_pdf(int pages, double grey = 0.2) {
    std::string out;
    auto write = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    {
        std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
            cairo_pdf_surface_create_for_stream(write, &out, 200, 200));
        std::unique_ptr<cairo_t, ContextCloser> cr(cairo_create(surface.get()));
        for (int i = 0; i < pages; ++i) {
            cairo_set_source_rgb(cr.get(), grey, grey, grey);
            cairo_rectangle(cr.get(), 20 + i, 20, 100, 100);
            cairo_fill(cr.get());
            cairo_show_page(cr.get());
        }
        cairo_surface_finish(surface.get());
    }
    return out;
}

const OutputProfile& fogra_like_profile() {
    static const OutputProfile profile = [] {
        OutputProfile p;
        p.icc = test::make_cmyk_profile("koho test CMYK (FOGRA39-like)");
        p.description = "Coated FOGRA39 (koho test)";
        p.condition_identifier = "FOGRA39";
        p.registry_name = "http://www.color.org";
        return p;
    }();
    return profile;
}

PdfxOptions x4_options() {
    PdfxOptions options;
    options.level = PdfxLevel::X4;
    options.profile = &fogra_like_profile();
    options.title = "千葉県 児童福祉専門職 採用パンフレット";
    options.creator = "koho 0.2.0";
    options.date_epoch = kEpoch;
    return options;
}

PdfxOptions x1a_options() {
    PdfxOptions options = x4_options();
    options.level = PdfxLevel::X1a;
    return options;
}

// The whole of what the print stage does after the CMYK pass: the keys,
// then a deterministic write in the form the level asks for.
std::string finish(const std::string& input, const PdfxOptions& options, bool object_streams = false) {
    QPDF pdf;
    pdf.processMemoryFile("input", input.data(), input.size());
    apply_pdfx(pdf, options);
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    if (object_streams) writer.setObjectStreamMode(qpdf_o_generate);
    configure_writer_for_pdfx(writer, options.level);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// A PDF read back; keeps its bytes alive as long as the QPDF.
struct ReadBack {
    explicit ReadBack(std::string b) : bytes(std::move(b)) {
        pdf.processMemoryFile("output", bytes.data(), bytes.size());
    }
    QPDFObjectHandle info() { return pdf.getTrailer().getKey("/Info"); }
    QPDFObjectHandle intent() { return pdf.getRoot().getKey("/OutputIntents").getArrayItem(0); }
    std::string bytes;
    QPDF pdf;
};

// The stream's bytes decoded (`decoded`) or as stored in the file.
std::string stream_text(QPDFObjectHandle stream, bool decoded) {
    std::shared_ptr<Buffer> data = decoded ? stream.getStreamData(qpdf_dl_generalized) : stream.getRawStreamData();
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// ---- XMP through libxml2 ---------------------------------------------------

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
    void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct ResultFree {
    void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};

class Xmp {
public:
    explicit Xmp(const std::string& packet)
        : doc_(xmlReadMemory(packet.data(), static_cast<int>(packet.size()), "xmp.xml", "UTF-8",
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {
        if (!doc_) return;
        context_.reset(xmlXPathNewContext(doc_.get()));
        const std::pair<const char*, const char*> namespaces[] = {
            {"x", "adobe:ns:meta/"},
            {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
            {"dc", "http://purl.org/dc/elements/1.1/"},
            {"xmp", "http://ns.adobe.com/xap/1.0/"},
            {"pdf", "http://ns.adobe.com/pdf/1.3/"},
            {"xmpMM", "http://ns.adobe.com/xap/1.0/mm/"},
            {"pdfxid", "http://www.npes.org/pdfx/ns/id/"},
        };
        for (const auto& [prefix, uri] : namespaces)
            xmlXPathRegisterNs(context_.get(), BAD_CAST prefix, BAD_CAST uri);
    }
    bool parsed() const { return doc_ != nullptr; }

    // The text of the one node `path` selects (under the rdf:Description);
    // "<n matches>" when it selects none or several.
    std::string value(const std::string& path) const {
        const std::string expression = "/x:xmpmeta/rdf:RDF/rdf:Description/" + path;
        std::unique_ptr<xmlXPathObject, ResultFree> result(
            xmlXPathEvalExpression(BAD_CAST expression.c_str(), context_.get()));
        const int count = result && result->nodesetval ? result->nodesetval->nodeNr : 0;
        if (count != 1) return "<" + std::to_string(count) + " matches>";
        xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[0]);
        std::string text(reinterpret_cast<const char*>(content));
        xmlFree(content);
        return text;
    }

private:
    std::unique_ptr<xmlDoc, DocFree> doc_;
    std::unique_ptr<xmlXPathContext, ContextFree> context_;
};

std::string xmp_packet_of(ReadBack& out) {
    QPDFObjectHandle metadata = out.pdf.getRoot().getKey("/Metadata");
    if (!metadata.isStream()) return "";
    return stream_text(metadata, false);
}

// ---- output intent -----------------------------------------------------------

TEST(PdfxOutputIntent, NamesTheConditionAndEmbedsTheProfile) {
    ReadBack out(finish(cairo_pdf(1), x4_options()));
    QPDFObjectHandle intents = out.pdf.getRoot().getKey("/OutputIntents");
    ASSERT_TRUE(intents.isArray());
    ASSERT_EQ(intents.getArrayNItems(), 1);
    QPDFObjectHandle intent = out.intent();
    EXPECT_EQ(intent.getKey("/Type").getName(), "/OutputIntent");
    EXPECT_EQ(intent.getKey("/S").getName(), "/GTS_PDFX");
    EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "FOGRA39");
    EXPECT_EQ(intent.getKey("/OutputCondition").getUTF8Value(), "Coated FOGRA39 (koho test)");
    EXPECT_EQ(intent.getKey("/Info").getUTF8Value(), "Coated FOGRA39 (koho test)");
    EXPECT_EQ(intent.getKey("/RegistryName").getUTF8Value(), "http://www.color.org");

    QPDFObjectHandle icc = intent.getKey("/DestOutputProfile");
    ASSERT_TRUE(icc.isStream());
    EXPECT_EQ(icc.getDict().getKey("/N").getIntValue(), 4);
    EXPECT_EQ(icc.getDict().getKey("/Filter").getName(), "/FlateDecode");
    const std::string profile = stream_text(icc, true);
    const std::vector<uint8_t>& want = fogra_like_profile().icc;
    EXPECT_EQ(profile, std::string(want.begin(), want.end()));
    // Compressed: the raw stream is not the profile itself.
    EXPECT_NE(stream_text(icc, false), profile);
}

TEST(PdfxOutputIntent, AnUnregisteredConditionIsCustom) {
    OutputProfile profile = fogra_like_profile();
    profile.condition_identifier.clear();
    profile.registry_name.clear();
    PdfxOptions options = x4_options();
    options.profile = &profile;
    ReadBack out(finish(cairo_pdf(1), options));
    QPDFObjectHandle intent = out.intent();
    EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "Custom");
    EXPECT_EQ(intent.getKey("/Info").getUTF8Value(), "Coated FOGRA39 (koho test)");
    EXPECT_FALSE(intent.hasKey("/RegistryName"));
}

TEST(PdfxOutputIntent, RefusesProfilesAnOutputIntentCannotCarry) {
    OutputProfile rgb;
    rgb.icc = test::make_srgb_profile();
    rgb.description = "sRGB";
    PdfxOptions options = x4_options();
    options.profile = &rgb;
    QPDF pdf;
    const std::string input = cairo_pdf(1);
    pdf.processMemoryFile("input", input.data(), input.size());
    try {
        apply_pdfx(pdf, options);
        FAIL() << "an RGB display profile was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(), "'sRGB' is a 'mntr' profile on 'RGB ' data; a PDF/X output intent needs a CMYK "
                               "output ('prtr') profile");
    }

    OutputProfile truncated = fogra_like_profile();
    truncated.icc.resize(truncated.icc.size() - 10);
    options.profile = &truncated;
    EXPECT_THROW(apply_pdfx(pdf, options), Error);

    OutputProfile not_icc;
    not_icc.icc.assign(200, 'x');
    options.profile = &not_icc;
    EXPECT_THROW(apply_pdfx(pdf, options), Error);
}

TEST(PdfxOutputIntent, IccVersion4IsForX4Only) {
    OutputProfile v4;
    v4.icc = test::make_cmyk_profile("koho test CMYK v4", 4.3);
    v4.description = "v4 test";
    ASSERT_EQ(v4.icc[8], 4);
    PdfxOptions options = x4_options();
    options.profile = &v4;
    ReadBack x4(finish(cairo_pdf(1), options));
    EXPECT_TRUE(x4.pdf.getRoot().getKey("/OutputIntents").isArray());

    options.level = PdfxLevel::X1a;
    try {
        finish(cairo_pdf(1), options);
        FAIL() << "PDF/X-1a took an ICC 4 profile";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(), "'v4 test' is an ICC version 4 profile; PDF/X-1a:2001 can embed ICC versions up "
                               "to 2 (use --pdfx 4 or a version 2 profile)");
    }
}

// ---- /Info -------------------------------------------------------------------

TEST(PdfxInfo, X4KeysWithExactDates) {
    ReadBack out(finish(cairo_pdf(1), x4_options()));
    QPDFObjectHandle info = out.info();
    ASSERT_TRUE(info.isDictionary());
    EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "千葉県 児童福祉専門職 採用パンフレット");
    EXPECT_EQ(info.getKey("/Creator").getUTF8Value(), "koho 0.2.0");
    EXPECT_EQ(info.getKey("/Producer").getUTF8Value(), "koho 0.2.0 with qpdf " + QPDF::QPDFVersion());
    EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20231114221320Z");
    EXPECT_EQ(info.getKey("/ModDate").getUTF8Value(), "D:20231114221320Z");
    ASSERT_TRUE(info.getKey("/Trapped").isName());
    EXPECT_EQ(info.getKey("/Trapped").getName(), "/False");
    EXPECT_EQ(info.getKey("/GTS_PDFXVersion").getUTF8Value(), "PDF/X-4");
    EXPECT_FALSE(info.hasKey("/GTS_PDFXConformance"));
}

TEST(PdfxInfo, X1aKeysAndNoMetadataStream) {
    ReadBack out(finish(cairo_pdf(1), x1a_options()));
    QPDFObjectHandle info = out.info();
    EXPECT_EQ(info.getKey("/GTS_PDFXVersion").getUTF8Value(), "PDF/X-1:2001");
    EXPECT_EQ(info.getKey("/GTS_PDFXConformance").getUTF8Value(), "PDF/X-1a:2001");
    EXPECT_EQ(info.getKey("/Trapped").getName(), "/False");
    EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20231114221320Z");
    EXPECT_TRUE(out.pdf.getRoot().getKey("/OutputIntents").isArray());
    // Metadata streams are PDF 1.4: an X-1a file has none.
    EXPECT_FALSE(out.pdf.getRoot().hasKey("/Metadata"));
}

TEST(PdfxInfo, AnEmptyTitleBecomesUntitledAndAnEmptyCreatorKoho) {
    PdfxOptions options = x4_options();
    options.title.clear();
    options.creator.clear();
    ReadBack out(finish(cairo_pdf(1), options));
    EXPECT_EQ(out.info().getKey("/Title").getUTF8Value(), "Untitled");
    EXPECT_EQ(out.info().getKey("/Creator").getUTF8Value(), "koho");
    Xmp xmp(xmp_packet_of(out));
    ASSERT_TRUE(xmp.parsed());
    EXPECT_EQ(xmp.value("dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']"), "Untitled");
}

TEST(PdfxInfo, WithoutADateNoPdfxAndNoneAddsNothing) {
    const std::string input = cairo_pdf(1);
    PdfxOptions options = x4_options();
    options.date_epoch.reset();
    {
        QPDF pdf;
        pdf.processMemoryFile("input", input.data(), input.size());
        try {
            apply_pdfx(pdf, options);
            FAIL() << "PDF/X without a date";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.loc().file, "SOURCE_DATE_EPOCH");
            EXPECT_EQ(e.message(), "PDF/X-4 needs a creation date: set SOURCE_DATE_EPOCH (seconds since "
                                   "1970-01-01 UTC) or use --pdfx none");
        }
        options.date_epoch = kEpoch;
        options.profile = nullptr;
        try {
            apply_pdfx(pdf, options);
            FAIL() << "PDF/X without a profile";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Failure);
        }
    }
    options.level = PdfxLevel::None;
    ReadBack out(finish(input, options));
    EXPECT_FALSE(out.pdf.getRoot().hasKey("/OutputIntents"));
    EXPECT_FALSE(out.pdf.getRoot().hasKey("/Metadata"));
    EXPECT_FALSE(out.info().hasKey("/GTS_PDFXVersion"));
    EXPECT_EQ(out.bytes.substr(0, 8), "%PDF-1.5");  // Cairo's version, untouched
}

// ---- the file's form -----------------------------------------------------------

TEST(PdfxWriter, VersionHeaders) {
    const std::string input = cairo_pdf(1);
    ASSERT_EQ(input.substr(0, 8), "%PDF-1.5");
    ReadBack x4(finish(input, x4_options()));
    EXPECT_EQ(x4.bytes.substr(0, 8), "%PDF-1.6");
    EXPECT_EQ(x4.pdf.getPDFVersion(), "1.6");
    ReadBack x1a(finish(input, x1a_options()));
    EXPECT_EQ(x1a.bytes.substr(0, 8), "%PDF-1.3");
    EXPECT_EQ(x1a.pdf.getPDFVersion(), "1.3");
}

TEST(PdfxWriter, X1aHasNoObjectStreamsEvenWhenTheCallerAskedForThem) {
    const std::string input = cairo_pdf(3);
    // The test can see object streams: X-4 keeps the caller's choice.
    const std::string x4 = finish(input, x4_options(), true);
    ASSERT_NE(x4.find("/ObjStm"), std::string::npos);

    const std::string x1a = finish(input, x1a_options(), true);
    EXPECT_EQ(x1a.find("/ObjStm"), std::string::npos);
    EXPECT_EQ(x1a.find("/XRef"), std::string::npos);  // no cross-reference stream
    EXPECT_NE(x1a.find("\nxref\n"), std::string::npos);  // a classic table
    ReadBack out(x1a);
    EXPECT_TRUE(out.pdf.getTrailer().getKey("/ID").isArray());
}

TEST(PdfxWriter, QpdfCheckFindsNothingWrong) {
    test::TempDir dir("pdfx-check");
    for (const PdfxOptions& options : {x4_options(), x1a_options()}) {
        const auto file = dir.path() / "out.pdf";
        test::write_bytes(file, finish(cairo_pdf(2), options));
        const auto result = test::run_command("qpdf --check " + test::shell_quote(file.string()) + " 2>&1");
        EXPECT_EQ(result.exit_code, 0) << pdfx_level_name(options.level) << ": " << result.output;
    }
}

TEST(PdfxWriter, PopplerNamesTheSubtype) {
    test::TempDir dir("pdfx-subtype");
    const std::pair<PdfxOptions, const char*> cases[] = {
        {x4_options(), "PDF/X-4"},
        {x1a_options(), "PDF/X-1:2001"},
    };
    for (const auto& [options, subtype] : cases) {
        const auto file = dir.path() / "out.pdf";
        test::write_bytes(file, finish(cairo_pdf(1), options));
        const auto result = test::run_command("pdfinfo " + test::shell_quote(file.string()) + " 2>&1");
        ASSERT_EQ(result.exit_code, 0) << result.output;
        EXPECT_NE(result.output.find(std::string("PDF subtype:    ") + subtype + "\n"), std::string::npos)
            << result.output;
    }
}

TEST(PdfxWriter, KohosDefaultProfileGoesInAsItIs) {
    const auto path = std::filesystem::path(KOHO_SOURCE_DIR) / "profiles" / "koho-FOGRA39L.icc";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not built (scripts/build-profile.sh)";
    const OutputProfile profile = load_output_profile(path, {path.string()});
    // Both levels take it (an ICC 2 profile), and embed its very bytes.
    for (PdfxOptions options : {x4_options(), x1a_options()}) {
        options.profile = &profile;
        ReadBack out(finish(cairo_pdf(1), options));
        QPDFObjectHandle intent = out.intent();
        EXPECT_EQ(intent.getKey("/OutputConditionIdentifier").getUTF8Value(), "FOGRA39");
        EXPECT_EQ(intent.getKey("/Info").getUTF8Value(), profile.description);
        const std::string embedded = stream_text(intent.getKey("/DestOutputProfile"), true);
        EXPECT_EQ(embedded, std::string(profile.icc.begin(), profile.icc.end()));
    }
}

TEST(PdfxWriter, SameInputsGiveTheSameBytes) {
    // Two Cairo runs (each stamps the clock in its /Info): the PDF/X dates
    // replace those, so the files agree byte for byte.
    const std::string first = finish(cairo_pdf(2), x4_options());
    const std::string second = finish(cairo_pdf(2), x4_options());
    EXPECT_EQ(first, second);
    EXPECT_EQ(finish(cairo_pdf(2), x1a_options()), finish(cairo_pdf(2), x1a_options()));
    PdfxOptions other = x4_options();
    other.title = "別の題";
    EXPECT_NE(first, finish(cairo_pdf(2), other));
}

// ---- XMP -----------------------------------------------------------------------

TEST(PdfxXmp, PacketIsUncompressedAndWrapped) {
    ReadBack out(finish(cairo_pdf(1), x4_options()));
    QPDFObjectHandle metadata = out.pdf.getRoot().getKey("/Metadata");
    ASSERT_TRUE(metadata.isStream());
    EXPECT_EQ(metadata.getDict().getKey("/Type").getName(), "/Metadata");
    EXPECT_EQ(metadata.getDict().getKey("/Subtype").getName(), "/XML");
    EXPECT_FALSE(metadata.getDict().hasKey("/Filter"));
    const std::string packet = xmp_packet_of(out);
    // Readers that scan the file for the packet find it as it is.
    EXPECT_NE(out.bytes.find(packet), std::string::npos);
    EXPECT_EQ(packet.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0), 0u);
    const std::string end = "<?xpacket end=\"w\"?>";
    ASSERT_GE(packet.size(), end.size());
    EXPECT_EQ(packet.substr(packet.size() - end.size()), end);
}

TEST(PdfxXmp, CarriesEveryPropertyWithTheInfoValues) {
    ReadBack out(finish(cairo_pdf(1), x4_options()));
    Xmp xmp(xmp_packet_of(out));
    ASSERT_TRUE(xmp.parsed());
    EXPECT_EQ(xmp.value("dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']"), "千葉県 児童福祉専門職 採用パンフレット");
    EXPECT_EQ(xmp.value("dc:format"), "application/pdf");
    EXPECT_EQ(xmp.value("xmp:CreateDate"), "2023-11-14T22:13:20Z");
    EXPECT_EQ(xmp.value("xmp:ModifyDate"), "2023-11-14T22:13:20Z");
    EXPECT_EQ(xmp.value("xmp:MetadataDate"), "2023-11-14T22:13:20Z");
    EXPECT_EQ(xmp.value("xmp:CreatorTool"), out.info().getKey("/Creator").getUTF8Value());
    EXPECT_EQ(xmp.value("pdf:Producer"), out.info().getKey("/Producer").getUTF8Value());
    EXPECT_EQ(xmp.value("pdf:Trapped"), "False");
    EXPECT_EQ(xmp.value("pdfxid:GTS_PDFXVersion"), "PDF/X-4");
    EXPECT_EQ(xmp.value("xmpMM:VersionID"), "1");
    EXPECT_EQ(xmp.value("xmpMM:RenditionClass"), "default");
    const std::regex uuid("uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    EXPECT_TRUE(std::regex_match(xmp.value("xmpMM:DocumentID"), uuid)) << xmp.value("xmpMM:DocumentID");
    EXPECT_TRUE(std::regex_match(xmp.value("xmpMM:InstanceID"), uuid)) << xmp.value("xmpMM:InstanceID");
    EXPECT_NE(xmp.value("xmpMM:DocumentID"), xmp.value("xmpMM:InstanceID"));
}

TEST(PdfxXmp, AJapaneseTitleWithXmlSpecialCharactersRoundTrips) {
    PdfxOptions options = x4_options();
    options.title = "「こども」<採用> & 'Q\"A' ]]> 🌸\tタブ";
    ReadBack out(finish(cairo_pdf(1), options));
    EXPECT_EQ(out.info().getKey("/Title").getUTF8Value(), options.title);
    const std::string packet = xmp_packet_of(out);
    EXPECT_EQ(packet.find("<採用>"), std::string::npos);  // escaped, not raw markup
    Xmp xmp(packet);
    ASSERT_TRUE(xmp.parsed());
    EXPECT_EQ(xmp.value("dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']"), options.title);
}

TEST(PdfxXmp, TextXmlCannotCarryIsAnError) {
    const std::string input = cairo_pdf(1);
    QPDF pdf;
    pdf.processMemoryFile("input", input.data(), input.size());
    PdfxOptions options = x4_options();
    options.title = std::string("bell\x07");
    try {
        apply_pdfx(pdf, options);
        FAIL() << "a control character went into the XMP";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.message(), "the title holds the control character U+0007, which XMP metadata (XML) cannot carry");
    }
    options.title = std::string("bad \xC3\x28 utf-8");
    EXPECT_THROW(apply_pdfx(pdf, options), Error);
}

TEST(PdfxXmp, IdsFollowTheContent) {
    auto ids = [](const std::string& input, const PdfxOptions& options) {
        ReadBack out(finish(input, options));
        Xmp xmp(xmp_packet_of(out));
        return std::make_pair(xmp.value("xmpMM:DocumentID"), xmp.value("xmpMM:InstanceID"));
    };
    const auto base = ids(cairo_pdf(2), x4_options());
    EXPECT_EQ(base, ids(cairo_pdf(2), x4_options()));

    // Other page content or another page count: the same document, another
    // instance.
    const auto darker = ids(cairo_pdf(2, 0.7), x4_options());
    EXPECT_EQ(darker.first, base.first);
    EXPECT_NE(darker.second, base.second);
    const auto longer = ids(cairo_pdf(3), x4_options());
    EXPECT_EQ(longer.first, base.first);
    EXPECT_NE(longer.second, base.second);
    // Another date: another instance.
    PdfxOptions later = x4_options();
    later.date_epoch = kEpoch + 1;
    EXPECT_NE(ids(cairo_pdf(2), later).second, base.second);
    // Another title: another document.
    PdfxOptions retitled = x4_options();
    retitled.title = "別の題";
    EXPECT_NE(ids(cairo_pdf(2), retitled).first, base.first);
}

// ---- names -----------------------------------------------------------------------

TEST(PdfxLevels, ParseAndName) {
    EXPECT_EQ(parse_pdfx_level("4"), PdfxLevel::X4);
    EXPECT_EQ(parse_pdfx_level("1a"), PdfxLevel::X1a);
    EXPECT_EQ(parse_pdfx_level("none"), PdfxLevel::None);
    EXPECT_FALSE(parse_pdfx_level("3"));
    EXPECT_FALSE(parse_pdfx_level("X-4"));
    EXPECT_FALSE(parse_pdfx_level(""));
    EXPECT_STREQ(pdfx_level_name(PdfxLevel::X4), "PDF/X-4");
    EXPECT_STREQ(pdfx_level_name(PdfxLevel::X1a), "PDF/X-1a:2001");
    EXPECT_STREQ(pdfx_level_name(PdfxLevel::None), "none");
}

}  // namespace
}  // namespace koho::print
