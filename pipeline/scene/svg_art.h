// Vector art from SVG files (librsvg). Loaded once per file, drawn as paths
// on any Cairo surface: vectors in the PDF, pixels at the surface's own
// resolution in proofs and video frames.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "core/diagnostic.h"
#include "scene/display_list.h"

typedef struct _cairo cairo_t;

namespace koho::scene {

class SvgArt {
public:
    // Parses the SVG at `path` (already confined to the project root by
    // model/). Throws koho::Error (BadInput) at `where` when the file is not
    // an SVG librsvg can read, or has no usable size (no viewBox and no
    // width/height).
    static std::shared_ptr<const SvgArt> load(const std::filesystem::path& path, const SourceLoc& where);

    ~SvgArt();
    SvgArt(const SvgArt&) = delete;
    SvgArt& operator=(const SvgArt&) = delete;

    // Intrinsic size in points (its aspect ratio is what fit uses).
    double width_pt() const;
    double height_pt() const;
    const std::filesystem::path& source() const;

    // Draws the whole document scaled into `viewport` (page coordinates of
    // the context). Thread-safe for concurrent draws on different contexts.
    void draw(cairo_t* cr, const Rect& viewport) const;

    struct Impl;

private:
    explicit SvgArt(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Loads each SVG file once (one parse, and one shared object per file).
using SvgLoader = std::function<std::shared_ptr<const SvgArt>(const std::filesystem::path& path,
                                                               const SourceLoc& where)>;

}  // namespace koho::scene
