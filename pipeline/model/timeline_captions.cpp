// "caption_style", "captions", "chapters" and "output".
#include <algorithm>

#include "model/color_reader.h"
#include "model/markup.h"
#include "model/suggest.h"
#include "model/timeline_internal.h"

namespace koho::model::detail {
namespace {

const std::vector<std::string> kX264Presets = {"ultrafast", "superfast", "veryfast", "faster", "fast",
                                               "medium",    "slow",      "slower",   "veryslow"};

const Style* add_builtin_caption_style(TimelineContext& c, const SourceLoc& loc) {
    auto [it, _] = c.timeline.canvas.styles.insert_or_assign(kCaptionStyleName, builtin_caption_style(c.frame_h_pt, loc));
    return &it->second;
}

std::string plain_text(const Story& story) {
    std::string out;
    for (size_t i = 0; i < story.paragraphs.size(); ++i) {
        if (i > 0) out += '\n';
        for (const auto& span : story.paragraphs[i].spans) out += span.text;
    }
    return out;
}

}  // namespace

CaptionStyle read_caption_style(const std::optional<Fields>& f, TimelineContext& c) {
    CaptionStyle cs;
    const double fw = c.frame_w_pt, fh = c.frame_h_pt;
    const std::vector<std::string> keys = {"style", "burn_in", "x", "y", "w", "h"};
    std::optional<Node> style, burn_in, x, y, w, h;
    if (f) {
        expect_object(f->base(), "\"caption_style\"");
        check_keys(f->base(), keys, "\"caption_style\"");
        if (f->over()) {
            expect_object(*f->over(), "\"caption_style\"");
            check_keys(*f->over(), keys, "\"caption_style\"");
        }
        cs.loc = f->loc();
        style = f->get("style"), burn_in = f->get("burn_in");
        x = f->get("x"), y = f->get("y"), w = f->get("w"), h = f->get("h");
    } else {
        cs.loc = root_node(c.source).loc();
    }
    cs.style = style ? style_named(*style, c.timeline.canvas) : add_builtin_caption_style(c, cs.loc);
    if (burn_in) cs.burn_in = read_bool(*burn_in, "\"burn_in\"");
    // The title-safe area: 10 % in from the sides, the bottom edge at 90 % of
    // the height (85 % on a portrait frame, above the Shorts/Reels
    // controls), two lines high.
    // What is not written comes from the title-safe default box; a caption
    // given only its own height keeps the default bottom edge.
    Box& b = cs.box;
    b = default_caption_box(fw, fh, *cs.style);
    const double bottom = b.y + b.h;
    if (x) b.x = read_frame_length(*x, "\"x\"", fw);
    if (w) b.w = read_frame_length(*w, "\"w\"", fw, Sign::Positive);
    if (h) b.h = read_frame_length(*h, "\"h\"", fh, Sign::Positive);
    b.y = y ? read_frame_length(*y, "\"y\"", fh) : bottom - b.h;
    return cs;
}

std::vector<Caption> read_captions(const Node& list, TimelineContext& c) {
    expect_array(list, "\"captions\"");
    const double video_s = c.timeline.duration_s;
    const CaptionStyle& cs = c.timeline.caption_style;
    std::vector<Caption> captions;
    for (size_t i = 0; i < list.json().size(); ++i) {
        Node node = list.element(i);
        expect_object(node, "a caption");
        check_keys(node, {"start", "end", "text"}, "a caption");
        Caption caption;
        caption.loc = node.loc();
        Node start = require(node, "start", "a caption");
        Node end = require(node, "end", "a caption");
        caption.start_s = read_time(start, "\"start\"", c.fps);
        caption.end_s = read_time(end, "\"end\"", c.fps);
        if (!captions.empty() && caption.start_s < captions.back().end_s)
            fail_input(start.loc(), "this caption starts at " + seconds(caption.start_s) +
                                        ", before the previous one ends (" + seconds(captions.back().end_s) +
                                        "); captions must be in time order and must not overlap");
        if (caption.end_s <= caption.start_s)
            fail_input(end.loc(), "\"end\" (" + seconds(caption.end_s) + ") must come after \"start\" (" +
                                      seconds(caption.start_s) + ")");
        if (caption.end_s > video_s + 1e-9)
            fail_input(end.loc(), "\"end\" (" + seconds(caption.end_s) + ") is after the end of the video (" +
                                      seconds(video_s) + ")");
        Frame frame;
        frame.loc = node.loc();
        frame.box = cs.box;
        frame.style = cs.style;
        TextContent text;
        add_paragraphs(text.story, require(node, "text", "a caption"), cs.style, c.load);
        caption.text = plain_text(text.story);
        text.vertical_align = VerticalAlign::End;
        frame.content = std::move(text);
        if (cs.burn_in) {
            caption.page = c.timeline.canvas.pages.size();
            Page page;
            page.loc = node.loc();
            page.frames.push_back(std::move(frame));
            c.timeline.canvas.pages.push_back(std::move(page));
        }
        captions.push_back(std::move(caption));
    }
    return captions;
}

std::vector<Chapter> read_chapters(const Node& list, TimelineContext& c) {
    expect_array(list, "\"chapters\"");
    std::vector<Chapter> chapters;
    for (size_t i = 0; i < list.json().size(); ++i) {
        Node node = list.element(i);
        expect_object(node, "a chapter");
        check_keys(node, {"start", "title"}, "a chapter");
        Chapter chapter;
        chapter.loc = node.loc();
        Node start = require(node, "start", "a chapter");
        chapter.start_s = read_time(start, "\"start\"", c.fps);
        const Node title = require(node, "title", "a chapter");
        chapter.title = substitute_variables(read_string(title, "\"title\""), c.timeline.canvas.vars, c.source,
                                             title.pointer);
        if (chapters.empty() && chapter.start_s != 0)
            fail_input(start.loc(), "the first chapter must start at 0s (video sites read chapters only then), not " +
                                        seconds(chapter.start_s));
        if (!chapters.empty() && chapter.start_s <= chapters.back().start_s)
            fail_input(start.loc(), "chapters must be in time order: " + seconds(chapter.start_s) +
                                        " does not come after " + seconds(chapters.back().start_s));
        if (chapter.start_s >= c.timeline.duration_s)
            fail_input(start.loc(), "\"start\" (" + seconds(chapter.start_s) + ") is not within the video (" +
                                        seconds(c.timeline.duration_s) + " long)");
        chapters.push_back(std::move(chapter));
    }
    return chapters;
}

VideoOutput read_output(const std::optional<Fields>& f, TimelineContext& c) {
    VideoOutput out;
    out.loc = root_node(c.source).loc();
    out.preset_loc = out.loc;
    if (!f) return out;
    const std::vector<std::string> keys = {"preset", "crf", "encoder_preset", "thumbnail"};
    // "name" is data merge's (merge_plan.h reads it); a variant's name is
    // the main one with "-VARIANT" added, so a variant may not set it.
    std::vector<std::string> base_keys = keys;
    base_keys.push_back("name");
    expect_object(f->base(), "\"output\"");
    check_keys(f->base(), base_keys, "\"output\"");
    if (f->over()) {
        expect_object(*f->over(), "\"output\"");
        check_keys(*f->over(), keys, "\"output\" of a variant");
    }
    out.loc = f->loc();
    out.preset_loc = out.loc;
    if (auto n = f->get("preset")) {
        out.preset = read_string(*n, "\"preset\"");
        out.preset_loc = n->loc();
    }
    if (auto n = f->get("crf")) out.crf = read_integer(*n, "\"crf\"", 0, 51);
    if (auto n = f->get("encoder_preset")) out.encoder_preset = kX264Presets[read_enum(*n, "encoder_preset", kX264Presets)];
    if (auto n = f->get("thumbnail")) {
        if (n->json().is_object()) {
            check_keys(*n, {"scene"}, "\"thumbnail\"");
            Node scene = require(*n, "scene", "\"thumbnail\"");
            out.thumbnail_scene = read_string(scene, "\"scene\"");
            std::vector<std::string> ids;
            for (const auto& s : c.timeline.scenes)
                if (!s.id.empty()) ids.push_back(s.id);
            if (std::find(ids.begin(), ids.end(), out.thumbnail_scene) == ids.end())
                fail_input(scene.loc(), "no scene has the id '" + sanitize_utf8(out.thumbnail_scene) + "'" +
                                            (ids.empty() ? " (no scene has an \"id\")" : did_you_mean(out.thumbnail_scene, ids)));
        } else {
            if (!n->json().is_string())
                fail_input(n->loc(), "\"thumbnail\" must be a time such as \"12s\" or {\"scene\": \"id\"}, not " +
                                         json_type_name(n->json()));
            out.thumbnail_s = read_time(*n, "\"thumbnail\"", c.fps);
            if (*out.thumbnail_s >= c.timeline.duration_s)
                fail_input(n->loc(), "\"thumbnail\" (" + seconds(*out.thumbnail_s) + ") is not within the video (" +
                                         seconds(c.timeline.duration_s) + " long)");
        }
    }
    return out;
}

}  // namespace koho::model::detail

namespace koho::model {

// Subtitles' usual look: bold gothic, white with a dark outline that keeps
// it legible on any picture.
Style builtin_caption_style(double frame_h_pt, const SourceLoc& loc) {
    Style s;
    s.name = detail::kCaptionStyleName;
    s.loc = loc;
    s.font_family = "Noto Sans CJK JP";
    s.font_loc = loc;
    s.weight = 700;
    s.size_pt = frame_h_pt / 20;
    s.color = Color::from_rgb(1, 1, 1);
    s.align = Align::Center;
    s.last_line_align = Align::Center;
    s.outline = TextOutline{Color::from_rgb(0.1, 0.1, 0.1), s.size_pt * 0.16};
    return s;
}

Box default_caption_box(double frame_w_pt, double frame_h_pt, const Style& style) {
    Box b;
    b.x = 0.1 * frame_w_pt;
    b.w = 0.8 * frame_w_pt;
    b.h = 2 * style.effective_leading_pt();
    b.y = (frame_h_pt > frame_w_pt ? 0.85 : 0.9) * frame_h_pt - b.h;
    return b;
}

}  // namespace koho::model
