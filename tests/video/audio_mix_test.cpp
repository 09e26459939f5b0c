// The mix: WAV files written here (16-bit PCM at 48 kHz, so that decoding
// is sample-exact) placed on timelines built in code, and the soundtrack
// read sample by sample: placement, trim, loops, cuts, fades, gain, the
// sound of video layers, and the side-chain ducker.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <fstream>
#include <cstdlib>
#include <vector>

#include "audio_test_support.h"
#include "video/audio_duck.h"
#include "video/audio_mix.h"
#include "video/audio_sources.h"
#include "video/gain.h"
#include "video/soundtrack_job.h"

namespace koho::video {
namespace {

using testing::TempDir;

class AudioMix : public ::testing::Test {
protected:
    TempDir dir{"audio-mix"};

    // A file of `seconds` of silence with `value` at each of `impulses` (s).
    std::filesystem::path impulses(const std::string& name, double seconds, std::vector<double> at,
                                   float value = 0.5f)
    {
        AudioBuffer a;
        a.resize_frames(static_cast<size_t>(std::llround(seconds * kSampleRate)));
        for (double t : at) {
            size_t f = static_cast<size_t>(std::llround(t * kSampleRate));
            a.samples[f * kChannels] = a.samples[f * kChannels + 1] = value;
        }
        return write(name, a);
    }

    std::filesystem::path write(const std::string& name, const AudioBuffer& a)
    {
        auto path = dir / name;
        testing::write_wav16(path, a);
        return path;
    }

    static model::AudioTrack track(const std::filesystem::path& path, const std::string& id = "")
    {
        model::AudioTrack t;
        t.id = id;
        t.path = path;
        t.src = path.filename().string();
        t.src_loc = {"test.json", 1, 1, "/audio/0/src"};
        return t;
    }

