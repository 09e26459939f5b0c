#include "scene/compose.h"

#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

class TypesetterSetter final : public TextSetter {
public:
    explicit TypesetterSetter(text::Typesetter& typesetter) : typesetter_(typesetter) {}
    text::FrameFill fill(const model::Story& story, text::StoryPosition from,
                         const text::FrameGeometry& frame) override {
        return typesetter_.fill(story, from, frame);
    }
    size_t count_characters(const model::Story& story, text::StoryPosition from) override {
        return text::Typesetter::count_characters(story, from);
    }
    text::ContentWidths measure(const model::Story& story, model::Writing writing) override {
        return typesetter_.measure(story, writing);
    }

private:
    text::Typesetter& typesetter_;
};

}  // namespace

std::vector<PageScene> compose(const model::Document& document, text::Typesetter& typesetter,
                               const ImageLoader& load_image) {
    TypesetterSetter setter(typesetter);
    return compose_pages(document, setter, load_image);
}

}  // namespace koho::scene
