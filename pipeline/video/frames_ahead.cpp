#include "video/frames_ahead.h"

#include <stdexcept>

namespace koho::video {

FramesAhead::FramesAhead(int64_t count, size_t frame_bytes, size_t depth, Draw draw)
    : count_(count), draw_(std::move(draw)) {
    // One slot more than the depth: the consumer holds the frame it was
    // last given while the worker fills `depth` others.
    slots_.resize(depth + 1);
    for (auto& slot : slots_) slot.resize(frame_bytes);
    worker_ = std::thread([this] { work(); });
}

FramesAhead::~FramesAhead() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void FramesAhead::work() {
    const int64_t slots = static_cast<int64_t>(slots_.size());
    for (int64_t index = 0; index < count_; ++index) {
        {
            // Frame `index` goes into a slot the consumer no longer holds:
            // handed_ - 1 is the frame it may still be reading.
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || index - (handed_ - 1) < slots; });
            if (stopping_) return;
        }
        std::exception_ptr failure;
        try {
            draw_(index, slots_[static_cast<size_t>(index % slots)].data());
        } catch (...) {
            failure = std::current_exception();
        }
        {
            std::lock_guard lock(mutex_);
            if (failure) {
                failure_ = failure;
            } else {
                drawn_ = index + 1;
            }
        }
        changed_.notify_all();
        if (failure) return;
    }
}

const uint8_t* FramesAhead::next() {
    std::unique_lock lock(mutex_);
    if (handed_ >= count_) throw std::logic_error("FramesAhead::next past the last frame");
    changed_.wait(lock, [&] { return drawn_ > handed_ || failure_; });
    if (drawn_ <= handed_) std::rethrow_exception(failure_);
    const int64_t index = handed_++;
    lock.unlock();
    // The worker may now reuse the slot of the frame handed out before this one.
    changed_.notify_all();
    return slots_[static_cast<size_t>(index % static_cast<int64_t>(slots_.size()))].data();
}

}  // namespace koho::video
