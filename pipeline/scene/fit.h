// Where an image lands in its frame: pure geometry, no pixels.
//
//  - fill:    stretched to the frame (aspect ratio not kept);
//  - contain: the whole image, as large as fits, centred in the frame;
//  - cover:   the frame filled, the overflow cropped so that the focus point
//             (0..1 of the image) sits as near the frame's centre as the
//             image allows — it is always in view.
#pragma once

#include "model/document.h"
#include "scene/display_list.h"

namespace koho::scene {

// The rectangle the whole image is drawn into; the caller clips to `frame`.
// Image sizes must be positive.
Rect fit_image(const Rect& frame, double image_w, double image_h, model::Fit fit,
               double focus_x = 0.5, double focus_y = 0.5);

}  // namespace koho::scene
