#include "print/lcms_handles.h"

#include <new>

namespace koho::print::lcms {

Context::Context() {
    ctx_ = cmsCreateContext(nullptr, this);
    if (!ctx_) throw std::bad_alloc();
    cmsSetLogErrorHandlerTHR(ctx_, &Context::on_error);
}

Context::~Context() { cmsDeleteContext(ctx_); }

void Context::on_error(cmsContext ctx, cmsUInt32Number, const char* text) {
    auto* self = static_cast<Context*>(cmsGetContextUserData(ctx));
    if (self && text) self->last_error_ = text;
}

}  // namespace koho::print::lcms
