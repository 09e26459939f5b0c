// PDF/X-4 and PDF/X-1a:2001 keys on a finished PDF (see pdfx.h). The values
// written, for a document titled T at epoch E by creator C:
//   catalog /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX
//       /OutputConditionIdentifier (profile id or "Custom") /OutputCondition
//       and /Info (profile description) /RegistryName (when known)
//       /DestOutputProfile <ICC stream, /N 4, Flate> >>]
//   /Info /Title T /Creator C /Producer "C with qpdf V" /CreationDate and
//       /ModDate pdf_date(E) /Trapped /False /GTS_PDFXVersion (and for X-1a
//       /GTS_PDFXConformance)
//   catalog /Metadata, an uncompressed XMP stream saying the same
//       (pdfx_xmp.h); X-1a: no /Metadata (PDF 1.3 has none).
#include "print/pdfx.h"

#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/diagnostic.h"
#include "print/pdf_date.h"
#include "print/pdfx_xmp.h"

namespace koho::print {
namespace {

// A PDF/X file must have a title; a layout without one gets this, the
// same in every run.
constexpr const char* kFallbackTitle = "Untitled";

std::string profile_name(const OutputProfile& profile) {
    if (!profile.description.empty()) return "'" + profile.description + "'";
    return "the output profile";
}

uint32_t big_endian32(const std::vector<uint8_t>& bytes, size_t at) {
    return (uint32_t{bytes[at]} << 24) | (uint32_t{bytes[at + 1]} << 16) | (uint32_t{bytes[at + 2]} << 8) |
           uint32_t{bytes[at + 3]};
}

// What an output intent's DestOutputProfile must be: a whole ICC output
// ('prtr') profile on CMYK data, of an ICC version the PDF version can
// carry (PDF 1.3: ICC 2; PDF 1.6: up to ICC 4). load_output_profile checks
// the profile with lcms2; this checks the bytes that are embedded.
void check_profile(const OutputProfile& profile, PdfxLevel level) {
    const std::vector<uint8_t>& icc = profile.icc;
    if (icc.size() < 132 || icc[36] != 'a' || icc[37] != 'c' || icc[38] != 's' || icc[39] != 'p')
        fail_input({}, profile_name(profile) + " is not an ICC profile");
    if (big_endian32(icc, 0) != icc.size())
        fail_input({}, profile_name(profile) + " is truncated or has trailing bytes (its header says " +
                           std::to_string(big_endian32(icc, 0)) + " bytes, there are " + std::to_string(icc.size()) +
                           ")");
    const std::string device_class(icc.begin() + 12, icc.begin() + 16);
    const std::string data_space(icc.begin() + 16, icc.begin() + 20);
    if (device_class != "prtr" || data_space != "CMYK")
        fail_input({}, profile_name(profile) + " is a '" + device_class + "' profile on '" + data_space +
                           "' data; a PDF/X output intent needs a CMYK output ('prtr') profile");
    const int major = icc[8];
    const int max_major = level == PdfxLevel::X1a ? 2 : 4;
    if (major > max_major) {
        fail_input({}, profile_name(profile) + " is an ICC version " + std::to_string(major) + " profile; " +
                           pdfx_level_name(level) + " can embed ICC versions up to " + std::to_string(max_major) +
                           (level == PdfxLevel::X1a ? " (use --pdfx 4 or a version 2 profile)" : ""));
    }
}

std::string deflate(const std::vector<uint8_t>& bytes) {
    std::string out;
    Pl_String sink("icc profile", nullptr, out);
    Pl_Flate flate("icc profile", &sink, Pl_Flate::a_deflate);
    flate.write(bytes.data(), bytes.size());
    flate.finish();
    return out;
}

QPDFObjectHandle icc_stream(QPDF& pdf, const OutputProfile& profile) {
    QPDFObjectHandle stream = pdf.newStream();
    stream.replaceStreamData(deflate(profile.icc), QPDFObjectHandle::newName("/FlateDecode"),
                             QPDFObjectHandle::newNull());
    stream.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
    return stream;
}

void set_output_intents(QPDF& pdf, const OutputProfile& profile) {
    const std::string identifier =
        profile.condition_identifier.empty() ? std::string("Custom") : profile.condition_identifier;
    // /Info is what a reader shows for the condition; it is required when
    // the identifier is not a registered one.
    const std::string info = !profile.description.empty() ? profile.description : identifier;

    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newUnicodeString(identifier));
    if (!profile.description.empty())
        intent.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(profile.description));
    intent.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(info));
    if (!profile.registry_name.empty())
        intent.replaceKey("/RegistryName", QPDFObjectHandle::newUnicodeString(profile.registry_name));
    intent.replaceKey("/DestOutputProfile", icc_stream(pdf, profile));

    pdf.getRoot().replaceKey("/OutputIntents",
                             QPDFObjectHandle::newArray({pdf.makeIndirectObject(intent)}));
}

struct InfoValues {
    std::string title, creator, producer, date;
};

void set_info(QPDF& pdf, const InfoValues& values, PdfxLevel level) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(values.title));
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(values.creator));
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(values.producer));
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(values.date));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(values.date));
    info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
    if (level == PdfxLevel::X1a) {
        info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString("PDF/X-1:2001"));
        info.replaceKey("/GTS_PDFXConformance", QPDFObjectHandle::newString("PDF/X-1a:2001"));
    } else {
        info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString("PDF/X-4"));
        info.removeKey("/GTS_PDFXConformance");
    }
}

