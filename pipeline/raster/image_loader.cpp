#include "raster/image_loader.h"

#include <map>
#include <mutex>

namespace koho::raster {

namespace fs = std::filesystem;

namespace {

struct ImageCache {
    DecodeLimits limits;
    std::mutex mutex;
    std::map<fs::path, std::shared_ptr<const scene::Image>> images;
};

// "media/./a.jpg" and "media/a.jpg" are one file; so are two names through
// a symlink. Paths reach here already confined to the project root.
fs::path cache_key(const fs::path& path) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(path, ec);
    return ec ? path.lexically_normal() : key;
}

}  // namespace

scene::ImageLoader make_cached_image_loader(DecodeLimits limits) {
    auto cache = std::make_shared<ImageCache>();
    cache->limits = limits;
    return [cache](const fs::path& path, const SourceLoc& where) {
        fs::path key = cache_key(path);
        {
            std::lock_guard lock(cache->mutex);
            auto found = cache->images.find(key);
            if (found != cache->images.end()) return found->second;
        }
        // Decoded outside the lock so that different files decode in
        // parallel; if two threads race on one file, the first stored wins
        // and both return it.
        auto image = decode_image_deferred(path, where, cache->limits);
        std::lock_guard lock(cache->mutex);
        return cache->images.emplace(key, std::move(image)).first->second;
    };
}

}  // namespace koho::raster
