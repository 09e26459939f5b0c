// Resource limits: how much one run may ask of the machine.
//
// Layouts, timelines and media come from many people; a typo ("duration":
// "6000s"), a phone's panorama or a crafted file (a PNG header that
// declares 60000×60000 pixels) must end in a clear error, not in hours of
// work or an allocation that takes the machine down. Each limit is checked
// before the work or the memory it guards, and exceeding one is bad input
// (exit 2) located at the value at fault, naming the flag that raises it.
//
// The defaults hold the whole sample campaign with room to spare; the CLI
// sets them from its flags (cli/limit_flags.h) and passes them down through
// the loaders' options. There is no global: a library reads the limits it
// was given.
#pragma once

#include <cstdint>
#include <string>

namespace koho {

struct Limits {
    // Width × height of any picture koho decodes: PNG/JPEG in layouts and
    // timelines, `transcode --overlay`, and each frame of a video clip or a
    // transcode input. 100 megapixels (issue 7) is 400 MB of ARGB — the
    // campaign's largest photo is 5.4 MP, a 300 ppi A3 photo with bleed
    // 18 MP, a 4K video frame 8.3 MP.
    uint64_t max_image_pixels = 100'000'000;
    // Pages of a print layout. The campaign's longest layout has 8 pages; a
    // thousand is a thick book, and every page is composed and held in memory.
    uint64_t max_pages = 1'000;
    // Characters (Unicode code points, markup included) of one story: a text
    // frame with its chain, a table cell, a video text layer or a caption.
    // The longest story of the sample campaign has 728 (markup included);
    // 100,000 is some 50 dense A4 pages of Japanese — more belongs in
    // another tool, and shaping and breaking a story costs memory and time
    // in proportion.
    uint64_t max_text_chars = 100'000;
    // Length of a video: a timeline's duration, a transcode input's. The
    // longest film planned is about 3 minutes; 10 minutes leaves room for
    // a cut of the whole campaign while a slip of a digit ("1800s") does not
    // start an hour's render.
    double max_video_seconds = 600;
    // Pixels of one output frame (width × height of a timeline or variant).
    // 4096×2160 (DCI 4K) holds every upload size up to UHD 3840×2160 in
    // either orientation; x264 and the compositor's buffers grow with it.
    uint64_t max_video_pixels = 4096ull * 2160;
};

// The command-line flags that set each limit: messages name them.
namespace limit_flags {
inline constexpr const char* kImagePixels = "--max-image-pixels";
inline constexpr const char* kPages = "--max-pages";
inline constexpr const char* kTextChars = "--max-text-chars";
inline constexpr const char* kVideoSeconds = "--max-video-seconds";
inline constexpr const char* kVideoPixels = "--max-video-pixels";
}  // namespace limit_flags

// "3600 megapixels", "2.5 megapixels", "9999 pixels": ASCII, no locale.
inline std::string describe_pixels(uint64_t n) {
    if (n < 1'000'000) return std::to_string(n) + (n == 1 ? " pixel" : " pixels");
    const uint64_t tenths = n / 100'000 + (n % 100'000 >= 50'000 ? 1 : 0);
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);
    return text + " megapixels";
}

// A limit as set: in megapixels when that is exact ("100 megapixels"),
// else the count itself ("1250000 pixels"), so the figure matches the flag.
inline std::string describe_pixel_limit(uint64_t n) {
    return n >= 1'000'000 && n % 100'000 == 0 ? describe_pixels(n) : std::to_string(n) + " pixels";
}

// The tail every limit message ends with: ", more than the limit of
// 100 megapixels; raise it with --max-image-pixels".
inline std::string over_limit(const std::string& limit, const char* flag) {
    return ", more than the limit of " + limit + "; raise it with " + flag;
}

}  // namespace koho
