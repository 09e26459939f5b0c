#include "model/document.h"

namespace koho::model {

const char* Frame::type_name() const {
    switch (content.index()) {
        case 0: return "text";
        case 1: return "image";
        case 2: return std::get<ShapeContent>(content).ellipse ? "ellipse" : "rect";
        case 3: return "line";
        case 4: return "qr";
        case 5: return "svg";
        default: return "table";
    }
}

Story substitute_late_variables(const Story& story, const std::map<std::string, std::string>& values) {
    Story out = story;
    for (auto& paragraph : out.paragraphs) {
        for (auto& span : paragraph.spans) {
            if (span.late_variable.empty()) continue;
            auto found = values.find(span.late_variable);
            if (found == values.end())
                fail_input(paragraph.loc, "{{" + span.late_variable + "}} has no value here");
            span.text = found->second;
            span.late_variable.clear();
        }
    }
    return out;
}

}  // namespace koho::model
