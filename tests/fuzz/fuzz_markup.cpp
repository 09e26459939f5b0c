// libFuzzer harness: text → the inline markup parser (model/markup.h) with
// variables and character styles defined, as a layout's text would reach
// it. A koho::Error (located markup fault) is the expected answer to bad
// text; anything else (another exception, a crash, a sanitizer report, a
// hang) is a finding. Checks that every
// span of valid UTF-8 text is valid UTF-8 (no character cut).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "model/json_source.h"
#include "model/markup.h"

namespace {

const std::map<std::string, std::string>& variables() {
    static const std::map<std::string, std::string> vars = {
        {"name", "千葉県"}, {"year", "2026"}, {"markup", "**not markup**"}, {"empty", ""}};
    return vars;
}

const std::map<std::string, koho::model::CharStyle>& char_styles() {
    static const auto styles = [] {
        std::map<std::string, koho::model::CharStyle> m;
        m["em"].name = "em";
        m["em"].weight = 700;
        m["red"].name = "red";
        return m;
    }();
    return styles;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte picks the context: late variables allowed or not, and
    // whether variables and character styles are defined.
    const uint8_t mode = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    // Every caller hands the parser valid UTF-8 (JsonSource refuses any
    // other); other bytes are not a case to explore.
    if (koho::model::sanitize_utf8(text) != text) return -1;
    koho::model::MarkupContext context;
    context.allow_late_variables = mode & 1;
    context.vars = (mode & 2) ? &variables() : nullptr;
    context.char_styles = (mode & 4) ? &char_styles() : nullptr;
    try {
        auto paragraphs = koho::model::parse_markup(text, context, koho::SourceLoc{"<fuzz>"});
        for (const auto& spans : paragraphs)
            for (const auto& span : spans)
                if (koho::model::sanitize_utf8(span.text) != span.text) __builtin_trap();  // invalid UTF-8 let through
    } catch (const koho::Error&) {
    }
    return 0;
}
