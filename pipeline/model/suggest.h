// "did you mean" hints for misspelt names (keys, styles, frame ids...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace koho::model {

// Edit distance (insertions, deletions, substitutions, adjacent swaps)
// counted in Unicode characters, so that a mistyped kanji costs one.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo
// (distance at most a third of the longer word, so words of one or two
// characters get no guess; a difference in case only always counts); empty otherwise. Ties go to the earlier candidate.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace koho::model
