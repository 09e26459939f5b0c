#include "video/soundtrack_job.h"

#include <chrono>

namespace koho::video {

SoundtrackJob::SoundtrackJob(const model::Timeline& timeline) : future_(promise_.get_future()) {
    worker_ = std::jthread([this, &timeline](std::stop_token stop) {
        try {
            Soundtrack sound;
            sound.audio = mix_soundtrack(timeline, stop);
            if (timeline.loudness && !stop.stop_requested())
                sound.loudness = normalise_loudness(sound.audio, timeline.loudness->integrated_lufs,
                                                    timeline.loudness->true_peak_dbtp, stop);
            promise_.set_value(std::move(sound));
        } catch (...) {
            promise_.set_exception(std::current_exception());
        }
    });
}

SoundtrackJob::~SoundtrackJob() = default;  // jthread: request_stop, then join

const Soundtrack* SoundtrackJob::ready() {
    if (!result_ && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) result_ = future_.get();
    return result_ ? &*result_ : nullptr;
}

const Soundtrack& SoundtrackJob::wait() {
    if (!result_) result_ = future_.get();
    return *result_;
}

}  // namespace koho::video
