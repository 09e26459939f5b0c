// The XMP packet of PDF/X-4 files, parsed with libxml2 (namespace-aware
// XPath), and the helpers that make it: XML escaping and derived UUIDs.
#include "print/pdfx_xmp.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <regex>

#include "core/diagnostic.h"
#include "pdfx_fixtures.h"

namespace koho::print {
namespace {

using namespace pdfx_test;

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

TEST(PdfxXmp, AnEmptyTitleIsUntitledHereToo) {
    PdfxOptions options = x4_options();
    options.title.clear();
    ReadBack out(finish(cairo_pdf(1), options));
    Xmp xmp(xmp_packet_of(out));
    ASSERT_TRUE(xmp.parsed());
    EXPECT_EQ(xmp.value("dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']"), "Untitled");
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

// ---- the helpers on their own ---------------------------------------------------

TEST(PdfxXmpHelpers, UuidIsTheSha256OfTheSeedWithVersionAndVariantBits) {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 … (FIPS 180-2's
    // test vector): byte 6 0xcf becomes 0x8f (version 8), byte 8 0x41
    // becomes 0x81 (variant 10).
    EXPECT_EQ(detail::uuid_from_seed("abc"), "uuid:ba7816bf-8f01-8fea-8141-40de5dae2223");
    EXPECT_NE(detail::uuid_from_seed("abd"), detail::uuid_from_seed("abc"));
}

TEST(PdfxXmpHelpers, XmlEscapeKeepsTextAndEscapesMarkup) {
    EXPECT_EQ(detail::xml_escape("a<b>&\"c'", "title"), "a&lt;b&gt;&amp;&quot;c&apos;");
    EXPECT_EQ(detail::xml_escape("1\t2\n3\r", "title"), "1&#x9;2&#xA;3&#xD;");
    EXPECT_EQ(detail::xml_escape("千葉県 🌸", "title"), "千葉県 🌸");
    EXPECT_THROW(detail::xml_escape("\xC0\xAF", "title"), Error);          // overlong '/'
    EXPECT_THROW(detail::xml_escape("\xED\xA0\x80", "title"), Error);      // a UTF-16 surrogate
    EXPECT_THROW(detail::xml_escape("\xEF\xBF\xBE", "title"), Error);      // U+FFFE, not an XML Char
    EXPECT_THROW(detail::xml_escape("\xE5\x8D", "title"), Error);          // cut short
}

}  // namespace
}  // namespace koho::print