    static model::Timeline timeline(double duration_s)
    {
        model::Timeline tl;
        tl.duration_s = duration_s;
        return tl;
    }
};

// Frames (of the left channel) whose magnitude exceeds `over`.
std::vector<size_t> loud_frames(const AudioBuffer& a, float over = 1e-3f)
{
    std::vector<size_t> at;
    for (size_t f = 0; f < a.frames(); ++f)
        if (std::fabs(a.samples[f * kChannels]) > over) at.push_back(f);
    return at;
}

size_t frame(double t) { return static_cast<size_t>(std::llround(t * kSampleRate)); }

// 16-bit PCM: the value a sample written as `v` decodes to.
float pcm(float v) { return static_cast<float>(std::lround(v * 32767.0)) / 32768.0f; }

TEST_F(AudioMix, LengthIsTheVideosToTheSampleAndSilentWithoutSound)
{
    model::Timeline tl = timeline(2.00001);
    AudioBuffer mix = mix_soundtrack(tl);
    EXPECT_EQ(mix.frames(), size_t(std::llround(2.00001 * 48000)));
    EXPECT_TRUE(loud_frames(mix, 0).empty());
}

TEST_F(AudioMix, ATrackStartsExactlyOnItsSample)
{
    model::Timeline tl = timeline(3);
    auto t = track(impulses("click.wav", 0.5, {0.0}));
    t.start_s = 1.2345;
    tl.audio.push_back(t);
    AudioBuffer mix = mix_soundtrack(tl);
    ASSERT_EQ(mix.frames(), size_t(3 * 48000));
    EXPECT_EQ(loud_frames(mix, 0), std::vector<size_t>{59256});  // llround(1.2345 × 48000)
    EXPECT_FLOAT_EQ(mix.samples[59256 * 2], pcm(0.5f));
    EXPECT_FLOAT_EQ(mix.samples[59256 * 2 + 1], pcm(0.5f));
}

TEST_F(AudioMix, TrimSkipsTheStartOfTheFile)
{
    model::Timeline tl = timeline(3);
    auto t = track(impulses("two.wav", 1, {0.25, 0.75}));
    t.start_s = 1;
    t.trim_start_s = 0.5;
    tl.audio.push_back(t);
    EXPECT_EQ(loud_frames(mix_soundtrack(tl)), std::vector<size_t>{frame(1.25)});
}

TEST_F(AudioMix, ALoopRepeatsTheTrimmedFileUntilTheEndOrTheVideosEnd)
{
    auto file = impulses("beat.wav", 0.4, {0.1});
    {
        model::Timeline tl = timeline(2);
        auto t = track(file);
        t.start_s = 0.1;
        t.trim_start_s = 0.1;  // the loop is 0.3 s long, the beat at its start
        t.loop = true;
        t.end_s = 1.5;
        tl.audio.push_back(t);
        EXPECT_EQ(loud_frames(mix_soundtrack(tl)),
                  (std::vector<size_t>{frame(0.1), frame(0.4), frame(0.7), frame(1.0), frame(1.3)}));
    }
    {
        model::Timeline tl = timeline(2);
        auto t = track(file);
        t.start_s = 0.1;
        t.trim_start_s = 0.1;
        t.loop = true;  // no end: to the video's end
        tl.audio.push_back(t);
        EXPECT_EQ(loud_frames(mix_soundtrack(tl)),
                  (std::vector<size_t>{frame(0.1), frame(0.4), frame(0.7), frame(1.0), frame(1.3), frame(1.6),
                                       frame(1.9)}));
    }
    {
        model::Timeline tl = timeline(2);
        auto t = track(file);
        t.start_s = 0.1;
        t.trim_start_s = 0.1;  // not looped: plays once
        tl.audio.push_back(t);
        EXPECT_EQ(loud_frames(mix_soundtrack(tl)), std::vector<size_t>{frame(0.1)});
    }
}

TEST_F(AudioMix, EndCutsTheTrackOnItsSample)
{
    model::Timeline tl = timeline(2);
    auto t = track(write("tone.wav", testing::sine(1.5, 440, 0.5)));
    t.start_s = 0.25;
    t.end_s = 0.75;
    tl.audio.push_back(t);
    AudioBuffer mix = mix_soundtrack(tl);
    std::vector<size_t> loud = loud_frames(mix, 0);
    ASSERT_FALSE(loud.empty());
    EXPECT_EQ(loud.front(), frame(0.25) + 1);  // the sine's first sample is 0
    EXPECT_LE(loud.back(), frame(0.75) - 1);
    EXPECT_GE(loud.back(), frame(0.75) - 10);
}

TEST_F(AudioMix, FadesAreEqualPowerRamps)
{
    // A constant level of 0.5, so the gain can be read at any sample.
    AudioBuffer level;
    level.resize_frames(4 * kSampleRate);
    for (float& s : level.samples) s = 0.5f;
    model::Timeline tl = timeline(5);
    auto t = track(write("level.wav", level));
    t.start_s = 0.5;
    t.fade_in_s = 1;
    t.fade_out_s = 1;
    tl.audio.push_back(t);
    AudioBuffer mix = mix_soundtrack(tl);
    auto at = [&](double s) { return mix.samples[frame(s) * kChannels]; };
    const float v = pcm(0.5f);
    EXPECT_EQ(at(0.5), 0.0f);                                        // the fade in starts from nothing
    EXPECT_NEAR(at(0.75), v * std::sin(M_PI / 8), 1e-5);             // a quarter in: sin(π/8)
    EXPECT_NEAR(at(1.0), v * std::sin(M_PI / 4), 1e-5);              // halfway: -3 dB
    EXPECT_NEAR(at(1.25), v * std::sin(3 * M_PI / 8), 1e-5);
    EXPECT_NEAR(at(2.5), v, 1e-6);                                   // full level between the fades
    EXPECT_NEAR(at(4.0), v * std::sin(M_PI / 4), 1e-5);              // halfway out (the end is 4.5 s)
    EXPECT_NEAR(at(4.25), v * std::sin(M_PI / 8), 1e-5);
    EXPECT_LT(std::fabs(mix.samples[(frame(4.5) - 1) * kChannels]), 1e-4);  // last sample: all but silent
    EXPECT_EQ(at(4.6), 0.0f);
}

TEST_F(AudioMix, GainIsInDecibelsOfAmplitude)
{
    auto file = write("tone.wav", testing::sine(1, 1000, 0.5));
    auto level_with = [&](double gain_db) {
        model::Timeline tl = timeline(1);
        auto t = track(file);
        t.gain_db = gain_db;
        tl.audio.push_back(t);
        AudioBuffer mix = mix_soundtrack(tl);
        return testing::rms(mix, 0, mix.frames());
    };
    const double unity = level_with(0);
    EXPECT_NEAR(testing::db(level_with(-6) / unity), -6, 0.01);
    EXPECT_NEAR(testing::db(level_with(-20) / unity), -20, 0.01);
    EXPECT_NEAR(testing::db(level_with(3.5) / unity), 3.5, 0.01);
}

TEST_F(AudioMix, TracksAddUpAndOneFileServesTwoTracks)
{
    auto file = impulses("click.wav", 0.5, {0.0}, 0.25f);
    model::Timeline tl = timeline(2);
    auto a = track(file);
    a.start_s = 0.5;
    auto b = track(file);
    b.start_s = 0.5;
    auto c = track(file);
    c.start_s = 1.0;
    c.gain_db = -6;
    tl.audio = {a, b, c};
    AudioBuffer mix = mix_soundtrack(tl);
    EXPECT_EQ(loud_frames(mix), (std::vector<size_t>{frame(0.5), frame(1.0)}));
    EXPECT_FLOAT_EQ(mix.samples[frame(0.5) * 2], 2 * pcm(0.25f));
    EXPECT_NEAR(mix.samples[frame(1.0) * 2], pcm(0.25f) * db_to_linear(-6), 1e-6);
}

// The amplitude of the `hz` component over [from_s, to_s): a DFT bin over
// whole periods, so other tones in whole periods do not leak in.
double tone_level(const AudioBuffer& a, double hz, double from_s, double to_s)
{
    std::complex<double> sum = 0;
    size_t from = frame(from_s), to = frame(to_s);
    for (size_t f = from; f < to; ++f)
        sum += double(a.samples[f * kChannels]) * std::polar(1.0, -2 * M_PI * hz * f / kSampleRate);
    return 2 * std::abs(sum) / double(to - from);
}

TEST_F(AudioMix, MusicDucksUnderNarrationAndComesBack)
{
    // Music: 200 Hz all along. Narration: 1 kHz at -20 dBFS from 2 s to 3.5 s.
    model::Timeline tl = timeline(7.5);
    auto music = track(write("music.wav", testing::sine(7.5, 200, 0.25)), "bgm");
    music.duck = model::AudioTrack::Duck{"narration", {}, -12, 0.08, 0.5, -45};
    auto voice = track(write("voice.wav", testing::sine(1.5, 1000, 0.1)), "narration");
    voice.start_s = 2;
    tl.audio = {music, voice};
    AudioBuffer mix = mix_soundtrack(tl);

    const double open = tone_level(mix, 200, 0.5, 1.9);
    EXPECT_NEAR(open, pcm(0.25f), 1e-3);  // untouched before the narration
    // Under the narration, once the 80 ms attack has settled: by -12 dB ± 1.
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 2.5, 3.5) / open), -12, 1);
    // The narration itself is not ducked.
    EXPECT_NEAR(tone_level(mix, 1000, 2.5, 3.5), pcm(0.1f), 1e-3);
    // Attack: one time constant (80 ms) in, about 63 % of the way down.
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 2.075, 2.085) / open), -12 * (1 - std::exp(-1.0)), 1);
    // Release: 500 ms after the narration stops about e^-1 of the dip is
    // left (-4.4 dB); after 3 s (six time constants) it is all but gone.
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 3.995, 4.025) / open), -12 * std::exp(-1.0), 1);
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 6.5, 7.4) / open), 0, 0.1);
}

