// `koho print LAYOUT.json -o OUT.pdf`: a layout to a press-ready PDF with
// bleed, TrimBox/BleedBox and トンボ, and optionally PNG proofs of each page.
//
// The whole PDF is made in memory first; the --deps depfile and the proofs
// are written next and the PDF last, all as one core/output_set.h: whatever
// fails leaves the old PDF, proofs and depfile (or nothing) in place, never
// a new PDF with old proofs or a depfile that describes another render.
//
// An output named .png, .jpg or .jpeg is the pages as pictures instead
// (banners): each page's trim drawn at 96 px per inch, so a page sized in
// px is that many pixels. A layout with "data" renders one output per
// record (--output-dir, print_merge.cpp), each through render_print_target.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/deps_flag.h"
#include "cli/diagnostic_output.h"
#include "cli/limit_flags.h"
#include "cli/print_color.h"
#include "cli/print_job.h"
#include "core/dependency_log.h"
#include "core/output_set.h"
#include "core/build_info.h"
#include "core/diagnostic.h"
#include "core/units.h"
#include "model/document.h"
#include "model/layout_loader.h"
#include "model/merge_plan.h"
#include "print/pdf_date.h"
#include "print/pdf_writer.h"
#include "print/proof.h"
#include "print/spread_proof.h"
#include "print/web_pdf.h"
#include "raster/encode.h"
#include "raster/image_loader.h"
#include "scene/compose.h"
#include "text/font_context.h"
#include "text/typesetter.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

// `--timings`: how long each stage took, on stderr, for bench/print. The
// CLI is the one place that may print; the PDF does not depend on it.
class StageTimer {
public:
    explicit StageTimer(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}
    void lap(const char* stage) {
        if (!enabled_) return;
        auto now = Clock::now();
        std::fprintf(stderr, "koho: timing %-8s %8.1f ms\n", stage, ms(now - last_));
        last_ = now;
    }
    void total() {
        if (enabled_) std::fprintf(stderr, "koho: timing %-8s %8.1f ms\n", "total", ms(Clock::now() - start_));
    }

private:
    using Clock = std::chrono::steady_clock;
    static double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }
    bool enabled_;
    Clock::time_point start_, last_;
};

print::MarkStyle mark_style(model::Marks marks) {
    return marks == model::Marks::None ? print::MarkStyle::None : print::MarkStyle::Tombo;
}

// Renders and writes one PNG per page: DIR/<stem>-p<N>.png.
void write_proofs(OutputSet& outputs, const std::vector<scene::PageScene>& pages, const PrintArgs& args,
                  const std::string& stem) {
    const fs::path dir = args.proof_dir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) fail_system({dir.string()}, "cannot create the proof directory: " + ec.message());
    const std::vector<std::string> pngs =
        print::draw_proof_pngs(pages.size(), args.dpi, [&](size_t i) { return print::render_proof(pages[i], args.dpi); });
    for (size_t i = 0; i < pngs.size(); ++i)
        outputs.write(dir / (stem + "-p" + std::to_string(i + 1) + ".png"), pngs[i]);
}

// After a render: the page proofs (and, with --spreads, the spreads) an
// earlier render of the same name left beyond this one's pages — a layout
// that lost a page must not keep showing it. Files of other names, and
// anything that is not <stem>-p<N>.png or <stem>-spread-<N>.png, stay.
void remove_stale_proofs(const fs::path& proof_dir, const std::string& stem, const std::vector<fs::path>& written,
                         bool spreads) {
    const fs::path dir = (proof_dir / stem).parent_path();
    const std::string base = fs::path(stem).filename().string();
    std::set<fs::path> kept;
    for (const fs::path& file : written) kept.insert(file.lexically_normal());
    auto numbered = [](const std::string& name, const std::string& prefix) {
        if (name.size() <= prefix.size() + 4 || name.compare(0, prefix.size(), prefix) != 0 ||
            name.compare(name.size() - 4, 4, ".png") != 0)
            return false;
        const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - 4);
        return std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); });
    };
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool ours = numbered(name, base + "-p") || (spreads && numbered(name, base + "-spread-"));
        if (ours && !kept.count(it->path().lexically_normal())) fs::remove(it->path(), ec);
    }
}

