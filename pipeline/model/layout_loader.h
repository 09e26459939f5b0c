// load_layout on an already parsed source (tests, tools, data merge).
#pragma once

#include "model/document.h"
#include "model/json_source.h"

namespace koho::model {

Document load_layout_source(const JsonSource& source, const LoadOptions& options);

}  // namespace koho::model
