// core/progress.h: the status line's text, how often each mode shows it,
// and the final line, with an injected clock.
#include "core/progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace koho {
namespace {

using namespace std::chrono_literals;
using Mode = ProgressReporter::Mode;

// A clock the test moves by hand.
struct FakeClock {
    std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
    ProgressReporter::Clock fn() {
        return [this] { return now; };
    }
    void at(std::chrono::duration<double> since_start) {
        now = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(since_start);
    }
    std::chrono::steady_clock::time_point start = now;
};

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + what.size())) ++n;
    return n;
}

TEST(Progress, TerminalLineText) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Terminal, "promo-30s.mp4", 30, clock.fn());
    clock.at(7.35s);
    p.advance(450, 900);
    // 450 frames in 7.35 s: 61.2 fps; 15 s of media in 7.35 s: 2.04x; 450 more at 61.2 fps: 7 s.
    EXPECT_EQ(out.str(), "\rpromo-30s.mp4: frame 450/900 (50%)  61.2 fps  2.04x  ETA 0:07\x1b[K");
}

TEST(Progress, TerminalRewritesAtMostFourTimesASecond) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Terminal, "job", 30, clock.fn());
    p.advance(0, 100);  // the first report shows at once
    EXPECT_EQ(out.str(), "\rjob: frame 0/100 (0%)\x1b[K");
    for (int ms = 10; ms < 250; ms += 10) {
        clock.at(std::chrono::milliseconds(ms));
        p.advance(ms / 10, 100);
    }
    EXPECT_EQ(count(out.str(), "\r"), 1u);
    clock.at(250ms);
    p.advance(25, 100);
    EXPECT_EQ(count(out.str(), "\r"), 2u);
    EXPECT_NE(out.str().find("\rjob: frame 25/100 (25%)  100.0 fps  3.33x  ETA 0:01\x1b[K"), std::string::npos)
        << out.str();
    // Over 10 s of steady reports: about 4 a second, never more.
    for (int ms = 260; ms <= 10250; ms += 10) {
        clock.at(std::chrono::milliseconds(ms));
        p.advance(25 + (ms - 250) / 200, 100);
    }
    EXPECT_EQ(count(out.str(), "\r"), 2u + 40u);
    EXPECT_EQ(out.str().find('\n'), std::string::npos);  // one line, rewritten in place
}

TEST(Progress, TerminalFinishEndsTheLineWithTheTimeTaken) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Terminal, "job", 25, clock.fn());
    p.advance(0, 50);
    clock.at(2s);
    p.advance(50, 50);
    clock.at(2.5s);
    p.finish();
    std::string s = out.str();
    ASSERT_GE(s.size(), 1u);
    EXPECT_EQ(s.back(), '\n');
    EXPECT_NE(s.find("\rjob: frame 50/50 (100%)  20.0 fps  0.80x  in 0:03\x1b[K\n"), std::string::npos) << s;
    // A second finish() adds nothing.
    p.finish();
    EXPECT_EQ(out.str(), s);
}

TEST(Progress, TerminalLineLeftOpenByAnErrorIsEndedOnDestruction) {
    FakeClock clock;
    std::ostringstream out;
    {
        ProgressReporter p(out, Mode::Terminal, "job", 30, clock.fn());
        clock.at(1s);
        p.advance(10, 100);
        EXPECT_EQ(out.str().find('\n'), std::string::npos);
    }  // no finish(): the render threw
    EXPECT_EQ(out.str(), "\rjob: frame 10/100 (10%)  10.0 fps  0.33x  ETA 0:09\x1b[K\n");
    // After finish() the destructor adds nothing; plain logs never need it.
    std::ostringstream finished, plain;
    {
        ProgressReporter p(finished, Mode::Terminal, "job", 30, clock.fn());
        p.advance(1, 1);
        p.finish();
        ProgressReporter q(plain, Mode::Plain, "job", 30, clock.fn());
        q.advance(1, 2);
    }
    const std::string finished_text = finished.str();
    EXPECT_EQ(std::count(finished_text.begin(), finished_text.end(), '\n'), 1) << finished_text;
    EXPECT_EQ(plain.str(), "");
}

