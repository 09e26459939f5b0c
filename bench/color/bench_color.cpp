// bench/color: how fast photos become press CMYK. A 12-megapixel sRGB
// photo through ColorManager::rgb_pixels (lcms2's 8-bit device link, greys
// onto K, the total ink limit, split over the cores) against the baseline
// of a plain lcms2 transform between the same two profiles on one thread,
// in the same process, on the same pixels.
//
//   build-*/bench/color/bench_color [MEGAPIXELS] [RUNS]
//
// Prints wall and CPU figures per run and the medians, and the ratio of
// koho's median wall time to the baseline's.
#include <lcms2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <vector>

#include "print/color_manager.h"

using namespace koho::print;
using Clock = std::chrono::steady_clock;

namespace {

struct Timing {
    double wall = 0, cpu = 0;
};

template <typename Work>
Timing time_of(Work&& work) {
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    work();
    return {std::chrono::duration<double>(Clock::now() - start).count(),
            double(std::clock() - cpu_start) / CLOCKS_PER_SEC};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// A photo-like image: smooth gradients with noise, some grey areas.
std::vector<uint8_t> photo(size_t pixels) {
    std::vector<uint8_t> rgb(pixels * 3);
    std::mt19937 noise(3);
    for (size_t i = 0; i < pixels; ++i) {
        const uint8_t base = uint8_t((i * 37) >> 8);
        for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = uint8_t(base + c * 40 + (noise() & 15));
        if (i % 11 == 0) rgb[i * 3 + 1] = rgb[i * 3 + 2] = rgb[i * 3];
    }
    return rgb;
}

}  // namespace

int main(int argc, char** argv) {
    const double megapixels = argc > 1 ? std::atof(argv[1]) : 12.0;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const size_t pixels = size_t(megapixels * 1e6);
    const std::vector<uint8_t> rgb = photo(pixels);
    std::vector<uint8_t> cmyk(pixels * 4);

    const OutputProfile profile = default_output_profile();
    const ColorManager koho_cm(profile, ColorSettings{}, InkPalette{});

    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    cmsHPROFILE press = cmsOpenProfileFromMem(profile.icc.data(), cmsUInt32Number(profile.icc.size()));
    cmsHTRANSFORM plain = cmsCreateTransform(srgb, TYPE_RGB_8, press, TYPE_CMYK_8, INTENT_PERCEPTUAL,
                                             cmsFLAGS_NOCACHE | cmsFLAGS_BLACKPOINTCOMPENSATION);
    if (!plain) {
        std::fprintf(stderr, "bench_color: lcms2 cannot make the baseline transform\n");
        return 1;
    }

    std::printf("bench_color: %.1f Mpixel sRGB → %s, %d runs\n", pixels / 1e6, profile.description.c_str(), runs);
    std::vector<double> koho_wall, koho_cpu, base_wall, base_cpu;
    for (int run = 0; run < runs; ++run) {
        const Timing k = time_of([&] { koho_cm.rgb_pixels(rgb.data(), cmyk.data(), pixels); });
        const Timing b = time_of([&] {
            constexpr size_t kSlice = size_t(1) << 20;
            for (size_t start = 0; start < pixels; start += kSlice)
                cmsDoTransform(plain, rgb.data() + start * 3, cmyk.data() + start * 4,
                               cmsUInt32Number(std::min(kSlice, pixels - start)));
        });
        koho_wall.push_back(k.wall), koho_cpu.push_back(k.cpu);
        base_wall.push_back(b.wall), base_cpu.push_back(b.cpu);
        std::printf("run %d: koho %.3f s wall, %.3f s CPU; lcms2 alone %.3f s wall, %.3f s CPU\n", run + 1, k.wall,
                    k.cpu, b.wall, b.cpu);
    }
    const double kw = median(koho_wall), bw = median(base_wall);
    std::printf("koho rgb_pixels: %.1f Mpixel/s wall, %.1f Mpixel per CPU second\n", pixels / 1e6 / kw,
                pixels / 1e6 / median(koho_cpu));
    std::printf("lcms2 alone:     %.1f Mpixel/s wall, %.1f Mpixel per CPU second\n", pixels / 1e6 / bw,
                pixels / 1e6 / median(base_cpu));
    std::printf("ratio koho/lcms2 (wall, median): %.2f\n", kw / bw);
    cmsDeleteTransform(plain);
    cmsCloseProfile(press);
    cmsCloseProfile(srgb);
    return 0;
}
