#include "print/web_finish.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "core/diagnostic.h"
#include "print/qpdf_support.h"
#include "print/web_artifacts.h"

namespace koho::print::detail {
namespace {

using Handle = QPDFObjectHandle;

// The children of a structure element (or of the root): /K may be one
// object or an array of them.
std::vector<Handle> kids_of(Handle element) {
    Handle k = element.getKey("/K");
    if (k.isArray()) return k.getArrayAsVector();
    if (k.isNull()) return {};
    return {k};
}

bool is_struct_elem(Handle object) {
    return object.isDictionary() && object.getKey("/S").isName() &&
           (!object.hasKey("/Type") || object.getKey("/Type").isNameAndEquals("/StructElem"));
}

// Cairo puts the elements at the root; a tagged document has one Document
// element there, holding them all.
Handle wrap_in_document(QPDF& pdf, Handle tree_root) {
    Handle document = pdf.makeIndirectObject(Handle::newDictionary());
    document.replaceKey("/Type", Handle::newName("/StructElem"));
    document.replaceKey("/S", Handle::newName("/Document"));
    document.replaceKey("/P", tree_root);
    std::vector<Handle> kids = kids_of(tree_root);
    for (Handle kid : kids)
        if (is_struct_elem(kid)) kid.replaceKey("/P", document);
    document.replaceKey("/K", Handle::newArray(kids));
    tree_root.replaceKey("/K", Handle::newArray({document}));
    return document;
}

// The Document's children are the elements draw_tagged() began, in order:
// each gets its item's alt text (Cairo 1.16 writes no attributes on
// structure elements).
void set_alt_texts(Handle document, const std::vector<TaggedElement>& elements) {
    std::vector<Handle> kids;
    for (Handle kid : kids_of(document))
        if (is_struct_elem(kid)) kids.push_back(kid);
    if (kids.size() != elements.size())
        fail_system({}, "cairo wrote " + std::to_string(kids.size()) + " structure elements instead of " +
                            std::to_string(elements.size()));
    for (size_t i = 0; i < kids.size(); ++i) {
        if (!kids[i].getKey("/S").isNameAndEquals("/" + elements[i].tag))
            fail_system({}, "cairo wrote a " + kids[i].getKey("/S").unparse() + " structure element where " +
                                elements[i].tag + " was begun");
        if (!elements[i].alt.empty()) kids[i].replaceKey("/Alt", Handle::newUnicodeString(elements[i].alt));
    }
}

// A document with nothing but decoration still gets a (childless) tree.
Handle structure_tree_root(QPDF& pdf) {
    Handle root = pdf.getRoot().getKey("/StructTreeRoot");
    if (root.isDictionary()) return root;
    root = pdf.makeIndirectObject(Handle::newDictionary());
    root.replaceKey("/Type", Handle::newName("/StructTreeRoot"));
    root.replaceKey("/K", Handle::newArray());
    pdf.getRoot().replaceKey("/StructTreeRoot", root);
    return root;
}

// Screen readers announce a link by its /Contents (PDF/UA requires one):
// the address itself, which is also what the reader sees.
void describe_links(Handle page) {
    Handle annots = page.getKey("/Annots");
    if (!annots.isArray()) return;
    for (Handle annot : annots.getArrayAsVector()) {
        if (!annot.isDictionary() || !annot.getKey("/Subtype").isNameAndEquals("/Link")) continue;
        Handle uri = annot.getKey("/A").isDictionary() ? annot.getKey("/A").getKey("/URI") : Handle::newNull();
        if (uri.isString() && !annot.hasKey("/Contents")) annot.replaceKey("/Contents", uri);
    }
}

void set_catalog(QPDF& pdf, const WebPdfOptions& options) {
    Handle root = pdf.getRoot();
    if (!options.lang.empty()) root.replaceKey("/Lang", Handle::newUnicodeString(options.lang));
    Handle mark_info = Handle::newDictionary();
    mark_info.replaceKey("/Marked", Handle::newBool(true));
    root.replaceKey("/MarkInfo", mark_info);
    Handle preferences = Handle::newDictionary();
    preferences.replaceKey("/DisplayDocTitle", Handle::newBool(true));
    root.replaceKey("/ViewerPreferences", preferences);
}

}  // namespace

std::string finish_web_pdf(const std::string& cairo_pdf, const std::vector<scene::PageScene>& pages,
                           const std::vector<TaggedElement>& elements, const WebPdfOptions& options) {
    try {
        QPDF pdf;
        const std::vector<QPDFObjectHandle> pdf_pages = load_cairo_pdf(pdf, cairo_pdf, pages.size());
        for (size_t i = 0; i < pdf_pages.size(); ++i) {
            Handle page = pdf_pages[i];
            page.replaceKey("/MediaBox", box_array({0, 0, pages[i].trim_w_pt, pages[i].trim_h_pt}));
            page.replaceKey("/Tabs", Handle::newName("/S"));
            mark_artifacts(page);
            describe_links(page);
        }

        Handle tree_root = structure_tree_root(pdf);
        Handle document = wrap_in_document(pdf, tree_root);
        set_alt_texts(document, elements);
        set_catalog(pdf, options);
        set_info(pdf, options.title, options.creator, options.date_epoch);
        fail_on_warnings(pdf, "cairo's web PDF");
        return write_deterministic(pdf, true);
    } catch (const koho::Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_system({}, std::string("finishing the web PDF with qpdf failed: ") + e.what());
    }
}

}  // namespace koho::print::detail
