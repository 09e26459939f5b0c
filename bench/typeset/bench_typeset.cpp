// bench/typeset: characters per second through koho's break + justify on
// about 100,000 characters of pamphlet copy, against Pango's own line
// breaking of the same text in the same process.
//
//   build-*/bench/typeset/bench_typeset [CHARS]
//
// "fill (full path)" is Typesetter::fill of the whole text into one tall
// frame: preparation, breaking, justification and glyph positions.
//
// "break + justify" is line breaking (kinsoku, hanging, push-in/push-out)
// plus computing every atom's adjusted position, on paragraphs that were
// shaped and spaced beforehand; shaping and spacing are timed separately.
// Pango's figure includes its shaping (pango_layout caches nothing across
// widths), so the fairest comparison is koho's total against Pango's.
#include <pango/pangocairo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/build_info.h"
#include "text/line_render.h"
#include "text/shaper.h"
#include "text/typesetter.h"

using namespace koho;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kCopy[] = {
    "千葉県の児童相談所では、子どもと家庭の相談に応じる専門職を募集しています。",
    "児童福祉司は、虐待や非行、養育の悩みなど、さまざまな相談に耳を傾け、関係機関と連携して支援を組み立てます。",
    "「子どもの声を聴く」――それが私たちの出発点です。一人ひとりの思いに寄り添い、安全で安心できる暮らしを支えます。",
    "採用後は、先輩職員によるOJTと体系的な研修（年12回）で、専門性を着実に高めることができます。",
    "説明会は2025年7月12日（土）に千葉市・柏市・東京都内とオンラインで開催します。参加費は無料、定員は各回30名です。",
    "心理判定や面接を担う児童心理司、一時保護所で生活を支える児童指導員や保育士など、職種は多岐にわたります。",
    "あなたの経験と熱意を、千葉の子どもたちの未来のために活かしてみませんか？　ご応募をお待ちしています。",
};

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const size_t target = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    auto fonts = text::FontContext::create({std::filesystem::path(build_info::kSourceDir) / "fonts"});
    text::FontCache cache(*fonts);

    model::Style style;
    style.font_family = "Noto Sans CJK JP";
    style.size_pt = 9;
    style.align = model::Align::Justify;
    style.indent_em = 1;
    style.hanging = true;

    // ~100,000 characters of copy, as paragraphs of a few sentences each.
    std::vector<model::Paragraph> paragraphs;
    std::string all;
    size_t chars = 0;
    for (size_t i = 0; chars < target; ++i) {
        model::Paragraph p;
        p.style = &style;
        std::string text;
        for (int k = 0; k < 4; ++k) text += kCopy[(i + k) % std::size(kCopy)];
        for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
        p.spans.push_back({text});
        all += text + "\n";
        paragraphs.push_back(p);
    }

    // Preparation: decode, shape, atoms (not part of break + justify).
    auto t0 = Clock::now();
    std::vector<text::PreparedText> prepared(paragraphs.size());
    for (size_t i = 0; i < paragraphs.size(); ++i)
        text::prepare_paragraph(paragraphs[i], false, cache, prepared[i]);
    const double prepare_s = seconds_since(t0);

    const double measure = 9 * 24.0;  // 24 em body column
    for (auto& t : prepared) t.options.measure = measure;

    // Break + justify, repeated to get a stable figure.
    const int rounds = 20;
    size_t lines = 0;
    double checksum = 0;
    t0 = Clock::now();
    for (int r = 0; r < rounds; ++r) {
        for (const auto& t : prepared) {
            const auto& bp = t.p.breaking;
            for (const auto& line : text::break_paragraph(bp, 0, t.options)) {
                double x = line.offset + (line.first ? t.options.first_indent : 0);
                for (uint32_t a = line.begin; a < line.end; ++a) {
                    if (a > line.begin) x += text::adjusted_gap(bp.gaps[a], line);
                    x += bp.atoms[a].width;
                }
                checksum += x;
                ++lines;
            }
        }
    }
    const double break_s = seconds_since(t0) / rounds;
    lines /= rounds;

    // Full path: Typesetter::fill of the whole story into one tall frame
    // (prepare, break, justify and glyph positions), best of three.
    text::Typesetter typesetter(fonts);
    model::Story story;
    story.paragraphs = paragraphs;
    double fill_s = 1e9;
    size_t fill_lines = 0;
    for (int r = 0; r < 3; ++r) {
        t0 = Clock::now();
        const text::FrameFill fill = typesetter.fill(story, {}, {measure, 1e9});
        fill_s = std::min(fill_s, seconds_since(t0));
        fill_lines = fill.lines.size();
        checksum += fill.used_extent_pt > 0 ? 1 : 0;
    }

    // Baseline: Pango's own layout (itemise, shape, UAX #14 breaking, no JLReq).
    PangoContext* context = fonts->pango_context();
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* desc = pango_font_description_from_string("Noto Sans CJK JP 9");
    pango_layout_set_font_description(layout, desc);
    pango_layout_set_width(layout, static_cast<int>(measure * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_justify(layout, TRUE);
    t0 = Clock::now();
    pango_layout_set_text(layout, all.c_str(), static_cast<int>(all.size()));
    const int pango_lines = pango_layout_get_line_count(layout);
    const double pango_s = seconds_since(t0);
    pango_font_description_free(desc);
    g_object_unref(layout);

    std::printf("characters:                    %zu in %zu paragraphs\n", chars, paragraphs.size());
    std::printf("koho break + justify:          %10.0f chars/s  (%zu lines, %.2f ms)\n", chars / break_s, lines,
                break_s * 1e3);
    std::printf("koho prepare (shape + spacing): %9.0f chars/s  (%.1f ms)\n", chars / prepare_s, prepare_s * 1e3);
    std::printf("koho total:                    %10.0f chars/s\n", chars / (break_s + prepare_s));
    std::printf("koho fill (full path):         %10.0f chars/s  (%zu lines, %.1f ms)\n", chars / fill_s, fill_lines,
                fill_s * 1e3);
    std::printf("pango_layout (same text):      %10.0f chars/s  (%d lines, %.1f ms)\n", chars / pango_s, pango_lines,
                pango_s * 1e3);
    std::printf("target >= 1,000,000 chars/s for break + justify: %s\n",
                chars / break_s >= 1e6 ? "met" : "NOT met");
    return checksum > 0 ? 0 : 1;
}
