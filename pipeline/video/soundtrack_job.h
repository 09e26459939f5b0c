// The soundtrack mixed and normalised on its own thread while the frames are
// composed and encoded. Mixing decodes every sound file and normalising
// measures the loudness several times over: seconds of work (about 3 s for
// 30 s of video, 17 s for three minutes) that used to stand between the
// command and its first frame. The frames need none of it, so it runs
// beside them and the muxer waits for the sound (mp4_writer.cpp).
#pragma once

#include <future>
#include <optional>
#include <thread>

#include "model/timeline.h"
#include "video/audio_mix.h"

namespace koho::video {

struct Soundtrack {
    AudioBuffer audio;                      // mix_soundtrack's, normalised
    std::optional<LoudnessResult> loudness; // when the timeline asks for a target
};

class SoundtrackJob {
public:
    // Starts at once. `timeline` must outlive the job.
    explicit SoundtrackJob(const model::Timeline& timeline);
    // A job still running is asked to stop (the render failed) and joined:
    // it returns within moments, its work dropped.
    ~SoundtrackJob();
    SoundtrackJob(const SoundtrackJob&) = delete;
    SoundtrackJob& operator=(const SoundtrackJob&) = delete;

    // The finished soundtrack, or nullptr while it is being made. Rethrows
    // the job's error (a sound file that cannot be read: bad input, located).
    const Soundtrack* ready();
    // Waits for the soundtrack; rethrows the job's error.
    const Soundtrack& wait();

private:
    std::promise<Soundtrack> promise_;
    std::future<Soundtrack> future_;
    std::optional<Soundtrack> result_;
    std::jthread worker_;  // last: stopped and joined before the rest goes
};

}  // namespace koho::video
