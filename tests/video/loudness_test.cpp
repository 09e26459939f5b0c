// Loudness normalisation: on target by libebur128 and by FFmpeg's ebur128
// filter reading a WAV of the result; the true-peak limit held; the limiter
// local to the peaks it tames; silence untouched.
#include <gtest/gtest.h>

#include <cmath>
#include <stop_token>

#include "audio_test_support.h"
#include "video/audio_mix.h"
#include "video/gain.h"
#include "video/true_peak_limiter.h"

namespace koho::video {
namespace {

using testing::TempDir;

// `audio` scaled so that libebur128 reads `lufs`.
AudioBuffer at_loudness(AudioBuffer audio, double lufs)
{
    double now = measure_loudness(audio).integrated_lufs;
    float g = static_cast<float>(db_to_linear(lufs - now));
    for (float& s : audio.samples) s *= g;
    EXPECT_NEAR(measure_loudness(audio).integrated_lufs, lufs, 0.01);
    return audio;
}

TEST(Loudness, MeasuresAKnownSine)
{
    // BS.1770: a 0 dBFS 997 Hz sine in one channel reads -3.01 LUFS; in
    // both, 0 LUFS. So a -20 dBFS one in both reads -20 LUFS.
    AudioBuffer a = testing::sine(4, 997, 0.1);
    LoudnessMeasure m = measure_loudness(a);
    EXPECT_NEAR(m.integrated_lufs, -20, 0.05);
    EXPECT_NEAR(m.true_peak_dbtp, -20, 0.1);
    EXPECT_LT(m.loudness_range_lu, 0.5);
}

TEST(Loudness, NoiseFromMinus30ToMinus14WithinTheTruePeakLimit)
{
    AudioBuffer audio = at_loudness(testing::music_like(6), -30);
    LoudnessMeasure source = measure_loudness(audio);
    // The limiter has work to do: a plain +16 dB gain would overshoot -1 dBTP.
    ASSERT_GT(source.true_peak_dbtp + 16, -1);

    LoudnessResult r = normalise_loudness(audio, -14, -1);
    EXPECT_NEAR(r.before.integrated_lufs, -30, 0.01);
    EXPECT_NEAR(r.gain_db, 16, 0.5);
    EXPECT_NEAR(r.after.integrated_lufs, -14, 0.5);
    EXPECT_LE(r.after.true_peak_dbtp, -1);

    LoudnessMeasure again = measure_loudness(audio);
    EXPECT_NEAR(again.integrated_lufs, -14, 0.5);
    EXPECT_LE(again.true_peak_dbtp, -1);
    EXPECT_DOUBLE_EQ(again.integrated_lufs, r.after.integrated_lufs);

    TempDir dir("loudness");
    testing::write_wav16(dir / "out.wav", audio);
    testing::FfmpegLoudness ff = testing::ffmpeg_ebur128(dir / "out.wav");
    EXPECT_NEAR(ff.integrated_lufs, -14, 0.5);
    EXPECT_LE(ff.true_peak_dbtp, -1.0);
}

TEST(Loudness, BroadcastTargetMinus24IsAPlainGain)
{
    AudioBuffer source = at_loudness(testing::music_like(6, 7), -30);
    AudioBuffer audio = source;
    LoudnessResult r = normalise_loudness(audio, -24, -1);
    EXPECT_NEAR(r.after.integrated_lufs, -24, 0.5);
    EXPECT_LE(r.after.true_peak_dbtp, -1);
    EXPECT_NEAR(r.gain_db, 6, 0.01);
    // Peaks stay far under the limit, so the limiter leaves every sample
    // exactly at source × gain.
    const float g = static_cast<float>(db_to_linear(r.gain_db));
    double worst = 0;
    for (size_t i = 0; i < audio.samples.size(); ++i)
        worst = std::max(worst, std::fabs(double(audio.samples[i]) - double(source.samples[i] * g)));
    EXPECT_LT(worst, 1e-6);

    TempDir dir("loudness24");
    testing::write_wav16(dir / "out.wav", audio);
    testing::FfmpegLoudness ff = testing::ffmpeg_ebur128(dir / "out.wav");
    EXPECT_NEAR(ff.integrated_lufs, -24, 0.5);
    EXPECT_LE(ff.true_peak_dbtp, -1.0);
}

TEST(Loudness, TheLimiterTamesStrongPeaksOnlyWhereTheyAre)
{
    // A quiet tone with three full-scale hits (a single-sample click at the
    // very start and at 5 s, a 2 ms burst of 1 kHz at 2 s): normalising to
    // -14 LUFS would put them 20 dB over full scale without the limiter.
    AudioBuffer source = testing::sine(8, 440, 0.02);
    for (size_t c : {size_t(0), size_t(5 * kSampleRate)})
        source.samples[c * kChannels] = source.samples[c * kChannels + 1] = 1.0f;
    for (size_t n = 0; n < 96; ++n) {
        float v = static_cast<float>(std::sin(2 * M_PI * 1000.0 * n / kSampleRate));
        size_t at = 2 * kSampleRate + n;
        source.samples[at * kChannels] = source.samples[at * kChannels + 1] = v;
    }
    source = at_loudness(source, -30);
    AudioBuffer audio = source;
    LoudnessResult r = normalise_loudness(audio, -14, -1);
    ASSERT_GT(r.before.true_peak_dbtp + r.gain_db, 10);  // the peaks really were strong
    // Limiting the clicks cost more than 0.3 LU (they carry much of this
    // signal's loudness), so the gain was raised for a second pass.
    EXPECT_GT(r.gain_db, 16.5);
    EXPECT_NEAR(r.after.integrated_lufs, -14, 0.5);
    EXPECT_LE(r.after.true_peak_dbtp, -1);

    // Far from the clicks (more than 5 ms before, 1 s after) the tone is
    // exactly the gained source; next to them it is pulled down.
    const float g = static_cast<float>(db_to_linear(r.gain_db));
    auto ratio_at = [&](double t) {
        size_t from = static_cast<size_t>(t * kSampleRate);
        return testing::rms(audio, from, from + 480) / (testing::rms(source, from, from + 480) * g);
    };
    EXPECT_NEAR(ratio_at(1.5), 1.0, 1e-4);
    EXPECT_NEAR(ratio_at(3.5), 1.0, 1e-4);
    EXPECT_NEAR(ratio_at(4.9), 1.0, 1e-4);
    EXPECT_LT(ratio_at(2.0), 0.5);
    // Released with a 100 ms time constant: still low 20 ms after a click,
    // about two thirds back after 100 ms, all but back after 600 ms.
    EXPECT_LT(ratio_at(5.02), 0.4);
    EXPECT_NEAR(ratio_at(5.1), 0.65, 0.1);
    EXPECT_GT(ratio_at(5.6), 0.99);

    TempDir dir("loudness-peaks");
    testing::write_wav16(dir / "out.wav", audio);
    testing::FfmpegLoudness ff = testing::ffmpeg_ebur128(dir / "out.wav");
    EXPECT_NEAR(ff.integrated_lufs, -14, 0.5);
    EXPECT_LE(ff.true_peak_dbtp, -1.0);
}

TEST(Loudness, TheLimiterCatchesPeaksBetweenSamples)
{
    // A quarter-sample-rate sine at 45° phase: every sample is at ±0.707
    // (-3 dBFS) but the wave between them reaches 1.0 (0 dBTP). A sample
    // peak limiter would let it through untouched.
    AudioBuffer audio;
    audio.resize_frames(kSampleRate);
    for (size_t n = 0; n < audio.frames(); ++n)
        audio.samples[n * kChannels] = audio.samples[n * kChannels + 1] =
            static_cast<float>(std::sin(M_PI / 2 * n + M_PI / 4));
    ASSERT_NEAR(measure_loudness(audio).true_peak_dbtp, 0, 0.2);
    limit_true_peak(audio, db_to_linear(-1.2));
    EXPECT_LE(measure_loudness(audio).true_peak_dbtp, -1);
    // Away from the ends the samples now sit 1.2 dB lower.
    EXPECT_NEAR(testing::db(testing::rms_s(audio, 0.25, 0.75)), testing::db(std::sqrt(0.5)) - 1.2, 0.15);
}

TEST(Loudness, SilenceIsLeftAsItIs)
{
    AudioBuffer audio;
    audio.resize_frames(3 * kSampleRate);
    LoudnessResult r = normalise_loudness(audio, -14, -1);
    EXPECT_TRUE(std::isinf(r.before.integrated_lufs) && r.before.integrated_lufs < 0);
    EXPECT_TRUE(std::isinf(r.after.integrated_lufs));
    EXPECT_EQ(r.gain_db, 0);
    for (float s : audio.samples) ASSERT_EQ(s, 0.0f);
    EXPECT_EQ(audio.frames(), size_t(3 * kSampleRate));
}

TEST(Loudness, AStopRequestEndsTheWorkAndChangesNothingMore)
{
    // render_video mixes the sound beside the frames and asks it to stop
    // when the video fails: asked before it starts, nothing is done.
    const AudioBuffer source = at_loudness(testing::music_like(6, 3), -30);
    AudioBuffer audio = source;
    std::stop_source stop;
    stop.request_stop();
    LoudnessResult r = normalise_loudness(audio, -14, -1, stop.get_token());
    EXPECT_EQ(r.gain_db, 0);
    EXPECT_EQ(r.before.integrated_lufs, 0) << "no measurement was made";
    ASSERT_EQ(audio.samples, source.samples);
    // Not asked, the same call does the work.
    LoudnessResult done = normalise_loudness(audio, -14, -1, std::stop_source().get_token());
    EXPECT_NEAR(done.after.integrated_lufs, -14, 0.5);
}

}  // namespace
}  // namespace koho::video
