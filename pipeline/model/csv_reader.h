// RFC 4180 CSV for data merge: a header row of field names, then one record
// per row, every field with the line and column it starts at.
//
// Why not libcsv (Debian's libcsv-dev): it reports no positions — its
// strict mode says only that parsing stopped — and every koho error must
// name the line and column at fault; tracking them around libcsv's
// callbacks would take more code than this reader, which is one small loop.
//
// What is accepted (what spreadsheets write, RFC 4180 with two allowances):
// - fields separated by commas, rows by CRLF or LF; the last row may end
//   without one;
// - a field in double quotes may hold commas, line breaks and quotes
//   written twice (""); a line break inside it is kept as one "\n";
// - a UTF-8 byte-order mark at the start is skipped (Excel's "CSV UTF-8"
//   writes one), as JsonSource does for JSON;
// - empty lines between rows are skipped (a spreadsheet's trailing blank
//   rows), so they are neither records nor errors.
// What is refused, with FILE:LINE:COL of the fault: bytes that are not
// UTF-8 (a Shift_JIS export, say), a quote inside an unquoted field,
// anything but a comma or a line break after a closing quote, a quoted
// field never closed, a carriage return that does not end a line. Columns
// count characters, not bytes, as JsonSource's do.
//
// Rows are returned as they are: whether a row has as many fields as the
// header is for the caller to judge (one ragged row is one bad record, not
// a bad file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace koho::model {

struct CsvField {
    std::string text;
    int line = 0;  // where the field starts (its opening quote, when quoted)
    int col = 0;
};

struct CsvRow {
    int line = 0;  // the line the row starts on
    std::vector<CsvField> fields;
};

// Every row, the header first. Throws koho::Error (BadInput) located in
// `file` (the name used in messages) for the faults above.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file);

}  // namespace koho::model
