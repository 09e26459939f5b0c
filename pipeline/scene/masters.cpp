#include "scene/masters.h"

namespace koho::scene {

std::vector<MasterFrame> master_frames(const model::Document& document, size_t page_index) {
    std::vector<MasterFrame> result;
    const model::Master* master = document.pages.at(page_index).master;
    if (!master) return result;
    bool odd = (page_index + 1) % 2 == 1;
    const auto& extra = odd ? master->odd_frames : master->even_frames;
    result.reserve(master->frames.size() + extra.size());
    for (size_t f = 0; f < master->frames.size(); ++f) result.push_back({&master->frames[f], f, ""});
    for (size_t f = 0; f < extra.size(); ++f) result.push_back({&extra[f], f, odd ? "odd" : "even"});
    return result;
}

}  // namespace koho::scene
