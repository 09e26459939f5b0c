// Stage 2 of the web PDF: libqpdf completes what Cairo 1.16 cannot write.
#pragma once

#include <string>
#include <vector>

#include "print/web_pdf.h"
#include "print/web_tags.h"
#include "scene/display_list.h"

namespace koho::print::detail {

// Reads Cairo's tagged PDF and writes it again with: every page's MediaBox
// the trim and /Tabs /S (links in structure order); every link annotation
// with its URI as /Contents (what a screen reader announces); the structure
// elements
// under one /Document element, each checked against `elements` (what
// draw_tagged began) and given its /Alt; content outside the structure tree
// marked as /Artifact; /Lang, /MarkInfo << /Marked true >>,
// /ViewerPreferences << /DisplayDocTitle true >>; /Info; a deterministic
// /ID; objects packed into compressed object streams.
std::string finish_web_pdf(const std::string& cairo_pdf, const std::vector<scene::PageScene>& pages,
                           const std::vector<TaggedElement>& elements, const WebPdfOptions& options);

}  // namespace koho::print::detail
