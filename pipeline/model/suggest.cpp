#include "model/suggest.h"

#include <algorithm>
#include <cctype>

namespace koho::model {
namespace {

std::vector<std::string_view> characters(std::string_view text) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = i + 1;
        while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
        out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

size_t edit_distance(std::string_view a_text, std::string_view b_text) {
    auto a = characters(a_text);
    auto b = characters(b_text);
    // Optimal string alignment distance, three rows.
    std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = SIZE_MAX;
    std::string lowered = lower_ascii(word);
    for (const auto& candidate : candidates) {
        if (candidate == word) continue;
        if (lower_ascii(candidate) == lowered) return candidate;
        size_t distance = edit_distance(word, candidate);
        size_t longer = std::max(characters(word).size(), characters(candidate).size());
        size_t allowed = longer / 3;  // words of one or two characters get no guess
        if (distance > 0 && distance <= allowed && distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string match = closest_match(word, candidates);
    return match.empty() ? std::string() : "; did you mean '" + match + "'?";
}

}  // namespace koho::model
