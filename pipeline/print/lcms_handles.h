// RAII for lcms2 (internal to print/): a context that keeps lcms2's last
// error message for koho's own messages (lcms2 must never print), and
// owned profiles and transforms made in that context.
#pragma once

#include <lcms2.h>

#include <memory>
#include <string>

namespace koho::print::lcms {

struct ProfileClose {
    void operator()(void* profile) const { cmsCloseProfile(profile); }
};
struct TransformDelete {
    void operator()(void* transform) const { cmsDeleteTransform(transform); }
};
using Profile = std::unique_ptr<void, ProfileClose>;
using Transform = std::unique_ptr<void, TransformDelete>;

// One lcms2 context. Not movable: lcms2 holds a pointer to it to report
// errors into `last_error`.
class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    cmsContext get() const { return ctx_; }
    // What lcms2 last complained about ("" when nothing), for messages.
    const std::string& last_error() const { return last_error_; }
    void clear_error() { last_error_.clear(); }

private:
    static void on_error(cmsContext ctx, cmsUInt32Number code, const char* text);
    cmsContext ctx_ = nullptr;
    std::string last_error_;
};

}  // namespace koho::print::lcms
