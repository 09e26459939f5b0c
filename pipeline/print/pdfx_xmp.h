// The XMP metadata packet of a PDF/X-4 file (ISO 15930-7 requires one in
// the catalog, with pdfxid:GTS_PDFXVersion), and the deterministic UUIDs it
// names the document by. Internal to print/ (pdfx.cpp and its tests).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace koho::print::detail {

struct XmpFields {
    std::string title;          // UTF-8, any text (escaped here)
    int64_t date_epoch = 0;     // CreateDate = ModifyDate = MetadataDate
    std::string creator_tool;   // xmp:CreatorTool (the /Info /Creator)
    std::string producer;       // pdf:Producer (the /Info /Producer)
    std::string document_id;    // "uuid:…"
    std::string instance_id;    // "uuid:…"
    std::string pdfx_version;   // "PDF/X-4"
};

// The whole packet: <?xpacket begin=BOM …?>, x:xmpmeta with one
// rdf:Description, about 2 KB of padding for in-place edits, and
// <?xpacket end="w"?>. UTF-8. Throws koho::Error (BadInput) when a text
// value is not valid UTF-8 or holds a character XML 1.0 cannot carry.
std::string pdfx_xmp_packet(const XmpFields& fields);

// Text for an XML element or attribute value: & < > " ' as entities, tab,
// line feed and carriage return as character references (so they survive
// attribute-value normalisation), everything else as it is. Throws as above.
std::string xml_escape(std::string_view text, const char* what);

// "uuid:xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx" from the SHA-256 of `seed`:
// the first 128 bits, with the version nibble set to 8 (RFC 9562's
// application-defined UUID) and the RFC 4122 variant. The same seed gives
// the same UUID on every machine.
std::string uuid_from_seed(std::string_view seed);

// SHA-256 of `bytes` as 32 raw bytes (qpdf's crypto provider).
std::string sha256(std::string_view bytes);

}  // namespace koho::print::detail
