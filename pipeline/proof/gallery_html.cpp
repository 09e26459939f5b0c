// gallery_html (gallery.h): the gallery page as one HTML file with its CSS
// and script inline and no URL of another site, so that it works offline
// from file:// as well as served. Pictures are linked by relative path, not
// embedded: the page stays small and always shows the files beside it.
// Numbers are printed with a fixed format (no locale, no timestamps) so
// that the same build gives the same bytes.
#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

#include "proof/gallery.h"

namespace koho::proof {
namespace {

constexpr double kGalleryPtPerMm = 72.0 / 25.4;

std::string gallery_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// A relative path as an href: each byte outside the unreserved set and
// '/' percent-encoded (Japanese file names, spaces, '#').
std::string href_of(const std::string& rel) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : rel) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// Up to `decimals` places, trailing zeros dropped: "210", "148.5".
std::string gallery_num(double value, int decimals = 2) {
    if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0;  // no "-0"
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string gallery_size_text(std::uint64_t bytes) {
    if (bytes < 1000) return std::to_string(bytes) + " B";
    if (bytes < 1000 * 1000) return gallery_num(bytes / 1000.0, 1) + " kB";
    return gallery_num(bytes / 1e6, 1) + " MB";
}

std::string clock_text(double seconds) {
    const long total = std::lround(std::floor(seconds));
    char buf[32];
    if (total >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", total / 60, total % 60);
    return buf;
}

// The page's id for an element: the path with everything but letters and
// digits made '-'.
std::string base_name(const std::string& rel) {
    const size_t slash = rel.rfind('/');
    return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

std::string anchor_of(const std::string& prefix, const std::string& rel) {
    std::string out = prefix;
    for (unsigned char c : rel) out += std::isalnum(c) ? static_cast<char>(c) : '-';
    return out;
}

const char* kGalleryCss = R"(
:root{--ink:#1d2530;--muted:#5d6775;--line:#d9dee5;--card:#fff;--bg:#f3f5f8;--accent:#0f5e6e;
--pass:#1f7a3f;--warn:#a36200;--fail:#b3261e;--trim:#e0218a;--bleed:#1e88e5;--safe:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
header{position:sticky;top:0;z-index:5;background:var(--ink);color:#fff;padding:10px 20px;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center}
header h1{font-size:17px;margin:0;font-weight:700}
header nav a{color:#cfe3ea;margin-right:12px;text-decoration:none}
header label{cursor:pointer;user-select:none}
.legend span{display:inline-block;margin-left:10px;font-size:12px}
.legend i{display:inline-block;width:14px;height:0;border-top:2px solid;vertical-align:middle;margin-right:4px}
main{padding:16px 20px 40px;max-width:1500px;margin:0 auto}
h2{font-size:16px;margin:26px 0 10px;border-left:4px solid var(--accent);padding-left:8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
.card.wide{grid-column:1/-1}
.card h3{font-size:15px;margin:0 0 6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap;word-break:break-all}
.badge{font-size:12px;font-weight:700;color:#fff;border-radius:10px;padding:1px 9px}
.badge.pass{background:var(--pass)}.badge.warnings{background:var(--warn)}.badge.fail{background:var(--fail)}.badge.none{background:var(--muted)}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:1px 12px;margin:6px 0 10px;font-size:13px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.pages{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:14px}
figure{margin:0}
figcaption{font-size:12px;color:var(--muted);margin-top:3px}
.sheet{position:relative;border:1px solid var(--line);background:#fff;line-height:0}
.sheet img{width:100%;height:auto;display:block}
.sheet svg{position:absolute;inset:0;width:100%;height:100%;overflow:visible}
.boxes rect{fill:none;vector-effect:non-scaling-stroke;stroke-width:1.5}
.boxes .bleed{stroke:var(--bleed)}.boxes .trim{stroke:var(--trim)}.boxes .safe{stroke:var(--safe);stroke-dasharray:4 3}
#show-boxes:not(:checked)~main .boxes{display:none}
.pin circle{fill:var(--fail);stroke:#fff;vector-effect:non-scaling-stroke;stroke-width:2}
.pin.warning circle{fill:var(--warn)}
.pin text{fill:#fff;font-weight:700;text-anchor:middle;dominant-baseline:central}
ul.findings{margin:4px 0 0;padding-left:0;list-style:none;font-size:12px}
ul.findings li{margin:2px 0;padding-left:8px;border-left:3px solid var(--fail)}
ul.findings li.warning{border-left-color:var(--warn)}
ul.findings b{font-weight:700}
.spreads{display:flex;gap:10px;overflow-x:auto;margin-top:10px}
.spreads img{height:150px;border:1px solid var(--line)}
video{width:100%;max-height:420px;background:#000;border-radius:4px}
ol.chapters{margin:6px 0 0;padding-left:20px;font-size:13px}
ol.chapters button{font:inherit;color:var(--accent);background:none;border:0;padding:0;cursor:pointer;text-decoration:underline}
.pictures img{width:100%;height:180px;object-fit:contain;background:#e8ebef;border-radius:4px}
a.dl{font-size:12px;color:var(--accent)}
.files{font-size:13px;columns:2 320px}
.note{font-size:12px;color:var(--muted)}
.build-errors{background:#fdecea;border:1px solid var(--fail);border-radius:8px;padding:4px 14px 10px;margin-top:16px}
.build-errors h2{border-left-color:var(--fail);color:var(--fail)}
.build-errors h3{font-size:14px;margin:8px 0 4px}
.build-errors pre{white-space:pre-wrap;word-break:break-all;margin:0;font-size:12px}
)";

// The script: chapter buttons seek their player, and the live-reload hook.
const char* kGalleryScript = R"(
// Chapters: a button with data-start (seconds) seeks the player it names.
document.addEventListener('click', function (e) {
  var b = e.target.closest('button[data-start]');
  if (!b) return;
  var v = document.getElementById(b.getAttribute('data-video'));
  if (!v) return;
  v.currentTime = parseFloat(b.getAttribute('data-start'));
  v.play().catch(function () {});
});
// Live reload (docs/gallery.md): when the page is served over http(s),
// as by `koho watch --serve`, it subscribes to the server-sent events at
// /events and reloads itself on an event named "reload" (the server sends
// one after each finished rebuild). Opened from file://, or served by a
// server without /events, it does nothing.
(function () {
  if (!/^https?:$/.test(location.protocol) || !window.EventSource) return;
  try {
    var events = new EventSource('/events');
    events.addEventListener('reload', function () { location.reload(); });
    events.onerror = function () { if (events.readyState === EventSource.CLOSED) events.close(); };
  } catch (err) { /* no live reload */ }
})();
)";

std::string verdict_class(const GalleryPdf& pdf) {
    if (!pdf.read_error.empty()) return "fail";
    if (!pdf.preflighted) return "none";
    bool warnings = false;
    for (const GalleryFinding& f : pdf.findings) {
        if (f.error) return "fail";
        warnings = true;
    }
    return warnings ? "warnings" : "pass";
}

std::string verdict_label(const std::string& cls) {
    if (cls == "pass") return "合格 pass";
    if (cls == "warnings") return "警告 warnings";
    if (cls == "fail") return "不合格 fail";
    return "未検査";
}

std::string finding_item(const GalleryFinding& f, int pin) {
    std::string li = "<li class=\"" + std::string(f.error ? "error" : "warning") + "\" data-check=\"" +
                     gallery_escape(f.check) + "\" data-page=\"" + std::to_string(f.page) + "\">";
    if (pin > 0) li += "<b>" + std::to_string(pin) + "</b> ";
    li += "<b>" + gallery_escape(f.check) + "</b> " + gallery_escape(f.message) + "</li>\n";
    return li;
}

// One page: the proof (linked), the boxes and the pinned findings over it
// in an SVG whose user space is the bleed box in points, y downwards —
// the proof PNG covers exactly the bleed box (print/proof.h).
std::string page_figure(const GalleryPdf& pdf, const GalleryPage& page) {
    const GalleryBox& b = page.bleed;
    auto x_of = [&](double x) { return x - b.x0; };
    auto y_of = [&](double y) { return b.y1 - y; };
    const double inset = pdf.safe_mm * kGalleryPtPerMm;
    const GalleryBox& t = page.trim;
    std::string out = "<figure class=\"page\" id=\"" + anchor_of("p-", pdf.file + "-" + std::to_string(page.number)) +
                      "\" data-page=\"" + std::to_string(page.number) + "\" data-trim-mm=\"" +
                      gallery_num(t.width() / kGalleryPtPerMm, 1) + "x" + gallery_num(t.height() / kGalleryPtPerMm, 1) + "\">\n";
    std::string list;
    if (!page.proof.empty()) {
        out += "<div class=\"sheet\"><a href=\"" + href_of(page.proof) + "\"><img src=\"" + href_of(page.proof) +
               "\" alt=\"p" + std::to_string(page.number) + "\" loading=\"lazy\"></a>\n";
        out += "<svg viewBox=\"0 0 " + gallery_num(b.width()) + " " + gallery_num(b.height()) +
               "\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\n<g class=\"boxes\">";
        out += "<rect class=\"bleed\" x=\"0\" y=\"0\" width=\"" + gallery_num(b.width()) + "\" height=\"" + gallery_num(b.height()) + "\"/>";
        out += "<rect class=\"trim\" x=\"" + gallery_num(x_of(t.x0)) + "\" y=\"" + gallery_num(y_of(t.y1)) + "\" width=\"" +
               gallery_num(t.width()) + "\" height=\"" + gallery_num(t.height()) + "\"/>";
        if (t.width() > 2 * inset && t.height() > 2 * inset)
            out += "<rect class=\"safe\" x=\"" + gallery_num(x_of(t.x0) + inset) + "\" y=\"" + gallery_num(y_of(t.y1) + inset) +
                   "\" width=\"" + gallery_num(t.width() - 2 * inset) + "\" height=\"" + gallery_num(t.height() - 2 * inset) + "\"/>";
        out += "</g>\n";
    }
    int pin = 0;
    const double radius = std::max(b.width(), b.height()) / 40;
    for (const GalleryFinding& f : pdf.findings) {
        if (f.page != page.number) continue;
        int number = 0;
        if (f.placed && !page.proof.empty()) {
            number = ++pin;
            const double cx = x_of(t.x0) + f.x_mm * kGalleryPtPerMm, cy = y_of(t.y1) + f.y_mm * kGalleryPtPerMm;
            out += "<g class=\"pin " + std::string(f.error ? "error" : "warning") + "\" data-check=\"" +
                   gallery_escape(f.check) + "\" data-x-mm=\"" + gallery_num(f.x_mm, 1) + "\" data-y-mm=\"" + gallery_num(f.y_mm, 1) +
                   "\"><title>" + gallery_escape(f.message) + "</title><circle cx=\"" + gallery_num(cx) + "\" cy=\"" + gallery_num(cy) +
                   "\" r=\"" + gallery_num(radius) + "\"/><text x=\"" + gallery_num(cx) + "\" y=\"" + gallery_num(cy) + "\" font-size=\"" +
                   gallery_num(radius * 1.2) + "\">" + std::to_string(number) + "</text></g>\n";
        }
        list += finding_item(f, number);
    }
    if (!page.proof.empty()) out += "</svg></div>\n";
    out += "<figcaption>p" + std::to_string(page.number) + " · " + gallery_num(t.width() / kGalleryPtPerMm, 1) + "×" +
           gallery_num(t.height() / kGalleryPtPerMm, 1) + " mm" + (page.proof.empty() ? " · 校正画像なし" : "") +
           "</figcaption>\n";
    if (!list.empty()) out += "<ul class=\"findings\">\n" + list + "</ul>\n";
    return out + "</figure>\n";
}

// A PDF the gallery could not read: its name, why, and the file itself.
std::string unreadable_pdf_card(const GalleryPdf& pdf) {
    return "<article class=\"card pdf\" id=\"" + anchor_of("f-", pdf.file) + "\" data-file=\"" +
           gallery_escape(pdf.file) + "\" data-verdict=\"fail\">\n<h3>" + gallery_escape(pdf.file) +
           " <span class=\"badge fail\">" + verdict_label("fail") + "</span></h3>\n<p class=\"note\">読めない PDF: " +
           gallery_escape(pdf.read_error) + "</p>\n<a class=\"dl\" href=\"" + href_of(pdf.file) +
           "\" download>ダウンロード " + gallery_escape(base_name(pdf.file)) + "</a>\n</article>\n";
}

std::string pdf_card(const GalleryPdf& pdf) {
    if (!pdf.read_error.empty()) return unreadable_pdf_card(pdf);
    const std::string verdict = verdict_class(pdf);
    const GalleryPage& first = pdf.pages.front();
    std::string out = "<article class=\"card pdf" + std::string(pdf.web_edition || pdf.pages.size() < 3 ? "" : " wide") +
                      "\" id=\"" +
                      anchor_of("f-", pdf.file) + "\" data-file=\"" + gallery_escape(pdf.file) + "\" data-verdict=\"" +
                      verdict + "\">\n<h3>" + gallery_escape(pdf.file);
    if (!pdf.web_edition) out += " <span class=\"badge " + verdict + "\">" + verdict_label(verdict) + "</span>";
    out += "</h3>\n<dl class=\"facts\"><dt>ページ</dt><dd>" + std::to_string(pdf.pages.size()) +
           "</dd><dt>仕上がり</dt><dd>" + gallery_num(first.trim.width() / kGalleryPtPerMm, 1) + " × " +
           gallery_num(first.trim.height() / kGalleryPtPerMm, 1) + " mm</dd><dt>PDF/X</dt><dd>" +
           (pdf.pdfx.empty() ? "—" : gallery_escape(pdf.pdfx)) + "</dd><dt>色</dt><dd>" +
           (pdf.colour.empty() ? "— (出力インテントなし)" : gallery_escape(pdf.colour)) + "</dd><dt>サイズ</dt><dd>" +
           gallery_size_text(pdf.bytes) + "</dd>";
    if (!pdf.web_edition)
        out += "<dt>安全域</dt><dd>" + gallery_num(pdf.safe_mm, 1) + " mm (" + gallery_escape(pdf.safe_source) + ")</dd>";
    out += "</dl>\n";
    if (pdf.web_edition) {
        out += "<p class=\"note\">Web 版: 画面用 (RGB)、プリフライト対象外。</p>\n";
    } else {
        if (!pdf.preflight_error.empty())
            out += "<p class=\"note\">preflight: " + gallery_escape(pdf.preflight_error) + "</p>\n";
        std::string whole;
        for (const GalleryFinding& f : pdf.findings)
            if (f.page <= 0 || f.page > static_cast<int>(pdf.pages.size())) whole += finding_item(f, 0);
        if (!whole.empty()) out += "<ul class=\"findings document\">\n" + whole + "</ul>\n";
        out += "<div class=\"pages\">\n";
        for (const GalleryPage& page : pdf.pages) out += page_figure(pdf, page);
        out += "</div>\n";
        if (!pdf.spreads.empty()) {
            out += "<div class=\"spreads\">";
            for (const std::string& spread : pdf.spreads)
                out += "<a href=\"" + href_of(spread) + "\"><img src=\"" + href_of(spread) +
                       "\" alt=\"spread\" loading=\"lazy\"></a>";
            out += "</div>\n";
        }
    }
    out += "<a class=\"dl\" href=\"" + href_of(pdf.file) + "\" download>ダウンロード " +
           gallery_escape(base_name(pdf.file)) + "</a>\n</article>\n";
    return out;
}

std::string video_card(const GalleryVideo& video) {
    const std::string id = anchor_of("v-", video.file);
    std::string out = "<article class=\"card video\" data-file=\"" + gallery_escape(video.file) + "\">\n<h3>" +
                      gallery_escape(video.file) + "</h3>\n<video id=\"" + id + "\" controls preload=\"metadata\"";
    if (!video.poster.empty()) out += " poster=\"" + href_of(video.poster) + "\"";
    out += "><source src=\"" + href_of(video.file) + "\" type=\"video/mp4\">";
    if (!video.captions_vtt.empty())
        out += "<track kind=\"captions\" srclang=\"ja\" label=\"日本語\" src=\"" + href_of(video.captions_vtt) +
               "\" default>";
    out += "</video>\n<dl class=\"facts\">";
    if (video.probed) {
        out += "<dt>サイズ</dt><dd>" + std::to_string(video.width) + " × " + std::to_string(video.height) +
               " px</dd><dt>fps</dt><dd>" + gallery_num(video.fps, 3) + "</dd><dt>長さ</dt><dd>" + clock_text(video.duration_s) +
               " (" + gallery_num(video.duration_s, 2) + " s)</dd><dt>コーデック</dt><dd>" +
               gallery_escape(video.video_codec.empty() ? "—" : video.video_codec) +
               (video.audio_codec.empty() ? "" : " / " + gallery_escape(video.audio_codec)) + "</dd>";
    }
    out += "<dt>ファイル</dt><dd>" + gallery_size_text(video.bytes) + "</dd></dl>\n";
    if (!video.probe_error.empty()) out += "<p class=\"note\">" + gallery_escape(video.probe_error) + "</p>\n";
    if (!video.chapters.empty()) {
        out += "<ol class=\"chapters\">\n";
        for (const GalleryChapter& c : video.chapters)
            out += "<li><button type=\"button\" data-video=\"" + id + "\" data-start=\"" + gallery_num(c.start_s, 3) + "\">" +
                   clock_text(c.start_s) + "</button> " + gallery_escape(c.title) + "</li>\n";
        out += "</ol>\n";
    }
    out += "<p>";
    for (const std::string& file : {video.file, video.captions_vtt, video.captions_srt, video.chapters_txt, video.poster})
        if (!file.empty())
            out += "<a class=\"dl\" href=\"" + href_of(file) + "\" download>" + gallery_escape(base_name(file)) + "</a> ";
    return out + "</p>\n</article>\n";
}

std::string picture_card(const GalleryFile& picture) {
    return "<figure class=\"card picture\" data-file=\"" + gallery_escape(picture.file) + "\"><a href=\"" +
           href_of(picture.file) + "\"><img src=\"" + href_of(picture.file) + "\" alt=\"" +
           gallery_escape(base_name(picture.file)) + "\" loading=\"lazy\"></a><figcaption>" +
           gallery_escape(picture.file) + " · " + gallery_size_text(picture.bytes) + " <a class=\"dl\" href=\"" +
           href_of(picture.file) + "\" download>ダウンロード</a></figcaption></figure>\n";
}

}  // namespace

std::string gallery_html(const GalleryInput& input) {
    size_t print_count = 0, web_count = 0;
    for (const GalleryPdf& pdf : input.pdfs) (pdf.web_edition ? web_count : print_count) += 1;
    std::string out = "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta name=\"generator\" content=\"koho gallery\">\n<title>" +
                      gallery_escape(input.title) + "</title>\n<style>" + kGalleryCss + "</style>\n</head>\n<body>\n";
    // The toggle is a checkbox before <main>: CSS alone hides the boxes,
    // so it works with scripts off too.
    out += "<input type=\"checkbox\" id=\"show-boxes\" checked hidden>\n<header><h1>" + gallery_escape(input.title) +
           "</h1><nav><a href=\"#print\">印刷 " + std::to_string(print_count) + "</a><a href=\"#web\">Web " +
           std::to_string(web_count) + "</a><a href=\"#videos\">動画 " + std::to_string(input.videos.size()) +
           "</a><a href=\"#pictures\">画像 " + std::to_string(input.pictures.size()) +
           "</a><a href=\"#files\">他 " + std::to_string(input.others.size()) +
           "</a></nav><label for=\"show-boxes\" id=\"boxes-toggle\">☑ 枠を表示 / 非表示</label>"
           "<span class=\"legend\"><span><i style=\"border-color:var(--bleed)\"></i>塗り足し bleed</span>"
           "<span><i style=\"border-color:var(--trim)\"></i>仕上がり trim</span>"
           "<span><i style=\"border-color:var(--safe);border-top-style:dashed\"></i>安全域 safe</span></span>";
    if (input.source_date_epoch) {
        const std::time_t t = static_cast<std::time_t>(*input.source_date_epoch);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
        out += "<span class=\"note\" style=\"color:#cfe3ea\">" + std::string(buf) + "</span>";
    }
    out += "</header>\n<main>\n";
    if (!input.build_errors.empty()) {
        out += "<section class=\"build-errors\" id=\"errors\"><h2>ビルドエラー — 前回の正常な出力を表示中</h2>\n";
        for (const GalleryBuildError& e : input.build_errors) {
            out += "<div class=\"build-error\" data-layout=\"" + gallery_escape(e.layout) + "\"><h3>" +
                   gallery_escape(e.layout) + "</h3><pre>";
            for (const std::string& message : e.messages) out += gallery_escape(message) + "\n";
            out += "</pre></div>\n";
        }
        out += "</section>\n";
    }

    out += "<h2 id=\"print\">印刷用 PDF</h2>\n<div class=\"grid\">\n";
    for (const GalleryPdf& pdf : input.pdfs)
        if (!pdf.web_edition) out += pdf_card(pdf);
    if (print_count == 0) out += "<p class=\"note\">なし</p>\n";
    out += "</div>\n<h2 id=\"web\">Web 版 PDF</h2>\n<div class=\"grid\">\n";
    for (const GalleryPdf& pdf : input.pdfs)
        if (pdf.web_edition) out += pdf_card(pdf);
    if (web_count == 0) out += "<p class=\"note\">なし</p>\n";
    out += "</div>\n<h2 id=\"videos\">動画</h2>\n<div class=\"grid\">\n";
    for (const GalleryVideo& video : input.videos) out += video_card(video);
    if (input.videos.empty()) out += "<p class=\"note\">なし</p>\n";
    out += "</div>\n<h2 id=\"pictures\">画像</h2>\n<div class=\"grid pictures\">\n";
    for (const GalleryFile& picture : input.pictures) out += picture_card(picture);
    if (input.pictures.empty()) out += "<p class=\"note\">なし</p>\n";
    out += "</div>\n<h2 id=\"files\">その他のファイル</h2>\n<ul class=\"files\">\n";
    for (const GalleryFile& file : input.others)
        out += "<li><a class=\"dl\" href=\"" + href_of(file.file) + "\" download>" + gallery_escape(file.file) +
               "</a> <span class=\"note\">" + gallery_size_text(file.bytes) + "</span></li>\n";
    if (input.others.empty()) out += "<li class=\"note\">なし</li>\n";
    out += "</ul>\n</main>\n<script>" + std::string(kGalleryScript) + "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace koho::proof