// SHA-256 of a page's content streams as stored (filters applied): the
// same pages give the same digest.
std::string page_content_digest(QPDFObjectHandle page) {
    std::string digests;
    QPDFObjectHandle contents = page.getKey("/Contents");
    std::vector<QPDFObjectHandle> streams;
    if (contents.isStream()) {
        streams.push_back(contents);
    } else if (contents.isArray()) {
        for (int i = 0; i < contents.getArrayNItems(); ++i)
            if (contents.getArrayItem(i).isStream()) streams.push_back(contents.getArrayItem(i));
    }
    for (QPDFObjectHandle& stream : streams) {
        std::shared_ptr<Buffer> data = stream.getRawStreamData();
        digests += detail::sha256(
            std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    }
    return detail::sha256(digests);
}

// xmpMM:DocumentID names the document across its renditions: it depends on
// the title alone. xmpMM:InstanceID names this file: title, date, PDF/X
// level, page count, every page's content and the output profile. Both are
// derived (uuid_from_seed), never random, so the bytes are reproducible.
void set_metadata(QPDF& pdf, const InfoValues& values, const OutputProfile& profile, int64_t epoch) {
    const std::vector<QPDFObjectHandle>& pages = pdf.getAllPages();
    std::string instance_seed = "koho InstanceID\n" + values.title + "\n" + values.date + "\nPDF/X-4\n" +
                                std::to_string(pages.size()) + "\n";
    for (const QPDFObjectHandle& page : pages) instance_seed += page_content_digest(page);
    instance_seed += detail::sha256(std::string_view(reinterpret_cast<const char*>(profile.icc.data()),
                                                     profile.icc.size()));

    detail::XmpFields fields;
    fields.title = values.title;
    fields.date_epoch = epoch;
    fields.creator_tool = values.creator;
    fields.producer = values.producer;
    fields.document_id = detail::uuid_from_seed("koho DocumentID\n" + values.title);
    fields.instance_id = detail::uuid_from_seed(instance_seed);
    fields.pdfx_version = "PDF/X-4";

    // Uncompressed (QPDFWriter leaves /Type /Metadata streams so), so that
    // tools that scan for the packet find it.
    QPDFObjectHandle stream = pdf.newStream(detail::pdfx_xmp_packet(fields));
    stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    pdf.getRoot().replaceKey("/Metadata", stream);
}

}  // namespace

void apply_pdfx(QPDF& pdf, const PdfxOptions& options) {
    if (options.level == PdfxLevel::None) return;
    if (options.profile == nullptr) fail_system({}, std::string(pdfx_level_name(options.level)) + " needs an output profile");
    if (!options.date_epoch) {
        fail_input({"SOURCE_DATE_EPOCH"}, std::string(pdfx_level_name(options.level)) +
                                              " needs a creation date: set SOURCE_DATE_EPOCH (seconds since "
                                              "1970-01-01 UTC) or use --pdfx none");
    }
    check_profile(*options.profile, options.level);

    InfoValues values;
    values.title = options.title.empty() ? kFallbackTitle : options.title;
    values.creator = options.creator.empty() ? std::string("koho") : options.creator;
    values.producer = values.creator + " with qpdf " + QPDF::QPDFVersion();
    values.date = pdf_date(*options.date_epoch);
    // The same checks for both levels: /Info text must also be valid UTF-8.
    detail::xml_escape(values.title, "title");
    detail::xml_escape(values.creator, "creator");

    try {
        set_output_intents(pdf, *options.profile);
        set_info(pdf, values, options.level);
        if (options.level == PdfxLevel::X4)
            set_metadata(pdf, values, *options.profile, *options.date_epoch);
        else
            pdf.getRoot().removeKey("/Metadata");  // a PDF 1.4 feature
    } catch (const koho::Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_system({}, std::string("adding the PDF/X keys with qpdf failed: ") + e.what());
    }
}

void configure_writer_for_pdfx(QPDFWriter& writer, PdfxLevel level) {
    switch (level) {
        case PdfxLevel::None:
            return;
        case PdfxLevel::X4:
            // ISO 15930-7 is built on PDF 1.6: the header says so even when
            // the file uses nothing newer than Cairo's 1.5. Object streams
            // are allowed and left as the caller set them.
            writer.forcePDFVersion("1.6");
            return;
        case PdfxLevel::X1a:
            // PDF 1.3: no object streams, so a classic xref table and no
            // cross-reference stream (forcePDFVersion below 1.5 also turns
            // them off; saying so keeps it true if that ever changes).
            writer.setObjectStreamMode(qpdf_o_disable);
            writer.forcePDFVersion("1.3");
            return;
    }
}

std::optional<PdfxLevel> parse_pdfx_level(const std::string& text) {
    if (text == "4") return PdfxLevel::X4;
    if (text == "1a") return PdfxLevel::X1a;
    if (text == "none") return PdfxLevel::None;
    return std::nullopt;
}

const char* pdfx_level_name(PdfxLevel level) {
    switch (level) {
        case PdfxLevel::X4: return "PDF/X-4";
        case PdfxLevel::X1a: return "PDF/X-1a:2001";
        case PdfxLevel::None: return "none";
    }
    return "none";
}

}  // namespace koho::print
