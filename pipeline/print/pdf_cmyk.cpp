// The CMYK pass: pages, annotations and the clean-up at the end.
#include "print/pdf_cmyk.h"

#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>

#include "core/diagnostic.h"
#include "print/pdf_cmyk_pass.h"

namespace koho::print {

CmykPassResult convert_to_cmyk(QPDF& pdf, const InkConverter& inks) {
    detail::CmykPass pass(pdf, inks);
    return pass.run();
}

}  // namespace koho::print

namespace koho::print::detail {

void Findings::add(const std::string& w) {
    if (std::find(what.begin(), what.end(), w) == what.end())
        what.push_back(w);
}

void Findings::add(const Findings& other) {
    for (const std::string& w : other.what)
        add(w);
}

CmykPass::CmykPass(QPDF& pdf_, const InkConverter& inks_) : pdf(pdf_), inks(inks_) {}

void CmykPass::fail(const std::string& message) const {
    const std::string where = page > 0 ? "page " + std::to_string(page) + ": " : std::string();
    fail_system({}, "CMYK conversion: " + where + message);
}

QPDFObjectHandle CmykPass::claim(QPDFObjectHandle h, Target target) {
    if (!h.isIndirect())
        return h;
    const QPDFObjGen id = h.getObjGen();
    auto owner = owner_.find(id);
    if (owner == owner_.end()) {
        owner_.emplace(id, target);
        // Something a soft mask reaches may be painted as ink too: keep it
        // as it was for the other target.
        if (in_masks_.count(id))
            pristine_.emplace(id, snapshot(h));
        return h;
    }
    if (owner->second == target)
        return h;
    auto kept = pristine_.find(id);
    if (kept == pristine_.end())
        fail("an object is needed both as ink and inside a soft mask, and was not kept");
    QPDFObjectHandle copy = kept->second;
    owner_.emplace(copy.getObjGen(), target);
    return copy;
}

QPDFObjectHandle CmykPass::snapshot(QPDFObjectHandle h) {
    if (!h.isStream())
        return pdf.makeIndirectObject(h.shallowCopy());
    std::shared_ptr<Buffer> raw = h.getRawStreamData();
    QPDFObjectHandle copy = QPDFObjectHandle::newStream(
        &pdf, std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()));
    QPDFObjectHandle dict = h.getDict().shallowCopy();
    for (const std::string& key : dict.getKeys())
        if (key != "/Length")
            copy.getDict().replaceKey(key, dict.getKey(key));
    return copy;
}

void CmykPass::find_mask_content(QPDFObjectHandle obj, bool in_mask, std::set<std::pair<QPDFObjGen, bool>>& seen) {
    if (obj.isIndirect()) {
        if (!seen.insert({obj.getObjGen(), in_mask}).second)
            return;
        if (in_mask)
            in_masks_.insert(obj.getObjGen());
    }
    if (obj.isArray()) {
        for (QPDFObjectHandle item : obj.getArrayAsVector())
            find_mask_content(item, in_mask, seen);
        return;
    }
    QPDFObjectHandle dict = obj.isStream() ? obj.getDict() : obj;
    if (!dict.isDictionary())
        return;
    const bool is_mask = dict.getKey("/S").isNameAndEquals("/Luminosity") || dict.getKey("/S").isNameAndEquals("/Alpha");
    for (const std::string& key : dict.getKeys()) {
        if (key == "/Parent")
            continue;
        QPDFObjectHandle value = dict.getKey(key);
        // What the whole document never sets is known everywhere, also in
        // streams that inherit their state.
        if ((key == "/CA" || key == "/ca") && value.isNumber() && value.getNumericValue() < 1)
            partial_alpha_ = true;
        if (key == "/SMask" && value.isDictionary())
            any_soft_mask_ = true;
        if (key == "/BM" && !value.isNameAndEquals("/Normal") && !value.isNameAndEquals("/Compatible"))
            any_blend_mode_ = true;
        find_mask_content(value, in_mask || (is_mask && key == "/G"), seen);
    }
}

size_t CmykPass::record_resources(const ResourceView& view) {
    if (view.resources.isIndirect()) {
        auto [it, inserted] = visited_index_.emplace(view.resources.getObjGen(), visited_resources_.size());
        if (!inserted)
            return it->second;
    }
    // A direct dictionary belongs to the one object holding it, visited
    // once: a record of its own.
    VisitedResources record;
    record.resources = view.resources;
    for (const auto& [name, info] : view.gstates)
        if (info.opaque_only)
            record.opaque_only.insert(name);
    visited_resources_.push_back(std::move(record));
    return visited_resources_.size() - 1;
}

void CmykPass::keep_gstate_call(const ResourceView& view, const std::string& name) {
    visited_resources_.at(view.record).still_called.insert(name);
}

