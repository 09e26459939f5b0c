// load_layout: the top level of a print layout, in the order its parts
// depend on each other (page size → fonts, colours, vars → styles →
// masters → pages → chains).
#include <algorithm>

#include "model/color_reader.h"
#include "model/layout_loader.h"
#include "model/layout_schema.h"
#include "model/loader_internal.h"
#include "model/markup.h"
#include "model/merge_plan.h"
#include "model/print_settings.h"
#include "model/styles.h"
#include "model/suggest.h"

namespace koho::model {
namespace {

using detail::LoadContext;

const std::vector<std::string> kLayoutKeys = {"$schema", "type",  "title",   "lang",  "page",
                                              "color",   "pdfx",  "fonts",   "colors", "styles",
                                              "vars",    "masters", "pages", "character_styles",
                                              "data",    "output"};

struct PaperSize {
    const char* name;
    double w_mm, h_mm;
};
// ISO 216 A series, JIS P 0138 B series, and the Japan Post postcard.
constexpr PaperSize kPaperSizes[] = {
    {"A0", 841, 1189}, {"A1", 594, 841}, {"A2", 420, 594}, {"A3", 297, 420}, {"A4", 210, 297},
    {"A5", 148, 210},  {"A6", 105, 148}, {"B0", 1030, 1456}, {"B1", 728, 1030}, {"B2", 515, 728},
    {"B3", 364, 515},  {"B4", 257, 364}, {"B5", 182, 257},   {"B6", 128, 182},  {"hagaki", 100, 148},
};

PageSetup read_page(const Node& page) {
    expect_object(page, "\"page\"");
    check_keys(page, {"size", "orientation", "bleed", "marks", "binding"}, "\"page\"");
    PageSetup setup;
    setup.loc = page.loc();
    Node size = require(page, "size", "\"page\"");
    bool custom = size.json().is_object();
    if (custom) {
        check_keys(size, {"w", "h"}, "a custom page size");
        setup.trim_w_pt = to_pt(read_length(require(size, "w", "a custom page size"), "\"w\"", kAbsoluteUnits, Sign::Positive), {});
        setup.trim_h_pt = to_pt(read_length(require(size, "h", "a custom page size"), "\"h\"", kAbsoluteUnits, Sign::Positive), {});
    } else {
        std::vector<std::string> names;
        for (const auto& paper : kPaperSizes) names.push_back(paper.name);
        if (!size.json().is_string())
            fail_input(size.loc(), "\"size\" must be a paper name (A0–A6, B0–B6, hagaki) or {\"w\": ..., \"h\": ...}, not " +
                                       json_type_name(size.json()));
        const PaperSize& paper = kPaperSizes[read_enum(size, "page size", names)];
        setup.trim_w_pt = paper.w_mm * kPtPerMm;
        setup.trim_h_pt = paper.h_mm * kPtPerMm;
    }
    if (auto orientation = member(page, "orientation")) {
        if (custom)
            fail_input(orientation->key_loc(),
                       "\"orientation\" applies to named paper sizes; a custom size is used as its w and h say");
        if (read_enum(*orientation, "orientation", {"portrait", "landscape"}) == 1)
            std::swap(setup.trim_w_pt, setup.trim_h_pt);
    }
    setup.bleed_pt = 3 * kPtPerMm;
    if (auto bleed = member(page, "bleed"))
        setup.bleed_pt = to_pt(read_length(*bleed, "\"bleed\"", kAbsoluteUnits, Sign::NonNegative), {});
    if (auto marks = member(page, "marks"))
        setup.marks = static_cast<Marks>(read_enum(*marks, "marks", {"tombo", "none"}));
    if (auto binding = member(page, "binding"))
        setup.binding = static_cast<Binding>(read_enum(*binding, "binding", {"left", "right"}));
    return setup;
}

std::vector<Frame> read_frames(const Node& owner, LoadContext& context, bool on_master,
                               const char* key = "frames") {
    std::vector<Frame> frames;
    auto list = member(owner, key);
    if (!list) return frames;
    expect_array(*list, "\"" + std::string(key) + "\"");
    for (size_t i = 0; i < list->json().size(); ++i)
        frames.push_back(detail::read_frame(list->element(i), context, on_master));
    return frames;
}

void note_layout_families(Document& doc) {
    auto note = [&](const Style* style) {
        if (!style) return;
        doc.families_used.emplace(style->font_family, style->font_loc);
        if (!style->strong_font_family.empty())
            doc.families_used.emplace(style->strong_font_family, style->strong_font_loc);
    };
    auto story = [&](const Story& s) {
        for (const auto& paragraph : s.paragraphs) {
            note(paragraph.style);
            for (const auto& span : paragraph.spans)
                if (span.char_style && !span.char_style->font_family.empty())
                    doc.families_used.emplace(span.char_style->font_family, span.char_style->font_loc);
        }
    };
    auto frames = [&](const std::vector<Frame>& list) {
        for (const auto& frame : list) {
            note(frame.style);
            if (const auto* text = std::get_if<TextContent>(&frame.content)) story(text->story);
            if (const auto* table = std::get_if<TableContent>(&frame.content))
                for (const auto& row : table->rows)
                    for (const auto& cell : row.cells) story(cell.story);
        }
    };
    for (const auto& [_, master] : doc.masters) {
        frames(master.frames);
        frames(master.odd_frames);
        frames(master.even_frames);
    }
    for (const auto& page : doc.pages) frames(page.frames);
}

Document load_layout_semantics(const JsonSource& source, const LoadOptions& options,
                               const std::map<std::string, std::string>* record_vars) {
    Document doc;
    doc.file = source.file();
    doc.root = options.root;
    Node root = root_node(source);
    expect_object(root, "a layout");
    // The type first: a video timeline's keys are not a print layout's,
    // and the useful message is that it is a timeline.
    Node type = require(root, "type", "a layout");
    if (type.json() == "video")
        fail_input(type.loc(), "this is a video timeline (\"type\": \"video\"); koho print reads print layouts");
    read_enum(type, "layout type", {"print"});
    check_keys(root, kLayoutKeys, "a print layout");
    if (auto schema = member(root, "$schema")) read_string(*schema, "\"$schema\"");
    read_merge_spec(source);  // "data" and "output": both or neither, each a file name
    if (auto title = member(root, "title")) doc.title = read_string(*title, "\"title\"", true);
    if (auto lang = member(root, "lang")) doc.lang = read_string(*lang, "\"lang\"");

    doc.page = read_page(require(root, "page", "a layout"));
    LoadContext context{source, doc, options.root, options.limits};

    if (auto fonts = member(root, "fonts")) doc.fonts = read_string_table(*fonts, "fonts", false);
    if (auto colors = member(root, "colors")) {
        expect_object(*colors, "\"colors\"");
        for (auto& [name, value] : members_in_order(*colors))
            doc.colors[name] = read_color(value, "colour '" + sanitize_utf8(name) + "'", nullptr);
    }
    add_builtin_colors(doc.colors);
    {
        auto color = member(root, "color");
        auto pdfx = member(root, "pdfx");
        doc.print = read_print_settings(color ? &*color : nullptr, pdfx ? &*pdfx : nullptr, options.root, root.loc());
    }
    if (auto vars = member(root, "vars")) {
        doc.vars = read_string_table(*vars, "vars", true);
        for (const auto& late : kLateVariables)
            if (doc.vars.count(late))
                fail_input(vars->child(late).key_loc(), "'" + late + "' is reserved: {{" + late +
                                                            "}} is filled in when pages are composed");
    }
    // A data-merge record's fields (model/merge_plan.h read "data" and
    // "output" and checked that no field shares a name with "vars").
    if (record_vars)
        for (const auto& [name, value] : *record_vars) doc.vars[name] = value;
    if (auto styles = member(root, "styles")) doc.styles = resolve_styles(*styles, doc.fonts, doc.colors);
    if (auto styles = member(root, "character_styles"))
        doc.char_styles = read_char_styles(*styles, doc.fonts, doc.colors);

    if (auto masters = member(root, "masters")) {
        expect_object(*masters, "\"masters\"");
        for (auto& [name, node] : members_in_order(*masters)) {
            std::string where = "master '" + sanitize_utf8(name) + "'";
            expect_object(node, where);
            check_keys(node, {"frames", "odd", "even"}, where);
            Master master;
            master.name = name;
            master.loc = node.loc();
            master.frames = read_frames(node, context, true);
            master.odd_frames = read_frames(node, context, true, "odd");
            master.even_frames = read_frames(node, context, true, "even");
            doc.masters.emplace(name, std::move(master));
        }
    }

    Node pages = require(root, "pages", "a layout");
    expect_array(pages, "\"pages\"");
    if (pages.json().empty()) fail_input(pages.loc(), "\"pages\" needs at least one page");
    // Before any page is read: each one is composed and held in memory.
    if (pages.json().size() > options.limits.max_pages)
        fail_input(pages.loc(), "the layout has " + std::to_string(pages.json().size()) + " pages" +
                                    over_limit(std::to_string(options.limits.max_pages) + " pages",
                                               limit_flags::kPages));
    for (size_t i = 0; i < pages.json().size(); ++i) {
        Node node = pages.element(i);
        std::string where = "page " + std::to_string(i + 1);
        expect_object(node, where);
        check_keys(node, {"master", "section", "frames"}, where);
        Page page;
        page.loc = node.loc();
        if (auto master = member(node, "master")) {
            std::string name = read_string(*master, "\"master\"");
            auto found = doc.masters.find(name);
            if (found == doc.masters.end()) {
                std::vector<std::string> names;
                for (const auto& [m, _] : doc.masters) names.push_back(m);
                fail_input(master->loc(), "unknown master '" + sanitize_utf8(name) + "'" +
                                              (names.empty() ? " (\"masters\" defines none)" : did_you_mean(name, names)));
            }
            page.master = &found->second;
        }
        if (auto section = member(node, "section")) page.section = read_string(*section, "\"section\"", true);
        page.frames = read_frames(node, context, false);
        doc.pages.push_back(std::move(page));
    }

    detail::link_chains(doc, source);
    note_layout_families(doc);
    return doc;
}

}  // namespace

Document load_layout_source(const JsonSource& source, const LoadOptions& options) {
    // The semantic pass runs first: it reads every value with a typed,
    // located check and says "did you mean" where it can, so most faults get
    // its message. The schema then checks what passed, so that the engine
    // never accepts a layout the published schema rejects. (This order also
    // keeps the schema's regular expressions away from unchecked strings:
    // std::regex recurses per character and would overflow on huge ones.)
    Document doc = load_layout_semantics(source, options, nullptr);
    validate_layout_schema(source);
    return doc;
}

Document load_layout_source(const JsonSource& source, const LoadOptions& options,
                            const std::map<std::string, std::string>& record_vars) {
    Document doc = load_layout_semantics(source, options, &record_vars);
    validate_layout_schema(source);
    return doc;
}

Document load_layout(const std::filesystem::path& file, const LoadOptions& options) {
    JsonSource source = JsonSource::read_file(file);
    return load_layout_source(source, options);
}

}  // namespace koho::model