TEST(Progress, PlainPrintsALineEveryFiveSecondsAndAFinalOne) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Plain, "job", 30, clock.fn());
    for (int ms = 0; ms < 5000; ms += 100) {
        clock.at(std::chrono::milliseconds(ms));
        p.advance(ms / 100, 300);
    }
    EXPECT_EQ(out.str(), "");
    clock.at(5s);
    p.advance(50, 300);
    EXPECT_EQ(out.str(), "job: frame 50/300 (16%)  10.0 fps  0.33x  ETA 0:25\n");
    clock.at(9.9s);
    p.advance(99, 300);
    EXPECT_EQ(count(out.str(), "\n"), 1u);
    clock.at(10s);
    p.advance(100, 300);
    EXPECT_EQ(count(out.str(), "\n"), 2u);
    clock.at(30s);
    p.advance(300, 300);
    EXPECT_EQ(count(out.str(), "\n"), 3u);
    p.finish();
    std::string s = out.str();
    EXPECT_EQ(count(s, "\n"), 4u);
    EXPECT_NE(s.find("job: frame 300/300 (100%)  10.0 fps  0.33x  in 0:30\n"), std::string::npos) << s;
    // No terminal controls in a log.
    EXPECT_EQ(s.find('\r'), std::string::npos);
    EXPECT_EQ(s.find('\x1b'), std::string::npos);
}

TEST(Progress, PlainShortJobStillGetsItsFinalLine) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Plain, "job", 30, clock.fn());
    clock.at(1s);
    p.advance(30, 30);
    p.finish();
    EXPECT_EQ(out.str(), "job: frame 30/30 (100%)  30.0 fps  1.00x  in 0:01\n");
}

TEST(Progress, QuietPrintsNothing) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Quiet, "job", 30, clock.fn());
    for (int s = 0; s <= 20; ++s) {
        clock.at(std::chrono::seconds(s));
        p.advance(s * 10, 200);
    }
    p.finish();
    EXPECT_EQ(out.str(), "");
}

TEST(Progress, FinishWithoutProgressPrintsNothing) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Terminal, "job", 30, clock.fn());
    p.finish();
    EXPECT_EQ(out.str(), "");
}

TEST(Progress, LongEtaHasHoursAndNoLabelNoSpeed) {
    FakeClock clock;
    std::ostringstream out;
    ProgressReporter p(out, Mode::Terminal, "", 0, clock.fn());
    clock.at(10s);
    p.advance(10, 37240);  // 1 fps: 37230 s left = 10:20:30
    EXPECT_EQ(out.str(), "\rframe 10/37240 (0%)  1.0 fps  ETA 10:20:30\x1b[K");
}

TEST(Progress, EtaFormats) {
    struct Case {
        int64_t done, total;
        double at_s;
        const char* eta;
    };
    const Case cases[] = {
        {10, 10, 1, "ETA 0:00"},       {10, 70, 1, "ETA 0:06"},      {1, 601, 1, "ETA 10:00"},
        {1, 3600, 1, "ETA 59:59"},     {1, 3601, 1, "ETA 1:00:00"},  {2, 7447, 2, "ETA 2:04:05"},
    };
    for (const Case& c : cases) {
        FakeClock clock;
        std::ostringstream out;
        ProgressReporter p(out, Mode::Terminal, "x", 30, clock.fn());
        clock.at(std::chrono::duration<double>(c.at_s));
        p.advance(c.done, c.total);
        EXPECT_NE(out.str().find(std::string("  ") + c.eta + "\x1b[K"), std::string::npos) << out.str();
    }
}

}  // namespace
}  // namespace koho