// PNG or JPEG pages: each page's trim (a banner has no bleed to show) at
// kRasterOutputDpi. One page is `output` itself; more are <stem>-p<N><ext>.
// The first page is the set's main output, renamed last.
void write_raster_pages(OutputSet& outputs, const std::vector<scene::PageScene>& pages, const fs::path& output) {
    std::string ext = output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const bool png = ext == ".png";
    for (size_t i = 0; i < pages.size(); ++i) {
        fs::path name = output;
        if (pages.size() > 1)
            name.replace_filename(output.stem().string() + "-p" + std::to_string(i + 1) + output.extension().string());
        scene::PageScene trim = pages[i];
        trim.bleed_pt = 0;
        print::SurfacePtr picture = print::render_proof(trim, kRasterOutputDpi);
        const raster::PixelView pixels = raster::view_of(picture.get());
        // 90: the lowest quality encode_jpeg keeps chroma whole at (thin
        // coloured type on a banner stays crisp).
        std::string bytes = png ? raster::encode_png(pixels, kRasterOutputDpi)
                                : raster::encode_jpeg(pixels, 90, kRasterOutputDpi);
        if (i == 0)
            outputs.add_main(name).write(bytes);
        else
            outputs.write(name, bytes);
    }
}

print::Binding binding_of(const model::Document& document) {
    return document.page.binding == model::Binding::Right ? print::Binding::Right : print::Binding::Left;
}

// The print edition: CMYK PDF/X unless the layout or the options say
// otherwise. Its preflight is started in `preflight` (it must pass before
// the PDF may be written).
std::string print_edition(const model::Document& document, const std::vector<scene::PageScene>& pages,
                          const PrintArgs& args, const fs::path& output, StageTimer& timer,
                          std::optional<OwnPreflight>& preflight) {
    std::optional<print::OutputProfile> profile;
    print::PdfOptions pdf;
    pdf.title = document.title;
    pdf.lang = document.lang;
    pdf.creator = std::string("koho ") + build_info::kVersion;
    pdf.marks = mark_style(document.page.marks);
    pdf.right_to_left = document.page.binding == model::Binding::Right;
    pdf.color = resolve_print_color(document, args.color, profile);
    pdf.date_epoch = pdf_date_epoch(args.layout, pdf.color.pdfx != print::PdfxLevel::None);
    std::string bytes = print::render_pdf(pages, pdf);
    timer.lap("pdf");
    // An RGB PDF is not for a press: nothing to preflight it against.
    if (pdf.color.cmyk && !args.no_preflight)
        preflight.emplace(bytes, output.string(), args.layout, pdf.color.settings.tac_percent,
                          pdf.color.pdfx != print::PdfxLevel::None);
    return bytes;
}

// A picture in the web edition that a screen reader can only call "image":
// worth a warning (as accessibility checkers give), not an error.
void warn_figures_without_alt(const std::vector<scene::PageScene>& pages) {
    for (size_t p = 0; p < pages.size(); ++p) {
        const scene::Item* previous = nullptr;
        for (const scene::Item& item : pages[p].items) {
            // A frame's items follow one another: one warning per frame.
            const bool same_frame = previous && !item.frame_id.empty() && previous->frame_id == item.frame_id;
            previous = &item;
            if (same_frame) continue;
            // Pictures, and shapes set as figures (QR codes are, by default).
            const bool picture = std::holds_alternative<scene::ImageItem>(item.what) ||
                                 std::holds_alternative<scene::SvgItem>(item.what) || item.role == "figure";
            if (!picture || !item.alt.empty() || item.role == "artifact") continue;
            const std::string frame = item.frame_id.empty() ? "a picture" : "frame '" + item.frame_id + "'";
            const std::string message = "web edition, page " + std::to_string(p + 1) + ": " + frame +
                                        " has no \"alt\" text; screen readers cannot say what it shows "
                                        "(or mark it \"role\": \"artifact\")";
            print_diagnostic(item.where, "warning", message);
        }
    }
}

std::string web_edition(const model::Document& document, const std::vector<scene::PageScene>& pages,
                        const PrintArgs& args, StageTimer& timer) {
    warn_figures_without_alt(pages);
    print::WebPdfOptions web;
    web.title = document.title;
    web.lang = document.lang;
    web.creator = std::string("koho ") + build_info::kVersion;
    web.date_epoch = print::source_date_epoch_from_environment();
    std::string bytes = print::render_web_pdf(pages, web);
    timer.lap("web pdf");
    return bytes;
}

