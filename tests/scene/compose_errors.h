// For compose tests that load no image: a loader that fails the test if
// anything asks it for one, and compose_error(), the located message a bad
// document gives (FakeSetter as the text engine).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/diagnostic.h"
#include "fake_setter.h"
#include "scene/compose_pages.h"

namespace koho::scene::testing {

inline ImageLoader images_must_not_load() {
    return [](const std::filesystem::path& path, const SourceLoc&) -> std::shared_ptr<const Image> {
        ADD_FAILURE() << "unexpected image load " << path;
        return nullptr;
    };
}

inline std::string compose_error(const model::Document& document) {
    FakeSetter setter;
    try {
        compose_pages(document, setter, images_must_not_load());
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        return e.formatted();
    }
    return "no error";
}

}  // namespace koho::scene::testing
