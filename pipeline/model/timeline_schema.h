// The video timeline's JSON Schema as compiled into koho.
#pragma once

#include <string_view>

namespace koho::model {

// layouts/schema/timeline.schema.json's bytes as they were at build time.
std::string_view timeline_schema_text();

}  // namespace koho::model
