#include "print/color_manager.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "core/fingerprint.h"
#include "print/k_ramp.h"
#include "print/lcms_handles.h"

namespace koho::print {
namespace {

constexpr InkChoice kBlack{{0, 0, 0, 1}, true};

cmsUInt32Number lcms_intent(RenderingIntent intent) {
    return intent == RenderingIntent::Perceptual ? INTENT_PERCEPTUAL : INTENT_RELATIVE_COLORIMETRIC;
}

}  // namespace

Cmyk limit_total_ink(Cmyk ink, double tac_percent) {
    const double limit = tac_percent / 100;
    if (ink.total() <= limit) return ink;
    const double cmy = ink.c + ink.m + ink.y;
    const double room = std::max(0.0, limit - ink.k);
    const double scale = cmy > 0 ? room / cmy : 0;
    ink.c *= scale;
    ink.m *= scale;
    ink.y *= scale;
    return ink;
}

struct ColorManager::Impl {
    InkPalette palette;
    ColorSettings settings;
    lcms::Context ctx;
    lcms::Transform vectors;  // sRGB (0..1 doubles) → CMYK (0..100 doubles)
    lcms::Transform pixels;   // sRGB 8-bit → CMYK 8-bit (0 none .. 255 solid)
    std::unique_ptr<KRamp> ramp;
    int tac8 = 0;             // the TAC in 8-bit ink units summed over four plates
    // DeviceGray in → DeviceGray out: K in a PDF/X, with 0 as solid, so
    // 255 - the ramp's ink.
    std::array<uint8_t, 256> device_gray{};
    std::string pixel_identity;

    mutable std::mutex mutex;
    mutable std::map<std::array<double, 3>, InkChoice> cache;

    InkChoice convert(const Rgb& rgb) const;
    // `count` pixels through lcms2, then greys onto K and the TAC.
    void convert_pixels(const uint8_t* rgb, uint8_t* cmyk, size_t count) const;
    InkChoice convert_uncached(const Rgb& rgb) const;
};

InkChoice ColorManager::Impl::convert(const Rgb& rgb) const {
    const std::array<double, 3> key{rgb.r, rgb.g, rgb.b};
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    const InkChoice choice = convert_uncached(rgb);
    std::lock_guard lock(mutex);
    cache.emplace(key, choice);
    return choice;
}

InkChoice ColorManager::Impl::convert_uncached(const Rgb& rgb) const {
    const uint32_t code = rgb_code_of(rgb.r, rgb.g, rgb.b);
    if (is_black_code(code)) return kBlack;
    const int r = int(code >> 16), g = int(code >> 8) & 0xff, b = int(code) & 0xff;
    if (r == g && g == b) return {{0, 0, 0, ramp->k_for_gray((rgb.r + rgb.g + rgb.b) / 3)}, false};

    const double in[3] = {std::clamp(rgb.r, 0.0, 1.0), std::clamp(rgb.g, 0.0, 1.0), std::clamp(rgb.b, 0.0, 1.0)};
    double out[4] = {0, 0, 0, 0};
    cmsDoTransform(vectors.get(), in, out, 1);
    auto ink = [](double percent) { return std::clamp(percent / 100, 0.0, 1.0); };
    return {limit_total_ink({ink(out[0]), ink(out[1]), ink(out[2]), ink(out[3])}, settings.tac_percent), false};
}

ColorManager::ColorManager(const OutputProfile& profile, const ColorSettings& settings, InkPalette palette)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.palette = std::move(palette);
    m.settings = settings;
    if (!(settings.tac_percent >= 100 && settings.tac_percent <= 400))
        fail_input({}, "the total ink limit must lie between 100 and 400 %");
    m.tac8 = int(std::floor(settings.tac_percent / 100 * 255 + 1e-9));
    m.pixel_identity = "icc " +
                       content_fingerprint(std::string_view(reinterpret_cast<const char*>(profile.icc.data()),
                                                            profile.icc.size())) +
                       " tac8 " + std::to_string(m.tac8) + " intent " + std::to_string(static_cast<int>(settings.intent)) +
                       " bpc " + std::to_string(settings.black_point_compensation ? 1 : 0);

    lcms::Profile output(
        cmsOpenProfileFromMemTHR(m.ctx.get(), profile.icc.data(), cmsUInt32Number(profile.icc.size())));
    if (!output) fail_system({}, "lcms2 cannot open the output profile '" + profile.description + "'");
    lcms::Profile srgb(cmsCreate_sRGBProfileTHR(m.ctx.get()));
    if (!srgb) fail_system({}, "lcms2 cannot make its sRGB profile");