void run_print(const PrintArgs& args) {
    if (!(args.dpi >= 1 && args.dpi <= 2400))
        fail_input({"--dpi"}, "proof resolution " + format_number(args.dpi) + " dpi is outside 1..2400");
    std::error_code ec;
    if (!fs::is_directory(args.root, ec))
        fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    if (!args.output_dir.empty()) return run_print_merge(args);
    if (args.output.empty())
        fail_input({}, "--output is required: name the PDF with -o OUT.pdf (or, for a layout with \"data\", "
                       "the folder of its outputs with --output-dir DIR)");
    refuse_records_without_merge(args);
    PrintTarget target;
    target.output = args.output;
    target.proof_stem = fs::path(args.layout).stem().string();
    target.deps = args.deps;
    render_print_target(args, nullptr, nullptr, target);
}

}  // namespace

bool is_raster_output(const fs::path& output) {
    std::string ext = output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

void render_print_target(const PrintArgs& args, const model::JsonSource* parsed,
                         const std::shared_ptr<text::FontContext>& fonts, const PrintTarget& target) {
    StageTimer timer(args.timings);
    const bool raster = is_raster_output(target.output);
    if (raster && args.web)
        fail_input({"--web"}, "the web edition is a PDF; '" + target.output.string() + "' names a picture");
    // The PDF's place is taken first: an unwritable -o fails before the work.
    // (Pictures are named by page, known once the layout is read.)
    OutputSet outputs;
    AtomicFile* pdf_file = raster || target.check_only ? nullptr : &outputs.add_main(target.output);
    // Before the layout is read: every file from here on is a dependency.
    DepsRecorder deps(target.deps, &outputs);
    std::optional<model::JsonSource> read_here;
    if (!parsed) {
        read_here = model::JsonSource::read_file(args.layout);
        if (auto merge = model::read_merge_spec(*read_here))
            fail_input(merge->data_loc, "this layout merges data: it makes one output per record of " +
                                            model::sanitize_utf8(merge->data) + "; give their folder with "
                                            "--output-dir DIR instead of -o");
    } else {
        // Read once for every record, before this record's recording began.
        record_dependency(args.layout);
        if (!target.data_file.empty()) record_dependency(target.data_file);
    }
    const model::JsonSource& layout = parsed ? *parsed : *read_here;
    model::LoadOptions load;
    load.root = args.root;
    load.limits = args.limits;
    const model::Document document = model::load_layout_source(layout, load, target.record_vars);
    timer.lap("load");

    // Made here, after the layout, when no earlier render made them.
    const std::shared_ptr<text::FontContext> font_context = fonts ? fonts : project_fonts(args);
    for (const auto& [family, where] : document.families_used)
        text::require_family(*font_context, family, where);
    timer.lap("fonts");

    // A typesetter per render: its font cache records the font files this
    // render uses (a data-merge record's depfile lists its own).
    text::Typesetter typesetter(font_context);
    const std::vector<scene::PageScene> pages =
        scene::compose(document, typesetter,
                       raster::make_cached_image_loader(raster::DecodeLimits{args.limits.max_image_pixels}));
    timer.lap("compose");

    // Runs while the proofs are drawn; "preflight" in --timings is what was
    // left of it after them.
    std::optional<OwnPreflight> preflight;
    auto preflight_passed = [&] {
        if (!preflight) return;
        preflight->report();
        timer.lap("preflight");
    };
    if (target.check_only) {
        // The edition is made (and the print edition preflighted) in memory.
        if (!raster) args.web ? web_edition(document, pages, args, timer)
                              : print_edition(document, pages, args, target.output, timer, preflight);
        preflight_passed();
        return;
    }
    if (raster) {
        write_raster_pages(outputs, pages, target.output);
        timer.lap("pictures");
    }
    const std::string bytes = raster     ? std::string()
                              : args.web ? web_edition(document, pages, args, timer)
                                         : print_edition(document, pages, args, target.output, timer, preflight);

    if (!args.proof_dir.empty()) {
        write_proofs(outputs, pages, args, target.proof_stem);
        if (args.spreads)
            print::write_spread_proofs(outputs, args.proof_dir, target.proof_stem, pages, binding_of(document),
                                       args.dpi);
        timer.lap("proofs");
    }
    preflight_passed();
    if (pdf_file) pdf_file->write(bytes);
    deps.finish(outputs.targets());
    outputs.commit();
    if (!args.proof_dir.empty()) remove_stale_proofs(args.proof_dir, target.proof_stem, outputs.targets(), args.spreads);
    timer.lap("write");
    timer.total();
}


void add_print_command(CLI::App& app) {
    auto args = std::make_shared<PrintArgs>();
    auto* cmd = app.add_subcommand(
        "print",
        "Render a layout to a print-ready PDF (bleed, trim boxes, トンボ) and page proofs");
    cmd->description(
        "Render a layout to a print-ready PDF: pages with bleed, TrimBox and BleedBox, Japanese trim\n"
        "marks (トンボ) unless the layout says \"marks\": \"none\", fonts embedded and subset, text\n"
        "extractable. With --proof, also one PNG per page (trim + bleed) drawn by the same renderer.\n");
    cmd->add_option("layout", args->layout, "The layout file (JSON, see docs/format.md)")
        ->required()
        ->type_name("LAYOUT.json");
    auto* output = cmd->add_option("-o,--output", args->output,
                                   "Where to write the PDF, or .png/.jpg pages (replaced only when complete)")
                       ->type_name("OUT.pdf");
    cmd->add_option("--output-dir", args->output_dir,
                    "Data merge: write each record's output (the layout's \"output\" name) into DIR")
        ->type_name("DIR")
        ->excludes(output);
    cmd->add_option("--records", args->records, "Data merge: only these records (1-based), e.g. 3 or 1-4,7")
        ->type_name("LIST");
    cmd->add_flag("--list-records", args->list_records,
                  "Data merge: print each record's number and output name, render nothing");
    cmd->add_option("--proof", args->proof_dir,
                    "Also write one PNG per page (trim + bleed) into DIR, named <layout>-p<N>.png")
        ->type_name("DIR");
    cmd->add_option("--dpi", args->dpi, "Resolution of the proofs, 1 to 2400")
        ->type_name("N")
        ->default_str("150");
    cmd->add_option("--root", args->root,
                    "Project root: media paths resolve inside it, and its fonts/ is searched first")
        ->type_name("DIR")
        ->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")
        ->type_name("DIR");
    add_deps_flag(*cmd, args->deps);
    cmd->add_flag("--timings", args->timings, "Print how long each stage took to stderr");
    add_limit_flags(*cmd, args->limits, kLimitImagePixels | kLimitPages | kLimitTextChars);
    auto* color = cmd->add_option("--color", args->color.color,
                                  "cmyk: press CMYK (the default); rgb: screen RGB, no PDF/X")
                      ->check(CLI::IsMember({"cmyk", "rgb"}))
                      ->type_name("cmyk|rgb");
    auto* profile = cmd->add_option("--profile", args->color.profile,
                                    "The press's CMYK ICC profile (default: koho's FOGRA39L)")
                        ->type_name("FILE.icc");
    auto* pdfx = cmd->add_option("--pdfx", args->color.pdfx, "PDF/X-4 (the default), PDF/X-1a or none")
                     ->check(CLI::IsMember({"4", "1a", "none"}))
                     ->type_name("4|1a|none");
    auto* no_preflight =
        cmd->add_flag("--no-preflight", args->no_preflight, "Write the print PDF without preflighting it");
    cmd->add_flag("--web", args->web,
                  "Write the web edition instead: RGB, tagged, links, pictures at 150 ppi")
        ->excludes(color)
        ->excludes(profile)
        ->excludes(pdfx)
        ->excludes(no_preflight);
    cmd->add_flag("--spreads", args->spreads,
                  "With --proof, also write reader spreads, <layout>-spread-<N>.png");
    cmd->footer(
        "Exit status: 0 written, 2 the layout (or an option) is wrong or the print PDF fails\n"
        "preflight, 1 any other failure. Data merge: 2 also when any record failed; its error is\n"
        "printed and every other record is still written (docs/format.md, Data merge).\n"
        "With --output-dir, --proof names proofs <output>-p<N>.png and --deps is a directory of\n"
        "depfiles, <output>.d.\n"
        "Dates in the PDF come from SOURCE_DATE_EPOCH; without it a PDF/X file is dated by the\n"
        "layout's last modification and other PDFs carry none.");
    cmd->callback([args] { run_print(*args); });
}

}  // namespace koho::cli
