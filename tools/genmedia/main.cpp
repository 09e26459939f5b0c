// koho-genmedia: draws the campaign's sample photos (JPEG) and renders the
// placeholder mascot (SVG → PNG). Deterministic: the same bytes on every run.
//
//   koho-genmedia --photos media/photos
//                 --mascot-svg media/mascot/placeholder.svg --mascot-png media/mascot/placeholder.png
//
// --preview DIR also writes small PNG copies (a quarter of the print size)
// for a quick look.
//
//   koho-genmedia --music media/audio/bgm-main.wav --seconds 170 --seed 1
//
// synthesises the background music (music.h): 48 kHz stereo 16-bit WAV.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "mascot.h"
#include "music.h"
#include "raster/encode.h"
#include "scenes.h"

namespace fs = std::filesystem;
using namespace koho::genmedia;

namespace {

constexpr int kJpegQuality = 92;
constexpr double kPhotoDpi = 300;
constexpr int kMascotHeightPx = 1024;

void draw_checked(const Scene& scene, const Canvas& canvas) {
    scene.draw(canvas);
    if (cairo_status(canvas.cr()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(cairo_status_to_string(cairo_status(canvas.cr())));
}

void render_scene(const Scene& scene, const fs::path& dir, const fs::path& preview_dir) {
    if (!dir.empty()) {
        Canvas canvas(scene.logical_w, scene.logical_h, kScale);
        draw_checked(scene, canvas);
        koho::raster::write_jpeg(dir / scene.file, koho::raster::view_of(canvas.surface()), kJpegQuality,
                                 kPhotoDpi);
    }
    if (!preview_dir.empty()) {
        Canvas small(scene.logical_w, scene.logical_h, kScale / 4);
        draw_checked(scene, small);
        fs::path name = fs::path(scene.file).replace_extension(".png");
        koho::raster::write_png(preview_dir / name, small.surface(), kPhotoDpi / 4);
    }
}

std::string describe(const std::exception& e) {
    if (auto* k = dynamic_cast<const koho::Error*>(&e)) return k->formatted();
    return e.what();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Generates koho's sample photos and the placeholder mascot (original work of this project)."};
    fs::path photos, mascot_svg, mascot_png, preview, music;
    double music_seconds = 30;
    uint32_t music_seed = 1;
    std::vector<std::string> only;
    unsigned jobs = 2;
    app.add_option("--photos", photos, "directory for the photos (JPEG)");
    app.add_option("--mascot-svg", mascot_svg, "the placeholder mascot's SVG source")->check(CLI::ExistingFile);
    app.add_option("--mascot-png", mascot_png, "where to write the mascot PNG")->needs("--mascot-svg");
    app.add_option("--preview", preview, "also write quarter-size PNG previews here");
    app.add_option("--only", only, "draw only these photos (file names)");
    app.add_option("--music", music, "synthesise background music into this WAV file");
    app.add_option("--seconds", music_seconds, "length of the music (rounded to whole bars)")
        ->check(CLI::Range(5.0, 1200.0))
        ->needs("--music");
    app.add_option("--seed", music_seed, "varies the music's figures and sections")->needs("--music");
    app.add_option("-j,--jobs", jobs, "photos drawn in parallel")->check(CLI::Range(1, 64));
    CLI11_PARSE(app, argc, argv);
    if (photos.empty() && mascot_png.empty() && preview.empty() && music.empty()) {
        std::fputs("koho-genmedia: nothing to do (give --photos, --preview, --mascot-png and/or --music)\n", stderr);
        return 2;
    }

    std::vector<const Scene*> todo;
    for (const Scene& s : all_scenes())
        if (only.empty() || std::find(only.begin(), only.end(), s.file) != only.end()) todo.push_back(&s);
    for (const fs::path& dir : {photos, preview})
        if (!dir.empty()) fs::create_directories(dir);

    // Each picture is independent, so drawing them in parallel changes no byte.
    std::atomic<size_t> next{0};
    std::mutex failure_mutex;
    std::vector<std::string> failures;
    auto worker = [&] {
        for (size_t i; (i = next++) < todo.size();) {
            try {
                render_scene(*todo[i], photos, preview);
            } catch (const std::exception& e) {
                std::lock_guard lock(failure_mutex);
                failures.push_back(todo[i]->file + ": " + describe(e));
            }
        }
    };
    if (!photos.empty() || !preview.empty()) {
        std::vector<std::thread> threads;
        for (unsigned t = 0; t < std::min<size_t>(jobs, todo.size()); ++t) threads.emplace_back(worker);
        for (auto& t : threads) t.join();
    }
    if (!mascot_png.empty()) {
        try {
            render_svg_to_png(mascot_svg, mascot_png, kMascotHeightPx);
        } catch (const std::exception& e) {
            failures.push_back(mascot_png.string() + ": " + describe(e));
        }
    }
    if (!music.empty()) {
        try {
            if (music.has_parent_path()) fs::create_directories(music.parent_path());
            write_wav(music, synthesise_music({music_seconds, music_seed, 48000}));
        } catch (const std::exception& e) {
            failures.push_back(music.string() + ": " + describe(e));
        }
    }
    for (const auto& f : failures) std::fprintf(stderr, "koho-genmedia: error: %s\n", f.c_str());
    return failures.empty() ? 0 : 1;
}
