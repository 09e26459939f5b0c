// libFuzzer harness: JSON text → the video timeline loader and validator
// (JsonSource, the semantic pass, the timeline JSON Schema), for the main
// timeline and each variant it defines, as `koho video` reads a timeline.
// The project root is the source tree, so timelines naming the shipped
// media resolve as they do for a user. A koho::Error is the expected
// answer to a bad timeline; anything else (another exception, a crash, a
// sanitizer report, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/json_source.h"
#include "model/timeline_loader.h"

namespace {

// Variants loaded per input: each is a whole second load.
constexpr size_t kMaxVariants = 3;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    koho::model::TimelineOptions options;
    options.root = KOHO_SOURCE_DIR;
    try {
        auto source = koho::model::JsonSource::parse(std::string(reinterpret_cast<const char*>(data), size),
                                                     "fuzz.json");
        koho::model::load_timeline_source(source, options);
        const auto& root = source.root();
        if (root.is_object() && root.contains("variants") && root["variants"].is_object()) {
            size_t loaded = 0;
            for (const auto& [name, _] : root["variants"].items()) {
                if (loaded++ == kMaxVariants) break;
                options.variant = name;
                koho::model::load_timeline_source(source, options);
            }
        }
    } catch (const koho::Error&) {
    }
    return 0;
}
