#include "print/web_artifacts.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <set>
#include <string_view>

#include "core/diagnostic.h"

namespace koho::print::detail {
namespace {

using Token = QPDFTokenizer::Token;

bool one_of(std::string_view op, std::initializer_list<std::string_view> ops) {
    for (auto o : ops)
        if (o == op) return true;
    return false;
}

// Reads the content token by token and writes it again, one operation
// (operands and operator, with the whitespace before them) at a time.
class ArtifactMarker : public QPDFObjectHandle::TokenFilter {
public:
    void handleToken(const Token& token) override {
        pending_ += token.getRawValue();
        if (inline_image_) {
            // BI … ID <data> EI: one operation, whatever the tokenizer
            // makes of the data.
            if ((token.getType() == QPDFTokenizer::tt_word && token.getValue() == "EI") ||
                (token.getType() == QPDFTokenizer::tt_inline_image && ends_with_ei(token.getRawValue()))) {
                inline_image_ = false;
                paint(take());
            }
            return;
        }
        if (token.getType() != QPDFTokenizer::tt_word) return;
        operation(token.getValue());
    }

    void handleEOF() override {
        if (!text_.empty()) {
            write(text_);  // an unclosed text object: leave it be
            text_.clear();
        }
        write(take());
    }

private:
    static bool ends_with_ei(const std::string& raw) {
        size_t end = raw.find_last_not_of(" \t\r\n\f");
        return end != std::string::npos && end >= 1 && raw.compare(end - 1, 2, "EI") == 0;
    }

    std::string take() {
        std::string out;
        out.swap(pending_);
        return out;
    }

    void operation(const std::string& op) {
        if (op == "BI") {
            inline_image_ = true;
            return;
        }
        if (in_text_) {
            text_ += take();
            if (one_of(op, {"BDC", "BMC", "EMC"})) text_marked_ = true;
            if (op == "BDC" || op == "BMC") ++depth_;
            if (op == "EMC") --depth_;
            if (op == "ET") {
                in_text_ = false;
                if (text_marked_ || depth_ > 0)
                    write(text_);
                else
                    wrap(text_);
                text_.clear();
            }
            return;
        }
        if (op == "BDC" || op == "BMC") {
            flush_path();
            ++depth_;
            write(take());
            return;
        }
        if (op == "EMC") {
            flush_path();
            --depth_;
            write(take());
            return;
        }
        if (depth_ > 0) {
            write(take());
            return;
        }
        if (op == "BT") {
            flush_path();
            in_text_ = true;
            text_marked_ = false;
            text_ = take();
            return;
        }
        if (one_of(op, {"m", "l", "c", "v", "y", "h", "re", "W", "W*"})) {
            path_ += take();
            return;
        }
        if (one_of(op, {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})) {
            path_ += take();
            wrap(path_);
            path_.clear();
            return;
        }
        if (op == "n") {  // a clip, painting nothing
            path_ += take();
            write(path_);
            path_.clear();
            return;
        }
        if (op == "Do" || op == "sh") {
            flush_path();
            paint(take());
            return;
        }
        flush_path();
        write(take());
    }

    void paint(const std::string& operation) {
        if (depth_ > 0)
            write(operation);
        else
            wrap(operation);
    }

    void flush_path() {
        // A path without its painting operator (never in a valid stream):
        // passed on as it came.
        if (path_.empty()) return;
        write(path_);
        path_.clear();
    }

    void wrap(const std::string& operation) {
        write("\n/Artifact BMC");
        write(operation);
        write("\nEMC");
    }

    std::string pending_, path_, text_;
    int depth_ = 0;
    bool in_text_ = false, text_marked_ = false, inline_image_ = false;
};

}  // namespace

std::string mark_artifacts_in(const std::string& content) {
    ArtifactMarker marker;
    Pl_Buffer buffer("artifacts");
    Pl_QPDFTokenizer tokenizer("artifact marker", &marker, &buffer);
    tokenizer.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
    tokenizer.finish();
    std::unique_ptr<Buffer> out(buffer.getBuffer());
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
}

void mark_artifacts(QPDFObjectHandle page) {
    QPDFPageObjectHelper helper(page);
    Pl_Buffer buffer("page content");
    helper.pipeContents(&buffer);
    std::unique_ptr<Buffer> content(buffer.getBuffer());
    const std::string marked = mark_artifacts_in(
        std::string(reinterpret_cast<const char*>(content->getBuffer()), content->getSize()));
    QPDF* pdf = page.getOwningQPDF();
    if (!pdf) fail_system({}, "a page of the web PDF belongs to no document");
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(pdf, marked));
}

}  // namespace koho::print::detail
