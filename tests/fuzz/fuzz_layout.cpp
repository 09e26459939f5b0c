// libFuzzer harness: JSON text → the print layout loader and validator
// (JsonSource, the semantic pass, the layout JSON Schema), as `koho print`
// reads a layout. The project root is the source tree, so layouts naming
// the shipped media, fonts and profiles resolve as they do for a user. A
// koho::Error is the expected answer to a bad layout; anything else
// (another exception, a crash, a sanitizer report, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/json_source.h"
#include "model/layout_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    koho::model::LoadOptions options;
    options.root = KOHO_SOURCE_DIR;
    try {
        auto source = koho::model::JsonSource::parse(std::string(reinterpret_cast<const char*>(data), size),
                                                     "fuzz.json");
        koho::model::load_layout_source(source, options);
    } catch (const koho::Error&) {
    }
    return 0;
}
