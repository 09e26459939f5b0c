// libav* error codes and unconsumed options → koho::Error.
#include "video/av_error.h"

extern "C" {
#include <libavutil/error.h>
}

namespace koho::video::libav {

std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(code, text, sizeof text) < 0) return "libav error " + std::to_string(code);
    return text;
}

void fail_av(const SourceLoc& where, const std::string& what, int code) {
    fail_system(where, what + ": " + error_text(code));
}

int check_av(const SourceLoc& where, const std::string& what, int code) {
    if (code < 0) fail_av(where, what, code);
    return code;
}

void require_all_consumed(const SourceLoc& where, const Options& options, const std::string& component) {
    std::string left;
    const AVDictionaryEntry* entry = nullptr;
    while ((entry = av_dict_get(options.dict(), "", entry, AV_DICT_IGNORE_SUFFIX)))
        left += (left.empty() ? "'" : ", '") + std::string(entry->key) + "=" + entry->value + "'";
    if (!left.empty()) fail_system(where, component + " did not recognise the option(s) " + left);
}

}  // namespace koho::video::libav
