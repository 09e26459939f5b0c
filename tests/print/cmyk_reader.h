// Reading a converted PDF back with qpdf for the CMYK pass tests: content
// operators, a small graphics-state simulation (colour and overprint at
// each painting operator, through q/Q and form XObjects), and a walk over
// every object looking for RGB.
#pragma once

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace koho::test {

// A stream's data, decoded (or as stored: `raw`).
inline std::string stream_bytes(QPDFObjectHandle stream, bool raw = false) {
    std::shared_ptr<Buffer> data = raw ? stream.getRawStreamData() : stream.getStreamData(qpdf_dl_all);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

struct Op {
    std::string op;
    // qpdf's accessors are not const.
    mutable std::vector<QPDFObjectHandle> operands;

    std::vector<double> numbers() const {
        std::vector<double> out;
        for (QPDFObjectHandle o : operands)
            if (o.isNumber())
                out.push_back(o.getNumericValue());
        return out;
    }
};

class OpCollector : public QPDFObjectHandle::ParserCallbacks {
public:
    void handleObject(QPDFObjectHandle obj) override {
        if (obj.isOperator()) {
            ops.push_back({obj.getOperatorValue(), pending});
            pending.clear();
        } else {
            pending.push_back(obj);
        }
    }
    void handleEOF() override {}
    std::vector<Op> ops;
    std::vector<QPDFObjectHandle> pending;
};

inline std::vector<Op> ops_of(QPDFObjectHandle stream) {
    OpCollector collector;
    QPDFObjectHandle::parseContentStream(stream, &collector);
    return collector.ops;
}

inline std::vector<Op> page_ops(QPDF& pdf, size_t index) {
    QPDFObjectHandle page = std::vector<QPDFObjectHandle>(pdf.getAllPages()).at(index);
    return ops_of(page.getKey("/Contents"));
}

// One painting operator with the state it painted in.
struct Paint {
    std::string op;                // f, S, Tj, TJ, sh, Do, …
    std::string name;              // for sh / Do: the resource name
    std::vector<double> fill;      // k operands (or g: one value)
    std::vector<double> stroke;
    bool fill_overprint = false;   // /op
    bool stroke_overprint = false; // /OP
    int overprint_mode = 0;        // /OPM
};

class PaintSimulator {
public:
    std::vector<Paint> paints;

    void run(QPDFObjectHandle stream, QPDFObjectHandle resources) {
        for (const Op& op : ops_of(stream))
            step(op, resources);
    }

private:
    struct State {
        std::vector<double> fill{0}, stroke{0};
        bool op = false, OP = false;
        int opm = 0;
    };
    std::vector<State> stack_{State{}};

    State& s() { return stack_.back(); }

    void paint(const std::string& op, const std::string& name = {}) {
        paints.push_back({op, name, s().fill, s().stroke, s().op, s().OP, s().opm});
    }

    void step(const Op& op, QPDFObjectHandle resources) {
        const std::string& o = op.op;
        if (o == "q") {
            stack_.push_back(s());
        } else if (o == "Q") {
            if (stack_.size() > 1)
                stack_.pop_back();
        } else if (o == "k" || o == "g" || o == "rg" || o == "sc" || o == "scn") {
            s().fill = op.numbers();
        } else if (o == "K" || o == "G" || o == "RG" || o == "SC" || o == "SCN") {
            s().stroke = op.numbers();
        } else if (o == "gs") {
            if (op.operands.size() != 1)
                throw std::runtime_error("gs with " + std::to_string(op.operands.size()) + " operands");
            QPDFObjectHandle gs = resources.getKey("/ExtGState").getKey(op.operands.at(0).getName());
            if (gs.hasKey("/OP")) {
                s().OP = gs.getKey("/OP").getBoolValue();
                s().op = s().OP;  // /OP sets both unless /op says otherwise
            }
            if (gs.hasKey("/op"))
                s().op = gs.getKey("/op").getBoolValue();
            if (gs.hasKey("/OPM"))
                s().opm = gs.getKey("/OPM").getIntValueAsInt();
        } else if (o == "f" || o == "F" || o == "f*" || o == "B" || o == "B*" || o == "b" || o == "b*" ||
                   o == "S" || o == "s" || o == "Tj" || o == "TJ" || o == "'" || o == "\"") {
            paint(o);
        } else if (o == "sh") {
            paint(o, op.operands.at(0).getName());
        } else if (o == "Do") {
            const std::string name = op.operands.at(0).getName();
            paint(o, name);
            QPDFObjectHandle x = resources.getKey("/XObject").getKey(name);
            if (x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) {
                stack_.push_back(s());
                QPDFObjectHandle inner = x.getDict().getKey("/Resources");
                run(x, inner.isDictionary() ? inner : resources);
                stack_.pop_back();
            }
        }
    }
};

inline std::vector<Paint> simulate_page(QPDF& pdf, size_t index) {
    QPDFObjectHandle page = std::vector<QPDFObjectHandle>(pdf.getAllPages()).at(index);
    PaintSimulator sim;
    sim.run(page.getKey("/Contents"), page.getKey("/Resources"));
    return sim.paints;
}

// Everything that still speaks RGB, as "where: what" lines.
class RgbFinder {
public:
    std::vector<std::string> problems;

    void scan(QPDF& pdf) {
        for (QPDFObjectHandle obj : pdf.getAllObjects())
            walk(obj, "object " + obj.getObjGen().unparse(' '));
        for (QPDFObjectHandle page : pdf.getAllPages())
            scan_content(page.getKey("/Contents"), "page contents");
        for (QPDFObjectHandle obj : pdf.getAllObjects()) {
            QPDFObjectHandle dict = obj.isStream() ? obj.getDict() : obj;
            if (obj.isStream() && (dict.getKey("/Subtype").isNameAndEquals("/Form") ||
                                   dict.getKey("/PatternType").isInteger()))
                scan_content(obj, "stream " + obj.getObjGen().unparse(' '));
            if (dict.isDictionary() && dict.getKey("/Subtype").isNameAndEquals("/Type3")) {
                QPDFObjectHandle procs = dict.getKey("/CharProcs");
                for (const std::string& glyph : procs.getKeys())
                    scan_content(procs.getKey(glyph), "glyph " + glyph);
            }
        }
    }

private:
    std::set<QPDFObjGen> seen_;

    void walk(QPDFObjectHandle obj, const std::string& where) {
        if (obj.isIndirect() && !seen_.insert(obj.getObjGen()).second)
            return;
        if (obj.isName()) {
            const std::string n = obj.getName();
            if (n == "/DeviceRGB" || n == "/CalRGB" || n == "/RGB")
                problems.push_back(where + ": " + n);
        } else if (obj.isArray()) {
            if (obj.getArrayNItems() == 2 && obj.getArrayItem(0).isNameAndEquals("/ICCBased") &&
                obj.getArrayItem(1).isStream() && obj.getArrayItem(1).getDict().getKey("/N").isInteger() &&
                obj.getArrayItem(1).getDict().getKey("/N").getIntValue() == 3)
                problems.push_back(where + ": ICCBased RGB");
            for (QPDFObjectHandle item : obj.getArrayAsVector())
                if (!item.isIndirect())
                    walk(item, where);
        } else if (obj.isDictionary() || obj.isStream()) {
            QPDFObjectHandle dict = obj.isStream() ? obj.getDict() : obj;
            for (const std::string& key : dict.getKeys()) {
                QPDFObjectHandle v = dict.getKey(key);
                if (!v.isIndirect())
                    walk(v, where + " " + key);
            }
        }
    }

    void scan_content(QPDFObjectHandle stream, const std::string& where) {
        if (!stream.isStream())
            return;
        for (const Op& op : ops_of(stream)) {
            if (op.op == "rg" || op.op == "RG")
                problems.push_back(where + ": operator " + op.op);
            for (QPDFObjectHandle o : op.operands)
                if (o.isName() && (o.getName() == "/DeviceRGB" || o.getName() == "/RGB"))
                    problems.push_back(where + ": operand " + o.getName());
        }
    }
};

inline std::vector<std::string> rgb_left(const std::string& bytes) {
    QPDF pdf;
    pdf.processMemoryFile("converted", bytes.data(), bytes.size());
    RgbFinder finder;
    finder.scan(pdf);
    return finder.problems;
}


// Names content uses that its resources do not define ("where: /Name"),
// through forms, tiling patterns and Type 3 glyphs.
class DanglingFinder {
public:
    std::vector<std::string> problems;

    void scan(QPDF& pdf) {
        for (QPDFObjectHandle page : pdf.getAllPages())
            check(page.getKey("/Contents"), page.getKey("/Resources"), "page");
    }

private:
    std::set<QPDFObjGen> seen_;

    bool defined(QPDFObjectHandle resources, const char* category, const std::string& name) {
        return resources.isDictionary() && resources.getKey(category).isDictionary() &&
               resources.getKey(category).hasKey(name);
    }

    void check(QPDFObjectHandle stream, QPDFObjectHandle resources, const std::string& where) {
        if (!stream.isStream() || !seen_.insert(stream.getObjGen()).second)
            return;
        auto need = [&](const char* category, const std::string& name) {
            if (!defined(resources, category, name))
                problems.push_back(where + ": " + category + " " + name);
        };
        for (const Op& op : ops_of(stream)) {
            const std::string& o = op.op;
            std::string name = !op.operands.empty() && op.operands.back().isName() ? op.operands.back().getName() : "";
            if (o == "gs")
                need("/ExtGState", name);
            else if (o == "sh")
                need("/Shading", name);
            else if (o == "Do")
                need("/XObject", name);
            else if (o == "Tf" && !op.operands.empty() && op.operands[0].isName())
                need("/Font", op.operands[0].getName());
            else if ((o == "cs" || o == "CS") && name != "/DeviceGray" && name != "/DeviceRGB" &&
                     name != "/DeviceCMYK" && name != "/Pattern")
                need("/ColorSpace", name);
            else if ((o == "scn" || o == "SCN") && !name.empty())
                need("/Pattern", name);
        }
        for (const char* category : {"/XObject", "/Pattern"}) {
            QPDFObjectHandle dict = resources.isDictionary() ? resources.getKey(category) : QPDFObjectHandle();
            if (!dict.isDictionary())
                continue;
            for (const std::string& key : dict.getKeys()) {
                QPDFObjectHandle inner = dict.getKey(key);
                if (inner.isStream() && (inner.getDict().getKey("/Subtype").isNameAndEquals("/Form") ||
                                         inner.getDict().getKey("/PatternType").isInteger()))
                    check(inner, inner.getDict().getKey("/Resources"), where + " " + key);
            }
        }
    }
};

inline std::vector<std::string> dangling_names(const std::string& bytes) {
    QPDF pdf;
    pdf.processMemoryFile("converted", bytes.data(), bytes.size());
    DanglingFinder finder;
    finder.scan(pdf);
    return finder.problems;
}

}  // namespace koho::test
