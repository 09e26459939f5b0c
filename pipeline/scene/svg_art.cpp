// SVG art through librsvg: one parsed handle per file, drawn as Cairo paths.
//
// Sizes: librsvg reports the document's width/height in CSS pixels at the
// handle's DPI (96, CSS's own: 1 px = 0.75 pt), converting mm, in, pt…
// exactly. A document whose width/height are missing or percentages falls
// back to its viewBox, taken as CSS pixels (what a browser does for an
// inline SVG with only a viewBox, scaled to fit).
//
// librsvg's handles are not safe to render from two threads at once, so
// every call into the handle holds the object's mutex.
#include "scene/svg_art.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace koho::scene {
namespace {

constexpr double kPtPerCssPx = 72.0 / 96.0;

struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
struct GErrorFree {
    void operator()(GError* error) const { g_error_free(error); }
};

using HandlePtr = std::unique_ptr<RsvgHandle, GObjectUnref>;
using ErrorPtr = std::unique_ptr<GError, GErrorFree>;

std::string message_of(GError* raw) {
    ErrorPtr error(raw);
    std::string message = error && error->message ? error->message : "";
    // libxml2's messages end in a newline; the diagnostic is one line.
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
    return message.empty() ? "unknown error" : message;
}

// The document's size in CSS pixels, or false when it states none.
bool intrinsic_size_px(RsvgHandle* handle, double& w, double& h) {
    if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) && w > 0 && h > 0) return true;
    gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
    RsvgLength width{}, height{};
    RsvgRectangle viewbox{};
    rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &width, &has_height, &height, &has_viewbox, &viewbox);
    if (has_viewbox && viewbox.width > 0 && viewbox.height > 0) {
        w = viewbox.width;
        h = viewbox.height;
        return true;
    }
    return false;
}

// koho draws only self-contained SVG. librsvg would load a referenced file
// from the SVG's folder or below, and silently leave out one it refuses
// (outside that folder, a symlink out of it) or cannot read: a picture lost
// without a word, and a read that resolve_in_root never confined. So any
// href or url() that is not a "#fragment" or a "data:" URL, and any CSS
// @import, is an error; the file is also parsed with no base location, so
// that nothing this scan might miss can be loaded either.
struct ExternalReference {
    std::string target;
    int line = 0;
};

bool is_internal(std::string_view target) {
    while (!target.empty() && std::isspace(static_cast<unsigned char>(target.front()))) target.remove_prefix(1);
    if (!target.empty() && (target.front() == '"' || target.front() == '\'')) target.remove_prefix(1);
    if (target.empty() || target.front() == '#') return true;
    std::string scheme(target.substr(0, 5));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "data:";
}

std::optional<ExternalReference> find_external_reference(std::string_view svg) {
    auto found = [&](size_t at, std::string_view target) {
        const int line = 1 + static_cast<int>(std::count(svg.begin(), svg.begin() + static_cast<long>(at), '\n'));
        return ExternalReference{std::string(target.substr(0, 200)), line};
    };
    for (size_t at = svg.find("href"); at != std::string_view::npos; at = svg.find("href", at + 4)) {
        size_t i = at + 4;
        while (i < svg.size() && std::isspace(static_cast<unsigned char>(svg[i]))) ++i;
        if (i >= svg.size() || svg[i] != '=') continue;
        ++i;
        while (i < svg.size() && std::isspace(static_cast<unsigned char>(svg[i]))) ++i;
        if (i >= svg.size() || (svg[i] != '"' && svg[i] != '\'')) continue;
        const size_t end = svg.find(svg[i], i + 1);
        const std::string_view value = svg.substr(i + 1, end == std::string_view::npos ? end : end - i - 1);
        if (!is_internal(value)) return found(at, value);
    }
    for (size_t at = svg.find("url("); at != std::string_view::npos; at = svg.find("url(", at + 4)) {
        const size_t end = svg.find(')', at + 4);
        const std::string_view value = svg.substr(at + 4, end == std::string_view::npos ? end : end - at - 4);
        if (!is_internal(value)) return found(at, value);
    }
    if (const size_t at = svg.find("@import"); at != std::string_view::npos) return found(at, "@import");
    return std::nullopt;
}

}  // namespace

struct SvgArt::Impl {
    HandlePtr handle;
    std::filesystem::path source;
    SourceLoc where;        // the first place that named the file: draw errors point there
    double width_pt = 0, height_pt = 0;
    mutable std::mutex mutex;
};

SvgArt::SvgArt(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SvgArt::~SvgArt() = default;

std::shared_ptr<const SvgArt> SvgArt::load(const std::filesystem::path& path, const SourceLoc& where) {
    const std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(where, "cannot read SVG '" + name + "': " + std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail_input(where, "cannot read SVG '" + name + "': a read error");
    if (auto ref = find_external_reference(bytes))
        fail_input(where, "SVG '" + name + "' refers to another file ('" + ref->target + "', line " +
                              std::to_string(ref->line) +
                              "); koho draws only self-contained SVG: embed it as a data: URL, or place "
                              "the picture in a frame of its own");
    GError* raw = nullptr;
    HandlePtr handle(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw));
    if (!handle) fail_input(where, "cannot read SVG '" + name + "': " + message_of(raw));
    if (raw) g_error_free(raw);
    rsvg_handle_set_dpi(handle.get(), 96);

    double w = 0, h = 0;
    if (!intrinsic_size_px(handle.get(), w, h) || !std::isfinite(w) || !std::isfinite(h))
        fail_input(where, "SVG '" + name + "' has no usable size: give its <svg> a viewBox or width and height");

    auto impl = std::make_unique<Impl>();
    impl->handle = std::move(handle);
    impl->source = path;
    impl->where = where;
    impl->width_pt = w * kPtPerCssPx;
    impl->height_pt = h * kPtPerCssPx;
    return std::shared_ptr<const SvgArt>(new SvgArt(std::move(impl)));
}

double SvgArt::width_pt() const { return impl_->width_pt; }
double SvgArt::height_pt() const { return impl_->height_pt; }
const std::filesystem::path& SvgArt::source() const { return impl_->source; }

void SvgArt::draw(cairo_t* cr, const Rect& viewport) const {
    if (!(viewport.w > 0) || !(viewport.h > 0)) return;
    // The art's own box, stretched onto the viewport: with fit "fill" the
    // viewport need not have the art's aspect ratio, and librsvg on its own
    // would letterbox it (preserveAspectRatio) instead of filling it.
    cairo_save(cr);
    cairo_translate(cr, viewport.x, viewport.y);
    cairo_scale(cr, viewport.w / impl_->width_pt, viewport.h / impl_->height_pt);
    RsvgRectangle own{0, 0, impl_->width_pt, impl_->height_pt};
    GError* raw = nullptr;
    gboolean ok;
    {
        std::lock_guard lock(impl_->mutex);
        ok = rsvg_handle_render_document(impl_->handle.get(), cr, &own, &raw);
    }
    cairo_restore(cr);
    if (!ok) fail_input(impl_->where, "cannot draw SVG '" + impl_->source.string() + "': " + message_of(raw));
    if (raw) g_error_free(raw);
}

}  // namespace koho::scene
