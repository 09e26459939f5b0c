// collect_gallery_assets and parse_chapters_text (gallery.h): an output
// folder's files sorted into the gallery's assets by the names koho gives
// them (README "make assets"): NAME.pdf with proofs/DIR/NAME-pK.png and
// NAME-spread-K.png, web/NAME.pdf, NAME.mp4 with NAME.vtt, NAME.srt,
// NAME-chapters.txt and NAME.jpg beside it.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <system_error>

#include "core/diagnostic.h"
#include "proof/gallery.h"
#include "proof/gallery_pdf_facts.h"

namespace koho::proof {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const std::string& rel) {
    std::string ext = fs::path(rel).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// Hidden folders (.deps, .jobs) and files (atomic writes' temporaries)
// are koho's bookkeeping, not assets.
bool is_hidden_path(const fs::path& rel) {
    for (const fs::path& part : rel)
        if (!part.empty() && part.string()[0] == '.' && part != "." && part != "..") return true;
    return false;
}

std::string slurp_gallery_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The parent folder of `rel` with a trailing '/', or "" at the top.
std::string folder_of(const std::string& rel) {
    const size_t slash = rel.rfind('/');
    return slash == std::string::npos ? "" : rel.substr(0, slash + 1);
}

std::string stem_of(const std::string& rel) { return fs::path(rel).stem().string(); }

struct ProofIndex {
    std::map<std::string, std::map<int, std::string>> pages;    // stem → page → proof
    std::map<std::string, std::map<int, std::string>> spreads;  // stem → spread → proof
};

}  // namespace

std::vector<GalleryChapter> parse_chapters_text(const std::string& text) {
    static const std::regex line_re(R"(^\s*(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)\s+(.*?)\s*$)");
    std::vector<GalleryChapter> chapters;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::smatch m;
        if (!std::regex_match(line, m, line_re)) continue;
        const double h = m[1].matched ? std::stod(m[1].str()) : 0;
        chapters.push_back({h * 3600 + std::stod(m[2].str()) * 60 + std::stod(m[3].str()), m[4].str()});
    }
    return chapters;
}

GalleryInput collect_gallery_assets(const fs::path& output_dir, const std::string& exclude) {
    std::error_code ec;
    if (!fs::is_directory(output_dir, ec))
        fail_input({output_dir.string()}, "no such output folder (run make assets, or name the folder)");

    // Every visible regular file, as a relative '/' path, in byte order so
    // that the page does not depend on the directory's listing order.
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(output_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const fs::path rel = it->path().lexically_relative(output_dir);
        if (is_hidden_path(rel)) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        const std::string name = rel.generic_string();
        // A top-level index.html is a gallery page itself (koho gallery's default).
        if (name != exclude && name != "index.html") files.push_back(name);
    }
    if (ec) fail_input({output_dir.string()}, "cannot list the output folder: " + ec.message());
    std::sort(files.begin(), files.end());
    const std::set<std::string> present(files.begin(), files.end());
    auto size_of = [&](const std::string& rel) { return static_cast<std::uint64_t>(fs::file_size(output_dir / rel)); };

    static const std::regex page_re(R"(^(.*)-p(\d+)\.png$)");
    static const std::regex spread_re(R"(^(.*)-spread-(\d+)\.png$)");
    ProofIndex proofs;
    std::set<std::string> proof_files;
    for (const std::string& rel : files) {
        if (rel.rfind("proofs/", 0) != 0) continue;
        const std::string name = fs::path(rel).filename().string();
        std::smatch m;
        if (std::regex_match(name, m, spread_re))
            proofs.spreads[m[1].str()][std::stoi(m[2].str())] = rel;
        else if (std::regex_match(name, m, page_re))
            proofs.pages[m[1].str()][std::stoi(m[2].str())] = rel;
    }

    GalleryInput input;
    std::set<std::string> claimed;  // files a PDF or a video card shows
    std::vector<GalleryPdf> web;
    for (const std::string& rel : files) {
        if (lower_extension(rel) != ".pdf") continue;
        GalleryPdf pdf;
        pdf.file = rel;
        pdf.web_edition = rel.rfind("web/", 0) == 0;
        pdf.bytes = size_of(rel);
        try {
            read_gallery_pdf_facts(output_dir / rel, pdf);
        } catch (const Error& e) {
            pdf.read_error = e.message();
            pdf.pages.clear();
        }
        if (pdf.read_error.empty() && !pdf.web_edition) {
            const std::string stem = stem_of(rel);
            for (GalleryPage& page : pdf.pages) {
                auto found = proofs.pages[stem].find(page.number);
                if (found != proofs.pages[stem].end()) page.proof = found->second, claimed.insert(found->second);
            }
            for (const auto& [n, spread] : proofs.spreads[stem]) pdf.spreads.push_back(spread), claimed.insert(spread);
        }
        claimed.insert(rel);
        (pdf.web_edition ? web : input.pdfs).push_back(std::move(pdf));
    }
    for (GalleryPdf& pdf : web) input.pdfs.push_back(std::move(pdf));

    for (const std::string& rel : files) {
        if (lower_extension(rel) != ".mp4") continue;
        GalleryVideo video;
        video.file = rel;
        video.bytes = size_of(rel);
        const std::string base = folder_of(rel) + stem_of(rel);
        auto sibling = [&](const std::string& name) {
            if (!present.count(name)) return std::string();
            claimed.insert(name);
            return name;
        };
        video.captions_vtt = sibling(base + ".vtt");
        video.captions_srt = sibling(base + ".srt");
        video.chapters_txt = sibling(base + "-chapters.txt");
        video.poster = sibling(base + ".jpg");
        if (video.poster.empty()) video.poster = sibling(base + ".png");
        if (!video.chapters_txt.empty())
            video.chapters = parse_chapters_text(slurp_gallery_text(output_dir / video.chapters_txt));
        claimed.insert(rel);
        input.videos.push_back(std::move(video));
    }

    for (const std::string& rel : files) {
        if (claimed.count(rel)) continue;
        const std::string ext = lower_extension(rel);
        const bool picture = ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".webp" || ext == ".gif";
        (picture ? input.pictures : input.others).push_back({rel, size_of(rel)});
    }
    return input;
}

}  // namespace koho::proof
