#include "model/merge_plan.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "core/paths.h"
#include "model/csv_reader.h"
#include "model/json_reader.h"
#include "model/markup.h"
#include "model/suggest.h"

namespace koho::model {
namespace fs = std::filesystem;
namespace {

// One record as read, before its output name is made.
struct MergeRecordRead {
    SourceLoc where;
    std::map<std::string, std::string> fields;
    std::map<std::string, SourceLoc> field_locs;
    std::optional<Error> error;
};

struct MergeDataRead {
    std::vector<std::string> fields;
    std::vector<SourceLoc> field_locs;  // where each field is named (header cell, first key)
    std::vector<MergeRecordRead> records;
};

std::string merge_lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string record_label(size_t number) { return "record " + std::to_string(number); }

MergeDataRead read_csv_data(const fs::path& file, const std::string& name) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail_system({name}, "cannot read the data file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<CsvRow> rows = parse_csv(text, name);
    if (rows.empty()) fail_input({name}, "the data file is empty; its first row names the fields");
    MergeDataRead data;
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < rows[0].fields.size(); ++i) {
        const CsvField& cell = rows[0].fields[i];
        const SourceLoc at{name, cell.line, cell.col, ""};
        if (cell.text.empty()) fail_input(at, "field " + std::to_string(i + 1) + " of the header row has no name");
        auto [it, fresh] = seen.emplace(cell.text, i);
        if (!fresh)
            fail_input(at, "the header names field '" + sanitize_utf8(cell.text) + "' twice (fields " +
                               std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + ")");
        data.fields.push_back(cell.text);
        data.field_locs.push_back(at);
    }
    for (size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        MergeRecordRead record;
        record.where = {name, row.line, 0, ""};
        if (row.fields.size() != data.fields.size()) {
            const bool extra = row.fields.size() > data.fields.size();
            const CsvField& at = extra ? row.fields[data.fields.size()] : row.fields.back();
            record.error = Error(ErrorKind::BadInput, {name, at.line, at.col, ""},
                                 record_label(r) + " has " + std::to_string(row.fields.size()) +
                                     (row.fields.size() == 1 ? " field" : " fields") + "; the header has " +
                                     std::to_string(data.fields.size()));
        } else {
            for (size_t i = 0; i < row.fields.size(); ++i) {
                record.fields[data.fields[i]] = row.fields[i].text;
                record.field_locs[data.fields[i]] = {name, row.fields[i].line, row.fields[i].col, ""};
            }
        }
        data.records.push_back(std::move(record));
    }
    return data;
}

MergeDataRead read_json_data(const fs::path& file, const std::string& name) {
    const JsonSource source = JsonSource::read_file(file, name);
    const Node root = root_node(source);
    expect_array(root, "merge data (a JSON data file)");
    MergeDataRead data;
    std::set<std::string> known;
    for (size_t i = 0; i < root.json().size(); ++i) {
        const Node element = root.element(i);
        MergeRecordRead record;
        record.where = element.loc();
        try {
            expect_object(element, record_label(i + 1));
            for (auto& [key, value] : members_in_order(element)) {
                const std::string what = "field '" + sanitize_utf8(key) + "' of " + record_label(i + 1);
                if (key.empty()) fail_input(value.key_loc(), record_label(i + 1) + " has a field with no name");
                if (value.json().is_string())
                    record.fields[key] = value.json().get<std::string>();
                else if (value.json().is_number())
                    record.fields[key] = value.json().dump();  // as written: 12, 3.5
                else
                    fail_input(value.loc(), what + " must be a string or a number, not " + json_type_name(value.json()));
                record.field_locs[key] = value.loc();
                if (known.insert(key).second) {
                    data.fields.push_back(key);
                    data.field_locs.push_back(value.key_loc());
                }
            }
        } catch (const Error& e) {
            record.fields.clear();
            record.error = e;
        }
        data.records.push_back(std::move(record));
    }
    return data;
}

// A record's output name: the template with its variables filled in. The
// template is the layout's (faults located there); a value that would make
// a path of the name is the record's (located at its field).
std::string expand_output(const MergeSpec& spec, const JsonSource& layout, const MergeRecordRead& record,
                          const std::map<std::string, std::string>& vars, size_t number,
                          const std::vector<std::string>& names) {
    const std::string& text = spec.output;
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        const size_t open = text.find("{{", i);
        if (open == std::string::npos) break;
        out.append(text, i, open - i);
        const size_t close = text.find("}}", open + 2);
        const SourceLoc at = layout.loc_in_string(spec.output_pointer, open);
        if (close == std::string::npos) fail_input(at, "'{{' without a matching '}}' in " + spec.output_label);
        const std::string name = text.substr(open + 2, close - open - 2);
        std::string value;
        if (auto field = record.fields.find(name); field != record.fields.end()) {
            value = field->second;
            for (unsigned char c : value)
                if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F)
                    fail_input(record.field_locs.at(name),
                               "field '" + sanitize_utf8(name) + "' of " + record_label(number) +
                                   " puts '" + (c == '/' || c == '\\' ? std::string(1, static_cast<char>(c)) : "a control character") +
                                   "' into the output name; a file name comes from a field only as one name");
        } else if (auto var = vars.find(name); var != vars.end()) {
            value = var->second;
        } else if (std::find(names.begin(), names.end(), name) != names.end()) {
            fail_input(record.where, record_label(number) + " has no field '" + sanitize_utf8(name) +
                                         "', which " + spec.output_label + " names");
        } else {
            std::vector<std::string> candidates = names;
            for (const auto& [known, _] : vars) candidates.push_back(known);
            fail_input(at, "unknown variable '{{" + sanitize_utf8(name) + "}}' in " + spec.output_label +
                               did_you_mean(name, candidates) + " (neither a field of the data nor in \"vars\")");
        }
        out += value;
        i = close + 2;
    }
    if (i < text.size()) out.append(text, i);
    return out;
}

