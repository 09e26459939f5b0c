// libav* failures as koho::Error: the return code turned into
// av_strerror's words, and options no component consumed named.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "video/libav_handles.h"

namespace koho::video::libav {

// av_strerror's text for an AVERROR code.
std::string error_text(int code);

// Throws koho::Error (Failure) at `where`: "WHAT: ERROR TEXT".
[[noreturn]] void fail_av(const SourceLoc& where, const std::string& what, int code);

// `code` < 0 → fail_av; returns `code` otherwise.
int check_av(const SourceLoc& where, const std::string& what, int code);

// libav* leaves in the dictionary every option that nothing recognised
// (a misspelt name, an option of another encoder). Throws koho::Error
// (Failure) naming them and `component` when any is left.
void require_all_consumed(const SourceLoc& where, const Options& options, const std::string& component);

}  // namespace koho::video::libav
