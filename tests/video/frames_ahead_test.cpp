// FramesAhead (video/frames_ahead.h): frames drawn on a worker thread come
// out in order, each exactly as drawn, never overwritten while the consumer
// reads it; a draw failure reaches the consumer at that frame; stopping
// early does not hang.
#include "video/frames_ahead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

namespace koho::video {
namespace {

constexpr size_t kBytes = 4096;
using Bytes = std::vector<uint8_t>;
using Frames = FramesAhead<Bytes>;

Bytes make_slot() { return Bytes(kBytes); }

// Frame i is filled with the byte (i * 7 + 3) mod 256 and carries i in its first 8 bytes.
void fill(int64_t index, Bytes& frame) {
    std::memset(frame.data(), static_cast<int>((index * 7 + 3) & 0xff), kBytes);
    std::memcpy(frame.data(), &index, sizeof index);
}

bool holds(const Bytes& frame, int64_t index) {
    int64_t stored = -1;
    std::memcpy(&stored, frame.data(), sizeof stored);
    if (stored != index) return false;
    for (size_t i = sizeof stored; i < kBytes; ++i)
        if (frame[i] != static_cast<uint8_t>((index * 7 + 3) & 0xff)) return false;
    return true;
}

TEST(FramesAhead, HandsOutEveryFrameInOrderAsDrawn) {
    std::atomic<int64_t> calls{0};
    Frames frames(300, 2, make_slot, [&](int64_t index, Bytes& frame) {
        EXPECT_EQ(index, calls.load()) << "frames are drawn once each, in order";
        ++calls;
        fill(index, frame);
    });
    for (int64_t i = 0; i < 300; ++i) {
        const Bytes& frame = frames.next();
        ASSERT_TRUE(holds(frame, i)) << "frame " << i;
    }
    EXPECT_EQ(calls.load(), 300);
    EXPECT_THROW(frames.next(), std::logic_error);
}

TEST(FramesAhead, AFrameStaysIntactWhileTheConsumerHoldsIt) {
    // The worker draws fast and the consumer reads slowly: if a slot were
    // reused too early the frame in hand would change under the reader.
    Frames frames(40, 2, make_slot, fill);
    for (int64_t i = 0; i < 40; ++i) {
        const Bytes& frame = frames.next();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ASSERT_TRUE(holds(frame, i)) << "frame " << i << " was overwritten while held";
    }
}

TEST(FramesAhead, WorkerStaysAtMostDepthFramesAhead) {
    std::atomic<int64_t> drawn{0};
    Frames frames(100, 3, make_slot, [&](int64_t index, Bytes& frame) {
        fill(index, frame);
        drawn = index + 1;
    });
    frames.next();  // hands out frame 0
    // Frame 0 in hand and three more waiting: frames 0..3 get drawn …
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (drawn.load() < 4 && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_EQ(drawn.load(), 4);
    // … and no more while the consumer takes nothing.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(drawn.load(), 4);
}

TEST(FramesAhead, ADrawFailureReachesTheConsumerAtThatFrame) {
    Frames frames(10, 2, make_slot, [](int64_t index, Bytes& frame) {
        if (index == 5) throw std::runtime_error("clip ended early");
        fill(index, frame);
    });
    for (int64_t i = 0; i < 5; ++i) ASSERT_TRUE(holds(frames.next(), i));
    try {
        frames.next();
        FAIL() << "frame 5 failed to draw; next() must rethrow";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "clip ended early");
    }
}

TEST(FramesAhead, StoppingBeforeTheEndReturnsPromptly) {
    const auto start = std::chrono::steady_clock::now();
    {
        Frames frames(1'000'000, 2, make_slot, fill);
        frames.next();
    }  // the destructor stops a worker that would otherwise wait forever
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace koho::video
