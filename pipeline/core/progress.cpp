// Progress lines (progress.h). The line is built from the counts and the
// injected clock only, so tests pin every character.
#include "core/progress.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace koho {

namespace {

using Seconds = std::chrono::duration<double>;

// A terminal line is redrawn at most this often (4 a second): faster only
// costs the terminal time and the reader nothing.
constexpr std::chrono::milliseconds kTerminalInterval{250};
// Logs get a line this often: enough to see a job is alive, few enough to read.
constexpr std::chrono::seconds kPlainInterval{5};

// Fixed decimals, independent of the C locale ("61.2", never "61,2").
std::string fixed(double value, int decimals) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (ec != std::errc()) return "?";
    return std::string(buf, end);
}

// "0:07", "12:34", "1:02:03".
std::string clock_text(double seconds) {
    long long s = seconds > 0 ? std::llround(seconds) : 0;
    char buf[48];
    if (s < 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

}  // namespace

ProgressReporter::ProgressReporter(std::ostream& out, Mode mode, std::string label, double media_fps,
                                   Clock clock)
    : out_(out), mode_(mode), label_(std::move(label)), media_fps_(media_fps), clock_(std::move(clock)) {
    start_ = clock_();
    last_shown_ = start_;
}

ProgressReporter::~ProgressReporter() {
    try {
        if (mode_ == Mode::Terminal && shown_) {
            out_ << '\n';
            out_.flush();
        }
    } catch (...) {
        // A destructor must not throw; a lost newline is only cosmetic.
    }
}

void ProgressReporter::advance(int64_t done, int64_t total) {
    done_ = done;
    total_ = total;
    if (mode_ == Mode::Quiet) return;
    auto now = clock_();
    switch (mode_) {
    case Mode::Terminal:
        // The first report shows at once, so a terminal never sits blank.
        if (shown_ && now - last_shown_ < kTerminalInterval) return;
        break;
    case Mode::Plain:
        if (now - last_shown_ < kPlainInterval) return;
        break;
    case Mode::Quiet: return;
    }
    last_shown_ = now;
    show(false);
}

void ProgressReporter::finish() {
    if (mode_ == Mode::Quiet) return;
    // Only a job that reported something gets a final line; a second
    // finish() (error paths calling it again) adds nothing.
    if (total_ <= 0 && done_ <= 0) return;
    show(true);
    done_ = total_ = 0;
    shown_ = false;
}

// "LABEL: frame 450/900 (50%)  61.2 fps  2.04x  ETA 0:07"; the final line
// ends with the time taken ("in 0:15") instead of the ETA. Rates appear
// once there is time and work to measure them.
void ProgressReporter::show(bool final_line) {
    double elapsed = std::chrono::duration_cast<Seconds>(clock_() - start_).count();
    std::string line;
    if (!label_.empty()) line += label_ + ": ";
    line += "frame " + std::to_string(done_) + "/" + std::to_string(total_);
    int64_t percent = total_ > 0 ? done_ * 100 / total_ : 100;
    line += " (" + std::to_string(percent) + "%)";
    if (elapsed > 0 && done_ > 0) {
        double fps = done_ / elapsed;
        line += "  " + fixed(fps, 1) + " fps";
        if (media_fps_ > 0) line += "  " + fixed(done_ / media_fps_ / elapsed, 2) + "x";
        if (final_line)
            line += "  in " + clock_text(elapsed);
        else if (total_ >= done_)
            line += "  ETA " + clock_text((total_ - done_) / fps);
    } else if (final_line) {
        line += "  in " + clock_text(elapsed);
    }

    if (mode_ == Mode::Terminal) {
        // Back to the start of the line, redraw, clear what a longer line left.
        out_ << '\r' << line << "\x1b[K";
        if (final_line) out_ << '\n';
    } else {
        out_ << line << '\n';
    }
    out_.flush();
    shown_ = true;
}

}  // namespace koho
