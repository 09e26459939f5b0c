#include "print/pdfx_xmp.h"

#include <qpdf/QPDFCryptoImpl.hh>
#include <qpdf/QPDFCryptoProvider.hh>

#include <cstdio>

#include "core/diagnostic.h"
#include "print/pdf_date.h"

namespace koho::print::detail {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when the
// bytes there are not well-formed UTF-8 (overlong forms, surrogates and
// values past U+10FFFF included).
size_t decode_utf8(std::string_view text, size_t i, uint32_t* code) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length;
    uint32_t value;
    if (lead < 0x80) {
        *code = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    *code = value;
    return length;
}

// XML 1.0 § 2.2 Char.
bool xml_char(uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           c >= 0x10000;
}

std::string hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0xF];
    }
    return out;
}

void element(std::string& out, const char* name, const std::string& escaped_value) {
    out += "   <";
    out += name;
    out += '>';
    out += escaped_value;
    out += "</";
    out += name;
    out += ">\n";
}

}  // namespace

std::string xml_escape(std::string_view text, const char* what) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        uint32_t code = 0;
        const size_t length = decode_utf8(text, i, &code);
        if (length == 0)
            fail_input({}, std::string("the ") + what + " is not valid UTF-8 text (byte " + std::to_string(i + 1) + ")");
        if (!xml_char(code)) {
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code));
            fail_input({}, std::string("the ") + what + " holds the control character " + name +
                               ", which XMP metadata (XML) cannot carry");
        }
        switch (code) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#x9;"; break;
            case '\n': out += "&#xA;"; break;
            case '\r': out += "&#xD;"; break;
            default: out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string sha256(std::string_view bytes) {
    std::shared_ptr<QPDFCryptoImpl> crypto = QPDFCryptoProvider::getImpl();
    crypto->SHA2_init(256);
    crypto->SHA2_update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    crypto->SHA2_finalize();
    return crypto->SHA2_digest();
}

std::string uuid_from_seed(std::string_view seed) {
    std::string digest = sha256(seed).substr(0, 16);
    digest[6] = static_cast<char>((digest[6] & 0x0F) | 0x80);  // version 8
    digest[8] = static_cast<char>((digest[8] & 0x3F) | 0x80);  // variant 10xx
    const std::string h = hex(digest);
    return "uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
           h.substr(20, 12);
}

std::string pdfx_xmp_packet(const XmpFields& fields) {
    const std::string date = iso8601_date(fields.date_epoch);
    std::string out;
    // The begin attribute holds U+FEFF, the byte-order mark, in the
    // packet's encoding (UTF-8); the id is the fixed one XMP defines.
    out += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    out += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    out += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    out += "  <rdf:Description rdf:about=\"\"\n";
    out += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    out += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    out += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
    out += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n";
    out += "    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n";
    element(out, "dc:format", "application/pdf");
    out += "   <dc:title>\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">";
    out += xml_escape(fields.title, "title");
    out += "</rdf:li>\n    </rdf:Alt>\n   </dc:title>\n";
    element(out, "xmp:CreateDate", date);
    element(out, "xmp:ModifyDate", date);
    element(out, "xmp:MetadataDate", date);
    element(out, "xmp:CreatorTool", xml_escape(fields.creator_tool, "creator"));
    element(out, "pdf:Producer", xml_escape(fields.producer, "producer"));
    element(out, "pdf:Trapped", "False");
    element(out, "xmpMM:DocumentID", xml_escape(fields.document_id, "document id"));
    element(out, "xmpMM:InstanceID", xml_escape(fields.instance_id, "instance id"));
    element(out, "xmpMM:VersionID", "1");
    element(out, "xmpMM:RenditionClass", "default");
    element(out, "pdfxid:GTS_PDFXVersion", xml_escape(fields.pdfx_version, "PDF/X version"));
    out += "  </rdf:Description>\n";
    out += " </rdf:RDF>\n";
    out += "</x:xmpmeta>\n";
    // Room for an editor to change the metadata in place (XMP part 1
    // suggests 2–4 KB); end="w" says it may.
    const std::string padding_line(99, ' ');
    for (int i = 0; i < 20; ++i) out += padding_line + "\n";
    out += "<?xpacket end=\"w\"?>";
    return out;
}

}  // namespace koho::print::detail
