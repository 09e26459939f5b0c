// load_timeline on an already parsed source (tests, tools).
#pragma once

#include "model/json_source.h"
#include "model/timeline.h"

namespace koho::model {

Timeline load_timeline_source(const JsonSource& source, const TimelineOptions& options);

}  // namespace koho::model
