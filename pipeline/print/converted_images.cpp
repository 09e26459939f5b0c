// The process's converted images (converted_images.h).
#include "print/converted_images.h"

#include <deque>
#include <mutex>
#include <utility>

namespace koho::print {
namespace {

// The photos of a whole campaign, converted, are well under this; a long
// watch session does not grow past it.
constexpr size_t kKeptBytes = size_t(256) << 20;

std::mutex g_lock;
std::deque<std::pair<std::string, ConvertedImage>> g_images;  // oldest first
size_t g_bytes = 0;

}  // namespace

std::optional<ConvertedImage> find_converted_image(const std::string& key) {
    const std::lock_guard<std::mutex> hold(g_lock);
    for (auto it = g_images.rbegin(); it != g_images.rend(); ++it)
        if (it->first == key) return it->second;
    return std::nullopt;
}

void keep_converted_image(const std::string& key, const ConvertedImage& image) {
    if (image.data.size() > kKeptBytes / 4) return;  // one poster-sized scan would push out everything else
    const std::lock_guard<std::mutex> hold(g_lock);
    g_images.emplace_back(key, image);
    g_bytes += image.data.size();
    while (g_bytes > kKeptBytes && !g_images.empty()) {
        g_bytes -= g_images.front().second.data.size();
        g_images.pop_front();
    }
}

}  // namespace koho::print
