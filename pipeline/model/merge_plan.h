// Data merge: a layout that names a data file renders one output per
// record (docs/format.md, "Data merge").
//
//   "data": "data/sessions.csv",            CSV with a header row, or JSON:
//                                           an array of flat objects
//   "output": "flyer-{{venue_id}}.pdf"      each record's output name
//
// A video timeline's "output" is already its encoding settings (an object),
// so there the name template is "output": {"name": "clip-{{venue_id}}.mp4"};
// everything else is the same for both kinds.
//
// The plan is the list of jobs — record number, output name, variables —
// made before anything is rendered, so that everything wrong with the run
// as a whole (a data file that cannot be read, two records named alike, a
// name that leaves the output directory) stops it before any output is
// written, and each job can then be rendered, listed or handed to a
// scheduler (a job manifest) on its own. A record that is wrong on its own
// (a row with too few fields, a JSON value that is not text) is a job with
// an error: the others still render.
//
// Variables: a record's fields are variables like the layout's "vars"; a
// field and a "vars" entry with the same name are an error (neither would
// silently win), as is a field named page, pages or section (those are
// filled in per page).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/json_source.h"

namespace koho::model {

// The layout's "data" and "output" (both or neither).
struct MergeSpec {
    std::string data;      // as written, relative to the project root
    SourceLoc data_loc;
    std::string output;    // the name template
    SourceLoc output_loc;
    std::string output_pointer = "/output";  // where the template is: "/output" or "/output/name"
    std::string output_label = "\"output\"";  // how messages name it
};

// Reads "data" and "output" from the layout (a print layout's string
// "output", a video timeline's "output"."name": by its "type"); nullopt when
// it has neither. One without the other, or a value that is not a
// non-empty string, is an error located at it.
std::optional<MergeSpec> read_merge_spec(const JsonSource& layout);

struct MergeJob {
    size_t record = 0;      // 1-based, in the data file's order
    SourceLoc where;        // the record: its line (CSV) or its object (JSON, with pointer)
    std::string output;     // the output name, relative to the output directory
    // The layout's "vars" and the record's fields: what {{name}} may name.
    std::map<std::string, std::string> vars;
    // Set when the record cannot be rendered (then `output` is empty).
    std::optional<Error> error;
};

struct MergePlan {
    std::filesystem::path data_file;  // absolute, inside the project root
    std::string data_name;            // as the layout names it: for messages
    std::vector<std::string> fields;  // in the order the data names them
    std::vector<MergeJob> jobs;       // one per record, in order
};

// Reads the data file (resolved inside `root`, recorded as a dependency),
// makes every record's variables and expands and checks every output name.
// `extensions` are the output name endings the command writes (".pdf",
// ".png", ...). Throws koho::Error (BadInput) for a fault of the whole run:
// the data file missing or malformed, a header with an empty or repeated
// name, no records, a field that collides with "vars", an output name that
// uses an unknown variable, leaves the output directory, has the wrong
// ending, or is the same as another record's.
MergePlan plan_merge(const JsonSource& layout, const MergeSpec& spec, const std::filesystem::path& root,
                     const std::vector<std::string>& extensions);

// "3", "2-5", "1,4-6": record numbers (1-based, sorted, each once) out of
// `count`. Throws koho::Error (BadInput) located at `origin` (the option)
// for anything else or a number past `count`.
std::vector<size_t> parse_record_selection(const std::string& text, size_t count, const SourceLoc& origin);

}  // namespace koho::model
