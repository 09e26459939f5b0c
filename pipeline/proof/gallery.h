// The proof gallery: one self-contained static HTML page (output/index.html)
// that shows every asset of a build — each print PDF's page proofs with
// its trim, bleed and safe zone drawn over them, its preflight findings
// pinned to their page, PDF and video facts, the videos in a player with
// their captions and chapters, pictures, and a download link for every
// file. docs/gallery.md is the user's guide.
//
// Three steps, so that each can be tested and reused (koho gallery, koho
// watch): collect_gallery_assets() sorts an output folder's files into
// assets; the caller adds what needs other modules (preflight, video
// probing: cli/gallery_build.h); gallery_html() turns it all into the page.
// Every path in the input is relative to the output folder, with '/', and
// every link in the page is that relative path: the page works from file://
// and from koho watch --serve alike.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace koho::proof {

// A rectangle in PDF points, in the page's own coordinates (y upwards).
struct GalleryBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

struct GalleryPage {
    int number = 0;        // 1-based
    GalleryBox media, bleed, trim;
    std::string proof;     // output/proofs/…/NAME-pK.png, relative; empty when there is none
};

struct GalleryFinding {
    std::string check;
    bool error = false;    // else a warning
    int page = 0;          // 0: the document as a whole
    std::string message;
    bool placed = false;   // x_mm, y_mm: from the trim's top-left corner
    double x_mm = 0, y_mm = 0;
};

struct GalleryPdf {
    std::string file;                 // relative path of the PDF
    bool web_edition = false;         // under web/: a screen edition, not preflighted
    std::uint64_t bytes = 0;
    std::vector<GalleryPage> pages;
    std::vector<std::string> spreads; // proofs/NAME/NAME-spread-K.png, in order
    std::string pdfx;                 // "PDF/X-4", empty when not PDF/X
    std::string colour;               // from the output intent: "CMYK", "RGB", "Gray", or "" when none
    double safe_mm = 3;               // the safe zone's inset from the trim
    std::string safe_source;          // why that inset ("preflight default"…)
    bool preflighted = false;
    std::vector<GalleryFinding> findings;
    std::string preflight_error;      // preflight could not read the file
    // Not a readable PDF (a render killed half-way by something other than
    // koho, a file copied in by hand): its card says so and shows nothing
    // else; the rest of the gallery is still made.
    std::string read_error;
};

struct GalleryChapter {
    double start_s = 0;
    std::string title;
};

struct GalleryVideo {
    std::string file;                 // the .mp4
    std::uint64_t bytes = 0;
    std::string captions_vtt, captions_srt, chapters_txt, poster;  // siblings, relative; empty when absent
    std::vector<GalleryChapter> chapters;
    // Filled by the caller (video probing lives in video/, which proof/
    // does not use); `probed` false leaves the facts out.
    bool probed = false;
    int width = 0, height = 0;
    double fps = 0, duration_s = 0;
    std::string video_codec, audio_codec;
    std::string probe_error;
};

struct GalleryFile {
    std::string file;
    std::uint64_t bytes = 0;
};

// A layout whose last render failed (koho watch): its located messages,
// shown at the top of the page so that a broken edit is seen where the
// proofs are; the outputs on the page are then the last good ones.
struct GalleryBuildError {
    std::string layout;
    std::vector<std::string> messages;  // "FILE:LINE:COL: error: …", one a line
};

struct GalleryInput {
    std::string title = "koho proof gallery";
    std::vector<GalleryPdf> pdfs;      // print PDFs first, then web editions; by path within each
    std::vector<GalleryVideo> videos;
    std::vector<GalleryFile> pictures; // .png/.jpg that are not proofs or posters
    std::vector<GalleryFile> others;   // everything else (.srt, sidecars, …), for download
    std::optional<std::int64_t> source_date_epoch;  // shown as the build time when set
    std::vector<GalleryBuildError> build_errors;    // none from collect_gallery_assets
};

// Every file under `output_dir` sorted into assets: hidden folders and
// files (.deps, .jobs) and `exclude` (the page itself, relative) are left
// out. PDFs get their page boxes (qpdf) and proofs; videos their sibling
// captions, chapters (parsed) and poster. Findings, video facts and the
// safe zone are left for the caller. Throws koho::Error (BadInput) for a
// folder that does not exist, or a PDF qpdf cannot read.
GalleryInput collect_gallery_assets(const std::filesystem::path& output_dir, const std::string& exclude = "index.html");

// "00:00 タイトル" / "1:02:03 Title" lines of a -chapters.txt (koho video's
// sidecar). Lines that do not start with a time are skipped.
std::vector<GalleryChapter> parse_chapters_text(const std::string& text);

// The page: deterministic (same input, same bytes), no external URL.
std::string gallery_html(const GalleryInput& input);

}  // namespace koho::proof