    // NOCACHE: lcms2's one-pixel cache is shared state; without it a
    // transform may be used from several threads at once.
    cmsUInt32Number flags = cmsFLAGS_NOCACHE;
    if (settings.black_point_compensation) flags |= cmsFLAGS_BLACKPOINTCOMPENSATION;
    const cmsUInt32Number intent = lcms_intent(settings.intent);
    m.vectors.reset(cmsCreateTransformTHR(m.ctx.get(), srgb.get(), TYPE_RGB_DBL, output.get(), TYPE_CMYK_DBL,
                                          intent, flags));
    // 8-bit: lcms2 precomputes a device link table with tetrahedral
    // interpolation, which is what makes photos fast.
    m.pixels.reset(cmsCreateTransformTHR(m.ctx.get(), srgb.get(), TYPE_RGB_8, output.get(), TYPE_CMYK_8,
                                         intent, flags));
    if (!m.vectors || !m.pixels)
        fail_system({}, "lcms2 cannot convert sRGB to the output profile '" + profile.description + "'" +
                            (m.ctx.last_error().empty() ? "" : " (" + m.ctx.last_error() + ")"));
    m.ramp = std::make_unique<KRamp>(m.ctx.get(), output.get());
    for (int g = 0; g < 256; ++g) m.device_gray[g] = uint8_t(255 - m.ramp->k8(uint8_t(g)));
}

ColorManager::~ColorManager() = default;

InkChoice ColorManager::vector_rgb(double r, double g, double b) const {
    if (const Color* intent = impl_->palette.intent(rgb_code_of(r, g, b))) {
        if (intent->space == Color::Space::Cmyk) {
            const double* p = intent->cmyk;
            const bool k100 = p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 100;
            return {{p[0] / 100, p[1] / 100, p[2] / 100, p[3] / 100}, k100};
        }
        // An RGB intent: convert the colour the designer gave, not its code
        // (which may have been nudged off it).
        return impl_->convert(intent->rgb);
    }
    return impl_->convert({r, g, b});
}

InkChoice ColorManager::vector_gray(double gray) const { return vector_rgb(gray, gray, gray); }

void ColorManager::Impl::convert_pixels(const uint8_t* rgb, uint8_t* cmyk, size_t count) const {
    // lcms2 takes a 32-bit count; convert in slices.
    constexpr size_t kSlice = size_t(1) << 20;
    for (size_t start = 0; start < count; start += kSlice) {
        const size_t n = std::min(kSlice, count - start);
        cmsDoTransform(pixels.get(), rgb + start * 3, cmyk + start * 4, cmsUInt32Number(n));
    }
    const int limit = tac8;
    for (size_t i = 0; i < count; ++i) {
        const uint8_t* in = rgb + i * 3;
        uint8_t* out = cmyk + i * 4;
        if (in[0] == in[1] && in[1] == in[2]) {
            out[0] = out[1] = out[2] = 0;
            out[3] = ramp->k8(in[0]);
            continue;
        }
        const int cmy = out[0] + out[1] + out[2];
        if (cmy + out[3] <= limit) continue;
        // As limit_total_ink, in integers; rounding down keeps the total
        // within the limit.
        const int room = std::max(0, limit - out[3]);
        for (int p = 0; p < 3; ++p) out[p] = uint8_t(out[p] * room / cmy);
    }
}

void ColorManager::rgb_pixels(const uint8_t* rgb, uint8_t* cmyk, size_t count) const {
    // Photos are most of the prepress stage's time: split a large image
    // over the cores. Each pixel is converted on its own, so the bytes do
    // not depend on the split.
    constexpr size_t kMinPerThread = size_t(1) << 18;
    const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                            std::min<size_t>(8, count / kMinPerThread));
    if (threads <= 1) {
        impl_->convert_pixels(rgb, cmyk, count);
        return;
    }
    const size_t per = (count + threads - 1) / threads;
    std::vector<std::thread> workers;
    size_t start = 0;
    for (; start + per < count; start += per) {
        try {
            workers.emplace_back([this, rgb, cmyk, start, per] {
                impl_->convert_pixels(rgb + start * 3, cmyk + start * 4, per);
            });
        } catch (const std::system_error&) {
            break;  // no more threads: the calling thread does the rest
        }
    }
    impl_->convert_pixels(rgb + start * 3, cmyk + start * 4, count - start);
    for (std::thread& worker : workers) worker.join();
}

std::string ColorManager::pixel_identity() const { return impl_->pixel_identity; }

void ColorManager::gray_pixels(const uint8_t* gray_in, uint8_t* gray_out, size_t count) const {
    const std::array<uint8_t, 256>& lut = impl_->device_gray;
    for (size_t i = 0; i < count; ++i) gray_out[i] = lut[gray_in[i]];
}

}  // namespace koho::print