TEST_F(AudioMix, NarrationUnderTheThresholdDucksNothing)
{
    model::Timeline tl = timeline(4);
    auto music = track(write("music.wav", testing::sine(4, 200, 0.25)), "bgm");
    music.duck = model::AudioTrack::Duck{"narration", {}, -12, 0.08, 0.5, -45};
    // -50 dBFS peak: its RMS is far below -45 dB.
    auto voice = track(write("voice.wav", testing::sine(2, 1000, db_to_linear(-50))), "narration");
    voice.start_s = 1;
    tl.audio = {music, voice};
    AudioBuffer mix = mix_soundtrack(tl);
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 1.5, 2.5) / tone_level(mix, 200, 0.1, 0.9)), 0, 0.01);
}

TEST(SourceCache, EachFileAndTrimIsDecodedOnceForItsLongestUse)
{
    struct Call {
        std::filesystem::path path;
        double start_s;
        std::optional<double> length_s;
    };
    std::vector<Call> calls;
    SourceCache cache([&](const std::filesystem::path& path, const SourceLoc&, double start_s,
                          std::optional<double> length_s) {
        calls.push_back({path, start_s, length_s});
        AudioBuffer a;
        a.resize_frames(static_cast<size_t>(std::llround(length_s.value_or(9) * kSampleRate)));
        return a;
    });
    const SourceKey music{"music.wav", 0, std::nullopt};
    const SourceKey music_trimmed{"music.wav", 2, std::nullopt};
    const SourceKey clip{"clip.mp4", 1, 4};
    cache.need(music, frame(10));
    cache.need(music, frame(25));            // the longest use wins
    cache.need(music_trimmed, frame(5));
    cache.need(music_trimmed, std::nullopt);  // a loop: all of it
    cache.need(clip, frame(60));             // longer than its trim: the trim bounds it
    const AudioBuffer* first = &cache.get(music, {});
    EXPECT_EQ(first, &cache.get(music, {}));
    cache.get(music_trimmed, {});
    cache.get(clip, {});
    cache.get(clip, {});
    ASSERT_EQ(calls.size(), 3u);
    EXPECT_EQ(calls[0].path, "music.wav");
    EXPECT_EQ(calls[0].start_s, 0);
    EXPECT_EQ(calls[0].length_s, std::optional<double>(25));
    EXPECT_EQ(calls[1].start_s, 2);
    EXPECT_EQ(calls[1].length_s, std::nullopt);
    EXPECT_EQ(calls[2].path, "clip.mp4");
    EXPECT_EQ(calls[2].start_s, 1);
    EXPECT_EQ(calls[2].length_s, std::optional<double>(3));
}

