// Frames composed on a worker thread a few frames ahead of the encoder.
// x264 keeps every core busy with its own frame threads, but while the
// encoder is handed a frame nothing composes the next one, and while a
// frame is composed the encoder's input is starved: done in turn, the two
// add up. Here the worker composes frame N+1.. while frame N is encoded, so
// the wall time approaches the encode alone. The frames themselves do not
// change: the same draw function, called once per frame, in order.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace koho::video {

class FramesAhead {
public:
    // Fills `frame` (frame_bytes long) with frame `index`. Called on the
    // worker thread for 0, 1, … count-1, in order.
    using Draw = std::function<void(int64_t index, uint8_t* frame)>;

    // `depth` frames may wait composed before the consumer takes them.
    FramesAhead(int64_t count, size_t frame_bytes, size_t depth, Draw draw);
    // Stops the worker (it finishes the frame it is drawing) and joins it.
    ~FramesAhead();
    FramesAhead(const FramesAhead&) = delete;
    FramesAhead& operator=(const FramesAhead&) = delete;

    // The next frame in order; valid until the next call. Rethrows what the
    // draw function threw for it. Past the last frame: a logic error.
    const uint8_t* next();

private:
    void work();

    const int64_t count_;
    Draw draw_;
    std::vector<std::vector<uint8_t>> slots_;

    std::mutex mutex_;
    std::condition_variable changed_;
    int64_t drawn_ = 0;     // frames the worker has finished
    int64_t handed_ = 0;    // frames next() has returned
    bool stopping_ = false;
    std::exception_ptr failure_;  // what draw threw, for frame `drawn_`
    std::thread worker_;
};

}  // namespace koho::video
