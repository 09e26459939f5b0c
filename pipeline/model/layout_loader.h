// load_layout on an already parsed source (tests, tools, data merge).
#pragma once

#include <map>
#include <string>

#include "model/document.h"
#include "model/json_source.h"

namespace koho::model {

Document load_layout_source(const JsonSource& source, const LoadOptions& options);

// The same for one record of a data merge: `record_vars` (merge_plan.h's
// MergeJob::vars) are the variables {{name}} may name, "vars" included.
Document load_layout_source(const JsonSource& source, const LoadOptions& options,
                            const std::map<std::string, std::string>& record_vars);

}  // namespace koho::model
