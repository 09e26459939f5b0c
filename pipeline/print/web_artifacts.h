// Content outside the structure tree marked as /Artifact, so assistive
// technology knows it is decoration, not forgotten text (PDF/UA, ISO
// 14289-1 §7.1). Cairo 1.16 cannot write artifacts itself.
#pragma once

#include <string>

class QPDFObjectHandle;

namespace koho::print::detail {

// Every painting operation of a content stream that no marked-content
// sequence holds — a path and its painting operator, a whole text object,
// an XObject, a shading, an inline image — goes inside
// `/Artifact BMC … EMC`; graphics-state operators (q, Q, cm, colours) stay
// outside, so marked content and q/Q never cross. A text object that holds
// marked content itself is left as it is. Returns the new content.
std::string mark_artifacts_in(const std::string& content);

// The page's content (all its streams, as one) rewritten by
// mark_artifacts_in.
void mark_artifacts(QPDFObjectHandle page);

}  // namespace koho::print::detail
