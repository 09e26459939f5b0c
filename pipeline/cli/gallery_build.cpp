// gather_gallery and write_gallery (gallery_build.h).
#include "cli/gallery_build.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

#include "cli/diagnostic_output.h"
#include "cli/preflight_memo.h"
#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "core/fingerprint.h"
#include "print/preflight.h"
#include "video/media_input.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

// Bump when the preflight or the cached fields change: old entries are
// then simply not found.
constexpr const char* kGalleryCacheVersion = "gallery-preflight-1";


fs::path gallery_cache_file(const fs::path& output_dir, const std::string& rel) {
    std::string name;
    for (char c : rel) name += c == '/' ? '~' : c;
    return output_dir / ".gallery" / (name + ".json");
}

nlohmann::json findings_json(const std::vector<proof::GalleryFinding>& findings) {
    nlohmann::json list = nlohmann::json::array();
    for (const proof::GalleryFinding& f : findings)
        list.push_back({{"check", f.check}, {"error", f.error}, {"page", f.page}, {"message", f.message},
                        {"placed", f.placed}, {"x_mm", f.x_mm}, {"y_mm", f.y_mm}});
    return list;
}

bool read_cached_findings(const fs::path& cache, const std::string& key, std::vector<proof::GalleryFinding>& out) {
    std::ifstream in(cache, std::ios::binary);
    if (!in) return false;
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("key", "") != key || !doc["findings"].is_array())
        return false;
    for (const nlohmann::json& f : doc["findings"]) {
        out.push_back({f.value("check", ""), f.value("error", true), f.value("page", 0), f.value("message", ""),
                       f.value("placed", false), f.value("x_mm", 0.0), f.value("y_mm", 0.0)});
    }
    return true;
}

std::string read_pdf_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    if (!(in && bytes << in.rdbuf())) fail_system({file.string()}, "cannot read the PDF");
    return bytes.str();
}

void preflight_for_gallery(const fs::path& output_dir, proof::GalleryPdf& pdf) {
    const print::PreflightOptions options;
    pdf.safe_mm = options.safe_zone_mm;
    // The layout format has no safe-margin key: preflight's is the one.
    pdf.safe_source = "既定値 preflight default";
    const fs::path file = output_dir / pdf.file;
    std::string bytes;
    try {
        bytes = read_pdf_bytes(file);
    } catch (const Error& e) {
        pdf.preflight_error = e.what();
        return;
    }
    // The cache key: the PDF's fingerprint under this cache's version.
    const std::string fingerprint = content_fingerprint(bytes);
    const std::string key = std::string(kGalleryCacheVersion) + ":" + fingerprint;
    const fs::path cache = gallery_cache_file(output_dir, pdf.file);
    if (read_cached_findings(cache, key, pdf.findings)) {
        pdf.preflighted = true;
        return;
    }
    try {
        // Just rendered by this process (koho watch): its print preflight.
        const std::optional<print::PreflightReport> known = recall_preflight(fingerprint, options);
        const print::PreflightReport report = known ? *known : print::preflight_pdf(bytes, file.string(), options);
        for (const print::Finding& f : report.findings)
            pdf.findings.push_back({f.check, f.severity == print::Severity::Error, f.page, f.message, f.placed,
                                    f.x_mm, f.y_mm});
        pdf.preflighted = true;
    } catch (const Error& e) {
        pdf.preflight_error = e.what();
        return;
    }
    // The cache is a convenience: a folder that cannot hold it costs only time.
    try {
        fs::create_directories(cache.parent_path());
        write_file_atomically(cache, nlohmann::json{{"key", key}, {"findings", findings_json(pdf.findings)}}.dump(1) + "\n");
    } catch (const std::exception&) {
    }
}

void probe_for_gallery(const fs::path& output_dir, proof::GalleryVideo& video) {
    try {
        const video::MediaInfo info = video::probe_media(output_dir / video.file, SourceLoc{video.file});
        video.probed = true;
        video.width = info.width;
        video.height = info.height;
        video.fps = info.fps;
        video.duration_s = info.duration_s;
        video.video_codec = info.video_codec;
        video.audio_codec = info.audio_codec;
    } catch (const Error& e) {
        video.probe_error = e.what();
    }
}

}  // namespace

proof::GalleryInput gather_gallery(const fs::path& output_dir, const fs::path& page) {
    std::string exclude = "index.html";
    if (!page.empty()) {
        std::error_code ec;
        const fs::path rel = fs::weakly_canonical(page, ec).lexically_relative(fs::weakly_canonical(output_dir, ec));
        exclude = rel.generic_string();
    }
    proof::GalleryInput input = proof::collect_gallery_assets(output_dir, exclude);
    for (proof::GalleryPdf& pdf : input.pdfs) {
        if (!pdf.read_error.empty()) {
            print_diagnostic({(output_dir / pdf.file).string()}, "warning",
                             pdf.read_error + " (the gallery shows it as unreadable)");
            continue;
        }
        if (!pdf.web_edition) preflight_for_gallery(output_dir, pdf);
    }
    for (proof::GalleryVideo& video : input.videos) probe_for_gallery(output_dir, video);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long value = std::strtoll(epoch, &end, 10);
        if (*end != '\0' || value < 0) fail_input({"SOURCE_DATE_EPOCH"}, "not a count of seconds: " + std::string(epoch));
        input.source_date_epoch = value;
    }
    return input;
}

void write_gallery(const fs::path& output_dir, const fs::path& page) {
    const fs::path target = page.empty() ? output_dir / "index.html" : page;
    write_file_atomically(target, proof::gallery_html(gather_gallery(output_dir, target)));
}

}  // namespace koho::cli
