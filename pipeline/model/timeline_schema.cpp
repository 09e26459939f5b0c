// The video timeline's JSON Schema (layouts/schema/timeline.schema.json,
// draft-07), embedded into the binary at build time and enforced after the
// semantic pass, like the layout schema (layout_schema.h).
#include "model/layout_schema.h"
#include "model/timeline_internal.h"
#include "model/timeline_schema.h"

namespace koho::model {

extern const char* const kEmbeddedTimelineSchema;  // generated from the schema file

std::string_view timeline_schema_text() { return kEmbeddedTimelineSchema; }

namespace detail {

void validate_timeline_schema(const JsonSource& source) {
    if (auto violation = find_schema_violation(timeline_schema_text(), source.root(), "timeline schema"))
        fail_input(source.loc(violation->pointer), violation->message);
}

}  // namespace detail
}  // namespace koho::model