void check_output_name(const std::string& name, const MergeSpec& spec, size_t number,
                       const std::vector<std::string>& extensions) {
    const std::string quoted = "'" + sanitize_utf8(name) + "'";
    const std::string whose = record_label(number) + "'s output name " + quoted;
    if (name.empty() || name.front() == '/')
        fail_input(spec.output_loc, whose + " is not a file name inside the output directory");
    std::stringstream parts(name);
    std::string part;
    while (std::getline(parts, part, '/'))
        if (part.empty() || part == "." || part == "..")
            fail_input(spec.output_loc, whose + " leaves the output directory or has an empty part; "
                                                "names stay inside it");
    if (name.back() == '/') fail_input(spec.output_loc, whose + " ends in '/'");
    const std::string lower = merge_lowercase(name);
    const bool known = std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
        return lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
    });
    if (!known) {
        std::string list;
        for (size_t k = 0; k < extensions.size(); ++k)
            list += (k == 0 ? "" : k + 1 == extensions.size() ? " or " : ", ") + extensions[k];
        fail_input(spec.output_loc, whose + " must end in " + list);
    }
}

}  // namespace

std::optional<MergeSpec> read_merge_spec(const JsonSource& layout) {
    const Node root = root_node(layout);
    if (!root.json().is_object()) return std::nullopt;
    // A timeline's "output" is its encoding settings: the name is inside it.
    const bool video = root.json().contains("type") && root.json()["type"] == "video";
    auto data = member(root, "data");
    std::optional<Node> output = member(root, "output");
    if (video) output = output && output->json().is_object() ? member(*output, "name") : std::nullopt;
    const std::string label = video ? "\"output.name\"" : "\"output\"";
    if (!data && !output) return std::nullopt;
    if (!data)
        fail_input(output->key_loc(), label + " names each record's file, but there is no \"data\" to merge");
    if (!output)
        fail_input(data->key_loc(), video ? "\"data\" needs \"output\": {\"name\": ...}: each record's file name, "
                                            "e.g. \"clip-{{id}}.mp4\""
                                          : "\"data\" needs \"output\": each record's file name, e.g. "
                                            "\"flyer-{{id}}.pdf\"");
    MergeSpec spec;
    spec.data = read_string(*data, "\"data\"");
    spec.data_loc = data->loc();
    const std::string lower = merge_lowercase(spec.data);
    const bool csv = lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0;
    const bool json = lower.size() > 5 && lower.compare(lower.size() - 5, 5, ".json") == 0;
    if (!csv && !json) fail_input(spec.data_loc, "\"data\" names a .csv or a .json file");
    if (!output->json().is_string())
        fail_input(output->loc(), label + " must be a string (each record's file name), not " +
                                      json_type_name(output->json()));
    spec.output = read_string(*output, label);
    spec.output_loc = output->loc();
    spec.output_pointer = video ? "/output/name" : "/output";
    spec.output_label = label;
    return spec;
}

