// A short text that tells apart two sets of bytes: their length and their
// 64-bit FNV-1a hash, "12345:0123456789abcdef". For "the same input as
// last time" in in-process memos and caches on disk, not a security
// measure (anyone can make two inputs with one fingerprint).
#pragma once

#include <string>
#include <string_view>

namespace koho {

std::string content_fingerprint(std::string_view bytes);

}  // namespace koho
