// Frames composed on a worker thread a few frames ahead of the encoder.
// x264 keeps every core busy with its own frame threads, but while the
// encoder is handed a frame nothing composes the next one, and while a
// frame is composed the encoder's input is starved: done in turn, the two
// add up. Here the worker composes frame N+1.. while frame N is encoded, so
// the wall time approaches the encode alone. The frames themselves do not
// change: the same draw function, called once per frame, in order.
//
// The worker shares the cores with the encoder's threads and is sometimes
// not scheduled for a frame period or two; `depth` frames composed ahead
// absorb that, so the encoder never waits for the compositor while the
// compositor, on average, has time to spare.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace koho::video {

// `Frame` is what one slot holds (a pixel buffer, an AVFrame owner…); the
// slots are made once and reused in turn.
template <typename Frame>
class FramesAhead {
public:
    // Makes one slot; called `depth` + 1 times on the constructing thread.
    using Make = std::function<Frame()>;
    // Fills `frame` with frame `index`. Called on the worker thread for
    // 0, 1, … count-1, in order.
    using Draw = std::function<void(int64_t index, Frame& frame)>;

    // `depth` frames may wait composed before the consumer takes them.
    FramesAhead(int64_t count, size_t depth, const Make& make, Draw draw) : count_(count), draw_(std::move(draw)) {
        // One slot more than the depth: the consumer holds the frame it was
        // last given while the worker fills `depth` others.
        slots_.reserve(depth + 1);
        for (size_t i = 0; i <= depth; ++i) slots_.push_back(make());
        worker_ = std::thread([this] { work(); });
    }
    // Stops the worker (it finishes the frame it is drawing) and joins it.
    ~FramesAhead() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }
    FramesAhead(const FramesAhead&) = delete;
    FramesAhead& operator=(const FramesAhead&) = delete;

    // The next frame in order; valid until the next call. Rethrows what the
    // draw function threw for it. Past the last frame: a logic error.
    Frame& next() {
        std::unique_lock lock(mutex_);
        if (handed_ >= count_) throw std::logic_error("FramesAhead::next past the last frame");
        changed_.wait(lock, [&] { return drawn_ > handed_ || failure_; });
        if (drawn_ <= handed_) std::rethrow_exception(failure_);
        const int64_t index = handed_++;
        lock.unlock();
        // The worker may now reuse the slot of the frame handed out before this one.
        changed_.notify_all();
        return slot(index);
    }

private:
    Frame& slot(int64_t index) { return slots_[static_cast<size_t>(index % static_cast<int64_t>(slots_.size()))]; }

    void work() {
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
                draw_(index, slot(index));
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

    const int64_t count_;
    Draw draw_;
    std::vector<Frame> slots_;

    std::mutex mutex_;
    std::condition_variable changed_;
    int64_t drawn_ = 0;     // frames the worker has finished
    int64_t handed_ = 0;    // frames next() has returned
    bool stopping_ = false;
    std::exception_ptr failure_;  // what draw threw, for frame `drawn_`
    std::thread worker_;
};

}  // namespace koho::video