TEST(Ducker, KeyLevelIsTheRmsOverTenMilliseconds)
{
    AudioBuffer key = testing::sine(0.1, 1000, 0.5);  // RMS 0.5/√2 → -9.03 dB
    std::vector<float> level = key_level_db(key);
    ASSERT_EQ(level.size(), key.frames());
    EXPECT_NEAR(level[frame(0.05)], 20 * std::log10(0.5 / std::sqrt(2.0)), 0.05);
    // 5 ms in, half the window has sound: 3 dB less.
    EXPECT_NEAR(level[frame(0.005)], 20 * std::log10(0.5 / std::sqrt(2.0)) - 3.01, 0.1);
}

TEST_F(AudioMix, VideoLayersSoundFromTheirSceneTrimmedLoopedAndGained)
{
    // Beats at 0.1 s and 0.2 s of a 1 s file; the clip shows 0.1 – 0.4 s.
    auto file = impulses("clip.wav", 1, {0.1, 0.2}, 0.5f);
    model::Timeline tl = timeline(3);
    model::Scene first, second;
    first.start_s = 0;
    first.duration_s = 1;
    second.start_s = 1;
    second.duration_s = 2;
    model::Layer layer;
    layer.kind = model::Layer::Kind::Video;
    layer.start_s = 0.5;
    layer.end_s = 1.5;
    model::ClipSource clip;
    clip.path = file;
    clip.src = "clip.wav";
    clip.trim_start_s = 0.1;
    clip.trim_end_s = 0.4;
    clip.loop = true;
    clip.gain_db = -6;
    layer.clip = clip;
    second.layers.push_back(layer);
    // The same clip muted, and as an overlay from 0.2 s, not looped.
    model::Layer muted = layer;
    muted.clip->muted = true;
    second.layers.push_back(muted);
    model::Layer overlay = layer;
    overlay.start_s = 0.2;
    overlay.end_s = 3;
    overlay.clip->loop = false;
    overlay.clip->gain_db = 0;
    tl.overlays.push_back(overlay);
    tl.scenes.push_back(std::move(first));
    tl.scenes.push_back(std::move(second));

    AudioBuffer mix = mix_soundtrack(tl);
    // Overlay: 0.2 s and 0.3 s at full level. Scene layer (1.5 s – 2.5 s,
    // a 0.3 s loop): 1.5, 1.6, 1.8, 1.9, 2.1, 2.2, 2.4 at -6 dB.
    EXPECT_EQ(loud_frames(mix), (std::vector<size_t>{frame(0.2), frame(0.3), frame(1.5), frame(1.6), frame(1.8),
                                                     frame(1.9), frame(2.1), frame(2.2), frame(2.4)}));
    EXPECT_FLOAT_EQ(mix.samples[frame(0.3) * 2], pcm(0.5f));
    EXPECT_NEAR(mix.samples[frame(2.4) * 2], pcm(0.5f) * db_to_linear(-6), 1e-6);
}

