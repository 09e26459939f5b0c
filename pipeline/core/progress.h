// Progress of a long job (a video render) for the person waiting on it.
// Libraries report to a ProgressSink; the command line decides how it shows:
// one status line rewritten in place on a terminal, plain periodic lines
// when stderr is a file or a pipe (CI logs), nothing with --quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace koho {

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    // `done` of `total` units (frames) finished.
    virtual void advance(int64_t done, int64_t total) = 0;
    // The job ended (successfully or not); a terminal line is ended.
    virtual void finish() = 0;
};

// Shows "LABEL: frame 450/900 (50%)  61.2 fps  2.04x  ETA 0:07" lines (the
// last one ends "in 0:15", the time taken).
// `media_fps`: frames per second of the media, for the speed (media
// seconds per wall second). `clock` is injectable for tests.
class ProgressReporter : public ProgressSink {
public:
    enum class Mode { Terminal, Plain, Quiet };
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    ProgressReporter(std::ostream& out, Mode mode, std::string label, double media_fps,
                     Clock clock = std::chrono::steady_clock::now);
    // Ends a terminal line left open by a job that threw before finish(),
    // so the error message starts on a line of its own.
    ~ProgressReporter() override;
    void advance(int64_t done, int64_t total) override;
    void finish() override;

private:
    std::ostream& out_;
    Mode mode_;
    std::string label_;
    double media_fps_;
    Clock clock_;
    std::chrono::steady_clock::time_point start_, last_shown_;
    bool shown_ = false;
    int64_t done_ = 0, total_ = 0;
    void show(bool final_line);
};

}  // namespace koho
