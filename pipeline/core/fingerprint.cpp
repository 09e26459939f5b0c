// content_fingerprint (fingerprint.h).
#include "core/fingerprint.h"

#include <cstdint>
#include <cstdio>

namespace koho {

std::string content_fingerprint(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a 64 offset basis
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    char text[48];
    std::snprintf(text, sizeof text, "%llu:%016llx", static_cast<unsigned long long>(bytes.size()),
                  static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace koho