TEST_F(AudioMix, AVideoLayerWithoutSoundIsSilentNotAnError)
{
    auto file = dir / "picture.mp4";
    std::string cmd = "ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i color=c=blue:s=64x36:r=10:d=1 "
                      "-c:v libx264 -pix_fmt yuv420p -y '" + file.string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    model::Timeline tl = timeline(1);
    model::Layer layer;
    layer.kind = model::Layer::Kind::Video;
    layer.end_s = 1;
    model::ClipSource clip;
    clip.path = file;
    clip.src = "picture.mp4";
    layer.clip = clip;
    tl.overlays.push_back(layer);
    AudioBuffer mix = mix_soundtrack(tl);
    EXPECT_EQ(mix.frames(), size_t(48000));
    EXPECT_TRUE(loud_frames(mix, 0).empty());
}

TEST_F(AudioMix, AMissingAudioStreamInATrackIsAnErrorAtItsSrc)
{
    auto file = dir / "picture.mp4";
    std::string cmd = "ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i color=c=blue:s=64x36:r=10:d=1 "
                      "-c:v libx264 -pix_fmt yuv420p -y '" + file.string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    model::Timeline tl = timeline(1);
    tl.audio.push_back(track(file));
    try {
        mix_soundtrack(tl);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().pointer, "/audio/0/src");
    }
}

// SoundtrackJob (soundtrack_job.h): the same soundtrack as mixing and
// normalising in turn, made on another thread; its errors reach the caller.
TEST_F(AudioMix, TheSoundtrackJobMakesWhatTheMixAndTheNormaliserMakeInTurn)
{
    AudioBuffer tone;
    tone.resize_frames(3 * kSampleRate);
    for (size_t f = 0; f < tone.frames(); ++f)
        tone.samples[f * kChannels] = tone.samples[f * kChannels + 1] =
            0.05f * static_cast<float>(std::sin(2 * M_PI * 440.0 * f / kSampleRate));
    model::Timeline tl = timeline(3);
    tl.audio.push_back(track(write("tone.wav", tone)));
    tl.loudness = model::Loudness{-16, -1.5};

    AudioBuffer expected = mix_soundtrack(tl);
    const LoudnessResult expected_loudness = normalise_loudness(expected, -16, -1.5);

    SoundtrackJob job(tl);
    const Soundtrack& sound = job.wait();
    ASSERT_TRUE(sound.loudness.has_value());
    EXPECT_EQ(sound.loudness->gain_db, expected_loudness.gain_db);
    EXPECT_NEAR(sound.loudness->after.integrated_lufs, -16, 0.5);
    ASSERT_EQ(sound.audio.samples, expected.samples);
    EXPECT_EQ(job.ready(), &sound) << "once made, ready() hands out the same soundtrack";
}

TEST_F(AudioMix, TheSoundtrackJobsErrorReachesTheRenderLocated)
{
    auto file = dir / "not-sound.wav";
    std::ofstream(file) << "this is text, not a WAV file\n";
    model::Timeline tl = timeline(1);
    tl.audio.push_back(track(file));
    SoundtrackJob job(tl);
    try {
        job.wait();
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().pointer, "/audio/0/src");
    }
}

}  // namespace
}  // namespace koho::video

