// Source stage: the edit distance behind every "vouliez-vous dire" — of
// names in a policy, keywords of the grammar, fields and columns of data.
#pragma once

#include <cstddef>
#include <string_view>

namespace loge {

// Levenshtein distance on bytes (callers fold accents first when an accent
// should not count as an edit): insertions, deletions, substitutions. A word
// longer than kLongest bytes is at distance 0 from itself and the length of
// the longer word from any other.
inline constexpr std::size_t kLongest = 256;
std::size_t editDistance(std::string_view a, std::string_view b);

} // namespace loge
