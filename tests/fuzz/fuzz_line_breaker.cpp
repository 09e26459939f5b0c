// libFuzzer harness: text and a measure → lines, through the real text
// engine (markup → Typesetter: itemising and shaping with the shipped
// fonts, kinsoku, hanging, justification, ruby, tate-chu-yoko) — what
// `koho typeset` and every text frame do. The story is set frame after
// frame (each a few lines tall) until it is done, so resuming mid-story is
// exercised too. A koho::Error is an expected answer; anything else
// (another exception, a crash, a sanitizer report, a hang) is a finding.
//
// Input: byte 0 = measure in ems (1…48, low 7 bits) and no one-character
// last line (bit 7); byte 1 = flags: bit 0 vertical, bits 1–2 kinsoku
// (strict, normal, loose), bit 3 hanging, bit 4 one-em indent, bits 5–6
// alignment, bit 7 serif; the rest = the text in layout markup (valid
// UTF-8 only, as every caller guarantees).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "model/json_source.h"
#include "model/markup.h"
#include "text/typesetter.h"

namespace {

namespace model = koho::model;
namespace text = koho::text;

// Fonts are read once: a FontContext costs far more than one input.
text::Typesetter& typesetter() {
    static text::Typesetter engine(
        text::FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"}));
    return engine;
}

// Text this long already spans many frames; longer input only slows each run.
constexpr size_t kMaxText = 4096;
// Frames per input: a story that still has text after this many frames is
// only overset, which is not a fault of the engine.
constexpr int kMaxFrames = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2 || size - 2 > kMaxText) return -1;
    const uint8_t flags = data[1];
    const std::string_view source_text(reinterpret_cast<const char*>(data) + 2, size - 2);
    if (model::sanitize_utf8(source_text) != source_text) return -1;

    model::Style style;
    style.name = "fuzz";
    style.font_family = (flags & 0x80) ? "Noto Serif CJK JP" : "Noto Sans CJK JP";
    style.font_loc = {"<fuzz>"};
    style.size_pt = 10;
    style.kinsoku = static_cast<model::Kinsoku>(((flags >> 1) & 3) % 3);
    style.hanging = flags & 0x08;
    style.indent_em = (flags & 0x10) ? 1 : 0;
    style.align = static_cast<model::Align>((flags >> 5) & 3);
    style.last_line_align = model::Align::Start;
    style.last_line_min_chars = (data[0] & 0x80) ? 2 : 1;

    text::FrameGeometry frame;
    frame.writing = (flags & 1) ? model::Writing::Vertical : model::Writing::Horizontal;
    const double measure = (1 + (data[0] & 0x7f) % 48) * style.size_pt;
    const double depth = 6 * style.effective_leading_pt();  // six lines a frame
    frame.width_pt = frame.writing == model::Writing::Vertical ? depth : measure;
    frame.height_pt = frame.writing == model::Writing::Vertical ? measure : depth;

    try {
        model::Story story;
        for (auto& spans : model::parse_markup(source_text, model::MarkupContext{nullptr, false}, {"<fuzz>"})) {
            model::Paragraph& paragraph = story.paragraphs.emplace_back();
            paragraph.style = &style;
            paragraph.spans = std::move(spans);
            paragraph.loc = {"<fuzz>"};
        }
        text::StoryPosition from;
        for (int i = 0; i < kMaxFrames; ++i) {
            text::FrameFill fill = typesetter().fill(story, from, frame);
            if (fill.story_done) break;
            if (fill.end == from) break;  // nothing fits this frame: overset, reported by compose
            if (fill.end.paragraph < from.paragraph ||
                (fill.end.paragraph == from.paragraph && fill.end.offset < from.offset))
                __builtin_trap();  // a frame must never resume before where it started
            from = fill.end;
        }
        typesetter().measure(story, frame.writing);
    } catch (const koho::Error&) {
    }
    return 0;
}
