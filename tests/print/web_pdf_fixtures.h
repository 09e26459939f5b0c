// Pieces of the web PDF tests: items made by hand (text set by the real
// typesetter), and what libqpdf reads back (structure, links, images).
#pragma once

#include <gtest/gtest.h>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/units.h"
#include "model/document.h"
#include "scene/display_list.h"
#include "text/font_context.h"
#include "text/typesetter.h"
#include "typeset_items.h"

namespace koho::print::test_web {

// One typesetter on the fonts koho ships, for every test of the binary.
inline text::Typesetter& shared_typesetter() {
    static auto fonts = text::FontContext::create({std::string(KOHO_SOURCE_DIR) + "/fonts"});
    static text::Typesetter typesetter(fonts);
    return typesetter;
}

using test_text::style;
using test_text::text_item;

inline scene::Item shape_item(scene::ShapeKind kind, scene::Rect bounds, Color fill) {
    scene::ShapeItem shape;
    shape.kind = kind;
    shape.bounds = bounds;
    shape.fill = fill;
    scene::Item item;
    item.what = shape;
    return item;
}

// A deterministic "photo": gradients and noise, opaque or with a round
// transparent cut-out.
inline std::shared_ptr<scene::Image> synthetic_image(int w, int h, bool alpha) {
    auto image = std::make_shared<scene::Image>();
    image->width = w;
    image->height = h;
    image->has_alpha = alpha;
    image->pixels.resize(static_cast<size_t>(w) * h);
    uint32_t seed = 12345;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            seed = seed * 1103515245u + 12345u;
            uint32_t noise = (seed >> 16) & 0x1f;
            uint32_t r = (x * 200 / w + noise) & 0xff, g = (y * 200 / h + noise) & 0xff, b = (128 + noise) & 0xff;
            uint32_t a = 0xff;
            if (alpha) {
                double dx = x - w / 2.0, dy = y - h / 2.0;
                if (dx * dx + dy * dy > (w / 2.0) * (w / 2.0)) a = r = g = b = 0;
            }
            image->pixels[static_cast<size_t>(y) * w + x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    return image;
}

inline scene::Item image_item(std::shared_ptr<scene::Image> image, scene::Rect placed, scene::Rect clip,
                       const std::string& alt) {
    scene::ImageItem it;
    it.image = std::move(image);
    it.placed = placed;
    it.clip = clip;
    scene::Item item;
    item.what = it;
    item.alt = alt;
    return item;
}

inline void structure_sequence(QPDFObjectHandle element, std::vector<std::string>& out,
                        std::vector<QPDFObjectHandle>& elements) {
    QPDFObjectHandle k = element.getKey("/K");
    std::vector<QPDFObjectHandle> kids = k.isArray() ? k.getArrayAsVector() : std::vector<QPDFObjectHandle>{k};
    for (auto kid : kids) {
        if (!kid.isDictionary() || !kid.getKey("/S").isName()) continue;
        out.push_back(kid.getKey("/S").getName());
        elements.push_back(kid);
        structure_sequence(kid, out, elements);
    }
}

struct Link {
    std::string uri;
    QPDFObjectHandle::Rectangle rect;
};

inline std::vector<Link> links_of(QPDFObjectHandle page) {
    std::vector<Link> out;
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) return out;
    for (auto annot : annots.getArrayAsVector()) {
        if (!annot.getKey("/Subtype").isNameAndEquals("/Link")) continue;
        out.push_back({annot.getKey("/A").getKey("/URI").getStringValue(), annot.getKey("/Rect").getArrayAsRectangle()});
    }
    return out;
}

struct ImageFacts {
    int width = 0, height = 0;
    std::string filter, colorspace;
    bool smask = false;
};

inline std::vector<ImageFacts> images_of(QPDFObjectHandle page) {
    std::vector<ImageFacts> out;
    for (auto& [name, image] : QPDFPageObjectHelper(page).getImages()) {
        QPDFObjectHandle dict = image.getDict();
        ImageFacts f;
        f.width = dict.getKey("/Width").getIntValueAsInt();
        f.height = dict.getKey("/Height").getIntValueAsInt();
        QPDFObjectHandle filter = dict.getKey("/Filter");
        if (filter.isArray() && filter.getArrayNItems() > 0) filter = filter.getArrayItem(0);
        f.filter = filter.isName() ? filter.getName() : "";
        f.colorspace = dict.getKey("/ColorSpace").isName() ? dict.getKey("/ColorSpace").getName() : "";
        f.smask = dict.hasKey("/SMask");
        out.push_back(f);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.width > b.width; });
    return out;
}

}  // namespace koho::print::test_web
