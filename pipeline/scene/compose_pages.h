// compose() with the text engine behind an interface, so tests can drive
// chain flow and overset with a predictable fake.
#pragma once

#include <vector>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/image.h"
#include "scene/text_setter.h"

namespace koho::scene {

std::vector<PageScene> compose_pages(const model::Document& document, TextSetter& setter,
                                     const ImageLoader& load_image);

}  // namespace koho::scene
