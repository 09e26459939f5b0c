#include "model/layout_schema.h"

#include <charconv>
#include <map>
#include <memory>
#include <mutex>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "model/json_reader.h"

namespace koho::model {

extern const char* const kEmbeddedLayoutSchema;  // generated from the schema file

std::string_view layout_schema_text() { return kEmbeddedLayoutSchema; }

namespace {

// Each embedded schema is compiled once, on first use. valijson::Schema is
// neither copyable nor movable: it is built in place.
const valijson::Schema& compiled_schema(std::string_view text) {
    static std::mutex mutex;
    static std::map<const char*, std::unique_ptr<valijson::Schema>> compiled;
    std::lock_guard<std::mutex> lock(mutex);
    auto& schema = compiled[text.data()];
    if (!schema) {
        schema = std::make_unique<valijson::Schema>();
        nlohmann::json document = nlohmann::json::parse(text);
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(document);
        parser.populateSchema(adapter, *schema);
    }
    return *schema;
}

// valijson names each step "[key]" or "[index]" after a leading "<root>";
// walking the document tells which is which.
std::string context_to_pointer(const std::vector<std::string>& context, const nlohmann::json& document) {
    std::string pointer;
    const nlohmann::json* at = &document;
    for (size_t i = 1; i < context.size(); ++i) {
        std::string step = context[i];
        if (step.size() >= 2 && step.front() == '[' && step.back() == ']') step = step.substr(1, step.size() - 2);
        if (at && at->is_array()) {
            size_t index = std::stoul(step);
            pointer = pointer_join(pointer, index);
            at = index < at->size() ? &(*at)[index] : nullptr;
        } else {
            pointer = pointer_join(pointer, step);
            at = at && at->is_object() && at->contains(step) ? &(*at)[step] : nullptr;
        }
    }
    return pointer;
}

std::string after(const std::string& text, const std::string& marker) {
    auto at = text.find(marker);
    return at == std::string::npos ? std::string() : text.substr(at + marker.size());
}

// valijson's wording, made to read like koho's other messages.
std::string explain(const std::string& description, const nlohmann::json* value) {
    std::string found = value ? json_type_name(*value) : "nothing";
    if (description.find("'type' constraint") != std::string::npos)
        return "this value has the wrong type (" + found + ")";
    if (description.find("enum values") != std::string::npos)
        return "this value is not one of the allowed words";
    if (description.find("'pattern' constraint") != std::string::npos)
        return "'" + sanitize_utf8(value && value->is_string() ? value->get<std::string>() : found) +
               "' is not written the way this key needs (e.g. a length with its unit, or \"#rrggbb\")";
    if (auto key = after(description, "additionalProperties' constraints: "); !key.empty())
        return "unknown key " + key;
    if (auto key = after(description, "Missing required property "); !key.empty())
        return "missing required key " + key;
    if (description.rfind("Expected number ", 0) == 0) {
        // "Expected number less than or equal to 16.000000" → "... to 16"
        auto space = description.rfind(' ');
        double bound = 0;
        auto [end, ec] = std::from_chars(description.data() + space + 1, description.data() + description.size(), bound);
        if (ec == std::errc())
            return "the value " + (value ? value->dump() : found) + " is not allowed here: expected a number " +
                   description.substr(16, space - 16) + " " + format_number(bound);
    }
    return description;
}

}  // namespace

std::optional<SchemaViolation> find_schema_violation(const nlohmann::json& document) {
    return find_schema_violation(layout_schema_text(), document, "layout schema");
}

std::optional<SchemaViolation> find_schema_violation(std::string_view schema_text, const nlohmann::json& document,
                                                     std::string_view label) {
    // valijson compiles each "pattern" into a std::regex the first time it
    // meets it and keeps it in the Validator: one Validator a thread keeps
    // them from one load to the next (a fresh one recompiled every regex the
    // document reached, most of a small layout's load time in the tests and
    // the fuzzers).
    thread_local valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(document);
    if (validator.validate(compiled_schema(schema_text), target, &results)) return std::nullopt;
    const valijson::ValidationResults::Error* deepest = nullptr;
    for (const auto& error : results)
        if (!deepest || error.context.size() > deepest->context.size()) deepest = &error;
    if (!deepest) return SchemaViolation{"", "the file does not match the " + std::string(label)};
    SchemaViolation violation;
    violation.pointer = context_to_pointer(deepest->context, document);
    const nlohmann::json* value = nullptr;
    try {
        value = &document.at(nlohmann::json::json_pointer(violation.pointer));
    } catch (const nlohmann::json::exception&) {
    }
    violation.message = std::string(label) + ": " + explain(deepest->description, value);
    return violation;
}

void validate_layout_schema(const JsonSource& source) {
    if (auto violation = find_schema_violation(source.root()))
        fail_input(source.loc(violation->pointer), violation->message);
}

}  // namespace koho::model