namespace koho::video {
namespace {

// The FORMAT.md audio example read by load_timeline from a project in a
// temporary directory, with a video layer whose clip has sound.
TEST(AudioMixFromJson, TheFormatExampleMixesAsWritten)
{
    TempDir dir("audio-json");
    std::filesystem::create_directories(dir / "media/audio");
    // Music: 200 Hz, 2 s long (looped). Narration: 1 kHz at -20 dBFS for
    // 1.5 s with a click at its very start. Clip: a 1 s video whose sound
    // has a click at 0.75 s.
    testing::write_wav16(dir / "media/audio/bgm.wav", testing::sine(2, 200, 0.25));
    AudioBuffer voice = testing::sine(1.5, 1000, 0.1);
    voice.samples[0] = voice.samples[1] = 0.9f;
    testing::write_wav16(dir / "media/audio/narration.wav", voice);
    AudioBuffer click;
    click.resize_frames(kSampleRate);
    click.samples[36000 * 2] = click.samples[36000 * 2 + 1] = 0.5f;
    testing::write_wav16(dir / "click.wav", click);
    std::string cmd = "ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i color=c=blue:s=64x36:r=10:d=1 -i '" +
                      (dir / "click.wav").string() + "' -c:v libx264 -pix_fmt yuv420p -c:a pcm_s16le -shortest -y '" +
                      (dir / "clip.mov").string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    std::ofstream(dir / "t.json") << R"({
      "type": "video", "size": "320x180", "fps": 30,
      "scenes": [
        { "id": "one", "duration": "2s" },
        { "id": "two", "duration": "4s",
          "layers": [ { "type": "video", "src": "clip.mov", "trim": { "start": "0.5s" }, "gain": "-6dB",
                        "start": "0.5s" } ] }
      ],
      "audio": [
        { "id": "bgm", "src": "media/audio/bgm.wav", "gain": "-6dB", "loop": true,
          "duck": { "under": "narration", "by": "-12dB" } },
        { "id": "narration", "src": "media/audio/narration.wav", "start": "1s" }
      ],
      "loudness": { "integrated": "-14LUFS", "true_peak": "-1dBTP" }
    })";
    model::TimelineOptions options;
    options.root = dir.path();
    model::Timeline tl = model::load_timeline(dir / "t.json", options);
    ASSERT_DOUBLE_EQ(tl.duration_s, 6);
    AudioBuffer mix = mix_soundtrack(tl);
    ASSERT_EQ(mix.frames(), size_t(6 * kSampleRate));

    // The narration's click on its sample (the music crosses zero there).
    EXPECT_NEAR(mix.samples[frame(1.0) * 2], pcm(0.9f), 1e-3);
    // The clip's click: scene two starts at 2 s, the layer 0.5 s later,
    // the clip trimmed by 0.5 s: its 0.75 s mark plays at 2.75 s, at -6 dB.
    size_t loudest = frame(2.7);
    for (size_t f = frame(2.7); f < frame(2.8); ++f)
        if (std::fabs(mix.samples[f * 2]) > std::fabs(mix.samples[loudest * 2])) loudest = f;
    EXPECT_EQ(loudest, frame(2.75));
    // The music at -6 dB, looped every 2 s, ducked by 12 dB under the
    // narration, back once it has been quiet a while.
    const double open = tone_level(mix, 200, 0.2, 0.9);
    EXPECT_NEAR(open, pcm(0.25f) * db_to_linear(-6), 1e-3);
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 1.6, 2.5) / open), -12, 1);
    EXPECT_NEAR(testing::db(tone_level(mix, 200, 5.0, 5.9) / open), 0, 0.5);
}

}  // namespace
}  // namespace koho::video

namespace koho::video {
namespace {

TEST_F(AudioMix, ATrimPastTheEndOfTheSoundIsAnErrorAtTheSrc)
{
    model::Timeline tl = timeline(2);
    auto t = track(impulses("short.wav", 0.5, {0.0}));
    t.trim_start_s = 0.75;
    tl.audio.push_back(t);
    try {
        mix_soundtrack(tl);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().pointer, "/audio/0/src");
        EXPECT_NE(e.message().find("\"short.wav\" has no sound from 0.75s on"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find("0.5s long"), std::string::npos) << e.message();
    }
}

}  // namespace
}  // namespace koho::video