void CmykPass::convert_annotations(QPDFObjectHandle page_dict, Findings& found) {
    QPDFObjectHandle annots = page_dict.getKey("/Annots");
    if (!annots.isArray())
        return;
    for (QPDFObjectHandle annot : annots.getArrayAsVector()) {
        if (!annot.isDictionary())
            continue;
        // Border and interior colours given as RGB.
        for (const char* key : {"/C", "/IC"}) {
            QPDFObjectHandle colour = annot.getKey(key);
            if (colour.isArray() && colour.getArrayNItems() == 3) {
                std::vector<double> rgb;
                for (QPDFObjectHandle v : colour.getArrayAsVector())
                    rgb.push_back(v.isNumber() ? v.getNumericValue() : 0);
                std::vector<double> cmyk = convert_colour(Family::Rgb, rgb, Target::Ink, nullptr);
                std::vector<QPDFObjectHandle> items;
                for (double v : cmyk)
                    items.push_back(pdf_number(v));
                annot.replaceKey(key, QPDFObjectHandle::newArray(items));
            }
        }
        QPDFObjectHandle ap = annot.getKey("/AP");
        if (!ap.isDictionary())
            continue;
        for (const char* key : {"/N", "/R", "/D"}) {
            QPDFObjectHandle appearance = ap.getKey(key);
            QPDFObjectHandle no_resources;
            if (appearance.isStream()) {
                QPDFObjectHandle converted = convert_form(appearance, Target::Ink, no_resources, found, false);
                if (!converted.isSameObjectAs(appearance))
                    ap.replaceKey(key, converted);
            } else if (appearance.isDictionary()) {
                for (const std::string& state : appearance.getKeys()) {
                    QPDFObjectHandle stream = appearance.getKey(state);
                    if (!stream.isStream())
                        continue;
                    QPDFObjectHandle converted = convert_form(stream, Target::Ink, no_resources, found, false);
                    if (!converted.isSameObjectAs(stream))
                        appearance.replaceKey(state, converted);
                }
            }
        }
    }
}

void CmykPass::convert_page(QPDFObjectHandle page_dict) {
    Findings found;
    QPDFObjectHandle resources = page_dict.getKey("/Resources");
    if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        page_dict.replaceKey("/Resources", resources);
    }
    ResourceView view = convert_resources(resources, Target::Ink, found);
    if (!view.resources.isSameObjectAs(resources))
        page_dict.replaceKey("/Resources", view.resources);

    QPDFObjectHandle contents = page_dict.getKey("/Contents");
    if (contents.isArray() && contents.getArrayNItems() > 1) {
        // Operators may straddle the pieces: one stream to read.
        QPDFPageObjectHelper(page_dict).coalesceContentStreams();
        contents = page_dict.getKey("/Contents");
    }
    if (contents.isArray() && contents.getArrayNItems() == 1)
        contents = contents.getArrayItem(0);
    if (contents.isStream()) {
        const auto key = std::make_pair(contents.getObjGen(), Target::Ink);
        auto done = done_findings_.find(key);
        if (done != done_findings_.end() && contents.isIndirect()) {
            found.add(done->second);
        } else {
            Findings own;
            rewrite_content(contents, view, Target::Ink, StreamStart{}, own);
            if (contents.isIndirect())
                done_findings_[key] = own;
            found.add(own);
        }
    } else if (!contents.isNull() && !(contents.isArray() && contents.getArrayNItems() == 0)) {
        fail("the page's /Contents is neither a stream nor an array of streams");
    }
    convert_annotations(page_dict, found);

    // Cairo gives every page an isolated RGB transparency group. What is
    // transparent on the page keeps its own group; the page's blending space
    // is the output intent's CMYK.
    page_dict.removeKey("/Group");

    for (const std::string& what : found.what)
        result.transparency.push_back({page, what});
}

void CmykPass::clean_up() {
    // A form painted only opaquely, with nothing transparent inside, looks
    // the same without its transparency group.
    for (auto& [id, record] : forms) {
        (void)id;
        if (record.soft_mask_group || record.transparent_use || !record.found.empty())
            continue;
        QPDFObjectHandle dict = record.form.getDict();
        QPDFObjectHandle group = dict.getKey("/Group");
        if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency"))
            dict.removeKey("/Group");
    }
    // ExtGStates that only say "opaque" where every call was redundant.
    for (VisitedResources& record : visited_resources_) {
        QPDFObjectHandle gstates = record.resources.getKey("/ExtGState");
        if (!gstates.isDictionary())
            continue;
        for (const std::string& name : record.opaque_only)
            if (!record.still_called.count(name))
                gstates.removeKey(name);
        if (gstates.getKeys().empty())
            record.resources.removeKey("/ExtGState");
    }
}

CmykPassResult CmykPass::run() {
    pdf.pushInheritedAttributesToPage();
    const std::vector<QPDFObjectHandle> pages = pdf.getAllPages();
    std::set<std::pair<QPDFObjGen, bool>> seen;
    for (QPDFObjectHandle page_dict : pages)
        find_mask_content(page_dict, false, seen);
    for (size_t i = 0; i < pages.size(); ++i) {
        page = static_cast<int>(i) + 1;
        convert_page(pages[i]);
    }
    page = 0;
    clean_up();
    return result;
}

}  // namespace koho::print::detail