MergePlan plan_merge(const JsonSource& layout, const MergeSpec& spec, const fs::path& root,
                     const std::vector<std::string>& extensions) {
    MergePlan plan;
    plan.data_name = spec.data;
    const std::string lower = merge_lowercase(spec.data);
    const bool csv = lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0;
    plan.data_file = resolve_in_root(root, spec.data, spec.data_loc, "data file");
    MergeDataRead data = csv ? read_csv_data(plan.data_file, spec.data) : read_json_data(plan.data_file, spec.data);
    if (data.records.empty()) fail_input({spec.data}, "the data file has no records");

    std::map<std::string, std::string> vars;
    const Node layout_root = root_node(layout);
    std::optional<Node> vars_node = member(layout_root, "vars");
    if (vars_node) vars = read_string_table(*vars_node, "vars", true);
    for (size_t i = 0; i < data.fields.size(); ++i) {
        const std::string& name = data.fields[i];
        if (std::find(kLateVariables.begin(), kLateVariables.end(), name) != kLateVariables.end())
            fail_input(data.field_locs[i], "field '" + name + "' is reserved: {{" + name +
                                               "}} is filled in when pages are composed; rename the field");
        if (vars.count(name))
            fail_input(vars_node->child(name).key_loc(),
                       "\"" + sanitize_utf8(name) + "\" in \"vars\" is also a field of " + spec.data +
                           "; a record's fields and \"vars\" must not share a name");
    }
    plan.fields = data.fields;

    std::map<std::string, size_t> taken;  // output name → job index
    for (size_t i = 0; i < data.records.size(); ++i) {
        MergeRecordRead& record = data.records[i];
        MergeJob job;
        job.record = i + 1;
        job.where = record.where;
        if (record.error) {
            job.error = std::move(record.error);
            plan.jobs.push_back(std::move(job));
            continue;
        }
        job.output = expand_output(spec, layout, record, vars, job.record, data.fields);
        check_output_name(job.output, spec, job.record, extensions);
        auto [it, fresh] = taken.emplace(job.output, plan.jobs.size());
        if (!fresh) {
            const MergeJob& first = plan.jobs[it->second];
            fail_input(job.where, record_label(job.record) + " would be written to '" + sanitize_utf8(job.output) +
                                      "', as " + record_label(first.record) + " (line " +
                                      std::to_string(first.where.line) + ") is; " + spec.output_label +
                                      " must give every record its own name");
        }
        job.vars = vars;
        for (auto& [name, value] : record.fields) job.vars[name] = value;
        plan.jobs.push_back(std::move(job));
    }
    return plan;
}

std::vector<size_t> parse_record_selection(const std::string& text, size_t count, const SourceLoc& origin) {
    std::set<size_t> chosen;
    std::stringstream items(text);
    std::string item;
    auto number = [&](const std::string& digits) -> size_t {
        if (digits.empty() || digits.size() > 9 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            fail_input(origin, "'" + sanitize_utf8(text) + "' is not a list of record numbers such as 3, 2-5 or 1,4-6");
        const size_t n = std::stoul(digits);
        if (n < 1 || n > count)
            fail_input(origin, "record " + digits + " does not exist; the data has " + std::to_string(count) +
                                   (count == 1 ? " record" : " records"));
        return n;
    };
    if (text.empty()) number("");
    while (std::getline(items, item, ',')) {
        const size_t dash = item.find('-');
        const size_t first = number(item.substr(0, dash));
        const size_t last = dash == std::string::npos ? first : number(item.substr(dash + 1));
        if (last < first) fail_input(origin, "'" + item + "' counts backwards; write " + item.substr(dash + 1) + "-" + item.substr(0, dash));
        for (size_t n = first; n <= last; ++n) chosen.insert(n);
    }
    if (!text.empty() && text.back() == ',') number("");
    return {chosen.begin(), chosen.end()};
}

}  // namespace koho::model
