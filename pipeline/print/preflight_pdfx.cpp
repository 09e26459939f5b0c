// The `pdfx` check: the keys a PDF/X file must carry, and for PDF/X-1a the
// PDF version and the absence of transparency (found by the page walks).
#include <qpdf/Buffer.hh>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "print/preflight_internal.h"

namespace koho::print::detail {
namespace {

constexpr size_t kListedTransparencyUses = 3;

bool has_pdfx_intent(QPDFObjectHandle catalog, std::vector<std::string>& problems) {
    QPDFObjectHandle intents = catalog.getKey("/OutputIntents");
    if (!intents.isArray()) return false;
    for (QPDFObjectHandle intent : intents.aitems()) {
        if (!intent.isDictionary()) continue;
        QPDFObjectHandle s = intent.getKey("/S");
        if (!s.isName() || s.getName() != "/GTS_PDFX") continue;
        QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
        if (!profile.isStream()) {
            problems.push_back("the GTS_PDFX OutputIntent has no /DestOutputProfile stream");
        } else {
            QPDFObjectHandle n = profile.getDict().getKey("/N");
            if (!n.isInteger() || n.getIntValue() != 4)
                problems.push_back("the GTS_PDFX output profile is not CMYK (/N " +
                                   (n.isNull() ? std::string("missing") : n.unparse()) + ")");
        }
        if (!intent.getKey("/OutputConditionIdentifier").isString())
            problems.push_back("the GTS_PDFX OutputIntent has no /OutputConditionIdentifier");
        return true;
    }
    return false;
}

std::string info_string(QPDFObjectHandle info, const char* key) {
    if (!info.isDictionary()) return "";
    QPDFObjectHandle value = info.getKey(key);
    return value.isString() ? value.getUTF8Value() : "";
}

// "1.3" < "1.4" < … < "2.0": numeric, not textual.
bool version_above(const std::string& version, int major, int minor) {
    int ma = 0, mi = 0;
    if (std::sscanf(version.c_str(), "%d.%d", &ma, &mi) != 2) return true;
    return ma > major || (ma == major && mi > minor);
}

// pdfxid:GTS_PDFXVersion from an XMP packet, as an element or as an
// attribute, under whatever prefix the packet binds to the PDF/X id
// namespace. A reader for this one property, not a general XML parser.
std::optional<std::string> xmp_pdfx_version(const std::string& xmp) {
    const std::string ns = "\"http://www.npes.org/pdfx/ns/id/\"";
    const size_t ns_at = xmp.find(ns);
    if (ns_at == std::string::npos) return std::nullopt;
    // xmlns:PREFIX="…": the prefix sits between "xmlns:" and "=".
    const size_t xmlns = xmp.rfind("xmlns:", ns_at);
    if (xmlns == std::string::npos) return std::nullopt;
    const std::string prefix = xmp.substr(xmlns + 6, xmp.find('=', xmlns) - xmlns - 6);
    const std::string name = prefix + ":GTS_PDFXVersion";
    for (size_t at = xmp.find(name); at != std::string::npos; at = xmp.find(name, at + 1)) {
        const size_t after = at + name.size();
        if (at > 0 && xmp[at - 1] == '<' && after < xmp.size() && xmp[after] == '>') {
            const size_t end = xmp.find('<', after);
            if (end != std::string::npos) return xmp.substr(after + 1, end - after - 1);
        }
        if (after + 1 < xmp.size() && xmp[after] == '=' && (xmp[after + 1] == '"' || xmp[after + 1] == '\'')) {
            const size_t end = xmp.find(xmp[after + 1], after + 2);
            if (end != std::string::npos) return xmp.substr(after + 2, end - after - 2);
        }
    }
    return std::nullopt;
}

}  // namespace

void check_pdfx(QPDF& pdf, const DocumentFacts& facts, std::vector<Finding>& findings) {
    auto add = [&](int page, std::string message) {
        findings.push_back({"pdfx", Severity::Error, page, std::move(message)});
    };
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle catalog = pdf.getRoot();
    QPDFObjectHandle info = trailer.getKey("/Info");

    std::vector<std::string> intent_problems;
    if (!has_pdfx_intent(catalog, intent_problems)) add(0, "no OutputIntent with /S /GTS_PDFX");
    for (std::string& p : intent_problems) add(0, std::move(p));

    const std::string version = info_string(info, "/GTS_PDFXVersion");
    if (version.empty()) add(0, "/Info has no /GTS_PDFXVersion");
    QPDFObjectHandle trapped = info.isDictionary() ? info.getKey("/Trapped") : QPDFObjectHandle::newNull();
    if (!(trapped.isName() && (trapped.getName() == "/True" || trapped.getName() == "/False")))
        add(0, trapped.isNull() ? "/Info has no /Trapped (/True or /False)"
                                : "/Info /Trapped is " + trapped.unparse() + ", not /True or /False");
    QPDFObjectHandle id = trailer.getKey("/ID");
    if (!(id.isArray() && id.getArrayNItems() == 2)) add(0, "the trailer has no /ID");
    if (info_string(info, "/Title").empty()) add(0, "/Info has no /Title");

    if (version.rfind("PDF/X-1", 0) == 0) {
        if (info_string(info, "/GTS_PDFXConformance").empty())
            add(0, "/Info has no /GTS_PDFXConformance (" + version + " needs it)");
        // PDF/X-1a:2001 is PDF 1.3; PDF/X-1a:2003 allows 1.4.
        const bool x2003 = version.find("2003") != std::string::npos;
        const std::string pdf_version = pdf.getPDFVersion();
        if (version_above(pdf_version, 1, x2003 ? 4 : 3))
            add(0, "PDF version " + pdf_version + " is above " + (x2003 ? "1.4" : "1.3") + ", the most " + version +
                       " allows");
        std::map<int, std::vector<std::string>> by_page;
        for (const auto& [page, what] : facts.transparency) {
            std::vector<std::string>& list = by_page[page];
            if (std::find(list.begin(), list.end(), what) == list.end()) list.push_back(what);
        }
        for (const auto& [page, list] : by_page) {
            std::string uses;
            for (size_t i = 0; i < list.size() && i < kListedTransparencyUses; ++i) uses += (i ? "; " : "") + list[i];
            if (list.size() > kListedTransparencyUses)
                uses += "; and " + std::to_string(list.size() - kListedTransparencyUses) + " more";
            add(page, "transparency is not allowed in " + version + ": " + uses);
        }
    } else if (version.rfind("PDF/X-4", 0) == 0 || version.rfind("PDF/X-5", 0) == 0) {
        // PDF/X-4 and -5 are built on PDF 1.6.
        const std::string pdf_version = pdf.getPDFVersion();
        if (version_above(pdf_version, 1, 6))
            add(0, "PDF version " + pdf_version + " is above 1.6, the most " + version + " allows");
        QPDFObjectHandle metadata = catalog.getKey("/Metadata");
        if (!metadata.isStream()) {
            add(0, "no XMP /Metadata in the catalog (" + version + " needs it)");
        } else {
            std::shared_ptr<Buffer> data = metadata.getStreamData(qpdf_dl_generalized);
            const std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
            const std::optional<std::string> xmp_version = xmp_pdfx_version(xmp);
            if (!xmp_version)
                add(0, "the XMP metadata has no pdfxid:GTS_PDFXVersion");
            else if (*xmp_version != version)
                add(0, "the XMP metadata says " + *xmp_version + " but /Info says " + version);
        }
    }
}

}  // namespace koho::print::detail
