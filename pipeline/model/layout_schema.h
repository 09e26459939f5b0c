// The print layout's JSON Schema (layouts/schema/layout.schema.json, draft-07),
// embedded into the binary at build time and enforced with valijson.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/json_source.h"

namespace koho::model {

// The schema file's bytes as they were at build time.
std::string_view layout_schema_text();

struct SchemaViolation {
    std::string pointer;  // of the value at fault
    std::string message;  // user-facing
};

// Validates `document` against the layout schema. valijson reports every
// failing constraint with the chain of schemas that led to it; this returns
// the deepest one (the most specific), the first such in report order.
std::optional<SchemaViolation> find_schema_violation(const nlohmann::json& document);

// The same against another schema compiled into koho (`schema_text` must
// stay alive: the compiled schema is cached by its address); the message
// starts with `label` ("timeline schema: ...").
std::optional<SchemaViolation> find_schema_violation(std::string_view schema_text, const nlohmann::json& document,
                                                     std::string_view label);

// Throws koho::Error (BadInput) located at the violation, if any.
void validate_layout_schema(const JsonSource& source);

}  // namespace koho::model
