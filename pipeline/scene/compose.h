// From the layout model to display lists: masters under pages, late
// variables ({{page}}, {{pages}}), text set through the typesetter (stories
// flowing along their chains), images placed by fit and focus, QR codes as
// vector modules. Overset text is an error here unless the frame allows it.
#pragma once

#include <vector>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/image.h"
#include "text/typesetter.h"

namespace koho::scene {

std::vector<PageScene> compose(const model::Document& document, text::Typesetter& typesetter,
                               const ImageLoader& load_image);

}  // namespace koho::scene
