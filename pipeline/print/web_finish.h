// Stage 2 of the web PDF: libqpdf completes what Cairo 1.16 cannot write.
#pragma once

#include <string>
#include <vector>

#include "print/web_pdf.h"
#include "scene/display_list.h"

namespace koho::print::detail {

// Reads Cairo's tagged PDF and writes it again with: every page's MediaBox
// the trim and /Tabs /S (links in structure order); every link annotation
// with its URI as /Contents (what a screen reader announces); the structure
// elements
// under one /Document element; /Alt on the Figures (`figure_alts`, in tree
// order; empty strings write none); content outside the structure tree
// marked as /Artifact; /Lang, /MarkInfo << /Marked true >>,
// /ViewerPreferences << /DisplayDocTitle true >>; /Info; a deterministic
// /ID; objects packed into compressed object streams.
std::string finish_web_pdf(const std::string& cairo_pdf, const std::vector<scene::PageScene>& pages,
                           const std::vector<std::string>& figure_alts, const WebPdfOptions& options);

}  // namespace koho::print::detail
