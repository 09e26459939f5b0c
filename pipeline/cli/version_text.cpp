#include "cli/version_text.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <pango/pango.h>
extern "C" {
#include <libavutil/avutil.h>
}

#include "core/build_info.h"

namespace koho::cli {

std::string version_text() {
    const int fc = FcGetVersion();  // e.g. 21400 for 2.14.0
    const std::string fontconfig =
        std::to_string(fc / 10000) + "." + std::to_string(fc / 100 % 100) + "." + std::to_string(fc % 100);
    return std::string("koho ") + build_info::kVersion + "\n" +  //
           "cairo " + cairo_version_string() + "\n" +             //
           "pango " + pango_version_string() + "\n" +             //
           "harfbuzz " + hb_version_string() + "\n" +             //
           "fontconfig " + fontconfig + "\n" +                    //
           "ffmpeg " + av_version_info();
}

}  // namespace koho::cli
